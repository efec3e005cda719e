// Objects: content models (open, closed, partially open), required, counts, dependencies, pattern properties.
import { closed, open, row, type Row } from './row.js';

const str = { type: 'string' } as const;
const num = { type: 'number' } as const;
const partial = (properties: Record<string, unknown>, extra: unknown = str) => ({ type: 'object', properties, additionalProperties: extra });

export const propertyRows: Row[] = [
  row('an optional property is added to a closed object', closed({ a: str }), closed({ a: str, b: num }), ['OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL /properties/b'], ['PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL /properties/b'], 'backward'),
  row('a required property is added to a closed object', closed({ a: str }), closed({ a: str, b: num }, ['b']), ['REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL /properties/b'], ['PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL /properties/b'], 'none'),
  row('a required property with a default is still breaking', closed({ a: str }), closed({ a: str, b: { ...num, default: 0 } }, ['b']), ['REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL /properties/b'], ['PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL /properties/b'], 'none'),
  row('an optional property is added to an open object', open({ a: str }), open({ a: str, b: num }), ['OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL /properties/b'], ['PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL /properties/b'], 'forward'),
  row('a required property is added to an open object', open({ a: str }), open({ a: str, b: num }, ['b']), ['REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL /properties/b'], ['PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL /properties/b'], 'forward'),
  row('a required property with a default is added to an open object', open({ a: str }), open({ a: str, b: { ...num, default: 1 } }, ['b']), ['REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL /properties/b'], ['PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL /properties/b'], 'forward'),
  row('a property that accepts anything is added to an open object', open({ a: str }), open({ a: str, b: { description: 'anything' } }), ['PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL /properties/b'], ['PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL /properties/b'], 'both'),
  row('a forbidden property is removed from a closed object', closed({ a: str, b: false }), closed({ a: str }), ['PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL /properties/b'], ['OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL /properties/b'], 'both'),
  row('a property renamed in a closed object', closed({ name: str }), closed({ displayName: str }), ['PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL /properties/name', 'OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL /properties/displayName'], ['PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL /properties/displayName', 'OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL /properties/name'], 'none'),
  row('a property added where additionalProperties already allowed it', partial({ a: str }), partial({ a: str, b: str }), ['PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL /properties/b', 'OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL /properties/b'], ['PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL /properties/b'], 'both'),
  row('a property added that additionalProperties did not allow', partial({ a: str }), partial({ a: str, b: num }), ['PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL /properties/b', 'OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL /properties/b'], ['PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL /properties/b'], 'none'),
  row(
    'a property removed that a pattern now covers',
    closed({ foo: str, I_123: { type: 'integer' } }),
    { ...(closed({ foo: str }) as object), patternProperties: { '^S_': str, '^I_': num } },
    ['PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL /properties/I_123', 'PATTERN_PROPERTY_ADDED /patternProperties/^S_', 'PATTERN_PROPERTY_ADDED /patternProperties/^I_'],
    ['PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL /properties/I_123', 'OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL /properties/I_123', 'PATTERN_PROPERTY_REMOVED /patternProperties/^S_', 'PATTERN_PROPERTY_REMOVED /patternProperties/^I_'],
    'backward',
  ),
  row('a nested property changes type', closed({ a: closed({ b: str }) }), closed({ a: closed({ b: num }) }), ['TYPE_CHANGED /properties/a/properties/b'], ['TYPE_CHANGED /properties/a/properties/b'], 'none'),
];

export const requiredRows: Row[] = [
  row('an existing property becomes required', open({ a: str }), open({ a: str }, ['a']), ['REQUIRED_ATTRIBUTE_ADDED /required/a'], ['REQUIRED_ATTRIBUTE_REMOVED /required/a'], 'forward'),
  row('a property with a default becomes required', open({ a: { ...str, default: 'x' } }), open({ a: { ...str, default: 'x' } }, ['a']), ['REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED /required/a'], ['REQUIRED_ATTRIBUTE_REMOVED /required/a'], 'forward'),
  row('required names are a set', open({ a: str, b: str }, ['a', 'b']), open({ a: str, b: str }, ['b', 'a']), [], [], 'both'),
  row('an undeclared name becomes required', open({ foo: str }, ['foo']), open({ foo: str }, ['bar']), ['REQUIRED_ATTRIBUTE_ADDED /required/bar', 'REQUIRED_ATTRIBUTE_REMOVED /required/foo'], ['REQUIRED_ATTRIBUTE_ADDED /required/foo', 'REQUIRED_ATTRIBUTE_REMOVED /required/bar'], 'none'),
];

