// One delivery stream: acknowledged records wait in a buffer (and in the write-ahead log) until the size or interval
// hint is reached; then the batch is planned, transformed, written to the bucket, announced through onDelivered,
// and only then forgotten. Deliveries of a stream run on one queue, one task after the other; announcements run on a
// second one, so the next batch is written while the previous one loads (never further ahead than that).
import type { ObjectStore } from '@factline/object-store';
import type { StreamSettings } from '@factline/stream-settings';
import { LocalStackError, LocalStackErrorCode } from '../errors.js';
import type { FaultInjector } from '../faults.js';
import { StreamCounters } from '../stream-counters.js';
import type { Logger, OnDelivered } from '../types.js';
import type { StoredRecord } from '../wal/frame.js';
import type { DeliveryPlan } from '../wal/plans.js';
import { SegmentLog } from '../wal/segment-log.js';
import { Announcer } from './announcer.js';
import { buildBatchObjects } from './batch-objects.js';
import { objectKey } from './object-keys.js';
import { Retrier, Stopped } from './retry.js';
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

export class StreamPipeline {
  readonly counters: StreamCounters;
  private log!: SegmentLog;
  private announcer!: Announcer;
  private readonly retrier: Retrier;
  private buffer: StoredRecord[] = [];
  private bufferedBytes = 0;
  private timer: NodeJS.Timeout | undefined;
  private queue: Promise<void> = Promise.resolve();
  private announcements: Promise<void> = Promise.resolve();
  private deliveryQueued = false;
  private closing = false;
  /** Set by close(false): queued work is left for the next start. */
  private abandoned = false;

  private constructor(private readonly context: PipelineContext) {
    const { stream } = context;
    this.counters = new StreamCounters(stream.deliveryStreamName, stream.entity);
    this.retrier = new Retrier(context.retryDelayMs, context.maxRetryDelayMs, (what, error, delayMs) => {
      this.counters.lastError = `${what}: ${(error as Error).message}`;
      context.log({ level: 'error', stream: stream.deliveryStreamName, message: `cannot ${what}, retrying in ${delayMs} ms: ${(error as Error).message}`, error });
    });
  }

