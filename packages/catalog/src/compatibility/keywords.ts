// Which keywords constrain values, which only annotate, and small readers over a (normalized) schema node.
import { isDeepStrictEqual } from 'node:util';
import { isSchemaObject, jsonTypeOf } from '../schema/walk.js';
import type { JsonSchema, JsonSchemaObject } from '../types.js';

/** Keywords the checker compares because they decide what validates. */
export const assertionKeywords = new Set([
  'type', 'enum', 'const',
  'minLength', 'maxLength', 'pattern', 'format', 'contentEncoding', 'contentMediaType',
  'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf',
  'properties', 'required', 'additionalProperties', 'patternProperties', 'unevaluatedProperties', 'propertyNames',
  'minProperties', 'maxProperties', 'dependentRequired', 'dependentSchemas',
  'prefixItems', 'items', 'contains', 'minContains', 'maxContains', 'minItems', 'maxItems', 'uniqueItems', 'unevaluatedItems',
  'allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else',
  '$ref', '$dynamicRef', '$recursiveRef',
]);

/** Keywords that structure a document without constraining the value where they sit. */
export const structuralKeywords = new Set(['$defs', 'definitions', '$anchor', '$dynamicAnchor', '$recursiveAnchor', '$vocabulary']);

/** The JSON types, with integer as a subtype of number. */
export const allTypes = ['null', 'boolean', 'object', 'array', 'number', 'string'] as const;

/** True when the schema constrains nothing: `true`, `{}`, or only annotations. */
export function isTrivial(schema: unknown): boolean {
  if (schema === false) return false;
  // Anything that is not a schema object (absent, `true`, or a malformed value) constrains nothing here.
  return !isSchemaObject(schema) || !Object.keys(schema).some((keyword) => assertionKeywords.has(keyword));
}

/** True when the schema accepts no value (`false`, or `not: {}`). */
export function isFalse(schema: unknown): boolean {
  if (schema === false) return true;
  return isSchemaObject(schema) && schemaAt(schema, 'not') !== undefined && isTrivial(schema['not']);
}

/** Types from `type`; undefined when the keyword is absent (every type). */
export function declaredTypes(node: JsonSchemaObject): Set<string> | undefined {
  const type = node['type'];
  if (typeof type === 'string') return new Set([type]);
  if (Array.isArray(type)) return new Set(type.filter((t): t is string => typeof t === 'string'));
  return undefined;
}

/** Does a type set admit values of `type`? integer values are numbers, too. */
export function admits(types: Set<string> | undefined, type: string): boolean {
  if (types === undefined || types.has(type)) return true;
  return type === 'integer' && types.has('number');
}

/** Does `inner` admit only values that `outer` admits? */
export function typesWithin(inner: Set<string> | undefined, outer: Set<string> | undefined): boolean {
  if (outer === undefined) return true;
  const members = inner === undefined ? [...allTypes] : [...inner];
  return members.every((type) => admits(outer, type));
}

/** Only integers among the numbers: bounds can be rounded to whole numbers. */
export function integerOnly(types: Set<string> | undefined): boolean {
  return types !== undefined && admits(types, 'integer') && !admits(types, 'number');
}

/** The finite set of values a node allows: its enum or const, or every value of a boolean/null-only type. */
export function finiteValues(node: JsonSchemaObject): unknown[] | undefined {
  if ('const' in node) return [node['const']];
  if (Array.isArray(node['enum'])) return node['enum'] as unknown[];
  const types = declaredTypes(node);
  if (types === undefined || types.size === 0 || ![...types].every((t) => t === 'boolean' || t === 'null')) return undefined;
  return [...(types.has('boolean') ? [true, false] : []), ...(types.has('null') ? [null] : [])];
}

/** Values an `enum`/`const` lists, which other constraints can be checked against one by one. */
export function listedValues(node: JsonSchemaObject): unknown[] | undefined {
  return 'const' in node || Array.isArray(node['enum']) ? finiteValues(node) : undefined;
}

