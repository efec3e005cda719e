// The transformer skips validating a declared fact's value only when validating the payload already proved it valid.
// Every "true" here must be sound; a doubtful case must say false.
import { describe, expect, it } from 'vitest';
import { pointersProvingFact, provenByPayload, type JsonSchemaObject, type SchemaDocument } from '@factline/catalog';

const dialect = 'https://json-schema.org/draft/2020-12/schema';

function document(kind: 'event' | 'fact', resolved: JsonSchemaObject, schema: JsonSchemaObject = { $schema: dialect }): SchemaDocument {
  return { kind, file: `${kind}.json`, id: `https://example.test/${kind}.json`, schema, resolved, title: undefined, description: undefined };
}

const email = { type: 'string', format: 'email', maxLength: 254 };
const event = (property: unknown, extra: JsonSchemaObject = {}) =>
  document('event', { type: 'object', required: ['info'], properties: { info: { type: 'object', properties: { email: property } } }, ...extra });

describe('provenByPayload', () => {
  it('says yes when the schema at the pointer is the fact schema', () => {
    expect(provenByPayload(event(email), ['info', 'email'], document('fact', { ...email }))).toBe(true);
  });

  it('ignores annotations on either side, nested ones included', () => {
    // Prepare
    const address = { type: 'object', additionalProperties: false, required: ['city'], properties: { city: { type: 'string', maxLength: 80, description: 'the city' } } };
    const fact = { $id: 'https://example.test/fact.json', $schema: dialect, title: 'Address', description: 'Where it is.', examples: [{ city: 'Porto' }], ...address, properties: { city: { type: 'string', maxLength: 80 } } };

    // Act
    const proven = provenByPayload(event({ ...address, description: 'Postal address' }), ['info', 'email'], document('fact', fact));

    // Assess
    expect(proven).toBe(true);
  });

  it.each<[string, unknown, JsonSchemaObject]>([
    ['a longer string in the event', { ...email, maxLength: 300 }, email],
    ['a shorter string in the event (safe, but not the same schema)', { ...email, maxLength: 100 }, email],
    ['a different format', { ...email, format: 'idn-email' }, email],
    ['a constraint only the fact has', { type: 'string' }, { type: 'string', pattern: '^a' }],
    ['a property named like an annotation that differs', { type: 'object', properties: { title: { type: 'string' } } }, { type: 'object', properties: { title: { type: 'integer' } } }],
    ['a reference left in the event (a cycle)', { $ref: '#/$defs/node' }, { $ref: '#/$defs/node' }],
    ['a reference left deep in the fact', { type: 'array', items: { type: 'string' } }, { type: 'array', items: { $ref: 'other.json' } }],
  ])('says no for %s', (_name, property, fact) => {
    expect(provenByPayload(event(property), ['info', 'email'], document('fact', fact))).toBe(false);
  });

  it('says no when the pointer goes through anything but properties', () => {
    // Prepare: the value sits under additionalProperties, which patternProperties could override.
    const open = document('event', { type: 'object', additionalProperties: email, patternProperties: { '^e': { type: 'integer' } } });
    const viaItems = document('event', { type: 'object', properties: { list: { type: 'array', items: email } } });

    // Act + Assess
    expect(provenByPayload(open, ['email'], document('fact', email))).toBe(false);
    expect(provenByPayload(viaItems, ['list', '0'], document('fact', email))).toBe(false);
    expect(provenByPayload(event(email), ['info', 'missing'], document('fact', email))).toBe(false);
  });

  it('says no when the two documents are written in different dialects', () => {
    const draft7 = document('fact', email, { $schema: 'http://json-schema.org/draft-07/schema#' });
    expect(provenByPayload(event(email), ['info', 'email'], draft7)).toBe(false);
  });

  it('takes the empty pointer as the whole payload', () => {
    const payload = { type: 'object', additionalProperties: false, properties: { a: { type: 'integer' } } };
    expect(provenByPayload(document('event', payload), [], document('fact', payload))).toBe(true);
  });
});

describe('pointersProvingFact', () => {
  it('lists every property path whose schema is the fact schema, escaped, nested ones included', () => {
    // Prepare
    const date = { type: 'string', format: 'date' };
    const payload = {
      type: 'object',
      properties: { checkIn: { ...date, description: 'first night' }, checkOut: date, 'a/b': date, stay: { type: 'object', properties: { from: date, nights: { type: 'integer' } } }, note: { type: 'string' } },
    };

    // Act
    const pointers = pointersProvingFact(document('event', payload), document('fact', { ...date, title: 'Check-in' }));

    // Assess
    expect(pointers).toEqual(['/checkIn', '/checkOut', '/a~1b', '/stay/from']);
  });

  it('stops at the given depth and lists nothing when no schema matches', () => {
    const payload = { type: 'object', properties: { a: { type: 'object', properties: { b: { type: 'boolean' } } } } };
    expect(pointersProvingFact(document('event', payload), document('fact', { type: 'boolean' }), 1)).toEqual([]);
    expect(pointersProvingFact(document('event', payload), document('fact', { type: 'boolean' }))).toEqual(['/a/b']);
    expect(pointersProvingFact(document('event', payload), document('fact', { type: 'string' }))).toEqual([]);
  });
});
