// Annotations, types, enums, strings and numbers.
import { row, type Row } from './row.js';

const str = { type: 'string' } as const;
const num = { type: 'number' } as const;
const int = { type: 'integer' } as const;

export const annotationRows: Row[] = [
  row('a title change is description-only', { title: 'Name' }, { title: 'Display name' }, ['TITLE_CHANGED '], ['TITLE_CHANGED '], 'both'),
  row('a description change is description-only', { ...str, description: 'a' }, { ...str, description: 'b' }, ['DESCRIPTION_CHANGED '], ['DESCRIPTION_CHANGED '], 'both'),
  row('an $id change is reported at the schema', { $id: 'https://x.test/a.json' }, { $id: 'https://x.test/b.json' }, ['ID_CHANGED '], ['ID_CHANGED '], 'both'),
  row('a default change does not change validation', { ...str, default: 'a' }, { ...str, default: 'b' }, ['DEFAULT_CHANGED '], ['DEFAULT_CHANGED '], 'both'),
  row('examples, $comment and deprecated are annotations', { ...str, examples: ['a'] }, { ...str, examples: ['b'], deprecated: true }, ['ANNOTATION_CHANGED /examples', 'ANNOTATION_CHANGED /deprecated'], ['ANNOTATION_CHANGED /examples', 'ANNOTATION_CHANGED /deprecated'], 'both'),
  row(
    'an x-factline-mapping change is an extension change',
    { type: 'object', 'x-factline-mapping': { entityId: '/id', facts: [] } },
    { type: 'object', 'x-factline-mapping': { entityId: '/id', facts: [{ fact: 'a.b', version: 1, value: '/b' }] } },
    ['FACTLINE_EXTENSION_CHANGED /x-factline-mapping'],
    ['FACTLINE_EXTENSION_CHANGED /x-factline-mapping'],
    'both',
  ),
  row('a nested annotation is reported where it sits', { type: 'object', properties: { a: { ...str, title: 'A' } } }, { type: 'object', properties: { a: { ...str, title: 'B' } } }, ['TITLE_CHANGED /properties/a'], ['TITLE_CHANGED /properties/a'], 'both'),
];

export const typeRows: Row[] = [
  row('integer widens to number', int, num, ['TYPE_EXTENDED '], ['TYPE_NARROWED '], 'backward'),
  row('string to object changes the type', str, { type: 'object' }, ['TYPE_CHANGED '], ['TYPE_CHANGED '], 'none'),
  row('string becomes nullable', str, { type: ['string', 'null'] }, ['TYPE_EXTENDED '], ['TYPE_NARROWED '], 'backward'),
  row('any value narrows to string', {}, str, ['TYPE_NARROWED '], ['TYPE_EXTENDED '], 'forward'),
  row('string and null to string and number changes the type', { type: ['string', 'null'] }, { type: ['string', 'number'] }, ['TYPE_CHANGED '], ['TYPE_CHANGED '], 'none'),
  row('a forbidden property becomes allowed', { type: 'object', properties: { a: false } }, { type: 'object', properties: { a: str } }, ['TYPE_EXTENDED /properties/a'], ['TYPE_NARROWED /properties/a'], 'backward'),
  row('true and {} are the same schema', true, {}, [], [], 'both'),
  row('["number", "integer"] is number', { type: ['number', 'integer'] }, num, [], [], 'both'),
  row('an enum whose values all fit the new type needs no type', { enum: ['a', 'b'] }, { type: 'string', enum: ['a', 'b'] }, [], [], 'both'),
  row('items gain a schema', { type: 'array' }, { type: 'array', items: str }, ['SCHEMA_ADDED /items'], ['SCHEMA_REMOVED /items'], 'forward'),
];

