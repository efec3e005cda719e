// Timestamps in the fact line are `YYYY-MM-DDTHH:mm:ss.sssZ` (UTC, milliseconds), the one form COPY's
// TIMEFORMAT 'auto' reads. Parsing is done by hand, not by Date.parse: Date.parse reads a zone-less string in the
// machine's zone, maps years 0–99 to 1900–1999 and gives up on leap seconds.

const rfc3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?([Zz]|[+-]\d{2}:\d{2})?$/;
const numeric = /^\d+(?:\.\d+)?$/;
// Epoch numbers below this are seconds: as milliseconds they would be before 1973, earlier than any arrival.
const secondsBelow = 1e11;
const maxEpochMs = 253_402_300_799_999; // 9999-12-31T23:59:59.999Z

/**
 * Normalises an RFC 3339 timestamp to UTC ISO 8601 with milliseconds; `undefined` when it is not one. Digits past the
 * millisecond are cut (not rounded, so a time never moves into the next second); a leap second `:60` reads as `:59.999`.
 * With `assumeUtc`, a timestamp without a zone is read as UTC (for Firehose metadata); otherwise it is rejected.
 *
 * @example
 * normalizeTimestamp('2026-05-01T12:00:00.1234+02:00'); // '2026-05-01T10:00:00.123Z'
 */
export function normalizeTimestamp(text: string, assumeUtc = false): string | undefined {
  if (isCanonical(text)) return text;
  const match = rfc3339.exec(text);
  if (match === null) return undefined;
  const [, y, mo, d, h, mi, s, fraction, zone] = match as unknown as [string, string, string, string, string, string, string, string | undefined, string | undefined];
  if (zone === undefined && !assumeUtc) return undefined;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  let second = Number(s);
  let ms = fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0'));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 60) return undefined;
  if (second === 60) {
    second = 59;
    ms = 999;
  }
  let offsetMinutes = 0;
  if (zone !== undefined && zone !== 'Z' && zone !== 'z') {
    const offsetHours = Number(zone.slice(1, 3));
    const offsetRest = Number(zone.slice(4, 6));
    if (offsetHours > 23 || offsetRest > 59) return undefined;
    offsetMinutes = (zone[0] === '-' ? -1 : 1) * (offsetHours * 60 + offsetRest);
  }
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute - offsetMinutes, second, ms);
  return formatEpochMs(date.getTime());
}

/**
 * Reads Firehose's `approximateArrivalTimestamp` leniently: epoch milliseconds as a number or numeric string, epoch
 * seconds (numbers below 1e11), or an ISO 8601 string (UTC when it has no zone). `undefined` when it is none of these.
 *
 * @example
 * parseArrivalTimestamp(1510772160000);             // '2017-11-15T18:56:00.000Z'
 * parseArrivalTimestamp('2017-11-15T18:56:00.000Z'); // '2017-11-15T18:56:00.000Z'
 */
export function parseArrivalTimestamp(value: unknown): string | undefined {
  if (typeof value === 'number') return fromEpoch(value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (numeric.test(text)) return fromEpoch(Number(text));
  return normalizeTimestamp(text, true);
}

function fromEpoch(value: number): string | undefined {
  if (!Number.isFinite(value) || value < 0) return undefined;
  return formatEpochMs(Math.floor(value < secondsBelow ? value * 1000 : value));
}

// The records of a batch arrive within seconds of each other: the date and time up to the second is printed once
// per second (Date#toISOString is slow) and the milliseconds appended.
let cachedSecond = Number.NaN;
let cachedPrefix = '';

function formatEpochMs(ms: number): string | undefined {
  // Years outside 0000–9999 would print as ±YYYYYY, which no warehouse reads as a timestamp.
  if (!(ms >= -62_167_219_200_000 && ms <= maxEpochMs)) return undefined;
  const second = Math.floor(ms / 1000);
  if (second !== cachedSecond) {
    cachedPrefix = new Date(second * 1000).toISOString().slice(0, 20);
    cachedSecond = second;
  }
  const milli = ms - second * 1000;
  return `${cachedPrefix}${milli < 10 ? '00' : milli < 100 ? '0' : ''}${milli}Z`;
}

// Most timestamps arrive already in the canonical form (producers write Date#toISOString()); checking that is far
// cheaper than parsing and printing again.
function isCanonical(text: string): boolean {
  // `YYYY-MM-DDTHH:mm:ss.sssZ`: the separators at fixed places, then every field read as digits and range-checked.
  if (text.length !== 24 || text.charCodeAt(23) !== 90 || text.charCodeAt(19) !== 46 || text.charCodeAt(10) !== 84) return false;
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return false;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  if (year < 0 || digits(text, 20, 3) < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return false;
  return day <= daysInMonth(year, month);
}

/** The decimal number of `count` digits at `at`; -1 if one is not a digit. */
function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
