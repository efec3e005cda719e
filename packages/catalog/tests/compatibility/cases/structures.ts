// Arrays, combinators, conditionals, references, and what the checker refuses.
import { row, type Row } from './row.js';

const str = { type: 'string' } as const;
const num = { type: 'number' } as const;
const draft07 = 'http://json-schema.org/draft-07/schema#';
const array = (extra: Record<string, unknown>) => ({ type: 'array', ...extra });

export const arrayRows: Row[] = [
  row('the items schema changes', array({ items: str }), array({ items: num }), ['TYPE_CHANGED /items'], ['TYPE_CHANGED /items'], 'none'),
  row('an item is added to a closed tuple', array({ prefixItems: [str], items: false }), array({ prefixItems: [str, num], items: false }), ['ITEM_ADDED_TO_CLOSED_CONTENT_MODEL /prefixItems/1'], ['ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL /prefixItems/1'], 'backward'),
  row('an item is added to an open tuple', array({ prefixItems: [str] }), array({ prefixItems: [str, num] }), ['ITEM_ADDED_TO_OPEN_CONTENT_MODEL /prefixItems/1'], ['ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL /prefixItems/1'], 'forward'),
  row('an item that accepts anything is added to an open tuple', array({ prefixItems: [str] }), array({ prefixItems: [str, true] }), ['ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL /prefixItems/1'], ['ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL /prefixItems/1'], 'both'),
  row('a forbidden item is removed from a closed tuple', array({ prefixItems: [num, false], items: false }), array({ prefixItems: [num], items: false }), ['ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL /prefixItems/1'], ['ITEM_ADDED_TO_CLOSED_CONTENT_MODEL /prefixItems/1'], 'both'),
  row('draft-07: an item the rest schema already allowed', { $schema: draft07, ...array({ items: [str, num], additionalItems: str }) }, { $schema: draft07, ...array({ items: [str, num, str], additionalItems: str }) }, ['ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL /items/2'], ['ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL /items/2'], 'both'),
  row('draft-07: an item the rest schema did not allow', { $schema: draft07, ...array({ items: [str, num], additionalItems: str }) }, { $schema: draft07, ...array({ items: [str, num, num], additionalItems: str }) }, ['ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL /items/2'], ['ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL /items/2'], 'none'),
  row('a closed tuple opens', array({ prefixItems: [str], items: false }), array({ prefixItems: [str] }), ['ADDITIONAL_ITEMS_ADDED /items'], ['ADDITIONAL_ITEMS_REMOVED /items'], 'backward'),
  row('draft-07: additionalItems false is dropped', { $schema: draft07, ...array({ items: [str], additionalItems: false }) }, { $schema: draft07, ...array({ items: [str] }) }, ['ADDITIONAL_ITEMS_ADDED /additionalItems'], ['ADDITIONAL_ITEMS_REMOVED /additionalItems'], 'backward'),
  row('the rest of an open tuple gets a schema', array({ prefixItems: [str] }), array({ prefixItems: [str], items: num }), ['ADDITIONAL_ITEMS_NARROWED /items'], ['ADDITIONAL_ITEMS_EXTENDED /items'], 'forward'),
  row('unevaluatedItems closes an array', array({}), array({ unevaluatedItems: false }), ['UNEVALUATED_ITEMS_REMOVED /unevaluatedItems'], ['UNEVALUATED_ITEMS_ADDED /unevaluatedItems'], 'forward'),
  row('unevaluatedItems gets a schema', array({}), array({ unevaluatedItems: num }), ['UNEVALUATED_ITEMS_NARROWED /unevaluatedItems'], ['UNEVALUATED_ITEMS_EXTENDED /unevaluatedItems'], 'forward'),
  row('maxItems decreases', array({ maxItems: 5 }), array({ maxItems: 2 }), ['MAX_ITEMS_DECREASED /maxItems'], ['MAX_ITEMS_INCREASED /maxItems'], 'forward'),
  row('maxItems appears', array({}), array({ maxItems: 2 }), ['MAX_ITEMS_ADDED /maxItems'], ['MAX_ITEMS_REMOVED /maxItems'], 'forward'),
  row('minItems increases', array({ minItems: 1 }), array({ minItems: 2 }), ['MIN_ITEMS_INCREASED /minItems'], ['MIN_ITEMS_DECREASED /minItems'], 'forward'),
  row('minItems appears', array({}), array({ minItems: 1 }), ['MIN_ITEMS_ADDED /minItems'], ['MIN_ITEMS_REMOVED /minItems'], 'forward'),
  row('items must be unique', array({}), array({ uniqueItems: true }), ['UNIQUE_ITEMS_ADDED /uniqueItems'], ['UNIQUE_ITEMS_REMOVED /uniqueItems'], 'forward'),
  row('contains appears', array({}), array({ contains: num }), ['SCHEMA_ADDED /contains'], ['SCHEMA_REMOVED /contains'], 'forward'),
  row('contains widens', array({ contains: { ...num, minimum: 10 } }), array({ contains: { ...num, minimum: 5 } }), ['MINIMUM_DECREASED /contains/minimum'], ['MINIMUM_INCREASED /contains/minimum'], 'backward'),
  row('maxContains decreases', array({ contains: num, maxContains: 3 }), array({ contains: num, maxContains: 2 }), ['MAX_CONTAINS_DECREASED /maxContains'], ['MAX_CONTAINS_INCREASED /maxContains'], 'forward'),
  row('maxContains appears', array({ contains: num }), array({ contains: num, maxContains: 2 }), ['MAX_CONTAINS_ADDED /maxContains'], ['MAX_CONTAINS_REMOVED /maxContains'], 'forward'),
  row('minContains increases', array({ contains: num, minContains: 2 }), array({ contains: num, minContains: 3 }), ['MIN_CONTAINS_INCREASED /minContains'], ['MIN_CONTAINS_DECREASED /minContains'], 'forward'),
  row('minContains appears', array({ contains: num }), array({ contains: num, minContains: 2 }), ['MIN_CONTAINS_ADDED /minContains'], ['MIN_CONTAINS_REMOVED /minContains'], 'forward'),
];