export const enumRows: Row[] = [
  row('an enum gains a value', { ...str, enum: ['a', 'b'] }, { ...str, enum: ['a', 'b', 'c'] }, ['ENUM_ARRAY_EXTENDED /enum'], ['ENUM_ARRAY_NARROWED /enum'], 'backward'),
  row('an enum swaps a value', { ...str, enum: ['a', 'b'] }, { ...str, enum: ['a', 'c'] }, ['ENUM_ARRAY_CHANGED /enum'], ['ENUM_ARRAY_CHANGED /enum'], 'none'),
  row('the order of enum values does not matter', { enum: ['a', 'b', 1] }, { enum: [1, 'b', 'a'] }, [], [], 'both'),
  row('a const changes', { const: 'a' }, { const: 'b' }, ['ENUM_ARRAY_CHANGED /const'], ['ENUM_ARRAY_CHANGED /const'], 'none'),
  row('a const equals an enum of one value', { const: { x: 1 } }, { enum: [{ x: 1 }] }, [], [], 'both'),
  row('an enum is removed', { ...str, enum: ['a'] }, str, ['ENUM_ARRAY_REMOVED /enum'], ['ENUM_ARRAY_ADDED /enum'], 'backward'),
  row('a boolean narrows to one value', { type: 'boolean' }, { type: 'boolean', enum: [true] }, ['ENUM_ARRAY_NARROWED /enum'], ['ENUM_ARRAY_EXTENDED /enum'], 'forward'),
  row('a maxLength every enum value fits is harmless', { ...str, enum: ['ab', 'cd'] }, { ...str, enum: ['ab', 'cd'], maxLength: 2 }, ['MAX_LENGTH_ADDED /maxLength'], ['MAX_LENGTH_REMOVED /maxLength'], 'both'),
  row('a pattern every enum value matches is harmless', { ...str, enum: ['AB', 'CD'] }, { ...str, enum: ['AB', 'CD'], pattern: '^[A-Z]+$' }, ['PATTERN_ADDED /pattern'], ['PATTERN_REMOVED /pattern'], 'both'),
  row('a bound every enum value meets is harmless', { enum: [1, 2] }, { enum: [1, 2], minimum: 1 }, ['MINIMUM_ADDED /minimum'], ['MINIMUM_REMOVED /minimum'], 'both'),
];

export const stringRows: Row[] = [
  row('maxLength decreases', { ...str, maxLength: 10 }, { ...str, maxLength: 5 }, ['MAX_LENGTH_DECREASED /maxLength'], ['MAX_LENGTH_INCREASED /maxLength'], 'forward'),
  row('maxLength appears', str, { ...str, maxLength: 5 }, ['MAX_LENGTH_ADDED /maxLength'], ['MAX_LENGTH_REMOVED /maxLength'], 'forward'),
  row('minLength increases', { ...str, minLength: 1 }, { ...str, minLength: 3 }, ['MIN_LENGTH_INCREASED /minLength'], ['MIN_LENGTH_DECREASED /minLength'], 'forward'),
  row('minLength appears', str, { ...str, minLength: 2 }, ['MIN_LENGTH_ADDED /minLength'], ['MIN_LENGTH_REMOVED /minLength'], 'forward'),
  row('minLength 0 is no limit', str, { ...str, minLength: 0 }, [], [], 'both'),
  row('a pattern appears', str, { ...str, pattern: '^[a-z]+$' }, ['PATTERN_ADDED /pattern'], ['PATTERN_REMOVED /pattern'], 'forward'),
  row('a pattern changes', { ...str, pattern: '[a-z]*' }, { ...str, pattern: '[A-Z]*' }, ['PATTERN_CHANGED /pattern'], ['PATTERN_CHANGED /pattern'], 'none'),
  row('a format appears', str, { ...str, format: 'email' }, ['FORMAT_ADDED /format'], ['FORMAT_REMOVED /format'], 'forward'),
  row('email widens to idn-email', { ...str, format: 'email' }, { ...str, format: 'idn-email' }, ['FORMAT_CHANGED /format'], ['FORMAT_CHANGED /format'], 'backward'),
  row('date-time changes to date', { ...str, format: 'date-time' }, { ...str, format: 'date' }, ['FORMAT_CHANGED /format'], ['FORMAT_CHANGED /format'], 'none'),
  row('a contentEncoding appears', str, { ...str, contentEncoding: 'base64' }, ['CONTENT_ENCODING_ADDED /contentEncoding'], ['CONTENT_ENCODING_REMOVED /contentEncoding'], 'forward'),
  row('a contentEncoding changes', { ...str, contentEncoding: 'base64' }, { ...str, contentEncoding: 'base32' }, ['CONTENT_ENCODING_CHANGED /contentEncoding'], ['CONTENT_ENCODING_CHANGED /contentEncoding'], 'none'),
  row('a contentMediaType appears', str, { ...str, contentMediaType: 'image/png' }, ['CONTENT_MEDIA_TYPE_ADDED /contentMediaType'], ['CONTENT_MEDIA_TYPE_REMOVED /contentMediaType'], 'forward'),
  row('a contentMediaType changes', { ...str, contentMediaType: 'image/png' }, { ...str, contentMediaType: 'image/gif' }, ['CONTENT_MEDIA_TYPE_CHANGED /contentMediaType'], ['CONTENT_MEDIA_TYPE_CHANGED /contentMediaType'], 'none'),
  row('string limits do not matter where strings are not allowed any more', { type: ['string', 'integer'], maxLength: 3 }, { type: 'integer' }, ['TYPE_NARROWED '], ['TYPE_EXTENDED '], 'forward'),
];

