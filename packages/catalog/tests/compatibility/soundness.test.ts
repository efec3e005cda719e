// The checker may be cautious (call a safe change breaking) but must never call a breaking change safe. ajv is the
// oracle: for every pair it judges compatible, no value from a pool built from both schemas may be valid under the
// writer's schema and invalid under the reader's.
import type { Ajv, ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { createAjv, Dialect, dialectOf, diff, isSchemaObject, type JsonSchema } from '@factline/catalog';
import { allRows } from './cases/index.js';
import { apicurioCases, igluSteps } from './corpora.js';

const ajvs = new Map<Dialect, Ajv>();

function validator(schema: JsonSchema): ValidateFunction | undefined {
  const dialect = (isSchemaObject(schema) ? dialectOf(schema['$schema']) : undefined) ?? Dialect.draft2020;
  let ajv = ajvs.get(dialect);
  if (!ajv) ajvs.set(dialect, (ajv = createAjv(dialect, { strict: false, logger: false })));
  try {
    const validate = ajv.compile(typeof schema === 'boolean' ? schema : { ...schema, $id: undefined, id: undefined });
    return validate;
  } catch {
    return undefined; // a schema ajv cannot compile ($dynamicRef without its anchor, a broken $ref): nothing to probe
  }
}

/** Values shaped after what the schemas mention: their property names, enum values, limits and patterns. */
function valuePool(schemas: JsonSchema[]): unknown[] {
  const names = new Set<string>();
  const scalars: unknown[] = [null, true, false, '', 'a', 'abc', 'abcdefg', 'ABC', 'Ab1', 'S_x', 'I_1', 'n_a', '2024-01-31', '2024-01-31T10:00:00Z', 'ana@example.com', 'https://example.com/a', 'π', 0, 1, -1, 2, 5, 6, 10, 11, 1.5, 0.5, -0.5, 1e6];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!isSchemaObject(node)) return;
    for (const [keyword, value] of Object.entries(node)) {
      if (keyword === 'properties' && isSchemaObject(value)) Object.keys(value).forEach((n) => names.add(n));
      if (keyword === 'required' && Array.isArray(value)) value.forEach((n) => typeof n === 'string' && names.add(n));
      if (keyword === 'enum' && Array.isArray(value)) scalars.push(...value);
      if (keyword === 'const') scalars.push(value);
      if (typeof value === 'number' && /^(min|max|exclusiveM)/.test(keyword)) scalars.push(value, value - 1, value + 1, value - 0.5, value + 0.5);
      if (typeof value === 'number' && /Length$/.test(keyword)) scalars.push('x'.repeat(value), 'x'.repeat(value + 1), 'x'.repeat(Math.max(0, value - 1)));
      if (typeof value === 'number' && keyword === 'multipleOf') scalars.push(value, value * 3, value / 2);
      visit(value);
    }
  };
  schemas.forEach(visit);
  const few = [null, 'abc', 1, 1.5, true, 'x'.repeat(40)];
  const pool: unknown[] = [...scalars, [], [1], ['a'], ['a', 1], [1, 'a'], [1, 1], ['a', 'b', 'c'], [true], [{}], ['a', true, 1], [1, 2, 3, 4, 5, 6], {}];
  const list = [...names].slice(0, 16);
  for (const name of list) for (const v of [...few, {}, []]) pool.push({ [name]: v });
  for (const a of list) for (const b of list) if (a < b) pool.push({ [a]: 'abc', [b]: 1 }, { [a]: 1, [b]: 'abc' }, { [a]: 'abc', [b]: 'abc' });
  pool.push(Object.fromEntries(list.map((n) => [n, 'abc'])), Object.fromEntries(list.map((n) => [n, 1])), Object.fromEntries(list.map((n) => [n, {}])));
  for (const outer of list) for (const inner of list) pool.push({ [outer]: { [inner]: 'abc' } }, { [outer]: [{ [inner]: 1 }] });
  return pool;
}

interface Pair {
  name: string;
  old: JsonSchema;
  new: JsonSchema;
}

/** A value the writer's schema accepts and the reader's rejects, when the checker said the reader reads it all. */
function counterexample(writer: JsonSchema, reader: JsonSchema): unknown {
  const accepts = validator(writer);
  const readerAccepts = validator(reader);
  if (!accepts || !readerAccepts) return undefined;
  return valuePool([writer, reader]).find((value) => accepts(value) && !readerAccepts(value));
}

function unsound(pairs: Pair[]): string[] {
  const found: string[] = [];
  for (const pair of pairs) {
    const result = diff(pair.old, pair.new);
    if (result.backward) {
      const value = counterexample(pair.old, pair.new);
      if (value !== undefined) found.push(`${pair.name}: BACKWARD claimed, but the old schema accepts ${JSON.stringify(value)} and the new one rejects it`);
    }
    if (result.forward) {
      const value = counterexample(pair.new, pair.old);
      if (value !== undefined) found.push(`${pair.name}: FORWARD claimed, but the new schema accepts ${JSON.stringify(value)} and the old one rejects it`);
    }
  }
  return found;
}

describe('soundness against ajv', () => {
  it('finds no counterexample to any verdict on the given/want rows', () => {
    const pairs = allRows.flatMap((row) => [{ name: row.name, old: row.old, new: row.new }, { name: `${row.name} (swapped)`, old: row.new, new: row.old }]);
    expect(unsound(pairs)).toEqual([]);
  });

  it('finds no counterexample to any verdict on the Apicurio corpus', () => {
    const pairs = apicurioCases().flatMap((c) => [{ name: c.id, old: c.original, new: c.updated }, { name: `${c.id} (swapped)`, old: c.updated, new: c.original }]);
    expect(unsound(pairs)).toEqual([]);
  });

  it('finds no counterexample to any verdict on the Iglu Central version steps', () => {
    const pairs = igluSteps().flatMap((s) => [{ name: `${s.schema} ${s.from}→${s.to}`, old: s.old, new: s.new }, { name: `${s.schema} ${s.to}→${s.from}`, old: s.new, new: s.old }]);
    expect(unsound(pairs)).toEqual([]);
  });

  it('catches a wrong verdict when there is one', () => {
    // The probe itself must be able to fail: a narrowing that a careless checker could call safe.
    expect(counterexample({ type: 'string' }, { type: 'string', maxLength: 3 })).toBe('abcdefg');
  });
});
