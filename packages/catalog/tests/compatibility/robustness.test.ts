// Malformed and hostile schemas are data, not faults: the checker reports changes and never crashes on them.
import { describe, expect, it } from 'vitest';
import { diff, type JsonSchema } from '@factline/catalog';
import { apicurioCases, igluSchemas } from './corpora.js';

/** A small deterministic generator (a linear congruential one), so that a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

const malformed: unknown[] = [5, 'x', null, [], {}, true, false, [1, 'a'], { type: 5 }, { $ref: 5 }, { $ref: '#/nope' }, { enum: 5 }, { required: 'a' }, { properties: [] }, { items: 'x' }, { allOf: {} }, { anyOf: [] }, { oneOf: [5] }, { patternProperties: { '(': { type: 'string' } } }, { pattern: '(' }, { minimum: 'x' }, { type: ['nope'] }, { not: null }];
const keywords = ['type', 'items', 'properties', 'allOf', 'anyOf', 'not', 'enum', 'const', 'required', '$ref', 'additionalProperties', 'prefixItems'];

function mutate(node: unknown, next: () => number): unknown {
  if (node === null || typeof node !== 'object') return node;
  if (Array.isArray(node)) return node.map((n) => mutate(n, next));
  const out: Record<string, unknown> = {};
  for (const [keyword, value] of Object.entries(node)) {
    const roll = next();
    if (roll < 0.05) continue;
    out[keyword] = roll < 0.1 ? malformed[Math.floor(next() * malformed.length)] : mutate(value, next);
  }
  if (next() < 0.05) out[keywords[Math.floor(next() * keywords.length)]!] = malformed[Math.floor(next() * malformed.length)];
  return out;
}

describe('robustness', () => {
  it('never throws on mutated real schemas, and explains every change it reports', () => {
    // Prepare
    const next = random(42);
    const schemas = [...apicurioCases().flatMap((c) => [c.original, c.updated]), ...igluSchemas().map((s) => s.schema)];
    const failures: string[] = [];
    let reported = 0;
    // Act
    for (const schema of schemas) {
      const a = mutate(schema, next) as JsonSchema;
      const b = (next() < 0.5 ? mutate(schema, next) : schemas[Math.floor(next() * schemas.length)]) as JsonSchema;
      try {
        const changes = [...diff(a, b).changes, ...diff(b, a).changes];
        reported += changes.length;
        failures.push(...changes.filter((c) => c.message.trim() === '' || /undefined|\[object Object\]|NaN/.test(c.message)).map((c) => `${c.type} ${c.pointer}: "${c.message}"`));
      } catch (error) {
        failures.push(`${(error as Error).message} for ${JSON.stringify(a).slice(0, 120)}`);
      }
    }
    // Assess
    expect(failures).toEqual([]);
    expect(reported).toBeGreaterThan(1000);
  });
});
