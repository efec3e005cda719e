// The producer: accepts events into a bounded buffer, hands them to the scheduler, and settles every one of them.
import { firehoseLimits } from './constants.js';
import { deliverBatch, type DeliveryContext, type FailedRecord } from './delivery.js';
import { DeliveryError, ProducerError, producerErrorCodes } from './errors.js';
import { ByteGate } from './gate.js';
import { Generations } from './generations.js';
import { resolveOptions, type ResolvedOptions } from './options.js';
import { unpack, type PackedRecord } from './packing.js';
import { Scheduler } from './scheduler.js';
import type { EventData, FailedEvent, Producer, ProducerMetrics, ProducerOptions } from './types.js';
import { checkEvent } from './validation.js';

// Every accepted send resolves to the same settled promise: nothing to allocate on the hot path.
const accepted = Promise.resolve();

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
  private readonly gate: ByteGate;
  private readonly generations = new Generations();
  private readonly scheduler: Scheduler<C>;
  private readonly delivery: DeliveryContext<C>;
  private readonly unreported: FailedEvent<C>[] = [];
  private readonly settled = new WeakSet<PackedRecord<C>>();
  private flushing = 0;
  private closing: Promise<void> | undefined;

  constructor(private readonly options: ResolvedOptions<C>) {
    this.gate = new ByteGate(options.maxBufferedBytes);
    this.scheduler = new Scheduler(options, () => this.flushing > 0 || this.gate.waiting > 0, (stream, records) => this.run(stream, records));
    this.delivery = { options, counters: this.counters, now: () => performance.now(), onDelivered: (records) => this.delivered(records) };
  }

  send(streamName: string, data: EventData, context?: C): Promise<void> {
    if (this.closing !== undefined) {
      return Promise.reject(new ProducerError(producerErrorCodes.closed, `The producer is closed: the event for stream "${streamName}" was not accepted.`, { streamName }));
    }
    const stream = this.scheduler.stream(streamName);
    if (stream instanceof ProducerError) return Promise.reject(stream);
    const byteLength = checkEvent(streamName, data);
    if (byteLength instanceof ProducerError) return Promise.reject(byteLength);
    const generation = this.generations.add();
    const size = byteLength + 1;
    if (this.gate.tryEnter(size)) {
      this.counters.eventsAccepted += 1;
      this.scheduler.add(stream, data, byteLength, context, generation);
      return accepted;
    }
    return new Promise((resolve) => {
      this.gate.enqueue(size, () => {
        this.counters.eventsAccepted += 1;
        this.scheduler.add(stream, data, byteLength, context, generation);
        resolve();
      });
      // A full buffer means waiting for linger times only delays the callers: send everything now.
      this.scheduler.schedule();
    });
  }

  async flush(): Promise<void> {
    const generation = this.generations.advance();
    this.flushing += 1;
    try {
      this.scheduler.sealAll();
      this.scheduler.pump();
      await this.generations.settled(generation);
    } finally {
      this.flushing -= 1;
    }
    const failures = this.unreported.splice(0);
    if (failures.length > 0) throw new DeliveryError(failures);
  }

  close(): Promise<void> {
    this.closing ??= this.flush().finally(() => this.scheduler.quietAll());
    return this.closing;
  }

  metrics(): ProducerMetrics {
    const c = this.counters;
    return {
      ...c,
      eventsBuffered: c.eventsAccepted - c.eventsDelivered - c.eventsFailed,
      bytesBuffered: this.gate.bytes,
      sendsWaiting: this.gate.waiting,
      callsInFlight: this.scheduler.inFlight,
    };
  }

  /** Delivers one batch. The call slot is released when this resolves; failures are handed back afterwards. */
  private async run(streamName: string, records: PackedRecord<C>[]): Promise<void> {
    let failed: FailedRecord<C>[];
    try {
      failed = await deliverBatch(this.delivery, streamName, records);
    } catch (error) {
      // deliverBatch handles every fault of a call; should anything else throw, its records are still handed back.
      const lastError = error instanceof Error ? error : new Error(String(error));
      failed = records.filter((record) => !this.settled.has(record)).map((record) => ({ record, reason: 'not-retryable' as const }));
      for (const { record } of failed) record.lastError = lastError;
    }
    if (failed.length > 0) void this.fail(streamName, failed);
  }

  private delivered(records: PackedRecord<C>[]): void {
    const c = this.counters;
    for (const record of records) {
      const bytes = record.data.length;
      c.recordsDelivered += 1;
      c.eventsDelivered += record.count;
      c.bytesDelivered += bytes;
      c.billableUnits += Math.ceil(bytes / firehoseLimits.billingUnitBytes);
      this.settle(record);
    }
  }

  private async fail(streamName: string, failed: FailedRecord<C>[]): Promise<void> {
    const failures: FailedEvent<C>[] = [];
    for (const { record, reason } of failed) {
      const error = record.lastError ?? new Error('The record failed without an error.');
      for (const { data, context } of unpack(record)) failures.push({ streamName, data, context, reason, error, attempts: record.attempts });
    }
    for (const failure of failures) this.unreported.push(failure);
    try {
      await this.options.onFailure?.(failures);
    } catch {
      // A failing hook loses nothing: the same events are carried by the next flush()/close() rejection.
    }
    for (const { record } of failed) {
      this.counters.recordsFailed += 1;
      this.counters.eventsFailed += record.count;
      this.settle(record);
    }
  }

  private settle(record: PackedRecord<C>): void {
    this.settled.add(record);
    this.generations.settle(record.generation, record.count);
    this.gate.leave(record.data.length);
  }
}
