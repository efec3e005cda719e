// A fast path for the "date" format (`YYYY-MM-DD`): ajv-formats runs a regular expression, turns three captures into
// numbers and then checks the day against the month. Strings of exactly that shape are checked here by character
// codes; anything else goes to ajv-formats, so the answers are always ajv-formats' answers.

/** A date check as ajv's generated code calls it; `compare` (for formatMinimum and friends) is kept. */
export interface DateFormat {
  validate(text: string): boolean;
}

const daysInMonth = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

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
  const year = number(text, 0, 4);
  const month = number(text, 5, 2);
  const day = number(text, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && !leap ? 28 : (daysInMonth[month] as number));
}

/** The decimal number of `count` digits at `at`; -1 if one is not a digit. */
function number(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}
