// Reading dates by character codes, shared by the fast paths of the "date" and "date-time" formats.

const daysInMonth = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The digit at `at`, or -1 when the character there is not 0–9.
 *
 * @example
 * digitAt('2026', 3); // 6
 */
export function digitAt(text: string, at: number): number {
  const code = text.charCodeAt(at) - 48;
  return code >= 0 && code <= 9 ? code : -1;
}

/**
 * The decimal number of `count` digits at `at`; -1 if one is not a digit.
 *
 * @example
 * numberAt('2026-05-01', 5, 2); // 5
 */
export function numberAt(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const digit = digitAt(text, i);
    if (digit < 0) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Whether `day` exists in `month` (1–12) of the proleptic Gregorian `year`.
 *
 * @example
 * isDayOfMonth(2024, 2, 29); // true
 */
export function isDayOfMonth(year: number, month: number, day: number): boolean {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day >= 1 && day <= (month === 2 && !leap ? 28 : (daysInMonth[month] as number));
}