export const objectModelRows: Row[] = [
  row('a closed object opens', closed({ a: str }), open({ a: str }), ['ADDITIONAL_PROPERTIES_ADDED /additionalProperties'], ['ADDITIONAL_PROPERTIES_REMOVED /additionalProperties'], 'backward'),
  row('an open object gets an additionalProperties schema', open({ a: str }), partial({ a: str }), ['ADDITIONAL_PROPERTIES_NARROWED /additionalProperties'], ['ADDITIONAL_PROPERTIES_EXTENDED /additionalProperties'], 'forward'),
  row('the additionalProperties schema changes', partial({}, str), partial({}, num), ['TYPE_CHANGED /additionalProperties'], ['TYPE_CHANGED /additionalProperties'], 'none'),
  row('unevaluatedProperties closes an object', open({ a: str }), { ...(open({ a: str }) as object), unevaluatedProperties: false }, ['UNEVALUATED_PROPERTIES_REMOVED /unevaluatedProperties'], ['UNEVALUATED_PROPERTIES_ADDED /unevaluatedProperties'], 'forward'),
  row('unevaluatedProperties restricts extra properties', open({}), { type: 'object', unevaluatedProperties: num }, ['UNEVALUATED_PROPERTIES_NARROWED /unevaluatedProperties'], ['UNEVALUATED_PROPERTIES_EXTENDED /unevaluatedProperties'], 'forward'),
  row('maxProperties decreases', { type: 'object', maxProperties: 5 }, { type: 'object', maxProperties: 3 }, ['MAX_PROPERTIES_DECREASED /maxProperties'], ['MAX_PROPERTIES_INCREASED /maxProperties'], 'forward'),
  row('maxProperties appears', { type: 'object' }, { type: 'object', maxProperties: 3 }, ['MAX_PROPERTIES_ADDED /maxProperties'], ['MAX_PROPERTIES_REMOVED /maxProperties'], 'forward'),
  row('minProperties increases', { type: 'object', minProperties: 1 }, { type: 'object', minProperties: 2 }, ['MIN_PROPERTIES_INCREASED /minProperties'], ['MIN_PROPERTIES_DECREASED /minProperties'], 'forward'),
  row('minProperties appears', { type: 'object' }, { type: 'object', minProperties: 1 }, ['MIN_PROPERTIES_ADDED /minProperties'], ['MIN_PROPERTIES_REMOVED /minProperties'], 'forward'),
  row('property names get shorter', { type: 'object', propertyNames: { maxLength: 10 } }, { type: 'object', propertyNames: { maxLength: 5 } }, ['MAX_LENGTH_DECREASED /propertyNames/maxLength'], ['MAX_LENGTH_INCREASED /propertyNames/maxLength'], 'forward'),
  row('property names are strings anyway', { type: 'object' }, { type: 'object', propertyNames: { type: 'string' } }, [], [], 'both'),
];

export const dependencyRows: Row[] = [
  row('a dependentRequired entry appears', { type: 'object' }, { type: 'object', dependentRequired: { a: ['b'] } }, ['DEPENDENCY_ARRAY_ADDED /dependentRequired/a'], ['DEPENDENCY_ARRAY_REMOVED /dependentRequired/a'], 'forward'),
  row('a dependency requires more names', { type: 'object', dependentRequired: { a: ['b'] } }, { type: 'object', dependentRequired: { a: ['b', 'c'] } }, ['DEPENDENCY_ARRAY_EXTENDED /dependentRequired/a'], ['DEPENDENCY_ARRAY_NARROWED /dependentRequired/a'], 'forward'),
  row('a dependency requires other names', { type: 'object', dependentRequired: { a: ['b'] } }, { type: 'object', dependentRequired: { a: ['c'] } }, ['DEPENDENCY_ARRAY_CHANGED /dependentRequired/a'], ['DEPENDENCY_ARRAY_CHANGED /dependentRequired/a'], 'none'),
  row("draft-07 dependencies arrays are dependentRequired", { type: 'object', dependencies: { street: ['city', 'zip'] } }, { type: 'object', dependencies: { street: ['city'] } }, ['DEPENDENCY_ARRAY_NARROWED /dependencies/street'], ['DEPENDENCY_ARRAY_EXTENDED /dependencies/street'], 'backward'),
  row('a dependent schema appears', { type: 'object' }, { type: 'object', dependentSchemas: { a: { required: ['b'] } } }, ['DEPENDENCY_SCHEMA_ADDED /dependentSchemas/a'], ['DEPENDENCY_SCHEMA_REMOVED /dependentSchemas/a'], 'forward'),
  row('a dependent schema changes', { type: 'object', dependencies: { a: { properties: { b: str } } } }, { type: 'object', dependencies: { a: { properties: { b: num } } } }, ['TYPE_CHANGED /dependencies/a/properties/b'], ['TYPE_CHANGED /dependencies/a/properties/b'], 'none'),
];

export const patternRows: Row[] = [
  row('a pattern property schema changes', { type: 'object', patternProperties: { '^S_': str } }, { type: 'object', patternProperties: { '^S_': num } }, ['TYPE_CHANGED /patternProperties/^S_'], ['TYPE_CHANGED /patternProperties/^S_'], 'none'),
  row('a pattern property constrains names that were free', { type: 'object' }, { type: 'object', patternProperties: { '^n_': num } }, ['PATTERN_PROPERTY_ADDED /patternProperties/^n_'], ['PATTERN_PROPERTY_REMOVED /patternProperties/^n_'], 'forward'),
  row('a pattern property opens names of a closed object', closed({}), { ...(closed({}) as object), patternProperties: { '^n_': num } }, ['PATTERN_PROPERTY_ADDED /patternProperties/^n_'], ['PATTERN_PROPERTY_REMOVED /patternProperties/^n_'], 'backward'),
  row('a pattern property that matches a declared property constrains it', open({ n_a: str }), { ...(open({ n_a: str }) as object), patternProperties: { '^n_': { maxLength: 3 } } }, ['PATTERN_PROPERTY_ADDED /patternProperties/^n_'], ['PATTERN_PROPERTY_REMOVED /patternProperties/^n_'], 'forward'),
  row('removing one of two disjoint patterns leaves its names free', { type: 'object', patternProperties: { '^S_': str, '^I_': num } }, { type: 'object', patternProperties: { '^S_': str } }, ['PATTERN_PROPERTY_REMOVED /patternProperties/^I_'], ['PATTERN_PROPERTY_ADDED /patternProperties/^I_'], 'backward'),
];