/** Is the value among the values? (deep equality; 1 and 1.0 are the same number in JSON) */
export function includesValue(values: readonly unknown[], value: unknown): boolean {
  return values.some((candidate) => isDeepStrictEqual(candidate, value));
}

/** The types a node can actually produce: its `type`, narrowed by its values when it has an enum. */
export function effectiveTypes(node: JsonSchemaObject): Set<string> | undefined {
  const declared = declaredTypes(node);
  const values = 'const' in node || Array.isArray(node['enum']) ? finiteValues(node) : undefined;
  if (values === undefined) return declared;
  return new Set(values.map(jsonTypeOf).filter((type) => admits(declared, type)));
}

/** Reads a numeric keyword. */
export function numberAt(node: JsonSchemaObject, keyword: string): number | undefined {
  const value = node[keyword];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** A schema-valued keyword (`true` when absent). */
export function schemaAt(node: JsonSchemaObject, keyword: string): JsonSchema | undefined {
  const value = node[keyword];
  return typeof value === 'boolean' || isSchemaObject(value) ? value : undefined;
}

/** A map of schemas (`properties`, `patternProperties`, `dependentSchemas`). */
export function schemaMapAt(node: JsonSchemaObject, keyword: string): Record<string, JsonSchema> {
  const value = node[keyword];
  if (!isSchemaObject(value)) return {};
  const out: Record<string, JsonSchema> = {};
  for (const [name, schema] of Object.entries(value)) if (typeof schema === 'boolean' || isSchemaObject(schema)) out[name] = schema;
  return out;
}

/** The union keyword of a node: `anyOf` or `oneOf` with at least one alternative (anything else is not a union). */
export function unionOf(node: JsonSchemaObject): 'anyOf' | 'oneOf' | undefined {
  const present = (keyword: string) => (schemaListAt(node, keyword)?.length ?? 0) > 0;
  return present('anyOf') ? 'anyOf' : present('oneOf') ? 'oneOf' : undefined;
}

/** A list of schemas (`allOf`, `anyOf`, `oneOf`, `prefixItems`). */
export function schemaListAt(node: JsonSchemaObject, keyword: string): JsonSchema[] | undefined {
  const value = node[keyword];
  return Array.isArray(value) ? value.filter((s): s is JsonSchema => typeof s === 'boolean' || isSchemaObject(s)) : undefined;
}

/** The names in `required`. */
export function requiredAt(node: JsonSchemaObject): Set<string> {
  const value = node['required'];
  return new Set(Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
}

/** Compiles a `pattern`/`patternProperties` regex the way ajv does (unicode); undefined when invalid. */
export function compilePattern(source: string): RegExp | undefined {
  try {
    return new RegExp(source, 'u');
  } catch {
    return undefined;
  }
}

/** Length of a string in code points, as JSON Schema counts it. */
export function stringLength(value: string): number {
  let length = 0;
  for (const _ of value) length++;
  return length;
}

/** Shortens a JSON value for a message. */
export function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

const refCache = new WeakMap<object, boolean>();

/** Does the subtree hold a `$ref`? Two equal subtrees with one can still differ: the targets may have changed. */
export function containsRef(node: unknown): boolean {
  if (node === null || typeof node !== 'object') return false;
  const known = refCache.get(node);
  if (known !== undefined) return known;
  const found = Array.isArray(node) ? node.some(containsRef) : '$ref' in node || Object.values(node).some(containsRef);
  refCache.set(node, found);
  return found;
}

/** Equal, and without references whose targets could differ between the sides. */
export function sameSchema(a: JsonSchema, b: JsonSchema): boolean {
  return isDeepStrictEqual(a, b) && !containsRef(a);
}

/** The keywords of a node that constrain values, minus the ones listed (compared elsewhere). */
export function assertionPart(node: JsonSchema, except: readonly string[] = []): JsonSchema {
  if (typeof node === 'boolean') return node;
  return Object.fromEntries(Object.entries(node).filter(([k]) => assertionKeywords.has(k) && !except.includes(k)));
}
