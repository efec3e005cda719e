// The fact id: a UUID derived from (event id, fact type, position), so a fact re-derived from the same event, or
// delivered twice by Firehose, has the same id and every view collapses the copies.
import { hash } from 'node:crypto';

// RFC 9562 §5.8: version 8 is the UUID for "custom" (here: SHA-1 of a plain-text name) layouts. Not version 5,
// because v5 hashes a binary namespace first, and this name is meant to be recomputable in plain SQL.
const variantNibble = ['8', '9', 'a', 'b'] as const;


/**
 * The deterministic id of the fact at `position` (0-based, in the order the event's facts are written) of the event
 * `eventId`: the first 122 bits of SHA-1(`<event id>|<fact type>|<position>`, UTF-8) in a version-8 UUID.
 *
 * In SQL: `sha1(event_id || '|' || fact_type || '|' || position)`, then set the version and variant bits.
 *
 * @example
 * factId('0190f5c8-7c3e-7b6a-9a0e-6f1d2c3b4a59', 'accommodation_provider.email', 1);
 * // '…-8…-…' (always the same for these three values)
 */
export function factId(eventId: string, factType: string, position: number): string {
  // crypto.hash (Node ≥ 20.12) is several times faster than createHash for one short input.
  const h = hash('sha1', `${eventId}|${factType}|${position}`, 'hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variantNibble[parseInt(h[16] as string, 16) & 3] as string}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
