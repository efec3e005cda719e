import { describe, expect, it } from 'vitest';
import { breaks, bumpFor, ChangeKind, classifyChange, diff, directionsOf, isTransitive, requiredBump, type JsonSchema, type SchemaChange } from '@factline/catalog';

const payload = (properties: Record<string, JsonSchema>, extra: Record<string, unknown> = {}): JsonSchema => ({ type: 'object', additionalProperties: false, properties, ...extra });
const email = { type: 'string', format: 'email', maxLength: 254 } as const;

describe('classifying changes for a version bump', () => {
  it.each([
    ['only a description changed', payload({ email }), payload({ email }, { description: 'Contact details.' }), 'BACKWARD', 'patch'],
    ['an optional property was added to a closed payload', payload({ email }), payload({ email, phone: { type: 'string', maxLength: 32 } }), 'BACKWARD', 'minor'],
    ['the same addition under FULL', payload({ email }), payload({ email, phone: { type: 'string', maxLength: 32 } }), 'FULL', 'major'],
    ['a mapping changed', payload({ email }, { 'x-factline-mapping': { facts: [] } }), payload({ email }, { 'x-factline-mapping': { facts: [{ fact: 'a.email' }] } }), 'BACKWARD', 'minor'],
    ['a string was narrowed', payload({ email }), payload({ email: { ...email, maxLength: 100 } }), 'BACKWARD', 'major'],
    ['a string was narrowed, but nothing is checked', payload({ email }), payload({ email: { ...email, maxLength: 100 } }), 'NONE', 'minor'],
    ['a string was widened under FORWARD', payload({ email }), payload({ email: { ...email, maxLength: 320 } }), 'FORWARD', 'major'],
  ] as const)('%s → %s', (_, old, next, mode, bump) => {
    expect(requiredBump(diff(old, next).changes, mode)).toBe(bump);
  });

  it('needs no bump when nothing changed', () => {
    expect(requiredBump(diff(payload({ email }), payload({ email })).changes, 'FULL')).toBeUndefined();
  });

  it('classifies each change on its own', () => {
    // Prepare
    const { changes } = diff(payload({ email }), payload({ email: { ...email, maxLength: 100, description: 'Where we write to.' } }));
    const byType = Object.fromEntries(changes.map((c) => [c.type, c]));
    // Act / Assess
    expect(classifyChange(byType['DESCRIPTION_CHANGED']!, 'FULL')).toBe(ChangeKind.description);
    expect(classifyChange(byType['MAX_LENGTH_DECREASED']!, 'BACKWARD')).toBe(ChangeKind.breaking);
    expect(classifyChange(byType['MAX_LENGTH_DECREASED']!, 'FORWARD')).toBe(ChangeKind.additive);
  });

  it('maps modes to the directions they check', () => {
    const narrowing: SchemaChange = { type: 'MAX_LENGTH_DECREASED', pointer: '/maxLength', backward: false, forward: true, message: 'maxLength decreased' };
    expect(directionsOf('BACKWARD_TRANSITIVE')).toEqual(['backward']);
    expect(directionsOf('FORWARD')).toEqual(['forward']);
    expect(directionsOf('FULL')).toEqual(['backward', 'forward']);
    expect(directionsOf('NONE')).toEqual([]);
    expect(isTransitive('FULL_TRANSITIVE')).toBe(true);
    expect(isTransitive('FULL')).toBe(false);
    expect(breaks(narrowing, 'FULL')).toEqual(['backward']);
    expect(breaks(narrowing, 'FORWARD')).toEqual([]);
    expect([bumpFor('breaking'), bumpFor('additive'), bumpFor('description')]).toEqual(['major', 'minor', 'patch']);
  });
});
