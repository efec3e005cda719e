// The few helpers ajv's standalone validators call at run time, as plain ESM. ajv emits them as require() calls to
// CommonJS modules whose default-export interop differs between Node, Vite and esbuild; importing them from here
// makes the generated validators behave the same in a service, in tests and in the Lambda bundle.
import { isDeepStrictEqual } from 'node:util';
import { fullFormats as ajvFormats } from 'ajv-formats/dist/formats.js';
import { withPlainDateFastPath, type DateFormat } from './fast-date.js';
import { withCanonicalFastPath, type DateTimeFormat } from './fast-date-time.js';
import { withPlainUuidFastPath } from './fast-uuid.js';

/** String length in Unicode code points, as JSON Schema counts it (a surrogate pair is one character). */
export function ucs2length(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    length++;
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if ((next & 0xfc00) === 0xdc00) i++;
    }
  }
  return length;
}

/** Deep equality for `enum`, `const` and `uniqueItems` over objects and arrays. */
export function equal(a: unknown, b: unknown): boolean {
  return isDeepStrictEqual(a, b);
}

/**
 * ajv-formats' formats, with fast paths for the shapes nearly every value has (same answers, see fast-date-time.ts,
 * fast-date.ts and fast-uuid.ts). The generated code calls "uuid" as an object format because the validators
 * generator declares it so.
 */
export const fullFormats = {
  ...ajvFormats,
  'date-time': withCanonicalFastPath(ajvFormats['date-time'] as DateTimeFormat),
  date: withPlainDateFastPath(ajvFormats.date as DateFormat),
  uuid: withPlainUuidFastPath(ajvFormats.uuid as RegExp),
};
