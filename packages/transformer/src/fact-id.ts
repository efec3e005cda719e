// The fact id: a UUID derived from (event id, fact type, position), so a fact re-derived from the same event, or
// delivered twice by Firehose, has the same id and every view collapses the copies.
//
// id = UUIDv8( first 128 bits of SHA-1(event id)  XOR  first 128 bits of SHA-1("<fact type>|<position>") )
//
// One hash per event instead of one per fact: the per-fact half depends only on the fact type and position, so it
// is computed once and cached. Within an event, distinct (type, position) give distinct ids (XOR with a fixed value
// is a bijection); across events a collision needs two SHA-1 outputs with a chosen difference, as hard as a
// 122-bit SHA-1 collision. Version 8 (RFC 9562 §5.8) is the UUID version for such custom layouts.
import { hash } from 'node:crypto';

/** 128 bits as four signed 32-bit words, most significant first. */
export type Words = readonly [number, number, number, number];

const hexDigits = '0123456789abcdef';
// Output positions of the 16 bytes in "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx".
const slots = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34] as const;
// Written in place and read as one flat string: far cheaper than concatenating 16 pieces per id.
const scratch = Buffer.alloc(36, '-');

/**
 * The first 128 bits of SHA-1 of a string (UTF-8).
 *
 * @example
 * sha1Words('booking.status|0'); // [-1234…, …]
 */
export function sha1Words(text: string): Words {
  const hex = hash('sha1', text, 'hex');
  return [parseInt(hex.slice(0, 8), 16) | 0, parseInt(hex.slice(8, 16), 16) | 0, parseInt(hex.slice(16, 24), 16) | 0, parseInt(hex.slice(24, 32), 16) | 0];
}

/**
 * The per-fact half of the id: SHA-1 of `<fact type>|<position>`.
 *
 * @example
 * const key = factKey('booking.status', 0);
 */
export function factKey(factType: string, position: number): Words {
  return sha1Words(`${factType}|${position}`);
}

/**
 * Combines the event's digest (`sha1Words(eventId)`) and a fact key into the fact id.
 *
 * @example
 * formatFactId(sha1Words(eventId), factKey('booking.status', 0));
 */
export function formatFactId(event: Words, key: Words): string {
  const words = [event[0] ^ key[0], ((event[1] ^ key[1]) & ~0xf000) | 0x8000, ((event[2] ^ key[2]) & 0x3fffffff) | 0x80000000 | 0, event[3] ^ key[3]];
  for (let i = 0; i < 16; i++) {
    const byte = ((words[i >> 2] as number) >>> (24 - 8 * (i & 3))) & 255;
    const at = slots[i] as number;
    scratch[at] = hexDigits.charCodeAt(byte >> 4);
    scratch[at + 1] = hexDigits.charCodeAt(byte & 15);
  }
  return scratch.toString('latin1', 0, 36);
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
  return formatFactId(sha1Words(eventId), factKey(factType, position));
}
