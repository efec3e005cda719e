import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '@factline/catalog';
import { assignabilityIssues } from '../../src/mapping/assignability.js';
import { createValueChecker } from '../../src/mapping/value-checker.js';

const check = createValueChecker();
const fits = (source: JsonSchema, target: JsonSchema) => assignabilityIssues(source, target, check);

describe('mapping assignability: can every value of the event be stored as the fact?', () => {
  it.each<[string, JsonSchema, JsonSchema]>([
    ['identical schemas', { type: 'string', maxLength: 5 }, { type: 'string', maxLength: 5 }],
    ['a shorter string', { type: 'string', maxLength: 3 }, { type: 'string', maxLength: 5 }],
    ['an integer into a number', { type: 'integer', minimum: 0, maximum: 9 }, { type: 'number', minimum: 0, maximum: 10 }],
    ['an enum subset', { type: 'string', enum: ['a'] }, { type: 'string', enum: ['a', 'b'] }],
    ['enum values into a bounded string', { enum: ['abc'] }, { type: 'string', maxLength: 3 }],
    ['a non-null into a nullable', { type: 'string', maxLength: 2 }, { type: ['string', 'null'], maxLength: 2 }],
    ['a closed object with the required properties', { type: 'object', additionalProperties: false, required: ['a'], properties: { a: { type: 'boolean' } } }, { type: 'object', additionalProperties: false, required: ['a'], properties: { a: { type: 'boolean' } } }],
    ['an array of a narrower item', { type: 'array', maxItems: 2, items: { type: 'integer', minimum: 0, maximum: 1 } }, { type: 'array', maxItems: 3, items: { type: 'integer', minimum: 0, maximum: 5 } }],
    ['same format', { type: 'string', format: 'uuid' }, { type: 'string', format: 'uuid' }],
  ])('accepts %s', (_name, source, target) => {
    expect(fits(source, target)).toEqual([]);
  });

  it.each<[string, JsonSchema, JsonSchema, RegExp]>([
    ['a number into an integer', { type: 'number', multipleOf: 0.5, minimum: 0, maximum: 1 }, { type: 'integer', minimum: 0, maximum: 1 }, /allows a number/],
    ['a longer string', { type: 'string', maxLength: 9 }, { type: 'string', maxLength: 5 }, /maxLength is 5; the event's is 9/],
    ['an unbounded string', { type: 'string' }, { type: 'string', maxLength: 5 }, /unbounded/],
    ['null into a non-nullable', { type: ['string', 'null'], maxLength: 2 }, { type: 'string', maxLength: 2 }, /allows null/],
    ['an enum value the fact lacks', { type: 'string', enum: ['a', 'z'] }, { type: 'string', enum: ['a', 'b'] }, /"z"/],
    ['a free string into an enum', { type: 'string', maxLength: 3 }, { type: 'string', enum: ['a'] }, /allows only/],
    ['a wider integer range', { type: 'integer', minimum: -5, maximum: 9 }, { type: 'integer', minimum: 0, maximum: 9 }, /lower bound is 0; the event's is -5/],
    ['a different format', { type: 'string', format: 'date' }, { type: 'string', format: 'date-time' }, /format "date-time"/],
    ['an optional property the fact requires', { type: 'object', additionalProperties: false, properties: { a: { type: 'boolean' } } }, { type: 'object', required: ['a'], properties: { a: { type: 'boolean' } } }, /requires "a"/],
    ['an extra property into a closed object', { type: 'object', additionalProperties: false, properties: { b: { type: 'boolean' } } }, { type: 'object', additionalProperties: false, properties: {} }, /has "b"/],
    ['a union, which it cannot prove', { anyOf: [{ type: 'string' }] }, { type: 'string', maxLength: 1 }, /anyOf/],
  ])('refuses %s', (_name, source, target, reason) => {
    const issues = fits(source, target);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.join('\n')).toMatch(reason);
  });
});
