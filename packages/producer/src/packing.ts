// Packing: the events of one stream, newline-terminated and in send order, fill a record up to its byte budget.
import type { EventData } from './types.js';

const newline = 0x0a;
// Records are written in place; a budget above this grows its buffer instead of reserving it all up front.
const initialCapacity = 64 * 1024;

/** An event accepted for packing: its data, its UTF-8 size, what the caller attached, and its flush generation. */
export interface AcceptedEvent<C> {
  data: EventData;
  byteLength: number;
  context: C | undefined;
  generation: number;
}

/** Where one event sits in its record: its bytes end at `end` (exclusive; its `\n` follows). */
export interface PackedEvent<C> {
  end: number;
  context: C | undefined;
  isString: boolean;
  generation: number;
}

/** A sealed record: the bytes sent as one Firehose record, the events inside, and its delivery state. */
export interface PackedRecord<C> {
  data: Buffer;
  events: PackedEvent<C>[];
  firstAcceptedAt: number;
  attempts: number;
  lastError: Error | undefined;
}

interface OpenRecord<C> {
  buffer: Buffer;
  length: number;
  events: PackedEvent<C>[];
  firstAcceptedAt: number;
}

/**
 * Packs the events of one stream. A record holds events while their bytes plus one `\n` each fit the budget; an
 * event that cannot share a record within the budget is sealed alone, after the open record so order is kept.
 * With packing off every event is its own record. Every record ends with `\n`.
 */
export class RecordPacker<C> {
  private open: OpenRecord<C> | undefined;

  constructor(
    private readonly budget: number,
    private readonly packing: boolean,
    private readonly onSealed: (record: PackedRecord<C>) => void,
  ) {}

  get isEmpty(): boolean {
    return this.open === undefined;
  }

  add(event: AcceptedEvent<C>, now: number): void {
    const size = event.byteLength + 1;
    if (!this.packing || size > this.budget) {
      this.seal();
      const buffer = Buffer.allocUnsafe(size);
      this.onSealed({ data: buffer, events: [write(buffer, 0, event)], firstAcceptedAt: now, attempts: 0, lastError: undefined });
      return;
    }
    let open = this.open;
    if (open !== undefined && open.length + size > this.budget) {
      this.seal();
      open = undefined;
    }
    if (open === undefined) {
      const capacity = Math.min(this.budget, Math.max(initialCapacity, size));
      open = { buffer: Buffer.allocUnsafe(capacity), length: 0, events: [], firstAcceptedAt: now };
      this.open = open;
    } else if (open.length + size > open.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.min(this.budget, Math.max(open.buffer.length * 2, open.length + size)));
      open.buffer.copy(grown, 0, 0, open.length);
      open.buffer = grown;
    }
    open.events.push(write(open.buffer, open.length, event));
    open.length += size;
    // The smallest possible event takes two bytes (one byte and its newline): seal a record that cannot take one.
    if (open.length + 2 > this.budget) this.seal();
  }

  /** Seals the open record, if any, and hands it to `onSealed`. */
  seal(): void {
    const open = this.open;
    if (open === undefined) return;
    this.open = undefined;
    this.onSealed({ data: open.buffer.subarray(0, open.length), events: open.events, firstAcceptedAt: open.firstAcceptedAt, attempts: 0, lastError: undefined });
  }
}

function write<C>(buffer: Buffer, offset: number, event: AcceptedEvent<C>): PackedEvent<C> {
  const isString = typeof event.data === 'string';
  if (typeof event.data === 'string') buffer.write(event.data, offset, 'utf8');
  else buffer.set(event.data, offset);
  const end = offset + event.byteLength;
  buffer[end] = newline;
  return { end, context: event.context, isString, generation: event.generation };
}

/** The events of a record as the caller passed them: strings decoded, bytes copied. */
export function unpack<C>(record: PackedRecord<C>): { data: EventData; context: C | undefined; generation: number }[] {
  let start = 0;
  return record.events.map((event) => {
    const bytes = record.data.subarray(start, event.end);
    start = event.end + 1;
    return { data: event.isString ? bytes.toString('utf8') : new Uint8Array(bytes), context: event.context, generation: event.generation };
  });
}
