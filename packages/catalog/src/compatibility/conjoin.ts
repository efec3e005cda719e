// The conjunction of two normalized schemas as one schema object, when it can be written without `allOf`
// (flattening `allOf`, `$ref` with sibling keywords, the base of an `anyOf` with each alternative). Where keywords
// interact in ways a plain merge would change (a closed object meeting extra properties, tuples, `unevaluated*`),
// it gives up and returns `undefined` (the caller keeps the `allOf`, which is always correct); two different values
// of a keyword that stands alone (two patterns) stay apart in an `allOf` part.
import { isDeepStrictEqual } from 'node:util';
import { isSchemaObject } from '../schema/walk.js';
import type { JsonSchema, JsonSchemaObject } from '../types.js';
import { admits, assertionKeywords, declaredTypes, includesValue, isTrivial, schemaMapAt } from './keywords.js';

const lowerLimits = new Set(['minLength', 'minItems', 'minProperties', 'minContains', 'minimum', 'exclusiveMinimum']);
const upperLimits = new Set(['maxLength', 'maxItems', 'maxProperties', 'maxContains', 'maximum', 'exclusiveMaximum']);
const objectModel = ['properties', 'patternProperties', 'additionalProperties'];
// Keywords whose meaning depends on each other: they must come from one side, or be equal on both.
const groups = [['if', 'then', 'else'], ['contains', 'minContains', 'maxContains'], ['prefixItems', 'items']];
// Keywords whose meaning does not depend on their siblings: two different values can sit in separate allOf parts.
const standalone = new Set(['pattern', 'format', 'multipleOf', 'contentEncoding', 'contentMediaType', 'not', 'anyOf', 'oneOf', 'propertyNames']);
const references = ['$ref', '$dynamicRef', '$recursiveRef'];
const unevaluated = ['unevaluatedProperties', 'unevaluatedItems'];

/**
 * `a` AND `b` as one schema; annotations of `a` win. `a` is the schema that owns the conjunction (the one holding the
 * allOf, the $ref or the anyOf), `b` the part. Undefined when they cannot be merged faithfully.
 */
export function conjoin(a: JsonSchema, b: JsonSchema): JsonSchema | undefined {
  if (a === false || b === false) return false;
  if (a === true) return b;
  if (b === true) return a;
  if (isTrivial(b)) return { ...b, ...a };
  if (isTrivial(a)) return { ...b, ...a };
  if (references.some((k) => k in a || k in b)) return undefined;
  // unevaluated* see what the schema that holds them evaluates, including its allOf parts and $ref target: merged
  // into their owner (`a`) they keep their meaning; coming from a part (`b`) they would not.
  if (unevaluated.some((k) => k in b)) return undefined;
  if (!objectModelMerges(a, b)) return undefined;
  for (const group of groups) {
    const inA = group.some((k) => k in a);
    const inB = group.some((k) => k in b);
    if (inA && inB && !group.every((k) => isDeepStrictEqual(a[k], b[k]))) return undefined;
  }
  const out: JsonSchemaObject = { ...b, ...a };
  const residual: JsonSchemaObject = {};
  for (const keyword of Object.keys(a)) {
    if (!(keyword in b) || !assertionKeywords.has(keyword)) continue;
    const merged = mergeKeyword(keyword, a, b);
    if (merged !== undefined) out[keyword] = merged.value;
    else if (standalone.has(keyword)) residual[keyword] = b[keyword]; // both apply: keep b's in an allOf part
    else return undefined;
  }
  if (Object.keys(residual).length > 0) out['allOf'] = [...(Array.isArray(out['allOf']) ? out['allOf'] : []), residual];
  // Two enum/const sides become one enum.
  if (('const' in a || 'enum' in a) && ('const' in b || 'enum' in b)) {
    const values = valuesOf(a).filter((v) => includesValue(valuesOf(b), v));
    delete out['const'];
    out['enum'] = values;
  }
  return out;
}

const valuesOf = (node: JsonSchemaObject): unknown[] => ('const' in node ? [node['const']] : Array.isArray(node['enum']) ? (node['enum'] as unknown[]) : []);

function objectModelMerges(a: JsonSchemaObject, b: JsonSchemaObject): boolean {
  const constrains = (n: JsonSchemaObject) => ('patternProperties' in n) || ('additionalProperties' in n && !isTrivial(n['additionalProperties'] as JsonSchema));
  const touches = (n: JsonSchemaObject) => objectModel.some((k) => k in n);
  if (!(constrains(a) && touches(b)) && !(constrains(b) && touches(a))) return true;
  // Both shape the same object: only when they declare the same names and the same open/closed model.
  return (
    isDeepStrictEqual(Object.keys(schemaMapAt(a, 'properties')).sort(), Object.keys(schemaMapAt(b, 'properties')).sort()) &&
    isDeepStrictEqual(a['patternProperties'], b['patternProperties']) &&
    isDeepStrictEqual(a['additionalProperties'], b['additionalProperties'])
  );
}

function mergeKeyword(keyword: string, a: JsonSchemaObject, b: JsonSchemaObject): { value: unknown } | undefined {
  const x = a[keyword];
  const y = b[keyword];
  if (isDeepStrictEqual(x, y)) return { value: x };
  if (lowerLimits.has(keyword) && typeof x === 'number' && typeof y === 'number') return { value: Math.max(x, y) };
  if (upperLimits.has(keyword) && typeof x === 'number' && typeof y === 'number') return { value: Math.min(x, y) };
  switch (keyword) {
    case 'type': {
      const ta = declaredTypes(a);
      const tb = declaredTypes(b);
      const both = [...(ta ?? [])].filter((t) => admits(tb, t));
      if (ta?.has('number') && tb?.has('integer') && !both.includes('integer')) both.push('integer');
      return { value: both.length === 1 ? both[0] : both };
    }
    case 'required':
      return { value: [...new Set([...(x as string[]), ...(y as string[])])] };
    case 'enum':
    case 'const':
      return { value: x }; // replaced by the intersection after the loop
    case 'uniqueItems':
      return { value: x === true || y === true };
    case 'allOf':
      return Array.isArray(x) && Array.isArray(y) ? { value: [...x, ...y] } : undefined;
    case 'properties': {
      const merged: Record<string, JsonSchema> = { ...schemaMapAt(b, keyword) };
      for (const [name, schema] of Object.entries(schemaMapAt(a, keyword))) {
        const other = merged[name];
        const joined = other === undefined ? schema : conjoin(schema, other);
        if (joined === undefined) return undefined;
        merged[name] = joined;
      }
      return { value: merged };
    }
    case 'items':
    case 'additionalProperties':
    case 'propertyNames': {
      const joined = isSchemaObject(x) || typeof x === 'boolean' ? conjoin(x, y as JsonSchema) : undefined;
      return joined === undefined ? undefined : { value: joined };
    }
    default:
      return undefined;
  }
}
