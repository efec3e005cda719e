// Times given as options: a Date or an ISO 8601 string with a time zone, checked once.
import { RecoveryError, RecoveryErrorCode } from './errors.js';

/**
 * A Date from a Date or an ISO 8601 string; throws `INVALID_OPTIONS` naming the option otherwise.
 *
 * @example
 * const from = parseTime('from', '2026-05-01T00:00:00Z');
 */
export function parseTime(option: string, value: Date | string): Date {
  const date = value instanceof Date ? new Date(value.getTime()) : /\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2}))?$/.test(value) ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) {
    throw new RecoveryError(RecoveryErrorCode.invalidOptions, `${option}: ${JSON.stringify(String(value))} is not a time; give an ISO 8601 time with a zone (2026-05-01T10:00:00Z) or a date (2026-05-01)`);
  }
  return date;
}
