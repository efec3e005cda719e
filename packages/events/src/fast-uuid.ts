// A fast path for the "uuid" format. Every event carries at least one uuid (its id), most carry several, and
// ajv-formats checks each with a case-insensitive regular expression, which costs V8 about three times a loop over
// the character codes. Strings of the plain `8-4-4-4-12` hex shape are accepted here; anything else (a `urn:uuid:`
// prefix, a wrong length, a stray character) goes to ajv-formats, so the answers are always ajv-formats' answers.

/** A uuid check as ajv's generated code calls it (an object format: `format.validate(text)`). */
export interface UuidFormat {
  validate(text: string): boolean;
}

// 1 for the ASCII codes of 0-9, a-f and A-F.
const isHexDigit = new Uint8Array(128);
for (const char of '0123456789abcdefABCDEF') isHexDigit[char.charCodeAt(0)] = 1;

/**
 * Wraps ajv-formats' "uuid" pattern with the fast path for the plain hex shape.
 *
 * @example
 * const uuid = withPlainUuidFastPath(fullFormats.uuid);
 * uuid.validate('0190f5c8-7c3e-7b6a-9a0e-6f1d2c3b4a59'); // true, without a regular expression
 */
export function withPlainUuidFastPath(slow: RegExp): UuidFormat {
  return { validate: (text: string) => isPlainUuid(text) || slow.test(text) };
}

/** True only for `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` in hex digits of either case; false means "ask ajv-formats". */
function isPlainUuid(text: string): boolean {
  if (text.length !== 36) return false;
  for (let i = 0; i < 36; i++) {
    const code = text.charCodeAt(i);
    const dash = i === 8 || i === 13 || i === 18 || i === 23;
    if (dash ? code !== 45 : code > 127 || isHexDigit[code] === 0) return false;
  }
  return true;
}
