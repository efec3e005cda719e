// One delivery stream: acknowledged records wait in a buffer (and in the write-ahead log) until the size or interval
// hint is reached; then the batch is planned, transformed, written to the bucket, announced through onDelivered,
// and only then forgotten. Batches of a stream are delivered one after the other.
import type { ObjectStore } from '@factline/object-store';
import type { StreamSettings } from '@factline/stream-settings';
import { LocalStackError, LocalStackErrorCode } from '../errors.js';
import type { FaultInjector } from '../faults.js';
import { StreamCounters } from '../stream-counters.js';
import type { Logger, OnDelivered } from '../types.js';
import type { StoredRecord } from '../wal/frame.js';
import type { DeliveryPlan } from '../wal/plans.js';
import { SegmentLog } from '../wal/segment-log.js';
import { buildBatchObjects } from './batch-objects.js';
import { objectKey } from './object-keys.js';
import { transformRecords, type TransformationContext } from './transformation.js';

export interface PipelineContext {
  stream: StreamSettings;
  objectStore: ObjectStore;
  transformation: TransformationContext;
  onDelivered: OnDelivered | undefined;
  /** Deliver once this many bytes are buffered. */
  sizeLimitBytes: number;
  /** Deliver this long after the oldest buffered record arrived. */
  intervalMs: number;
  retryDelayMs: number;
  maxRetryDelayMs: number;
  faults: FaultInjector;
  lambdaArn: string;
  log: Logger;
}

class Stopped extends Error {}

export class StreamPipeline {
  readonly counters: StreamCounters;
  private log!: SegmentLog;
  private buffer: StoredRecord[] = [];
  private bufferedBytes = 0;
  private timer: NodeJS.Timeout | undefined;
  private chain: Promise<void> = Promise.resolve();
  private deliveryQueued = false;
  private closing = false;
  /** Set by close(false): queued work is left for the next start. */
  private abandoned = false;
  private wakeSleepers = new Set<() => void>();
  /** Written batches whose onDelivered has not succeeded yet, with their retry timers. */
  private readonly unannounced = new Map<string, { plan: DeliveryPlan; delayMs: number; timer: NodeJS.Timeout | undefined }>();

  private constructor(private readonly context: PipelineContext) {
    this.counters = new StreamCounters(context.stream.deliveryStreamName, context.stream.entity);
  }

  /** Opens the stream's log in `directory` and resumes whatever an earlier run left undelivered. */
  static async open(directory: string, context: PipelineContext): Promise<StreamPipeline> {
    const pipeline = new StreamPipeline(context);
    const { log, recovered } = await SegmentLog.open(directory, (records) => pipeline.buffered(records));
    pipeline.log = log;
    for (const { plan, records } of recovered.plans) {
      pipeline.counters.recovered += records.length;
      pipeline.counters.buffered += records.length;
      void pipeline.enqueue(() => pipeline.execute(plan, records));
    }
    pipeline.counters.recovered += recovered.pending.length;
    if (recovered.pending.length > 0) pipeline.buffered(recovered.pending);
    const total = pipeline.counters.recovered;
    if (total > 0 || recovered.plans.length > 0) {
      context.log({ level: 'info', stream: context.stream.deliveryStreamName, message: `recovered ${total} undelivered record(s) and ${recovered.plans.length} unfinished batch(es) from ${directory}` });
    }
    return pipeline;
  }

  /** Resolves once the records are durable; they are then delivered at least once. */
  async accept(records: StoredRecord[]): Promise<void> {
    if (this.closing) throw new LocalStackError(LocalStackErrorCode.Closed, `Delivery stream ${this.context.stream.deliveryStreamName} is shutting down.`);
    await this.log.append(records);
    this.counters.received += records.length;
  }

  /** Delivers everything buffered now; resolves after the delivery and the first attempt of its onDelivered calls. */
  async flush(): Promise<void> {
    await this.queueDelivery();
  }

  /** Stops timers, delivers the buffer when `flush` is set, and closes the log. Failed work stays on disk for the next start. */
  async close(flush: boolean): Promise<void> {
    this.closing = true;
    this.abandoned = !flush;
    clearTimeout(this.timer);
    for (const wake of this.wakeSleepers) wake();
    for (const entry of this.unannounced.values()) {
      clearTimeout(entry.timer);
      entry.timer = undefined;
      if (flush) void this.enqueue(() => this.announce(entry.plan));
    }
    if (flush) void this.queueDelivery();
    await this.chain;
    await this.log.close();
  }

  private buffered(records: StoredRecord[]): void {
    for (const record of records) {
      this.buffer.push(record);
      this.bufferedBytes += record.data.length;
    }
    this.counters.buffered += records.length;
    if (this.closing) return;
    if (this.bufferedBytes >= this.context.sizeLimitBytes) void this.queueDelivery();
    else if (this.timer === undefined && this.buffer.length > 0) this.timer = setTimeout(() => void this.queueDelivery(), this.context.intervalMs);
  }

  private queueDelivery(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    // A queued delivery that has not started yet will take the whole buffer, this record included.
    if (this.deliveryQueued) return this.chain;
    this.deliveryQueued = true;
    return this.enqueue(async () => {
      this.deliveryQueued = false;
      await this.deliverBuffer();
    });
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    this.chain = this.chain.then(() => (this.abandoned ? undefined : task())).catch((error: unknown) => {
      if (error instanceof Stopped) return;
      this.counters.lastError = (error as Error).message;
      this.context.log({ level: 'error', stream: this.context.stream.deliveryStreamName, message: `delivery failed: ${(error as Error).message}`, error });
    });
    return this.chain;
  }

