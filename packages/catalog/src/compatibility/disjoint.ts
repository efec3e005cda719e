// Can no value satisfy both schemas? Needed for `oneOf` (a value must match exactly one alternative) and `not`.
// Only what can be shown from a few keywords counts: different types, different listed values, numeric ranges or
// lengths that do not meet, or a property both require whose schemas are disjoint. Otherwise: maybe not disjoint.
import type { JsonSchemaObject } from '../types.js';
import { admits, effectiveTypes, includesValue, isFalse, listedValues, numberAt, requiredAt, schemaListAt, schemaMapAt } from './keywords.js';
import { resolveNode } from './resolve-node.js';
import type { Cursor } from './schema-side.js';

const kinds = ['null', 'boolean', 'object', 'array', 'string', 'integer', 'number'] as const;

export function provablyDisjoint(a: Cursor, b: Cursor, depth = 0): boolean {
  if (depth > 8) return false;
  const ra = resolveNode(a);
  const rb = resolveNode(b);
  if (!ra.ok || !rb.ok) return false;
  const x = ra.cursor.node;
  const y = rb.cursor.node;
  if (isFalse(x) || isFalse(y)) return true;
  if (typeof x === 'boolean' || typeof y === 'boolean') return false;
  const common = kinds.filter((kind) => admits(effectiveTypes(x), kind) && admits(effectiveTypes(y), kind));
  if (common.length === 0) return true;
  const vx = listedValues(x);
  const vy = listedValues(y);
  if (vx !== undefined && vy !== undefined && !vx.some((v) => includesValue(vy, v))) return true;
  // A union is disjoint from a schema when every alternative is.
  for (const [cursor, other] of [[ra.cursor, rb.cursor], [rb.cursor, ra.cursor]] as const) {
    const node = cursor.node as JsonSchemaObject;
    const alternatives = schemaListAt(node, 'anyOf') ?? schemaListAt(node, 'oneOf');
    if (alternatives?.every((alt) => provablyDisjoint({ node: alt, side: cursor.side }, other, depth + 1))) return true;
  }
  if (common.every((kind) => kind === 'object') && requiredPropertyDisjoint(ra.cursor, rb.cursor, depth)) return true;
  if (common.every((kind) => kind === 'integer' || kind === 'number') && rangesApart(x, y, 'minimum', 'exclusiveMinimum', 'maximum', 'exclusiveMaximum')) return true;
  if (common.every((kind) => kind === 'string') && lengthsApart(x, y, 'minLength', 'maxLength')) return true;
  if (common.every((kind) => kind === 'array') && lengthsApart(x, y, 'minItems', 'maxItems')) return true;
  return false;
}

function requiredPropertyDisjoint(a: Cursor, b: Cursor, depth: number): boolean {
  const x = a.node as JsonSchemaObject;
  const y = b.node as JsonSchemaObject;
  const px = schemaMapAt(x, 'properties');
  const py = schemaMapAt(y, 'properties');
  const ry = requiredAt(y);
  return [...requiredAt(x)].some((name) => ry.has(name) && Object.hasOwn(px, name) && Object.hasOwn(py, name) && provablyDisjoint({ node: px[name]!, side: a.side }, { node: py[name]!, side: b.side }, depth + 1));
}

function lengthsApart(x: JsonSchemaObject, y: JsonSchemaObject, min: string, max: string): boolean {
  const apart = (low: JsonSchemaObject, high: JsonSchemaObject) => (numberAt(low, max) ?? Infinity) < (numberAt(high, min) ?? 0);
  return apart(x, y) || apart(y, x);
}

function rangesApart(x: JsonSchemaObject, y: JsonSchemaObject, min: string, exMin: string, max: string, exMax: string): boolean {
  const upper = (n: JsonSchemaObject) => Math.min(numberAt(n, max) ?? Infinity, numberAt(n, exMax) ?? Infinity);
  const upperExclusive = (n: JsonSchemaObject) => numberAt(n, exMax) !== undefined && numberAt(n, exMax)! <= (numberAt(n, max) ?? Infinity);
  const lower = (n: JsonSchemaObject) => Math.max(numberAt(n, min) ?? -Infinity, numberAt(n, exMin) ?? -Infinity);
  const lowerExclusive = (n: JsonSchemaObject) => numberAt(n, exMin) !== undefined && numberAt(n, exMin)! >= (numberAt(n, min) ?? -Infinity);
  const apart = (low: JsonSchemaObject, high: JsonSchemaObject) => upper(low) < lower(high) || (upper(low) === lower(high) && (upperExclusive(low) || lowerExclusive(high)));
  return apart(x, y) || apart(y, x);
}
