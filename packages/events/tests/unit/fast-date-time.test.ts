// The generated validators check "date-time" with a fast path for canonical UTC timestamps. It must never change an
// answer: every string, valid or not, canonical-looking or not, gets exactly ajv-formats' verdict.
import { describe, expect, it } from 'vitest';
import { fullFormats as ajvFormats } from 'ajv-formats/dist/formats.js';
import { validateEnvelope } from '@factline/events';
import { withCanonicalFastPath, type DateTimeFormat } from '../../src/fast-date-time.js';
import { seededRandom } from '../support/seeded-random.js';

const slow = ajvFormats['date-time'] as DateTimeFormat;
const fast = withCanonicalFastPath(slow);

describe('the date-time fast path', () => {
  it.each([
    '2026-05-01T10:00:00.000Z',
    '2026-05-01T10:00:00Z',
    '2024-02-29T23:59:59.999Z',
    '2000-02-29T00:00:00Z',
    '0000-02-29T00:00:00Z',
    '9999-12-31T23:59:59.999Z',
    '2026-02-29T10:00:00Z',
    '1900-02-29T10:00:00Z',
    '2026-04-31T10:00:00Z',
    '2026-13-01T10:00:00Z',
    '2026-00-01T10:00:00Z',
    '2026-05-00T10:00:00Z',
    '2026-05-01T24:00:00Z',
    '2026-05-01T10:60:00Z',
    '2016-12-31T23:59:60Z',
    '2026-05-01T10:00:60Z',
    '2026-05-01t10:00:00z',
    '2026-05-01 10:00:00Z',
    '2026-05-01T10:00:00.1Z',
    '2026-05-01T10:00:00.0000Z',
    '2026-05-01T10:00:00+02:00',
    '2026-05-01T10:00:00',
    '2026-05-01T10:00:00.00aZ',
    '２０２６-05-01T10:00:00Z',
    '',
  ])('answers %j as ajv-formats does', (text) => {
    expect(fast.validate(text)).toBe(slow.validate(text));
  });

  it('answers 200,000 random and mutated timestamps as ajv-formats does', () => {
    // Prepare: canonical shapes with random digits (impossible months, days and times included), then with one
    // character replaced, removed or inserted.
    const next = seededRandom(7);
    const digits = (count: number) => Array.from({ length: count }, () => Math.floor(next() * 10)).join('');
    const alphabet = '0123456789-:.TtZz+ ';
    const texts: string[] = [];
    for (let i = 0; i < 200_000; i++) {
      // Most from real instants (every year 0000–9999), the others from random digits.
      const real = new Date(Math.floor(next() * 253_402_300_800_000) - 62_167_219_200_000).toISOString();
      let text = next() < 0.6 ? (next() < 0.5 ? real : `${real.slice(0, 19)}Z`) : `${digits(4)}-${digits(2)}-${digits(2)}T${digits(2)}:${digits(2)}:${digits(2)}${next() < 0.5 ? `.${digits(3)}` : ''}Z`;
      const roll = next();
      const at = Math.floor(next() * text.length);
      const char = alphabet[Math.floor(next() * alphabet.length)] as string;
      if (roll < 0.2) text = text.slice(0, at) + char + text.slice(at + 1);
      else if (roll < 0.3) text = text.slice(0, at) + text.slice(at + 1);
      else if (roll < 0.4) text = text.slice(0, at) + char + text.slice(at);
      texts.push(text);
    }

    // Act
    const disagreements = texts.filter((text) => fast.validate(text) !== slow.validate(text));

    // Assess
    expect(disagreements).toEqual([]);
    expect(texts.filter((text) => fast.validate(text)).length).toBeGreaterThan(10_000);
  });

  it('is what the generated envelope validator uses', () => {
    // Prepare
    const envelope = (occurredAt: string) => ({ event_id: '0190f2a4-8b7c-7d3e-9f10-1a2b3c4d5e6f', event_type: 'booking.confirmed', event_version: 1, occurred_at: occurredAt, producer: 'booking-service', payload: {} });

    // Act, Assess
    expect(validateEnvelope(envelope('2024-02-29T10:00:00.000Z')).ok).toBe(true);
    expect(validateEnvelope(envelope('2026-02-29T10:00:00.000Z')).ok).toBe(false);
    expect(validateEnvelope(envelope('2016-12-31T23:59:60Z')).ok).toBe(true);
  });
});
