// The producer: accepts events into a bounded buffer, packs and batches them per stream, and dispatches the calls.
import { firehoseLimits } from './constants.js';
import { DeliveryError, ProducerError, producerErrorCodes } from './errors.js';
import { BatchQueue } from './batching.js';
import { deliverBatch, type DeliveryContext, type FailedRecord } from './delivery.js';
import { ByteGate } from './gate.js';
import { Generations } from './generations.js';
import { resolveOptions, type ResolvedOptions } from './options.js';
import { RecordPacker, unpack, type AcceptedEvent, type PackedRecord } from './packing.js';
import { checkEvent } from './validation.js';
import type { EventData, FailedEvent, Producer, ProducerMetrics, ProducerOptions } from './types.js';

interface StreamState<C> {
  name: string;
  packer: RecordPacker<C>;
  batches: BatchQueue<PackedRecord<C>>;
  /** The linger time of its oldest buffered event has passed: send its forming batch as soon as a slot frees. */
  due: boolean;
  timer: NodeJS.Timeout | undefined;
}

/**
 * Creates a Firehose producer: events (one line of JSON each) go in with `send`, are packed newline-delimited
 * into records under the 5 KB billing unit, batched into PutRecordBatch calls, retried within a budget, and either
 * delivered or handed back through `onFailure` and the error of `flush()`/`close()`. Never silently lost.
 *
 * @example
 * import { FirehoseClient } from '@aws-sdk/client-firehose';
 * import { createProducer, DeliveryError } from '@factline/producer';
 *
 * const producer = createProducer({ firehose: new FirehoseClient({ region: 'eu-west-1' }) });
 * await producer.send('factline-booking', JSON.stringify(envelope), envelope);
 * try {
 *   await producer.close();
 * } catch (error) {
 *   if (error instanceof DeliveryError) await saveForReplay(error.failures);
 * }
 */
export function createProducer<C = unknown>(options: ProducerOptions<C>): Producer<C> {
  return new FirehoseProducer(resolveOptions(options));
}

class FirehoseProducer<C> implements Producer<C> {
  private readonly counters: ProducerMetrics = {
    eventsAccepted: 0, eventsDelivered: 0, eventsFailed: 0, eventsBuffered: 0, bytesBuffered: 0, sendsWaiting: 0,
    recordsDelivered: 0, recordsFailed: 0, bytesDelivered: 0, billableUnits: 0,
    calls: 0, callErrors: 0, callsInFlight: 0, retries: 0, throttles: 0,
  };
  private readonly streams = new Map<string, StreamState<C>>();
  private readonly order: StreamState<C>[] = [];
  private cursor = 0;
  private readonly gate: ByteGate;
  private readonly generations = new Generations();
  private readonly delivery: DeliveryContext<C>;
  private readonly unreported: FailedEvent<C>[] = [];
  private readonly settled = new WeakSet<PackedRecord<C>>();
  private inFlight = 0;
  private flushing = 0;
  private pumpScheduled = false;
  private closing: Promise<void> | undefined;

  constructor(private readonly options: ResolvedOptions<C>) {
    this.gate = new ByteGate(options.maxBufferedBytes);
    this.delivery = { options, counters: this.counters, now: () => performance.now(), onDelivered: (records) => this.delivered(records) };
  }