export const combinatorRows: Row[] = [
  row('anyOf gains an alternative', { anyOf: [str] }, { anyOf: [str, num] }, ['SUM_TYPE_EXTENDED /anyOf/1'], ['SUM_TYPE_NARROWED /anyOf/1'], 'backward'),
  row('a type becomes a union', str, { anyOf: [str, num] }, ['SUM_TYPE_EXTENDED /anyOf/1'], ['SUM_TYPE_NARROWED /anyOf/1'], 'backward'),
  row('an alternative widens', { anyOf: [str, { ...num, maximum: 5 }] }, { anyOf: [{ ...num, maximum: 9 }, str] }, ['MAXIMUM_INCREASED /anyOf/0/maximum'], ['MAXIMUM_DECREASED /anyOf/1/maximum'], 'backward'),
  row('oneOf with a disjoint new alternative', str, { oneOf: [num, str] }, ['SUM_TYPE_EXTENDED /oneOf/0'], ['SUM_TYPE_NARROWED /oneOf/0'], 'backward'),
  row('oneOf with an overlapping new alternative', { oneOf: [str] }, { oneOf: [str, { maxLength: 5 }] }, ['SUM_TYPE_EXTENDED /oneOf/1', 'COMBINED_TYPE_SUBSCHEMAS_CHANGED /oneOf/1'], ['SUM_TYPE_NARROWED /oneOf/1', 'COMBINED_TYPE_SUBSCHEMAS_CHANGED /oneOf/1'], 'none'),
  row('oneOf becomes anyOf', { oneOf: [{ minimum: 0 }, { maximum: 10 }] }, { anyOf: [{ minimum: 0 }, { maximum: 10 }] }, ['COMBINED_TYPE_EXTENDED /anyOf'], ['COMBINED_TYPE_CHANGED /oneOf'], 'backward'),
  row('oneOf of disjoint alternatives becomes anyOf', { oneOf: [str, num] }, { anyOf: [str, num] }, ['COMBINED_TYPE_EXTENDED /anyOf'], ['COMBINED_TYPE_CHANGED /oneOf'], 'both'),
  row('allOf parts merge into one schema', { allOf: [str, { maxLength: 5 }] }, { allOf: [str, { maxLength: 10 }] }, ['MAX_LENGTH_INCREASED /maxLength'], ['MAX_LENGTH_DECREASED /maxLength'], 'backward'),
  row('allOf order does not matter', { allOf: [str, { maxLength: 5 }] }, { allOf: [{ maxLength: 5 }, str] }, [], [], 'both'),
  row('an allOf part that cannot merge is dropped', { allOf: [{ pattern: '^a' }, { pattern: 'b$' }] }, { pattern: '^a' }, ['PRODUCT_TYPE_NARROWED /allOf/0'], ['PRODUCT_TYPE_EXTENDED /allOf/0'], 'backward'),
  row('not excludes fewer values', { not: num }, { not: { type: 'integer' } }, ['NOT_TYPE_NARROWED /not'], ['NOT_TYPE_EXTENDED /not'], 'backward'),
  row('a not that excludes nothing old is harmless', str, { ...str, not: num }, ['NOT_TYPE_EXTENDED /not'], ['NOT_TYPE_NARROWED /not'], 'both'),
  row('a not that excludes old values', str, { ...str, not: { maxLength: 2 } }, ['NOT_TYPE_EXTENDED /not'], ['NOT_TYPE_NARROWED /not'], 'forward'),
];

const conditional = (then: unknown, condition: unknown = { properties: { kind: { const: 'a' } } }) => ({ type: 'object', if: condition, then });

