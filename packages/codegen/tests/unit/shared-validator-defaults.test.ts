// Generated validators share two frozen objects as their parameter defaults instead of allocating two per call, but
// only when no validator writes to dynamicAnchors ($dynamicAnchor does); the answers must not change.
import _standaloneCode from 'ajv/dist/standalone/index.js';
import { describe, expect, it } from 'vitest';
import { createAjv, Dialect } from '@factline/catalog';
import { withSharedDefaults } from '../../src/typescript/validators-generator.js';

const standaloneCode = ((_standaloneCode as unknown as { default?: unknown }).default ?? _standaloneCode) as (ajv: unknown, refs: Record<string, string>) => string;

/** Standalone code for `schema` (ESM, one export), as the validators generator produces it. */
function codeFor(schema: object): string {
  const ajv = createAjv(Dialect.draft2020, { code: { source: true, esm: true, lines: false } });
  ajv.addSchema({ $id: 'https://example.test/s.json', ...schema });
  return standaloneCode(ajv, { validate: 'https://example.test/s.json' });
}

/** Loads ESM code as a module and returns its `validate` export. */
async function load(code: string): Promise<(data: unknown) => boolean> {
  const module = (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as { validate: (data: unknown) => boolean };
  return module.validate;
}

describe('withSharedDefaults', () => {
  it('shares the defaults of a plain schema and keeps its answers', async () => {
    // Prepare
    const schema = { type: 'object', required: ['a'], properties: { a: { type: 'integer', minimum: 1 }, b: { $ref: '#/$defs/b' } }, $defs: { b: { type: 'string' } } };
    const code = codeFor(schema);

    // Act
    const shared = withSharedDefaults(code);

    // Assess
    expect(shared).not.toContain('dynamicAnchors={}}={}');
    expect(shared).toContain('dynamicAnchors=noDynamicAnchors}=noDataContext');
    const [before, after] = [await load(code), await load(shared)];
    for (const data of [{ a: 1 }, { a: 0 }, { a: 1, b: 'x' }, { a: 1, b: 2 }, {}, null, 'a']) expect(after(data), JSON.stringify(data)).toBe(before(data));
  });

  it('leaves the code alone when a validator writes to dynamicAnchors', () => {
    // Prepare: a $dynamicAnchor makes ajv assign into dynamicAnchors.
    const code = codeFor({ $dynamicAnchor: 'node', type: 'object', properties: { child: { $dynamicRef: '#node' } } });

    // Act + Assess
    expect(code).toMatch(/dynamicAnchors(\[|\.)/);
    expect(withSharedDefaults(code)).toBe(code);
  });
});
