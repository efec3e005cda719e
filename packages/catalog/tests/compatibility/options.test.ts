import { describe, expect, it } from 'vitest';
import { CompatibilityError, CompatibilityErrorCode, CompatibilityPolicy, changeTypeInfo, diff, type JsonSchema } from '@factline/catalog';

const open: JsonSchema = { type: 'object', properties: { a: { type: 'string' } } };
const closed: JsonSchema = { type: 'object', additionalProperties: false, properties: { a: { type: 'string' } } };

describe('the LENIENT policy', () => {
  it('accepts what Confluent LENIENT accepts: properties added to open objects, closed objects, removals', () => {
    // Prepare
    const added: JsonSchema = { type: 'object', properties: { a: { type: 'string' }, b: { type: 'number' } } };
    const lenient = { policy: CompatibilityPolicy.lenient };
    // Act / Assess
    expect(diff(open, added).backward).toBe(false);
    expect(diff(open, added, lenient).backward).toBe(true);
    expect(diff(open, closed, lenient)).toMatchObject({ backward: true, forward: true });
    expect(diff(closed, { type: 'object', additionalProperties: false }, lenient).backward).toBe(true);
  });

  it('still refuses a new required property, with or without a default', () => {
    const required: JsonSchema = { type: 'object', required: ['b'], properties: { a: { type: 'string' }, b: { type: 'number', default: 0 } } };
    const result = diff(open, required, { policy: 'lenient' });
    expect(result.changes.map((c) => [c.type, c.backward])).toEqual([['REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL', false]]);
    expect(changeTypeInfo('REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL').lenient).toBe(false);
  });
});

describe('references to other documents', () => {
  const money = (maximum: number) => ({ $id: 'https://schemas.test/common/money.json', type: 'object', additionalProperties: false, required: ['amountMinor'], properties: { amountMinor: { type: 'integer', minimum: 0, maximum } } });
  const event: JsonSchema = { $id: 'https://schemas.test/events/order/placed/v1.json', type: 'object', additionalProperties: false, properties: { total: { $ref: '../../../common/money.json', description: 'Order total.' } } };
  const lookupOf = (document: ReturnType<typeof money>) => (id: string) => (id === document.$id ? document : undefined);

  it('resolves them through the lookup of each side and reports the change where it is used', () => {
    const result = diff(event, event, { lookupOld: lookupOf(money(1000)), lookupNew: lookupOf(money(10)) });
    expect(result.changes.map((c) => `${c.type} ${c.pointer}`)).toEqual(['MAXIMUM_DECREASED /properties/total/properties/amountMinor/maximum']);
    expect(result.backward).toBe(false);
  });

  it('uses one lookup for both sides when only `lookup` is given', () => {
    expect(diff(event, event, { lookup: lookupOf(money(10)) }).changes).toEqual([]);
  });

  it('reports a reference it cannot resolve as a change that is never compatible', () => {
    const result = diff(event, event, { lookupOld: lookupOf(money(10)) });
    expect(result.changes).toEqual([
      expect.objectContaining({ type: 'UNRESOLVED_REFERENCE', pointer: '/properties/total', backward: false, forward: false, message: expect.stringContaining('no schema has the $id "https://schemas.test/common/money.json"') }),
    ]);
  });
});

describe('faults', () => {
  it('wraps a failing lookup in a CompatibilityError that names the document', () => {
    const failing = () => {
      throw new Error('disk on fire');
    };
    const act = () => diff({ $ref: 'https://schemas.test/a.json' }, { type: 'string' }, { lookup: failing });
    expect(act).toThrow(CompatibilityError);
    try {
      act();
    } catch (error) {
      expect(error).toMatchObject({ code: CompatibilityErrorCode.lookupFailed, at: 'https://schemas.test/a.json', message: expect.stringContaining('disk on fire') });
      expect((error as Error).cause).toBeInstanceOf(Error);
    }
  });

  it('stops on absurdly deep schemas with an error instead of a stack overflow', () => {
    let deep: JsonSchema = { type: 'string' };
    for (let i = 0; i < 2000; i++) deep = { type: 'object', properties: { x: deep } };
    expect(() => diff(deep, deep)).toThrow(expect.objectContaining({ code: CompatibilityErrorCode.tooComplex }));
  });

  it('compares deep but reasonable schemas', () => {
    let deep: JsonSchema = { type: 'string', maxLength: 5 };
    let deeper: JsonSchema = { type: 'string', maxLength: 6 };
    for (let i = 0; i < 100; i++) {
      deep = { type: 'object', properties: { x: deep } };
      deeper = { type: 'object', properties: { x: deeper } };
    }
    const [change] = diff(deep, deeper).changes;
    expect(change?.type).toBe('MAX_LENGTH_INCREASED');
    expect(change?.pointer).toBe(`${'/properties/x'.repeat(100)}/maxLength`);
  });
});
