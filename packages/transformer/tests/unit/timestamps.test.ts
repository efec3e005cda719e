import { describe, expect, it } from 'vitest';
import { normalizeTimestamp, parseArrivalTimestamp } from '@factline/transformer';
import { seededRandom } from '../fixtures/helpers.js';

describe('normalizeTimestamp', () => {
  it.each([
    ['2026-05-01T10:00:00.000Z', '2026-05-01T10:00:00.000Z'],
    ['2026-05-01T10:00:00Z', '2026-05-01T10:00:00.000Z'],
    ['2026-05-01T12:00:00.5+02:00', '2026-05-01T10:00:00.500Z'],
    ['2026-05-01t10:00:00.123456789z', '2026-05-01T10:00:00.123Z'],
    ['2026-05-01 10:00:00.999999Z', '2026-05-01T10:00:00.999Z'],
    ['2026-01-01T00:30:00-01:00', '2026-01-01T01:30:00.000Z'],
    ['2025-12-31T23:30:00-01:00', '2026-01-01T00:30:00.000Z'],
    ['2016-12-31T23:59:60Z', '2016-12-31T23:59:59.999Z'],
    ['2024-02-29T00:00:00.000Z', '2024-02-29T00:00:00.000Z'],
    ['0099-06-01T00:00:00Z', '0099-06-01T00:00:00.000Z'],
    ['9999-12-31T23:59:59.999Z', '9999-12-31T23:59:59.999Z'],
  ])('normalises %s to %s (UTC, milliseconds)', (given, want) => {
    // Act
    const normalised = normalizeTimestamp(given);

    // Assess
    expect(normalised).toBe(want);
  });

  it.each([
    ['2026-05-01T10:00:00.000', 'no zone'],
    ['2026-02-30T10:00:00Z', 'February 30th'],
    ['2025-02-29T10:00:00Z', 'February 29th of a common year'],
    ['2026-13-01T10:00:00Z', 'month 13'],
    ['2026-05-01T24:00:00Z', 'hour 24'],
    ['2026-05-01T10:60:00Z', 'minute 60'],
    ['2026-05-01T10:00:00+24:00', 'offset of 24 hours'],
    ['0000-01-01T00:00:00+01:00', 'a year before 0000 once in UTC'],
    ['9999-12-31T23:30:00-01:00', 'a year after 9999 once in UTC'],
    ['yesterday', 'not a timestamp'],
    ['', 'empty'],
  ])('rejects %s (%s)', (given) => {
    // Act
    const normalised = normalizeTimestamp(given);

    // Assess
    expect(normalised).toBeUndefined();
  });
});

describe('normalizeTimestamp on canonical-looking text', () => {
  it('keeps a valid UTC timestamp with milliseconds as it is and refuses impossible ones, over 100,000 strings', () => {
    // Prepare: real instants of every year 0000–9999, random digits (impossible dates included), one character changed.
    const next = seededRandom(17);
    const digits = (count: number) => Array.from({ length: count }, () => Math.floor(next() * 10)).join('');
    const alphabet = '0123456789-:.TZtz ';
    const texts = Array.from({ length: 100_000 }, () => {
      const real = new Date(Math.floor(next() * 253_402_300_800_000) - 62_167_219_200_000).toISOString();
      const text = next() < 0.5 ? real : `${digits(4)}-${digits(2)}-${digits(2)}T${digits(2)}:${digits(2)}:${digits(2)}.${digits(3)}Z`;
      const at = Math.floor(next() * text.length);
      return next() < 0.3 ? text.slice(0, at) + (alphabet[Math.floor(next() * alphabet.length)] as string) + text.slice(at + 1) : text;
    });
    // The reference: a canonical string is valid when Date prints it back unchanged (leap seconds read as :59.999).
    const canonical = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
    const expected = (text: string) => {
      if (!canonical.test(text)) return 'not canonical';
      if (text.slice(17, 19) === '60') return 'leap second';
      const date = new Date(0);
      date.setUTCFullYear(Number(text.slice(0, 4)), Number(text.slice(5, 7)) - 1, Number(text.slice(8, 10)));
      date.setUTCHours(Number(text.slice(11, 13)), Number(text.slice(14, 16)), Number(text.slice(17, 19)), Number(text.slice(20, 23)));
      return date.toISOString() === text ? text : undefined;
    };

    // Act
    const disagreements = texts.filter((text) => {
      const want = expected(text);
      return want !== 'not canonical' && want !== 'leap second' && normalizeTimestamp(text) !== want;
    });

    // Assess
    expect(disagreements).toEqual([]);
    expect(texts.filter((text) => expected(text) === text).length).toBeGreaterThan(30_000);
  });
});

describe('parseArrivalTimestamp', () => {
  it.each([
    [1510772160000, '2017-11-15T18:56:00.000Z', 'epoch milliseconds'],
    [1510772160000.9, '2017-11-15T18:56:00.000Z', 'fractional milliseconds'],
    [1545084650.987, '2018-12-17T22:10:50.987Z', 'epoch seconds (Kinesis style)'],
    ['1507217624302', '2017-10-05T15:33:44.302Z', 'a numeric string'],
    ['2012-04-23T18:25:43.511Z', '2012-04-23T18:25:43.511Z', 'an ISO string'],
    ['2012-04-23T18:25:43.511', '2012-04-23T18:25:43.511Z', 'an ISO string without zone (read as UTC)'],
    [' 2012-04-23T20:25:43+02:00 ', '2012-04-23T18:25:43.000Z', 'an ISO string with offset and spaces'],
  ])('reads %s (%s)', (given, want, _) => {
    // Act
    const parsed = parseArrivalTimestamp(given);

    // Assess
    expect(parsed).toBe(want);
  });

  it.each([[undefined], [null], [''], ['soon'], [-1], [Number.NaN], [Number.POSITIVE_INFINITY], [1e20], [{}], [true]])('rejects %s', (given) => {
    // Act
    const parsed = parseArrivalTimestamp(given);

    // Assess
    expect(parsed).toBeUndefined();
  });
});
