import { describe, expect, it } from 'vitest';
import { dereference, resolveRef, type JsonSchemaObject } from '@factline/catalog';

const docs = new Map<string, JsonSchemaObject>([
  ['https://x/name.json', { type: 'string', maxLength: 200, minLength: 1, description: 'A name.' }],
  ['https://x/obj.json', { type: 'object', required: ['a'], properties: { a: { type: 'integer' } }, definitions: { inner: { $id: '#inner', type: 'boolean' } } }],
]);
const lookup = (id: string) => docs.get(id);

describe('$ref resolution', () => {
  it('keeps the stricter bound when a sibling of $ref constrains too (2019-09+ semantics)', () => {
    const resolved = dereference({ $ref: 'https://x/name.json', maxLength: 300, minLength: 3, description: 'The display name.' }, '', lookup);
    expect(resolved).toEqual({ type: 'string', maxLength: 200, minLength: 3, description: 'The display name.' });
  });

  it('combines required beside a $ref, and keeps other constraints as an allOf', () => {
    const resolved = dereference({ $ref: 'https://x/obj.json', required: ['b'], properties: { b: { type: 'string' } } }, '', lookup) as JsonSchemaObject;
    expect(resolved['required']).toEqual(['a', 'b']);
    expect(resolved['allOf']).toEqual([{ properties: { b: { type: 'string' } } }]);
  });

  it('finds a draft-06/07 plain-name anchor written as "$id": "#name"', () => {
    const result = resolveRef('obj.json#inner', 'https://x/', lookup);
    expect(result.ok && result.target.schema).toEqual({ $id: '#inner', type: 'boolean' });
  });

  it('says which id is missing', () => {
    expect(resolveRef('missing.json', 'https://x/', lookup)).toEqual({ ok: false, message: 'no schema has the $id "https://x/missing.json"' });
  });
});
