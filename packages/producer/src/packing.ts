// Packing: the events of one stream, newline-terminated and in send order, fill a record up to its byte budget.
import type { EventData } from './types.js';

const newline = 0x0a;
// Records are written in place, carved out of per-stream slabs of this size: one allocation per dozen 5 KB
// records instead of one each. A record that needs more space than a slab gets a buffer of its own, and a budget
// above it grows its record's buffer instead of reserving it all up front.
const slabBytes = 64 * 1024;

/**
 * A sealed record: the bytes sent as one Firehose record and what the producer needs to settle it. Nothing is
 * kept per event on the hot path: events hold no newline, so their boundaries are the newlines in `data`.
 */
export interface PackedRecord<C> {
  data: Buffer;
  /** Number of events inside. */
  count: number;
  /** The flush generation of every event inside (a record never mixes generations). */
  generation: number;
  /** The context of each event, or undefined when no event of the record was given one. */
  contexts: (C | undefined)[] | undefined;
  /** Indexes of the events passed as bytes rather than strings, if any. */
  binary: number[] | undefined;
  /** When it was sealed, ready to send: the retry time budget counts from here. */
  readyAt: number;
  attempts: number;
  lastError: Error | undefined;
}

interface OpenRecord<C> extends PackedRecord<C> {
  length: number;
  /** Whether `data` is still the region reserved in the current slab (not grown out of it). */
  inSlab: boolean;
}

/**
 * Packs the events of one stream. A record holds events while their bytes plus one `\n` each fit the budget; an
 * event that cannot share a record within the budget is sealed alone, after the open record so order is kept.
 * With packing off every event is its own record. Every record ends with `\n`.
 */
export class RecordPacker<C> {
  private open: OpenRecord<C> | undefined;
  private slab = Buffer.alloc(0);
  private slabUsed = 0;

  constructor(
    private readonly budget: number,
    private readonly packing: boolean,
    private readonly now: () => number,
    private readonly onSealed: (record: PackedRecord<C>) => void,
  ) {}

  get isEmpty(): boolean {
    return this.open === undefined;
  }

  add(data: EventData, byteLength: number, context: C | undefined, generation: number): void {
    const size = byteLength + 1;
    if (!this.packing || size > this.budget) {
      this.seal();
      const single = this.openRecord(size, generation);
      append(single, data, byteLength, context);
      this.onSealed(sealed(single, this.now()));
      return;
    }
    let open = this.open;
    if (open !== undefined && (open.length + size > this.budget || open.generation !== generation)) {
      this.seal();
      open = undefined;
    }
    if (open === undefined) {
      open = this.openRecord(Math.min(this.budget, Math.max(slabBytes, size)), generation);
      this.open = open;
    } else if (open.length + size > open.data.length) {
      const grown = Buffer.allocUnsafe(Math.min(this.budget, Math.max(open.data.length * 2, open.length + size)));
      open.data.copy(grown, 0, 0, open.length);
      open.data = grown;
      open.inSlab = false;
    }
    append(open, data, byteLength, context);
    // The smallest possible event takes two bytes (one byte and its newline): seal a record that cannot take one.
    if (open.length + 2 > this.budget) this.seal();
  }

  /** Seals the open record, if any, and hands it to `onSealed`. */
  seal(): void {
    const open = this.open;
    if (open === undefined) return;
    this.open = undefined;
    // The open record is the last region of the slab: what it did not use goes back for the next record.
    if (open.inSlab) this.slabUsed -= open.data.length - open.length;
    this.onSealed(sealed(open, this.now()));
  }

  /** A record with room for `capacity` bytes: the next region of the slab, or a buffer of its own when larger. */
  private openRecord(capacity: number, generation: number): OpenRecord<C> {
    let data: Buffer;
    const inSlab = capacity <= slabBytes;
    if (!inSlab) {
      data = Buffer.allocUnsafe(capacity);
    } else {
      if (this.slab.length - this.slabUsed < capacity) {
        this.slab = Buffer.allocUnsafe(slabBytes);
        this.slabUsed = 0;
      }
      data = this.slab.subarray(this.slabUsed, this.slabUsed + capacity);
      this.slabUsed += capacity;
    }
    return { data, length: 0, inSlab, count: 0, generation, contexts: undefined, binary: undefined, readyAt: 0, attempts: 0, lastError: undefined };
  }
}

function append<C>(record: OpenRecord<C>, data: EventData, byteLength: number, context: C | undefined): void {
  const offset = record.length;
  if (typeof data === 'string') {
    record.data.write(data, offset);
  } else {
    record.data.set(data, offset);
    (record.binary ??= []).push(record.count);
  }
  record.data[offset + byteLength] = newline;
  record.length = offset + byteLength + 1;
  if (context !== undefined || record.contexts !== undefined) {
    record.contexts ??= new Array<C | undefined>(record.count).fill(undefined);
    record.contexts.push(context);
  }
  record.count += 1;
}

function sealed<C>(open: OpenRecord<C>, readyAt: number): PackedRecord<C> {
  const { count, generation, contexts, binary } = open;
  return { data: open.data.subarray(0, open.length), count, generation, contexts, binary, readyAt, attempts: 0, lastError: undefined };
}

/** The events of a record as the caller passed them: strings decoded, bytes copied, each with its context. */
export function unpack<C>(record: PackedRecord<C>): { data: EventData; context: C | undefined }[] {
  const binary = new Set(record.binary);
  const events: { data: EventData; context: C | undefined }[] = [];
  for (let start = 0, end = record.data.indexOf(newline); end !== -1; start = end + 1, end = record.data.indexOf(newline, start)) {
    const bytes = record.data.subarray(start, end);
    const index = events.length;
    events.push({ data: binary.has(index) ? new Uint8Array(bytes) : bytes.toString('utf8'), context: record.contexts?.[index] });
  }
  return events;
}
