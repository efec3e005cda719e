import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { factId } from '@factline/transformer';

const eventId = '019de2fb-1cc6-73e1-b525-937b92351a8e';

describe('factId', () => {
  it('is a version-8 RFC 9562 UUID', () => {
    // Act
    const id = factId(eventId, 'booking.status', 0);

    // Assess
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('is SHA-1(event id) XOR SHA-1("<fact type>|<position>"), first 128 bits, with the version and variant bits set', () => {
    // Prepare: the formula, computed independently with createHash and BigInt.
    const sha1 = (text: string) => BigInt(`0x${createHash('sha1').update(text).digest('hex').slice(0, 32)}`);
    let bits = sha1(eventId) ^ sha1('booking.status|3');
    bits = (bits & ~(0xfn << 76n)) | (0x8n << 76n);
    bits = (bits & ~(0x3n << 62n)) | (0x2n << 62n);
    const hex = bits.toString(16).padStart(32, '0');
    const want = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;

    // Act
    const id = factId(eventId, 'booking.status', 3);

    // Assess
    expect(id).toBe(want);
  });

  it('gives the same id for the same inputs and different ids when any input differs', () => {
    // Act
    const ids = [factId(eventId, 'booking.status', 0), factId(eventId, 'booking.status', 1), factId(eventId, 'booking.guests', 0), factId(eventId.replace(/e$/, 'f'), 'booking.status', 0)];

    // Assess
    expect(factId(eventId, 'booking.status', 0)).toBe(ids[0]);
    expect(new Set(ids).size).toBe(4);
  });

  it('gives every fact of a large batch its own id', () => {
    // Prepare
    const types = ['booking.accommodation', 'booking.tenant', 'booking.check_in', 'booking.check_out', 'booking.nights', 'booking.guests', 'booking.total_price', 'booking.expires_at', 'booking.status'];

    // Act
    const ids = new Set<string>();
    for (let event = 0; event < 5_000; event++) {
      const id = `019de2fb-1cc6-73e1-b525-${event.toString(16).padStart(12, '0')}`;
      types.forEach((type, position) => ids.add(factId(id, type, position)));
    }

    // Assess
    expect(ids.size).toBe(5_000 * types.length);
  });
});