export const conditionalRows: Row[] = [
  row('the if condition changes', conditional({ required: ['x'] }), conditional({ required: ['x'] }, { properties: { kind: { const: 'b' } } }), ['IF_SCHEMA_CHANGED /if'], ['IF_SCHEMA_CHANGED /if'], 'none'),
  row('a then branch narrows', conditional({ required: ['x'] }), conditional({ required: ['x', 'y'] }), ['REQUIRED_ATTRIBUTE_ADDED /then/required/y'], ['REQUIRED_ATTRIBUTE_REMOVED /then/required/y'], 'forward'),
  row('a then branch widens in the context of its schema', { ...conditional({ properties: { d: { pattern: '[a-z]' } } }), properties: { d: str } }, { ...conditional({ properties: { d: str } }), properties: { d: str } }, ['PATTERN_REMOVED /then/properties/d/pattern'], ['PATTERN_ADDED /then/properties/d/pattern'], 'backward'),
  row('an if/then/else appears', { type: 'object' }, conditional({ required: ['x'] }), ['CONDITIONAL_ADDED /if'], ['CONDITIONAL_REMOVED /if'], 'forward'),
];

const person = { type: 'object', properties: { name: str, children: { type: 'array', items: { $ref: '#/$defs/person' } } } };

export const referenceRows: Row[] = [
  row('moving a schema into $defs changes nothing', str, { $ref: '#/$defs/s', $defs: { s: str } }, [], [], 'both'),
  row('a change behind a $ref is reported where the $ref is used', { properties: { home: { $ref: '#/$defs/a' }, work: { $ref: '#/$defs/a' } }, $defs: { a: str } }, { properties: { home: { $ref: '#/$defs/a' }, work: { $ref: '#/$defs/a' } }, $defs: { a: num } }, ['TYPE_CHANGED /properties/home', 'TYPE_CHANGED /properties/work'], ['TYPE_CHANGED /properties/home', 'TYPE_CHANGED /properties/work'], 'none'),
  row('a recursive schema compared with itself', { $ref: '#/$defs/person', $defs: { person } }, { $ref: '#/$defs/person', $defs: { person } }, [], [], 'both'),
  row('a recursive schema inlined once', { $ref: '#/$defs/person', $defs: { person } }, { ...person, $defs: { person } }, [], [], 'both'),
  row('a change in a recursive schema is reported once', { $ref: '#/$defs/person', $defs: { person } }, { $ref: '#/$defs/person', $defs: { person: { ...person, properties: { ...person.properties, name: num } } } }, ['TYPE_CHANGED /properties/name'], ['TYPE_CHANGED /properties/name'], 'none'),
  row("draft-07: a $ref to an \"$id\": \"#name\" anchor", { $schema: draft07, properties: { a: { $ref: '#A' } }, definitions: { A: { $id: '#A', ...str } } }, { $schema: draft07, properties: { a: { $ref: '#A' } }, definitions: { A: { $id: '#A', ...num } } }, ['TYPE_CHANGED /properties/a'], ['TYPE_CHANGED /properties/a'], 'none'),
  row('keywords beside a $ref apply with it', { $ref: '#/$defs/s', maxLength: 5, $defs: { s: str } }, { $ref: '#/$defs/s', maxLength: 9, $defs: { s: str } }, ['MAX_LENGTH_INCREASED /maxLength'], ['MAX_LENGTH_DECREASED /maxLength'], 'backward'),
  row('a reference that does not resolve is never compatible', { $ref: '#/$defs/missing' }, str, ['UNRESOLVED_REFERENCE '], ['UNRESOLVED_REFERENCE '], 'none'),
];

const composed = (base: Record<string, unknown>, own: Record<string, unknown>) => ({ type: 'object', allOf: [{ $ref: '#/$defs/base' }], properties: own, unevaluatedProperties: false, $defs: { base: { type: 'object', required: ['id'], properties: base } } });

export const compositionRows: Row[] = [
  row('a payload closed with unevaluatedProperties over an allOf gains an optional property', composed({ id: str }, { x: str }), composed({ id: str }, { x: str, y: num }), ['OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL /properties/y'], ['PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL /properties/y'], 'backward'),
  row('a property dropped from the composed part is rejected by unevaluatedProperties', composed({ id: str, name: str }, { x: str }), composed({ id: str }, { x: str }), ['PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL /properties/name'], ['OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL /properties/name'], 'forward'),
];

export const refusedRows: Row[] = [
  row('a changed $dynamicRef is refused', { $dynamicRef: '#node', type: 'object' }, { $dynamicRef: '#node', type: 'array' }, ['UNSUPPORTED_KEYWORD /$dynamicRef'], ['UNSUPPORTED_KEYWORD /$dynamicRef'], 'none'),
  row('unevaluatedProperties beside anyOf is refused', { anyOf: [{ properties: { a: str } }], unevaluatedProperties: false }, { anyOf: [{ properties: { a: str, b: str } }], unevaluatedProperties: false }, ['UNSUPPORTED_KEYWORD /unevaluatedProperties'], ['UNSUPPORTED_KEYWORD /unevaluatedProperties'], 'none'),
];