  send(streamName: string, data: EventData, context?: C): Promise<void> {
    if (this.closing !== undefined) {
      return Promise.reject(new ProducerError(producerErrorCodes.closed, `The producer is closed: the event for stream "${streamName}" was not accepted.`, { streamName }));
    }
    const stream = this.streams.get(streamName) ?? this.addStream(streamName);
    if (stream instanceof ProducerError) return Promise.reject(stream);
    const checked = checkEvent(streamName, data);
    if (checked instanceof ProducerError) return Promise.reject(checked);
    const event: AcceptedEvent<C> = { data, byteLength: checked, context, generation: this.generations.add() };
    const size = checked + 1;
    if (this.gate.tryEnter(size)) {
      this.accept(stream, event);
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.gate.enqueue(size, () => {
        this.accept(stream, event);
        resolve();
      });
      // A full buffer means waiting for linger times only delays the callers: send everything now.
      this.schedulePump();
    });
  }

  async flush(): Promise<void> {
    const generation = this.generations.advance();
    this.flushing += 1;
    try {
      this.pump();
      await this.generations.settled(generation);
    } finally {
      this.flushing -= 1;
    }
    const failures = this.unreported.splice(0);
    if (failures.length > 0) throw new DeliveryError(failures);
  }

  close(): Promise<void> {
    this.closing ??= this.flush().finally(() => {
      for (const stream of this.order) this.quiet(stream);
    });
    return this.closing;
  }

  metrics(): ProducerMetrics {
    const c = this.counters;
    return {
      ...c,
      eventsBuffered: c.eventsAccepted - c.eventsDelivered - c.eventsFailed,
      bytesBuffered: this.gate.bytes,
      sendsWaiting: this.gate.waiting,
      callsInFlight: this.inFlight,
    };
  }

  private addStream(name: string): StreamState<C> | ProducerError {
    if (!firehoseLimits.streamNamePattern.test(name)) {
      return new ProducerError(producerErrorCodes.invalidStreamName, `Invalid delivery stream name ${JSON.stringify(name)}: it must match ^[a-zA-Z0-9_.-]{1,64}$.`, { streamName: name });
    }
    const { maxRecordBytes, packing, maxBatchRecords, maxBatchBytes } = this.options;
    const batches = new BatchQueue<PackedRecord<C>>(maxBatchRecords, maxBatchBytes);
    const stream: StreamState<C> = { name, packer: new RecordPacker<C>(maxRecordBytes, packing, (record) => batches.push(record)), batches, due: false, timer: undefined };
    this.streams.set(name, stream);
    this.order.push(stream);
    return stream;
  }

  private accept(stream: StreamState<C>, event: AcceptedEvent<C>): void {
    this.counters.eventsAccepted += 1;
    const wasEmpty = isEmpty(stream);
    stream.packer.add(event, performance.now());
    if (wasEmpty) {
      if (this.options.lingerMs === 0) stream.due = true;
      else stream.timer = setTimeout(() => this.lingered(stream), this.options.lingerMs);
    }
    if (stream.due || stream.batches.hasComplete || this.isUrgent()) this.schedulePump();
  }

  private lingered(stream: StreamState<C>): void {
    stream.timer = undefined;
    stream.due = true;
    this.pump();
  }

  private isUrgent(): boolean {
    return this.flushing > 0 || this.gate.waiting > 0;
  }

  private schedulePump(): void {
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    // Coalesces the sends of one synchronous burst before deciding what to send.
    queueMicrotask(() => {
      this.pumpScheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.options.maxConcurrency) {
      const next = this.nextBatch();
      if (next === undefined) return;
      this.inFlight += 1;
      void this.run(next.stream, next.records);
    }
  }

  /** Round-robin over the streams: a complete batch first, a forming one once due (or flushing, or under pressure). */
  private nextBatch(): { stream: StreamState<C>; records: PackedRecord<C>[] } | undefined {
    const count = this.order.length;
    for (let i = 0; i < count; i += 1) {
      const stream = this.order[(this.cursor + i) % count]!;
      let records = stream.batches.take(false);
      if (records === undefined && (stream.due || this.isUrgent())) {
        stream.packer.seal();
        records = stream.batches.take(true);
      }
      if (records === undefined) continue;
      this.cursor = (this.cursor + i + 1) % count;
      if (isEmpty(stream)) this.quiet(stream);
      return { stream, records };
    }
    return undefined;
  }

  private quiet(stream: StreamState<C>): void {
    stream.due = false;
    if (stream.timer !== undefined) clearTimeout(stream.timer);
    stream.timer = undefined;
  }

  private async run(stream: StreamState<C>, records: PackedRecord<C>[]): Promise<void> {
    let failed: FailedRecord<C>[];
    try {
      failed = await deliverBatch(this.delivery, stream.name, records);
    } catch (error) {
      // deliverBatch handles every fault of a call; should anything else throw, its records are still handed back.
      const lastError = error instanceof Error ? error : new Error(String(error));
      failed = [];
      for (const record of records) {
        if (this.settled.has(record)) continue;
        record.lastError = lastError;
        failed.push({ record, reason: 'not-retryable' });
      }
    } finally {
      this.inFlight -= 1;
    }
    this.pump();
    if (failed.length > 0) await this.fail(stream.name, failed);
  }

  private delivered(records: PackedRecord<C>[]): void {
    const c = this.counters;
    for (const record of records) {
      const bytes = record.data.length;
      c.recordsDelivered += 1;
      c.eventsDelivered += record.events.length;
      c.bytesDelivered += bytes;
      c.billableUnits += Math.ceil(bytes / firehoseLimits.billingUnitBytes);
      this.settle(record);
    }
  }

  private async fail(streamName: string, failed: FailedRecord<C>[]): Promise<void> {
    const failures: FailedEvent<C>[] = [];
    for (const { record, reason } of failed) {
      const error = record.lastError ?? new Error('The record failed without an error.');
      for (const event of unpack(record)) {
        failures.push({ streamName, data: event.data, context: event.context, reason, error, attempts: record.attempts });
      }
    }
    for (const failure of failures) this.unreported.push(failure);
    try {
      await this.options.onFailure?.(failures);
    } catch {
      // A failing hook loses nothing: the same events are carried by the next flush()/close() rejection.
    }
    for (const { record } of failed) {
      this.counters.recordsFailed += 1;
      this.counters.eventsFailed += record.events.length;
      this.settle(record);
    }
  }

  private settle(record: PackedRecord<C>): void {
    this.settled.add(record);
    for (const event of record.events) this.generations.settle(event.generation);
    this.gate.leave(record.data.length);
  }
}

function isEmpty<C>(stream: StreamState<C>): boolean {
  return stream.packer.isEmpty && stream.batches.isEmpty;
}
