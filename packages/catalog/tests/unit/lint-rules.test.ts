import { describe, expect, it } from 'vitest';
import { lintRules, lintSchema, type DocumentRole, type JsonSchemaObject } from '@factline/catalog';

interface RuleCase {
  rule: string;
  role: DocumentRole;
  failing: JsonSchemaObject;
  /** Pointer of the finding in the failing schema. */
  at: string;
  passing: JsonSchemaObject;
}

const d = 'A description.';
const cases: RuleCase[] = [
  { rule: 'root-object', role: 'event', failing: { description: d, type: 'string', maxLength: 3 }, at: '', passing: { description: d, type: 'object', additionalProperties: false, properties: {} } },
  { rule: 'required-not-defined', role: 'fact', failing: { description: d, type: 'object', required: ['a'], properties: {} }, at: '/required/0', passing: { description: d, type: 'object', required: ['a'], properties: { a: { description: d, type: 'boolean' } } } },
  { rule: 'bounds-order', role: 'fact', failing: { description: d, type: 'integer', minimum: 5, maximum: 1 }, at: '/minimum', passing: { description: d, type: 'integer', minimum: 1, maximum: 5 } },
  { rule: 'keyword-type-mismatch', role: 'fact', failing: { description: d, type: 'integer', minimum: 0, maximum: 9, maxLength: 3 }, at: '/maxLength', passing: { description: d, type: 'integer', minimum: 0, maximum: 9 } },
  { rule: 'enum-type', role: 'fact', failing: { description: d, type: 'string', enum: ['a', 3] }, at: '/enum/1', passing: { description: d, type: 'string', enum: ['a', 'b'] } },
  { rule: 'unknown-format', role: 'fact', failing: { description: d, type: 'string', format: 'date_time', maxLength: 30 }, at: '/format', passing: { description: d, type: 'string', format: 'date-time' } },
  { rule: 'snake-case-collision', role: 'fact', failing: { description: d, type: 'object', properties: { postalCode: { description: d, type: 'boolean' }, postal_code: { description: d, type: 'boolean' } } }, at: '/properties/postal_code', passing: { description: d, type: 'object', properties: { postalCode: { description: d, type: 'boolean' } } } },
  { rule: 'string-max-length', role: 'fact', failing: { description: d, type: 'string' }, at: '', passing: { description: d, type: 'string', maxLength: 10 } },
  { rule: 'string-max-length-range', role: 'fact', failing: { description: d, type: 'string', maxLength: 20000 }, at: '/maxLength', passing: { description: d, type: 'string', maxLength: 16383 } },
  { rule: 'integer-bounds', role: 'fact', failing: { description: d, type: 'integer', minimum: 0 }, at: '', passing: { description: d, type: 'integer', minimum: 0, maximum: 10 } },
  { rule: 'number-precision', role: 'fact', failing: { description: d, type: 'number', minimum: 0, maximum: 1 }, at: '', passing: { description: d, type: 'number', multipleOf: 0.01, minimum: 0, maximum: 1 } },
  { rule: 'payload-not-closed', role: 'event', failing: { description: d, type: 'object', properties: {} }, at: '', passing: { description: d, type: 'object', additionalProperties: false, properties: {} } },
  { rule: 'reserved-word', role: 'generic', failing: { description: d, type: 'object', properties: { timestamp: { description: d, type: 'string', format: 'date-time' } } }, at: '/properties/timestamp', passing: { description: d, type: 'object', properties: { happenedAt: { description: d, type: 'string', format: 'date-time' } } } },
  { rule: 'missing-description', role: 'fact', failing: { type: 'boolean' }, at: '', passing: { description: d, type: 'boolean' } },
  { rule: 'nested-id', role: 'fact', failing: { description: d, type: 'object', properties: { a: { $id: 'https://x/a.json', description: d, type: 'boolean' } } }, at: '/properties/a/$id', passing: { description: d, type: 'object', properties: { a: { description: d, type: 'boolean' } } } },
  { rule: 'unsupported-combinator', role: 'fact', failing: { description: d, anyOf: [{ type: 'boolean' }, { type: 'integer', minimum: 0, maximum: 1 }] }, at: '/anyOf', passing: { description: d, type: 'boolean' } },
];

describe('lint rules', () => {
  it('has a failing-schema case for every rule', () => {
    // Arrange / Act
    const covered = new Set(cases.map((c) => c.rule));
    // Assert
    expect(lintRules.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it.each(cases)('$rule reports the failing schema at $at', ({ rule, role, failing, at }) => {
    const findings = lintSchema(failing, role).filter((f) => f.rule === rule);
    expect(findings.map((f) => f.pointer)).toContain(at);
    expect(findings[0]?.message.length).toBeGreaterThan(20);
  });

  it.each(cases)('$rule accepts the corrected schema', ({ rule, role, passing }) => {
    expect(lintSchema(passing, role).filter((f) => f.rule === rule)).toEqual([]);
  });

  it('lets the project lower or turn off a configurable rule, but not an error by nature', () => {
    const schema: JsonSchemaObject = { type: 'object', required: ['x'], properties: {} };
    const findings = lintSchema(schema, 'fact', { 'missing-description': 'off', 'required-not-defined': 'off' });
    expect(findings.some((f) => f.rule === 'missing-description')).toBe(false);
    expect(findings.find((f) => f.rule === 'required-not-defined')?.severity).toBe('error');
  });

  it('every rule documents a rationale of at least a sentence', () => {
    for (const rule of lintRules) expect(rule.rationale.length, rule.id).toBeGreaterThan(80);
  });
});
