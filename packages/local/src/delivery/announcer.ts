// The warehouse seam: onDelivered for each facts object of a written batch. A failed call is retried later with a
// growing pause, through the stream's queue so calls never overlap; the plan on disk keeps the pending calls across
// restarts, and is deleted once every call has resolved.
import type { StreamSettings } from '@factline/stream-settings';
import type { StreamCounters } from '../stream-counters.js';
import type { Logger, OnDelivered } from '../types.js';
import type { DeliveryPlan } from '../wal/plans.js';
import type { SegmentLog } from '../wal/segment-log.js';

export interface AnnouncerContext {
  stream: StreamSettings;
  bucket: string;
  onDelivered: OnDelivered | undefined;
  log: SegmentLog;
  counters: StreamCounters;
  retryDelayMs: number;
  maxRetryDelayMs: number;
  logger: Logger;
  /** Runs a task on the stream's queue. */
  schedule(task: () => Promise<void>): void;
}

interface Pending {
  plan: DeliveryPlan;
  delayMs: number;
  timer: NodeJS.Timeout | undefined;
}

export class Announcer {
  private readonly pending = new Map<string, Pending>();
  private stopped = false;

  constructor(private readonly context: AnnouncerContext) {}

  /** Counts a written batch's announcements as pending; call once per batch. */
  track(plan: DeliveryPlan): void {
    this.context.counters.pendingNotifications += plan.deliveries.length - plan.notified.length;
  }

  async announce(plan: DeliveryPlan): Promise<void> {
    const { onDelivered, stream, bucket, counters, log } = this.context;
    const entry = this.pending.get(plan.id);
    if (entry !== undefined) entry.timer = undefined;
    try {
      for (const delivery of plan.deliveries) {
        if (plan.notified.includes(delivery.key)) continue;
        await onDelivered?.({ stream, bucket, ...delivery });
        plan.notified.push(delivery.key);
        counters.pendingNotifications -= 1;
        // Recorded so that a restart does not repeat this call (only when another call is still to come).
        if (onDelivered !== undefined && plan.notified.length < plan.deliveries.length) await log.writePlan(plan);
      }
      await log.deletePlan(plan);
      this.pending.delete(plan.id);
    } catch (error) {
      counters.notificationFailures += 1;
      counters.lastError = `onDelivered: ${(error as Error).message}`;
      const delayMs = entry === undefined ? this.context.retryDelayMs : Math.min(entry.delayMs * 2, this.context.maxRetryDelayMs);
      this.context.logger({ level: 'warn', stream: stream.deliveryStreamName, message: `onDelivered failed for batch ${plan.id}, retrying in ${delayMs} ms: ${(error as Error).message}`, error });
      const timer = this.stopped ? undefined : setTimeout(() => this.context.schedule(() => this.announce(plan)), delayMs);
      this.pending.set(plan.id, { plan, delayMs, timer });
    }
  }

  /** Cancels the retry timers; with `retryNow`, makes one more attempt for each pending batch first. */
  stop(retryNow: boolean): void {
    this.stopped = true;
    for (const entry of this.pending.values()) {
      clearTimeout(entry.timer);
      entry.timer = undefined;
      if (retryNow) this.context.schedule(() => this.announce(entry.plan));
    }
  }
}
