// Length limits are checked on the UTF-16 length first and counted in code points only when that cannot decide; the
// answers must be the ones ajv's code gives, astral characters (two units, one code point) included.
import _standaloneCode from 'ajv/dist/standalone/index.js';
import { describe, expect, it } from 'vitest';
import { createAjv, Dialect } from '@factline/catalog';
import { withLengthShortcuts, withSharedDefaults } from '../../src/typescript/validators-generator.js';

const standaloneCode = ((_standaloneCode as unknown as { default?: unknown }).default ?? _standaloneCode) as (ajv: unknown, refs: Record<string, string>) => string;
const ucs2length = (text: string) => [...text].length;

/** ESM standalone code for `schema`, with ajv's length helper inlined as a plain function. */
function codeFor(schema: object): string {
  const ajv = createAjv(Dialect.draft2020, { code: { source: true, esm: true, lines: false } });
  ajv.addSchema({ $id: 'https://example.test/s.json', ...schema });
  const code = standaloneCode(ajv, { validate: 'https://example.test/s.json' });
  return code.replace('require("ajv/dist/runtime/ucs2length").default', 'ucs2length') + `\nfunction ucs2length(text) { return [...text].length; }`;
}

async function load(code: string): Promise<(data: unknown) => boolean> {
  const module = (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as { validate: (data: unknown) => boolean };
  return module.validate;
}

describe('withLengthShortcuts', () => {
  it('guards every code-point count with the UTF-16 length and keeps every answer', async () => {
    // Prepare: limits on both sides, strings of one- and two-unit characters around them.
    const code = codeFor({ type: 'object', properties: { a: { type: 'string', minLength: 3, maxLength: 5 }, b: { type: 'string', minLength: 1 } } });
    const texts = ['', 'x', 'xx', 'xxx', 'xxxxx', 'xxxxxx', '😀', '😀😀', '😀😀😀', '😀😀😀😀😀', '😀😀😀😀😀😀', 'x😀', 'xx😀😀', 'xxx😀😀😀'];

    // Act
    const shortcut = withLengthShortcuts(withSharedDefaults(code));

    // Assess
    expect(code).toMatch(/func\d+\(data\w*\) > 5/);
    expect(shortcut).toMatch(/\(data\w*\.length > 5 && func\d+\(data\w*\) > 5\)/);
    expect(shortcut).toMatch(/\(data\w*\.length < 6 && func\d+\(data\w*\) < 3\)/);
    const [before, after] = [await load(code), await load(shortcut)];
    for (const a of texts) {
      for (const b of ['', 'y', '😀']) {
        expect(after({ a, b }), JSON.stringify({ a, b, codePoints: ucs2length(a) })).toBe(before({ a, b }));
      }
    }
  });

  it('leaves code without a code-point counter as it is', () => {
    const code = codeFor({ type: 'integer', maximum: 3 });
    expect(withLengthShortcuts(code)).toBe(code);
  });
});
