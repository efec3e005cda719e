// A fast path for the "date" format (`YYYY-MM-DD`): ajv-formats runs a regular expression, turns three captures into
// numbers and then checks the day against the month. Strings of exactly that shape are checked here by character
// codes; anything else goes to ajv-formats, so the answers are always ajv-formats' answers.
import { isDayOfMonth, numberAt } from './calendar-digits.js';

/** A date check as ajv's generated code calls it; `compare` (for formatMinimum and friends) is kept. */
export interface DateFormat {
  validate(text: string): boolean;
}

/**
 * Wraps ajv-formats' "date" check with the fast path for valid `YYYY-MM-DD` strings.
 *
 * @example
 * const date = withPlainDateFastPath(fullFormats.date);
 * date.validate('2026-05-01'); // true, without a regular expression
 */
export function withPlainDateFastPath<T extends DateFormat>(slow: T): T {
  return { ...slow, validate: (text: string) => isPlainDate(text) || slow.validate(text) };
}

/** True only for a valid `YYYY-MM-DD`; false means "ask ajv-formats". */
function isPlainDate(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  const year = numberAt(text, 0, 4);
  const month = numberAt(text, 5, 2);
  const day = numberAt(text, 8, 2);
  return year >= 0 && month >= 1 && month <= 12 && isDayOfMonth(year, month, day);
}
