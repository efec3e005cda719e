// Waiting until what was sent is delivered and loaded: the local Firehose delivers what it buffers (flush), each
// facts object is announced to the destination, and a load that failed is given a few retries before it is reported.
import type { EmulatorStatus, LocalStack } from '@factline/local';

/**
 * The stack's totals over all streams.
 *
 * @example
 * const { received, delivered, pendingLoads } = totals(stack.status());
 */
export interface StackTotals {
  /** Records acknowledged (this run) plus those recovered from an earlier run. */
  received: number;
  buffered: number;
  delivered: number;
  dropped: number;
  failed: number;
  /** Facts objects whose load has not succeeded yet. */
  pendingLoads: number;
  loadFailures: number;
  /** Facts objects written. */
  factsObjects: number;
}

export function totals(status: EmulatorStatus): StackTotals {
  const sum = (pick: (s: EmulatorStatus['streams'][number]) => number): number => status.streams.reduce((n, s) => n + pick(s), 0);
  return {
    received: sum((s) => s.received + s.recovered),
    buffered: sum((s) => s.buffered),
    delivered: sum((s) => s.delivered),
    dropped: sum((s) => s.dropped),
    failed: sum((s) => s.failed),
    pendingLoads: sum((s) => s.pendingNotifications),
    loadFailures: sum((s) => s.notificationFailures),
    factsObjects: sum((s) => s.objects.facts.length),
  };
}

/**
 * Options of `waitUntilSettled`.
 *
 * @example
 * await waitUntilSettled(stack, { onProgress: (t) => bar.update(t.delivered), retryGraceMs: 5000 });
 */
export interface SettleOptions {
  /** Called every `intervalMs` while waiting. */
  onProgress?: (totals: StackTotals) => void;
  intervalMs?: number;
  /** How long failed loads get to succeed on their retries before they are reported. Default 5,000 ms. */
  retryGraceMs?: number;
}

/**
 * Delivers everything buffered and waits until every facts object is loaded, or until the loads still failing have
 * had `retryGraceMs` to recover; resolves with the totals (`pendingLoads` > 0 means loads are failing: the local
 * Firehose keeps retrying them while it runs, and on its next start).
 *
 * @example
 * const final = await waitUntilSettled(pipeline.stack);
 * if (final.pendingLoads > 0) console.error('some loads failed: see factline.factline_load_errors');
 */
export async function waitUntilSettled(stack: LocalStack, options: SettleOptions = {}): Promise<StackTotals> {
  const interval = options.intervalMs ?? 200;
  const report = (): StackTotals => {
    const current = totals(stack.status());
    options.onProgress?.(current);
    return current;
  };
  const ticker = setInterval(report, interval);
  try {
    // flush() resolves after the delivery and the first attempt of each of its loads.
    await stack.emulator.flush();
    let current = report();
    const deadline = Date.now() + (options.retryGraceMs ?? 5000);
    while ((current.buffered > 0 || current.pendingLoads > 0) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, interval));
      if (current.buffered > 0) await stack.emulator.flush();
      current = report();
    }
    return current;
  } finally {
    clearInterval(ticker);
  }
}
