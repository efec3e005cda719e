// The fact id: a UUID derived from (event id, fact type, position), so a fact re-derived from the same event, or
// delivered twice by Firehose, has the same id and every view collapses the copies.
//
// id = UUIDv8( first 128 bits of SHA-1(event id)  XOR  first 128 bits of SHA-1("<fact type>|<position>") )
//
// One hash per event instead of one per fact: the per-fact half depends only on the fact type and position, so it
// is computed once and cached. Within an event, distinct (type, position) give distinct ids (XOR with a fixed value
// is a bijection); across events a collision needs two SHA-1 outputs with a chosen difference, as hard as a
// 122-bit SHA-1 collision. Version 8 (RFC 9562 §5.8) is the UUID version for such custom layouts.
//
// The id is written as ASCII bytes straight into the output: no string per fact.
import { sha1Prefix } from './sha1.js';

/** 128 bits as 16 bytes. */
export type Digest = Uint8Array;

/** Length of an id in bytes: `xxxxxxxx-xxxx-8xxx-[89ab]xxx-xxxxxxxxxxxx`. */
export const factIdBytes = 36;

// The two ASCII hex digits of every byte value.
const highDigit = new Uint8Array(256);
const lowDigit = new Uint8Array(256);
for (let byte = 0; byte < 256; byte++) {
  highDigit[byte] = '0123456789abcdef'.charCodeAt(byte >> 4);
  lowDigit[byte] = '0123456789abcdef'.charCodeAt(byte & 15);
}

/**
 * The per-fact half of the id: SHA-1 of `<fact type>|<position>`.
 *
 * @example
 * const key = factKey('booking.status', 0);
 */
export function factKey(factType: string, position: number): Digest {
  return sha1Prefix(`${factType}|${position}`, new Uint8Array(16));
}

/**
 * Writes the id of (event digest, fact key) as 36 ASCII bytes at `at`.
 *
 * @example
 * writeFactId(buffer, 12, sha1Prefix(eventId, new Uint8Array(16)), factKey('booking.status', 0));
 */
export function writeFactId(target: Uint8Array, at: number, event: Digest, key: Digest): void {
  // Bytes 0–3, 4–5, 6–7, 8–9 and 10–15 are the five groups; the dashes sit at 8, 13, 18 and 23.
  writeHex(target, at, event, key, 0, 4);
  target[at + 8] = 45;
  writeHex(target, at + 9, event, key, 4, 6);
  target[at + 13] = 45;
  // RFC 9562: version 8 in the high nibble of byte 6, variant 0b10 in the top bits of byte 8.
  const version = (((event[6] as number) ^ (key[6] as number)) & 0x0f) | 0x80;
  target[at + 14] = highDigit[version] as number;
  target[at + 15] = lowDigit[version] as number;
  writeHex(target, at + 16, event, key, 7, 8);
  target[at + 18] = 45;
  const variant = (((event[8] as number) ^ (key[8] as number)) & 0x3f) | 0x80;
  target[at + 19] = highDigit[variant] as number;
  target[at + 20] = lowDigit[variant] as number;
  writeHex(target, at + 21, event, key, 9, 10);
  target[at + 23] = 45;
  writeHex(target, at + 24, event, key, 10, 16);
}

function writeHex(target: Uint8Array, at: number, event: Digest, key: Digest, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const byte = (event[i] as number) ^ (key[i] as number);
    target[at] = highDigit[byte] as number;
    target[at + 1] = lowDigit[byte] as number;
    at += 2;
  }
}

/**
 * The deterministic id of the fact at `position` (0-based, in the order the event's facts are written) of the event
 * `eventId`: a version-8 UUID (see the formula at the top of this file).
 *
 * @example
 * factId('0190f5c8-7c3e-7b6a-9a0e-6f1d2c3b4a59', 'accommodation_provider.email', 1);
 * // always the same 'xxxxxxxx-xxxx-8xxx-[89ab]xxx-xxxxxxxxxxxx' for these three values
 */
export function factId(eventId: string, factType: string, position: number): string {
  const bytes = Buffer.allocUnsafe(factIdBytes);
  writeFactId(bytes, 0, sha1Prefix(eventId, new Uint8Array(16)), factKey(factType, position));
  return bytes.toString('latin1');
}
