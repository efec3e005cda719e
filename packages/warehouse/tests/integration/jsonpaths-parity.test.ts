// The DuckDB COPY evaluates JSONPaths in SQL; evaluateJsonPath states COPY's semantics in plain TypeScript. For
// random documents and random paths, both must agree on every record: the value, NULL, or the index error.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDuckDbWarehouse, evaluateJsonPath, parseJsonPath, type DuckDbWarehouse, type JsonPathStep } from '@factline/warehouse';
import { createTestStore, type TestStore } from '../support/folder-store.js';

const keys = ['a', 'b', '0', 'x y', 'é'];
let folder: string;
let warehouse: DuckDbWarehouse;
let store: TestStore;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'factline-parity-'));
  warehouse = await createDuckDbWarehouse({ path: join(folder, 'parity.duckdb') });
  store = await createTestStore('parity');
  await warehouse.execute('create table parity (i integer, v varchar)');
});

afterAll(async () => {
  await warehouse.close();
  await store.remove();
  await rm(folder, { recursive: true, force: true });
});

const { value } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('scalar'), tie('array'), tie('object')),
  scalar: fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.string({ maxLength: 6 }), fc.boolean(), fc.constant(null)),
  array: fc.array(tie('value'), { maxLength: 3 }),
  object: fc.dictionary(fc.constantFrom(...keys), tie('value'), { maxKeys: 4 }),
}));
const step: fc.Arbitrary<JsonPathStep> = fc.oneof(fc.constantFrom(...keys).map((name) => ({ kind: 'key' as const, name })), fc.integer({ min: 0, max: 2 }).map((index) => ({ kind: 'index' as const, index })));
const path = fc.tuple(fc.array(step, { minLength: 1, maxLength: 3 }), fc.boolean()).map(([steps, dot]) => {
  const canDot = dot && steps.every((s) => s.kind === 'index' || !/[.'[\]]/.test(s.name));
  return `$${steps.map((s) => (s.kind === 'index' ? `[${s.index}]` : canDot ? `.${s.name}` : `['${s.name}']`)).join('')}`;
});

function text(found: unknown): string {
  return typeof found === 'string' ? found : JSON.stringify(found);
}

describe('JSONPaths in DuckDB SQL and in TypeScript', () => {
  it('agree on the value, the NULL and the error of every record', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(path, fc.array(fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 5 }), { minLength: 1, maxLength: 40 }), async (expression, documents) => {
        // Prepare
        run += 1;
        const parsed = parseJsonPath(expression);
        if (!parsed.ok) throw new Error(parsed.message);
        await store.put(`paths/${run}.json`, JSON.stringify({ jsonpaths: ['$.i', expression] }));
        await store.put(`data/${run}.json`, documents.map((d, i) => `${JSON.stringify({ ...d, i })}\n`).join(''));
        await warehouse.execute('delete from parity');

        // Act
        const result = await warehouse.copy({ store, table: 'parity', keys: [`data/${run}.json`], options: `JSON 's3://parity/paths/${run}.json' MAXERROR 100000` });
        const loaded = new Map((await warehouse.query<{ i: number; v: string | null }>('select i, v from parity')).map((r) => [r.i, r.v]));

        // Assess
        const failedLines = new Set(result.skipped.map((e) => e.line));
        documents.forEach((document, i) => {
          const expected = evaluateJsonPath({ ...document, i }, parsed.path);
          if (expected.found === 'error') expect(failedLines.has(i + 1), `${expression} on ${JSON.stringify(document)}`).toBe(true);
          else expect(loaded.get(i), `${expression} on ${JSON.stringify(document)}`).toBe(expected.found ? text(expected.value) : null);
        });
      }),
      { numRuns: 30, seed: 20260501 },
    );
  });
});
