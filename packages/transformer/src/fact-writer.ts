// Fact lines written as UTF-8 bytes straight into one reusable buffer. Facts are several times the size of the
// events, so how they are written decides the transformer's speed. Building each record's lines as one string and
// encoding it at the end makes V8 allocate every piece, flatten the whole rope into a second copy (two-byte as soon
// as one character of the record is above U+00FF, which also halves the encoder's speed) and only then encode it.
// Here the shared parts of an event's lines are encoded once, for its first fact, and copied for the others; the
// fact id is written as ASCII digits; constant parts are bytes prepared when the domain is compiled.
import { keyAt, type FactPlan } from './compile-domain.js';
import { factIdBytes, writeFactId } from './fact-id.js';
import { sha1Prefix } from './sha1.js';

const ascii = (text: string) => Buffer.from(text, 'latin1');
const factIdPart = ascii('{"fact_id":"');
const entityPart = ascii('","entity_id":');
const occurredPart = ascii(',"occurred_at":"');
const quote = 34;
const backslash = 92;
const closeBrace = 125;
const newline = 10;
// A string JSON.stringify copies unchanged between quotes: no quote, backslash, control character or surrogate.
// eslint-disable-next-line no-control-regex -- the control characters are exactly what JSON escapes
const plainString = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;
// Bytes a UTF-16 code unit can take once escaped and encoded (`\u001f` is 6); bounds a string's written size.
const maxBytesPerUnit = 6;

/**
 * Writes fact lines, one event at a time, into a buffer reused from record to record (cleared when a record starts), so
 * writing allocates nothing; the record's lines are then encoded once, as its base64 `data`. (Keeping a whole batch in
 * the buffer and encoding at the end was measured: it gained nothing.)
 *
 * @example
 * const writer = new FactWriter();
 * writer.beginRecord('2026-05-01T10:00:01.234Z');
 * writer.beginEvent(eventId, entityId, occurredAt, plan.typeBytes);
 * writer.writeFact(fact, 0, 'ana@example.com');
 * writer.toBase64(writer.recordStart, writer.length); // the record's data
 */
export class FactWriter {
  /** Bytes written since the last `clear`. */
  length = 0;
  /** Where the record begun last starts. */
  recordStart = 0;
  private buffer = Buffer.allocUnsafe(256 * 1024);
  private readonly digest = new Uint8Array(16);
  /** `","recorded_at":"<recorded_at>","event_id":` of the record. */
  private recordedPart: Uint8Array = ascii('');
  private recordedAt = '';
  // The event being written.
  private eventStart = 0;
  private eventId = '';
  private entityId = '';
  private occurredAt = '';
  private eventTypePart: Uint8Array = ascii('');
  /** Bound of a line's bytes besides its fact's own parts. */
  private lineBound = 0;
  /** Where the first line of the event holds the shared parts (`headAt` < 0: no line yet). */
  private headAt = -1;
  private headEnd = 0;
  private tailAt = 0;
  private tailEnd = 0;

  /** Forgets everything written (the buffer is kept). */
  clear(): void {
    this.length = 0;
  }

  /** Starts a record after what is written; its lines are the bytes from `recordStart` to `length`. */
  beginRecord(recordedAt: string): void {
    this.recordStart = this.length;
    if (recordedAt !== this.recordedAt) {
      this.recordedAt = recordedAt;
      this.recordedPart = Buffer.from(`","recorded_at":"${recordedAt}","event_id":`, 'utf8');
    }
  }

  /** Takes back the lines of the record begun last (it failed). */
  discardRecord(): void {
    this.length = this.recordStart;
  }

  /** Starts an event; `eventTypePart` is `,"event_type":"…","event_version":N` as bytes. */
  beginEvent(eventId: string, entityId: string, occurredAt: string, eventTypePart: Uint8Array): void {
    this.eventStart = this.length;
    this.eventId = eventId;
    this.entityId = entityId;
    this.occurredAt = occurredAt;
    this.eventTypePart = eventTypePart;
    this.headAt = -1;
    sha1Prefix(eventId, this.digest);
    this.lineBound =
      factIdPart.length + factIdBytes + entityPart.length + maxBytesPerUnit * (entityId.length + 2) + occurredPart.length + maxBytesPerUnit * occurredAt.length +
      this.recordedPart.length + maxBytesPerUnit * (eventId.length + 2) + eventTypePart.length + 2;
  }

