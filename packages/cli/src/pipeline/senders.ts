// The two ways the pipeline sends events: the demo service's seeded scenario in its own process (the demo and the
// benchmark: a service is a process of its own, and the local stack keeps this process's core), or given events in
// this process (the end-to-end test's hand-written ones).
import { FirehoseClient } from '@aws-sdk/client-firehose';
import { sendEvents, type DemoEvent, type SendReport } from '@factline/demo-service';
import { createEventProducer } from '@factline/events';
import { startSenderProcess, type SenderProcess } from './sender/process.js';

/**
 * What a sender gets from the pipeline.
 *
 * @example
 * const context: SendContext = { endpoint, signal, onProgress: (n) => bar.update(n), shouldPause: () => false };
 */
export interface SendContext {
  /** The local Firehose endpoint. */
  endpoint: string;
  signal: AbortSignal | undefined;
  onProgress: (sent: number) => void;
  /** True while the local Firehose holds more than it should: the sender waits. */
  shouldPause: () => boolean;
}

/**
 * What a sender reports.
 *
 * @example
 * const { report, recordsSent } = await sender.send(context);
 */
export interface SendOutcome {
  report: SendReport;
  /** Firehose records the producer made (events are packed several to a record). */
  recordsSent: number;
  /** Peak resident memory of the sender's own process, MB, when it has one. */
  senderPeakRssMb: number | undefined;
  /** CPU time of the sender's own process while it sent, ms, when it has one. */
  senderCpuMs: number | undefined;
}

/**
 * Sends events to the local Firehose.
 *
 * @example
 * const sender = scenarioProcessSender({ events: 100_000, seed: 42, cwd: project.root });
 */
export interface EventSender {
  /** How many events it will send, for progress. */
  readonly total: number | undefined;
  /** Starts what is slow to start (a process), while the local stack starts. */
  prepare(): Promise<void>;
  send(context: SendContext): Promise<SendOutcome>;
  /** Releases what `prepare` started. */
  dispose(): void;
}

const producerName = 'demo-service';

/**
 * The demo service's seeded scenario, sent from a process of its own through the typed producer.
 *
 * @example
 * const sender = scenarioProcessSender({ events: 100_000, seed: 42, cwd: project.root });
 */
export function scenarioProcessSender(options: { events: number; seed: number; cwd: string; progressEvery?: number }): EventSender {
  let started: Promise<SenderProcess> | undefined;
  const start = (): Promise<SenderProcess> => (started ??= startSenderProcess({ cwd: options.cwd }));
  return {
    total: options.events,
    prepare: async () => {
      await start();
    },
    send: async (context) => {
      const child = await start();
      const summary = await child.send(
        { endpoint: context.endpoint, events: options.events, seed: options.seed, producer: producerName, progressEvery: options.progressEvery ?? 1000 },
        { onProgress: (sent) => context.onProgress(sent), shouldPause: context.shouldPause, ...(context.signal === undefined ? {} : { signal: context.signal }) },
      );
      const report: SendReport = {
        sent: summary.sent,
        byType: summary.byType,
        undelivered: summary.undelivered,
        undeliveredError: summary.undeliveredMessage === undefined ? undefined : new Error(summary.undeliveredMessage),
        aborted: summary.aborted,
        durationMs: summary.durationMs,
      };
      return { report, recordsSent: summary.recordsSent, senderPeakRssMb: summary.peakRssMb, senderCpuMs: summary.cpuMs };
    },
    dispose: () => {
      void started?.then((child) => child.kill(), () => undefined);
    },
  };
}

/**
 * Given events, sent from this process through the typed producer.
 *
 * @example
 * const sender = inProcessSender(handWrittenEvents);
 */
export function inProcessSender(events: readonly DemoEvent[]): EventSender {
  return {
    total: events.length,
    prepare: async () => undefined,
    send: async (context) => {
      const firehose = new FirehoseClient({ endpoint: context.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
      const producer = createEventProducer({ firehose, producer: producerName });
      try {
        const pace = async (): Promise<void> => {
          while (context.shouldPause() && context.signal?.aborted !== true) await new Promise((resolve) => setTimeout(resolve, 10));
        };
        const report = await sendEvents({ producer, events, total: events.length, pace, onProgress: (p) => context.onProgress(p.sent), ...(context.signal === undefined ? {} : { signal: context.signal }) });
        await producer.close();
        return { report, recordsSent: producer.metrics().recordsDelivered, senderPeakRssMb: undefined, senderCpuMs: undefined };
      } finally {
        firehose.destroy();
      }
    },
    dispose: () => undefined,
  };
}