  /** Opens the stream's log in `directory` and resumes whatever an earlier run left undelivered. */
  static async open(directory: string, context: PipelineContext): Promise<StreamPipeline> {
    const pipeline = new StreamPipeline(context);
    const { log, recovered } = await SegmentLog.open(directory, (records) => pipeline.buffered(records));
    pipeline.log = log;
    pipeline.announcer = new Announcer({
      stream: context.stream,
      bucket: context.objectStore.bucket,
      onDelivered: context.onDelivered,
      log,
      counters: pipeline.counters,
      retryDelayMs: context.retryDelayMs,
      maxRetryDelayMs: context.maxRetryDelayMs,
      logger: context.log,
      schedule: (task) => void pipeline.enqueueAnnouncement(task),
    });
    for (const { plan, records } of recovered.plans) {
      pipeline.counters.recovered += records.length;
      pipeline.counters.buffered += records.length;
      void pipeline.enqueue(() => pipeline.execute(plan, records));
    }
    pipeline.counters.recovered += recovered.pending.length;
    if (recovered.pending.length > 0) pipeline.buffered(recovered.pending);
    if (pipeline.counters.recovered > 0 || recovered.plans.length > 0) {
      const message = `recovered ${pipeline.counters.recovered} undelivered record(s) and ${recovered.plans.length} unfinished batch(es) from ${directory}`;
      context.log({ level: 'info', stream: context.stream.deliveryStreamName, message });
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
    await this.announcements;
  }

  /** Stops timers, delivers the buffer when `flush` is set, and closes the log. Failed work stays on disk for the next start. */
  async close(flush: boolean): Promise<void> {
    this.closing = true;
    this.abandoned = !flush;
    clearTimeout(this.timer);
    // Each step still failing gets one more attempt, without pauses.
    this.retrier.stop();
    this.announcer.stop(flush);
    if (flush) void this.queueDelivery();
    await this.queue;
    await this.announcements;
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
    // A queued delivery that has not started yet will take the whole buffer, these records included.
    if (this.deliveryQueued) return this.queue;
    this.deliveryQueued = true;
    return this.enqueue(async () => {
      this.deliveryQueued = false;
      await this.deliverBuffer();
    });
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    this.queue = this.after(this.queue, task);
    return this.queue;
  }

  private enqueueAnnouncement(task: () => Promise<void>): Promise<void> {
    this.announcements = this.after(this.announcements, task);
    return this.announcements;
  }

  private after(previous: Promise<void>, task: () => Promise<void>): Promise<void> {
    return previous
      .then(() => (this.abandoned ? undefined : task()))
      .catch((error: unknown) => {
        if (error instanceof Stopped) return;
        this.counters.lastError = (error as Error).message;
        this.context.log({ level: 'error', stream: this.context.stream.deliveryStreamName, message: `delivery failed: ${(error as Error).message}`, error });
      });
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
    const key = (prefix: string, compression = stream.s3.compressionFormat): string => objectKey(prefix, stream.deliveryStreamName, oldest, compression);
    const plan: DeliveryPlan = {
      formatVersion: 1,
      id: String(Math.max(...segments)).padStart(12, '0'),
      segments,
      state: 'planned',
      keys: {
        facts: key(stream.s3.prefix),
        sourceBackup: key(stream.sourceBackup.prefix, stream.sourceBackup.compressionFormat),
        processingFailed: key(stream.s3.processingFailedPrefix),
        redelivery: this.context.faults.redeliver() ? key(stream.s3.prefix) : undefined,
      },
      deliveries: [],
      notified: [],
    };
    await this.retrier.run(`plan batch ${plan.id}`, () => this.log.writePlan(plan));
    await this.execute(plan, drained);
  }

  private async execute(plan: DeliveryPlan, records: StoredRecord[]): Promise<void> {
    if (plan.state === 'planned') plan = await this.write(plan, records);
    this.announcer.track(plan);
    // The delivery queue goes on (the next batch is transformed and written) once the previous batch is announced:
    // a slow load still slows delivery down, by one batch at most, instead of letting objects pile up.
    const previous = this.announcements;
    void this.enqueueAnnouncement(() => this.announcer.announce(plan));
    await previous;
  }

  /** Transforms a planned batch and writes its objects under the planned keys; returns the plan marked written. */
  private async write(plan: DeliveryPlan, records: StoredRecord[]): Promise<DeliveryPlan> {
    const outcomes = await transformRecords(records, this.context.transformation);
    const objects = await buildBatchObjects(plan, records, outcomes, this.context.stream, this.context.lambdaArn);
    const written: DeliveryPlan = { ...plan, state: 'written', deliveries: objects.deliveries };
    await this.retrier.run(`write batch ${plan.id}`, async () => {
      for (const put of objects.puts) await this.context.objectStore.put(put.key, put.body);
      await this.log.writePlan(written);
      await this.log.releaseSegments(plan.segments);
    });
    const { counters } = this;
    counters.buffered -= records.length;
    counters.delivered += objects.counts.delivered;
    counters.dropped += objects.counts.dropped;
    counters.failed += objects.counts.failed;
    if (plan.keys.redelivery !== undefined && objects.counts.delivered > 0) counters.redelivered += 1;
    for (const put of objects.puts) counters.wrote(put.kind, put.key);
    const { delivered, dropped, failed } = objects.counts;
    this.context.log({ level: 'info', stream: this.context.stream.deliveryStreamName, key: plan.keys.facts, message: `delivered ${records.length} record(s): ${delivered} ok, ${dropped} dropped, ${failed} failed` });
    return written;
  }
}
