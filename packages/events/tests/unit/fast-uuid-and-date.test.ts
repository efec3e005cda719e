// The generated validators check "uuid" and "date" with fast paths for the plain shapes. They must never change an
// answer: every string gets exactly ajv-formats' verdict.
import { describe, expect, it } from 'vitest';
import { fullFormats as ajvFormats } from 'ajv-formats/dist/formats.js';
import { validateEnvelope } from '@factline/events';
import { withPlainDateFastPath, type DateFormat } from '../../src/fast-date.js';
import { withPlainUuidFastPath } from '../../src/fast-uuid.js';
import { seededRandom } from '../support/seeded-random.js';

const slowUuid = ajvFormats.uuid as RegExp;
const fastUuid = withPlainUuidFastPath(slowUuid);
const slowDate = ajvFormats.date as DateFormat;
const fastDate = withPlainDateFastPath(slowDate);

/** `text` with one character replaced, removed or inserted (or unchanged), from `alphabet`. */
function mutate(text: string, alphabet: string, next: () => number): string {
  const roll = next();
  const at = Math.floor(next() * text.length);
  const char = alphabet[Math.floor(next() * alphabet.length)] as string;
  if (roll < 0.25) return text.slice(0, at) + char + text.slice(at + 1);
  if (roll < 0.35) return text.slice(0, at) + text.slice(at + 1);
  if (roll < 0.45) return text.slice(0, at) + char + text.slice(at);
  return text;
}

describe('the uuid fast path', () => {
  it.each([
    '0190f5c8-7c3e-7b6a-9a0e-6f1d2c3b4a59',
    '0190F5C8-7C3E-7B6A-9A0E-6F1D2C3B4A59',
    'urn:uuid:0190f5c8-7c3e-7b6a-9a0e-6f1d2c3b4a59',
    'URN:UUID:0190f5c8-7c3e-7b6a-9a0e-6f1d2c3b4a59',
    '00000000-0000-0000-0000-000000000000',
    '0190f5c8-7c3e-7b6a-9a0e-6f1d2c3b4a5',
    '0190f5c8-7c3e-7b6a-9a0e-6f1d2c3b4a590',
    '0190f5c87c3e-7b6a-9a0e-6f1d2c3b4a59-',
    '0190f5c8-7c3e-7b6a-9a0e-6f1d2c3b4a5g',
    '0190f5c8-7c3e-7b6a-9a0e-6f1d2c3b4a5\u0660',
    '0190f5c8_7c3e_7b6a_9a0e_6f1d2c3b4a59',
    '{0190f5c8-7c3e-7b6a-9a0e-6f1d2c3b4a59}',
    '',
  ])('answers %j as ajv-formats does', (text) => {
    expect(fastUuid.validate(text)).toBe(slowUuid.test(text));
  });

  it('answers 100,000 random and mutated uuids as ajv-formats does', () => {
    // Prepare
    const next = seededRandom(11);
    const alphabet = '0123456789abcdefABCDEFgG-:nu ';
    const hex = '0123456789abcdefABCDEF';
    const texts = Array.from({ length: 100_000 }, () => {
      const plain = Array.from({ length: 36 }, (_, i) => ([8, 13, 18, 23].includes(i) ? '-' : (hex[Math.floor(next() * hex.length)] as string))).join('');
      return mutate(next() < 0.1 ? `urn:uuid:${plain}` : plain, alphabet, next);
    });

    // Act
    const disagreements = texts.filter((text) => fastUuid.validate(text) !== slowUuid.test(text));

    // Assess
    expect(disagreements).toEqual([]);
    expect(texts.filter((text) => fastUuid.validate(text)).length).toBeGreaterThan(10_000);
  });

  it('leaves the verdicts of the generated validators as they were: a bad event id still fails', () => {
    const envelope = { event_id: '0190f5c8-7c3e-7b6a-9a0e-6f1d2c3b4a5z', event_type: 'booking.confirmed', event_version: 1, occurred_at: '2026-05-01T10:00:00Z', producer: 'test', payload: {} };
    expect(validateEnvelope(envelope)).toEqual({ ok: false, issues: [{ pointer: '/event_id', rule: 'format', message: '/event_id must be a valid uuid' }] });
    expect(validateEnvelope({ ...envelope, event_id: '0190f5c8-7c3e-7b6a-9a0e-6f1d2c3b4a59' }).ok).toBe(true);
  });
});

describe('the date fast path', () => {
  it.each([
    '2026-05-01',
    '2024-02-29',
    '2000-02-29',
    '1900-02-29',
    '2026-02-29',
    '0000-02-29',
    '9999-12-31',
    '2026-04-31',
    '2026-13-01',
    '2026-00-01',
    '2026-05-00',
    '2026-05-32',
    '2026-5-01',
    '2026/05/01',
    '2026-05-01T00:00:00Z',
    '２０２６-05-01',
    '',
  ])('answers %j as ajv-formats does', (text) => {
    expect(fastDate.validate(text)).toBe(slowDate.validate(text));
  });

  it('answers 100,000 random and mutated dates as ajv-formats does', () => {
    // Prepare: real days of every year 0000–9999 and random digits (impossible months and days included).
    const next = seededRandom(5);
    const digits = (count: number) => Array.from({ length: count }, () => Math.floor(next() * 10)).join('');
    const texts = Array.from({ length: 100_000 }, () => {
      const real = new Date(Math.floor(next() * 253_402_300_800_000) - 62_167_219_200_000).toISOString().slice(0, 10);
      return mutate(next() < 0.6 ? real : `${digits(4)}-${digits(2)}-${digits(2)}`, '0123456789-/T ', next);
    });

    // Act
    const disagreements = texts.filter((text) => fastDate.validate(text) !== slowDate.validate(text));

    // Assess
    expect(disagreements).toEqual([]);
    expect(texts.filter((text) => fastDate.validate(text)).length).toBeGreaterThan(10_000);
  });

  it('keeps ajv-formats compare, which formatMinimum and formatMaximum use', () => {
    expect((fastDate as unknown as { compare: unknown }).compare).toBe((slowDate as unknown as { compare: unknown }).compare);
  });
});
