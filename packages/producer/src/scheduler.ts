// Scheduling: per-stream packing and batching, linger timers, and the bounded number of calls in flight.
import { BatchQueue } from './batching.js';
import { firehoseLimits } from './constants.js';
import { ProducerError, producerErrorCodes } from './errors.js';
import type { ResolvedOptions } from './options.js';
import { RecordPacker, type PackedRecord } from './packing.js';
import type { EventData } from './types.js';

export interface StreamState<C> {
  name: string;
  packer: RecordPacker<C>;
  batches: BatchQueue<PackedRecord<C>>;
  /** The linger time of its oldest buffered event has passed: send its forming batch as soon as a slot frees. */
  due: boolean;
  timer: NodeJS.Timeout | undefined;
}

/**
 * Owns the streams. A complete batch (500 records or 4 MiB) is sent as soon as a call slot is free; a forming batch
 * waits until the linger time of its stream has passed, unless `urgent()` says to send everything now (a flush is
 * waiting, or senders wait for buffer room). Streams take turns, so one busy stream cannot starve the others.
 */
export class Scheduler<C> {
  private readonly streams = new Map<string, StreamState<C>>();
  private readonly order: StreamState<C>[] = [];
  private cursor = 0;
  private scheduled = false;
  inFlight = 0;

  constructor(
    private readonly options: ResolvedOptions<C>,
    private readonly urgent: () => boolean,
    /** Delivers one batch; resolves when its call slot is free again. */
    private readonly dispatch: (streamName: string, records: PackedRecord<C>[]) => Promise<void>,
  ) {}

  /** The state of a stream, created on first use; an error for a name Firehose would refuse. */
  stream(name: string): StreamState<C> | ProducerError {
    const known = this.streams.get(name);
    if (known !== undefined) return known;
    if (!firehoseLimits.streamNamePattern.test(name)) {
      return new ProducerError(producerErrorCodes.invalidStreamName, `Invalid delivery stream name ${JSON.stringify(name)}: it must match ^[a-zA-Z0-9_.-]{1,64}$.`, { streamName: name });
    }
    const { maxRecordBytes, packing, maxBatchRecords, maxBatchBytes } = this.options;
    const batches = new BatchQueue<PackedRecord<C>>(maxBatchRecords, maxBatchBytes);
    const packer = new RecordPacker<C>(maxRecordBytes, packing, () => performance.now(), (record) => batches.push(record));
    const stream: StreamState<C> = { name, packer, batches, due: false, timer: undefined };
    this.streams.set(name, stream);
    this.order.push(stream);
    return stream;
  }

  add(stream: StreamState<C>, data: EventData, byteLength: number, context: C | undefined, generation: number): void {
    const wasEmpty = isEmpty(stream);
    stream.packer.add(data, byteLength, context, generation);
    if (wasEmpty) {
      if (this.options.lingerMs === 0) stream.due = true;
      else stream.timer = setTimeout(() => this.lingered(stream), this.options.lingerMs);
    }
    // With every call slot busy there is nothing to start: the call that frees a slot pumps.
    if (this.inFlight < this.options.maxConcurrency && (stream.due || stream.batches.hasComplete || this.urgent())) this.schedule();
  }

  /** Pumps on the next microtask, so that the sends of one synchronous burst are packed together first. */
  schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.pump();
    });
  }

  pump(): void {
    while (this.inFlight < this.options.maxConcurrency) {
      const next = this.nextBatch();
      if (next === undefined) return;
      this.inFlight += 1;
      void this.dispatch(next.stream.name, next.records).finally(() => {
        this.inFlight -= 1;
        this.pump();
      });
    }
  }

  /** Seals every open record, so that a flush starts the time budget of everything it waits for now. */
  sealAll(): void {
    for (const stream of this.order) stream.packer.seal();
  }

  /** Stops every linger timer (after close). */
  quietAll(): void {
    for (const stream of this.order) quiet(stream);
  }

  private lingered(stream: StreamState<C>): void {
    stream.timer = undefined;
    stream.due = true;
    this.pump();
  }

  /**
   * Complete batches and the batches of streams whose linger time has passed come first, streams taking turns;
   * only when none is ready does urgency (a flush, waiting senders) cut a forming batch short, which keeps
   * records and calls full under back-pressure.
   */
  private nextBatch(): { stream: StreamState<C>; records: PackedRecord<C>[] } | undefined {
    return this.take((stream) => stream.due) ?? (this.urgent() ? this.take(() => true) : undefined);
  }

  private take(sendForming: (stream: StreamState<C>) => boolean): { stream: StreamState<C>; records: PackedRecord<C>[] } | undefined {
    const count = this.order.length;
    for (let i = 0; i < count; i += 1) {
      const stream = this.order[(this.cursor + i) % count]!;
      let records = stream.batches.take(false);
      if (records === undefined && sendForming(stream)) {
        stream.packer.seal();
        records = stream.batches.take(true);
      }
      if (records === undefined) continue;
      this.cursor = (this.cursor + i + 1) % count;
      if (isEmpty(stream)) quiet(stream);
      return { stream, records };
    }
    return undefined;
  }
}

function isEmpty<C>(stream: StreamState<C>): boolean {
  return stream.packer.isEmpty && stream.batches.isEmpty;
}

function quiet<C>(stream: StreamState<C>): void {
  stream.due = false;
  if (stream.timer !== undefined) clearTimeout(stream.timer);
  stream.timer = undefined;
}