  private async deliverBuffer(): Promise<void> {
    const { segments, drained } = await this.log.seal(() => {
      const records = this.buffer;
      this.buffer = [];
      this.bufferedBytes = 0;
      clearTimeout(this.timer);
      this.timer = undefined;
      return records;
    });
    if (drained.length === 0) {
      if (segments.length > 0) await this.log.releaseSegments(segments); // segments left empty by a crash
      return;
    }
    const { stream } = this.context;
    const oldest = drained.reduce((min, record) => Math.min(min, record.arrival), Number.POSITIVE_INFINITY);
    const plan: DeliveryPlan = {
      formatVersion: 1,
      id: String(Math.max(...segments)).padStart(12, '0'),
      segments,
      state: 'planned',
      keys: {
        facts: objectKey(stream.s3.prefix, stream.deliveryStreamName, oldest, stream.s3.compressionFormat),
        sourceBackup: objectKey(stream.sourceBackup.prefix, stream.deliveryStreamName, oldest, stream.sourceBackup.compressionFormat),
        processingFailed: objectKey(stream.s3.processingFailedPrefix, stream.deliveryStreamName, oldest, stream.s3.compressionFormat),
        redelivery: this.context.faults.redeliver() ? objectKey(stream.s3.prefix, stream.deliveryStreamName, oldest, stream.s3.compressionFormat) : undefined,
      },
      deliveries: [],
      notified: [],
    };
    await this.withRetry(`plan batch ${plan.id}`, () => this.log.writePlan(plan));
    await this.execute(plan, drained);
  }

  private async execute(plan: DeliveryPlan, records: StoredRecord[]): Promise<void> {
    if (plan.state === 'planned') {
      const outcomes = await transformRecords(records, this.context.transformation);
      const objects = await buildBatchObjects(plan, records, outcomes, this.context.stream, this.context.lambdaArn);
      const written: DeliveryPlan = { ...plan, state: 'written', deliveries: objects.deliveries };
      await this.withRetry(`write batch ${plan.id}`, async () => {
        for (const put of objects.puts) await this.context.objectStore.put(put.key, put.body);
        await this.log.writePlan(written);
        await this.log.releaseSegments(plan.segments);
      });
      const counters = this.counters;
      counters.buffered -= records.length;
      counters.delivered += objects.counts.delivered;
      counters.dropped += objects.counts.dropped;
      counters.failed += objects.counts.failed;
      if (plan.keys.redelivery !== undefined && objects.counts.delivered > 0) counters.redelivered += 1;
      for (const put of objects.puts) counters.wrote(put.kind, put.key);
      this.context.log({
        level: 'info',
        stream: this.context.stream.deliveryStreamName,
        key: plan.keys.facts,
        message: `delivered ${records.length} record(s): ${objects.counts.delivered} ok, ${objects.counts.dropped} dropped, ${objects.counts.failed} failed`,
      });
      plan = written;
    }
    this.counters.pendingNotifications += plan.deliveries.length - plan.notified.length;
    await this.announce(plan);
  }

  /** Calls onDelivered for each facts object of a written batch not announced yet; forgets the batch when all are. */
  private async announce(plan: DeliveryPlan): Promise<void> {
    const entry = this.unannounced.get(plan.id);
    if (entry !== undefined) entry.timer = undefined;
    const { onDelivered, stream, objectStore } = this.context;
    try {
      if (onDelivered === undefined) {
        this.counters.pendingNotifications -= plan.deliveries.length - plan.notified.length;
        plan.notified = plan.deliveries.map((delivery) => delivery.key);
      }
      for (const delivery of plan.deliveries) {
        if (plan.notified.includes(delivery.key)) continue;
        await onDelivered?.({ stream, bucket: objectStore.bucket, ...delivery });
        plan.notified.push(delivery.key);
        this.counters.pendingNotifications -= 1;
        if (plan.notified.length < plan.deliveries.length) await this.log.writePlan(plan);
      }
      await this.log.deletePlan(plan);
      this.unannounced.delete(plan.id);
    } catch (error) {
      this.counters.notificationFailures += 1;
      this.counters.lastError = `onDelivered: ${(error as Error).message}`;
      const delayMs = entry === undefined ? this.context.retryDelayMs : Math.min(entry.delayMs * 2, this.context.maxRetryDelayMs);
      this.context.log({ level: 'warn', stream: stream.deliveryStreamName, message: `onDelivered failed for batch ${plan.id}, retrying in ${delayMs} ms: ${(error as Error).message}`, error });
      const timer = this.closing ? undefined : setTimeout(() => void this.enqueue(() => this.announce(plan)), delayMs);
      this.unannounced.set(plan.id, { plan, delayMs, timer });
    }
  }

  /** Retries a storage step with growing pauses; gives up only when the emulator stops (the work stays on disk). */
  private async withRetry(what: string, step: () => Promise<void>): Promise<void> {
    let delayMs = this.context.retryDelayMs;
    for (;;) {
      try {
        await step();
        return;
      } catch (error) {
        this.counters.lastError = `${what}: ${(error as Error).message}`;
        this.context.log({ level: 'error', stream: this.context.stream.deliveryStreamName, message: `cannot ${what}, retrying in ${delayMs} ms: ${(error as Error).message}`, error });
        if (this.closing) throw new Stopped();
        await this.sleep(delayMs);
        if (this.closing) throw new Stopped();
        delayMs = Math.min(delayMs * 2, this.context.maxRetryDelayMs);
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.wakeSleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.wakeSleepers.add(wake);
    });
  }
}