export const numberRows: Row[] = [
  row('maximum decreases', { ...num, maximum: 10 }, { ...num, maximum: 5 }, ['MAXIMUM_DECREASED /maximum'], ['MAXIMUM_INCREASED /maximum'], 'forward'),
  row('maximum appears', num, { ...num, maximum: 10 }, ['MAXIMUM_ADDED /maximum'], ['MAXIMUM_REMOVED /maximum'], 'forward'),
  row('minimum increases', { ...num, minimum: 0 }, { ...num, minimum: 1 }, ['MINIMUM_INCREASED /minimum'], ['MINIMUM_DECREASED /minimum'], 'forward'),
  row('minimum appears', num, { ...num, minimum: 0 }, ['MINIMUM_ADDED /minimum'], ['MINIMUM_REMOVED /minimum'], 'forward'),
  row('exclusiveMaximum appears', num, { ...num, exclusiveMaximum: 10 }, ['EXCLUSIVE_MAXIMUM_ADDED /exclusiveMaximum'], ['EXCLUSIVE_MAXIMUM_REMOVED /exclusiveMaximum'], 'forward'),
  row('exclusiveMaximum decreases', { ...num, exclusiveMaximum: 10 }, { ...num, exclusiveMaximum: 5 }, ['EXCLUSIVE_MAXIMUM_DECREASED /exclusiveMaximum'], ['EXCLUSIVE_MAXIMUM_INCREASED /exclusiveMaximum'], 'forward'),
  row('exclusiveMinimum appears', num, { ...num, exclusiveMinimum: 0 }, ['EXCLUSIVE_MINIMUM_ADDED /exclusiveMinimum'], ['EXCLUSIVE_MINIMUM_REMOVED /exclusiveMinimum'], 'forward'),
  row('exclusiveMinimum increases', { ...num, exclusiveMinimum: 0 }, { ...num, exclusiveMinimum: 5 }, ['EXCLUSIVE_MINIMUM_INCREASED /exclusiveMinimum'], ['EXCLUSIVE_MINIMUM_DECREASED /exclusiveMinimum'], 'forward'),
  row('an exclusive bound becomes inclusive at the same value', { ...num, exclusiveMinimum: 10 }, { ...num, minimum: 10 }, ['MINIMUM_DECREASED /minimum'], ['EXCLUSIVE_MINIMUM_INCREASED /exclusiveMinimum'], 'backward'),
  row("draft-04's boolean exclusiveMinimum is the same bound", { ...num, minimum: 10, exclusiveMinimum: true }, { ...num, exclusiveMinimum: 10 }, [], [], 'both'),
  row('integer bounds are whole numbers', { ...int, exclusiveMinimum: 0, maximum: 9.5 }, { ...int, minimum: 1, exclusiveMaximum: 10 }, [], [], 'both'),
  row('multipleOf is reduced to a divisor', { ...num, multipleOf: 10 }, { ...num, multipleOf: 5 }, ['MULTIPLE_OF_REDUCED /multipleOf'], ['MULTIPLE_OF_EXPANDED /multipleOf'], 'backward'),
  row('multipleOf changes to a non-divisor', { ...num, multipleOf: 7 }, { ...num, multipleOf: 13 }, ['MULTIPLE_OF_CHANGED /multipleOf'], ['MULTIPLE_OF_CHANGED /multipleOf'], 'none'),
  row('multipleOf appears', num, { ...num, multipleOf: 2 }, ['MULTIPLE_OF_ADDED /multipleOf'], ['MULTIPLE_OF_REMOVED /multipleOf'], 'forward'),
  row('decimal multipleOf compares despite binary fractions', { ...num, multipleOf: 0.1 }, { ...num, multipleOf: 0.01 }, ['MULTIPLE_OF_REDUCED /multipleOf'], ['MULTIPLE_OF_EXPANDED /multipleOf'], 'backward'),
  row('every integer is a multiple of 0.5', int, { ...int, multipleOf: 0.5 }, [], [], 'both'),
];
