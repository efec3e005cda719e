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

  it('is SHA-1 of "<event id>|<fact type>|<position>" with the version and variant bits set', () => {
    // Prepare
    const hex = createHash('sha1').update(`${eventId}|booking.status|3`).digest('hex');
    const variant = ((parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
    const want = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;

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
});