  /** Takes back the lines of the event begun last (it failed: an event yields all its facts or none). */
  abortEvent(): void {
    this.length = this.eventStart;
  }

  /** Writes the line of `fact` at `position` with `value` (plain JSON). */
  writeFact(fact: FactPlan, position: number, value: unknown): void {
    const text = typeof value === 'string';
    // A finite number prints the same with String() as with JSON.stringify(), at a fraction of the cost.
    const json = text ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : JSON.stringify(value);
    this.ensure(this.lineBound + fact.typeBytes.length + fact.valueBytes.length + maxBytesPerUnit * (json.length + 2));
    const b = this.buffer;
    let at = this.length;
    const first = this.headAt < 0;
    // `{"fact_id":"<id>","entity_id":<entity id>`: written for the first fact, copied (then its id overwritten) after.
    if (first) {
      this.headAt = at;
      b.set(factIdPart, at);
      b.set(entityPart, at + factIdPart.length + factIdBytes);
      at = writeJsonString(b, this.entityId, at + factIdPart.length + factIdBytes + entityPart.length);
      this.headEnd = at;
    } else {
      b.copyWithin(at, this.headAt, this.headEnd);
      at += this.headEnd - this.headAt;
    }
    writeFactId(b, this.length + factIdPart.length, this.digest, keyAt(fact, position));
    b.set(fact.typeBytes, at);
    at += fact.typeBytes.length;
    // `,"occurred_at":…,"event_version":N`: the same for every fact of the event.
    if (first) {
      this.tailAt = at;
      b.set(occurredPart, at);
      at += occurredPart.length;
      at = writeUtf8(b, this.occurredAt, at);
      b.set(this.recordedPart, at);
      at = writeJsonString(b, this.eventId, at + this.recordedPart.length);
      b.set(this.eventTypePart, at);
      at += this.eventTypePart.length;
      this.tailEnd = at;
    } else {
      b.copyWithin(at, this.tailAt, this.tailEnd);
      at += this.tailEnd - this.tailAt;
    }
    b.set(fact.valueBytes, at);
    at += fact.valueBytes.length;
    at = text ? writeJsonString(b, json, at) : writeUtf8(b, json, at);
    b[at] = closeBrace;
    b[at + 1] = newline;
    this.length = at + 2;
  }

  /** Bytes `start` to `end` as base64. */
  toBase64(start: number, end: number): string {
    return this.buffer.toString('base64', start, end);
  }

  /** Bytes `start` to `end` as text. */
  toText(start: number, end: number): string {
    return this.buffer.toString('utf8', start, end);
  }

  private ensure(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.length + bytes, this.buffer.length * 2));
    this.buffer.copy(next, 0, 0, this.length);
    this.buffer = next;
  }
}

// Below this length a string is copied by hand when it is ASCII (ids, timestamps, most values): cheaper than the call
// into the native encoder, whose fixed cost dominates for short strings.
const shortString = 64;

/**
 * Writes `text` as a JSON string, quoted and escaped as JSON.stringify does, at `at` (the buffer has room); returns
 * the end. A short string of printable ASCII without `"` or `\` (ids, timestamps, most values) is checked and copied
 * in one pass.
 */
function writeJsonString(b: Buffer, text: string, at: number): number {
  const length = text.length;
  if (length <= shortString) {
    let i = 0;
    for (; i < length; i++) {
      const code = text.charCodeAt(i);
      if (code < 0x20 || code > 0x7e || code === quote || code === backslash) break;
      b[at + 1 + i] = code;
    }
    if (i === length) {
      b[at] = quote;
      b[at + 1 + length] = quote;
      return at + length + 2;
    }
  }
  if (!plainString.test(text)) return writeUtf8(b, JSON.stringify(text), at);
  b[at] = quote;
  const end = writeUtf8(b, text, at + 1);
  b[end] = quote;
  return end + 1;
}

/** Writes `text` as UTF-8 at `at` (the buffer has room); returns the end. */
function writeUtf8(b: Buffer, text: string, at: number): number {
  const length = text.length;
  if (length <= shortString) {
    let i = 0;
    for (; i < length; i++) {
      const code = text.charCodeAt(i);
      if (code > 0x7f) break;
      b[at + i] = code;
    }
    if (i === length) return at + length;
  }
  return at + b.write(text, at, 'utf8');
}
