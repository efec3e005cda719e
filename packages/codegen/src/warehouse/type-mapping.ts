// JSON Schema node → column type. One function decides, so that fact tables and generic mode agree.
import { isSchemaObject, typesOf, type JsonSchema, type JsonSchemaObject } from '@factline/catalog';
import { integerNodeType, numberNodeType } from './numeric-types.js';
import { stringNodeType } from './string-types.js';
import type { LogicalType } from './types.js';

/**
 * What a schema node becomes: nested columns (an object with properties), one column, or nothing (`false`).
 *
 * @example
 * const shape: NodeShape = shapeOf({ type: 'boolean' }); // { kind: 'column', type: { kind: 'boolean' }, … }
 */
export type NodeShape =
  | { kind: 'object'; node: JsonSchemaObject; nullable: boolean }
  | { kind: 'column'; node: JsonSchemaObject; type: LogicalType; nullable: boolean; note: string | undefined }
  | { kind: 'never' };

const combinators = ['anyOf', 'oneOf'] as const;

function isNullOnly(node: unknown): boolean {
  if (!isSchemaObject(node)) return false;
  const types = typesOf(node);
  return types !== undefined && types.size === 1 && types.has('null');
}

/**
 * Unwraps the two spellings of "X or null" that are not a `type` array: `anyOf`/`oneOf` of X and `{type: null}`, and
 * a one-element `allOf`. The outer node's own keywords (description, …) are kept.
 */
export function effectiveNode(node: JsonSchemaObject): { node: JsonSchemaObject; nullable: boolean } {
  for (const keyword of combinators) {
    const branches = node[keyword];
    if (!Array.isArray(branches) || branches.length !== 2) continue;
    const nullIndex = branches.findIndex(isNullOnly);
    const other = branches[1 - nullIndex];
    if (nullIndex === -1 || !isSchemaObject(other)) continue;
    const { [keyword]: _dropped, ...outer } = node;
    const inner = effectiveNode(other);
    return { node: { ...inner.node, ...outer }, nullable: true };
  }
  const all = node['allOf'];
  if (Array.isArray(all) && all.length === 1 && isSchemaObject(all[0])) {
    const { allOf: _dropped, ...outer } = node;
    const inner = effectiveNode(all[0]);
    return { node: { ...inner.node, ...outer }, nullable: inner.nullable };
  }
  return { node, nullable: false };
}

function hasProperties(node: JsonSchemaObject): boolean {
  return isSchemaObject(node['properties']) && Object.keys(node['properties']).length > 0;
}

const json = (node: JsonSchemaObject, nullable: boolean, note: string): NodeShape => ({ kind: 'column', node, type: { kind: 'json' }, nullable, note });

/**
 * Classifies one node. A node is nested only when its only non-null type is `object` and it declares properties;
 * everything else is one column. Nodes without a single type (no `type`, unions, combinators) are JSON (SUPER).
 *
 * @example
 * shapeOf({ type: ['integer', 'null'], minimum: 0, maximum: 100 }); // column SMALLINT, nullable
 */
export function shapeOf(schema: JsonSchema): NodeShape {
  if (schema === false) return { kind: 'never' };
  if (schema === true) return json({}, true, 'any JSON value');
  const { node, nullable: wrappedNull } = effectiveNode(schema);
  const types = typesOf(node);
  if (types === undefined) return json(node, true, 'no single type: stored as JSON');
  const nullable = wrappedNull || types.has('null');
  const nonNull = new Set([...types].filter((t) => t !== 'null'));
  if (nonNull.has('integer') && nonNull.has('number')) nonNull.delete('integer');
  if (nonNull.size === 0) return json(node, true, 'only null: stored as JSON');
  if (nonNull.size > 1) return json(node, nullable, `a union of ${[...nonNull].sort().join(', ')}: stored as JSON`);
  const [type] = nonNull;
  switch (type) {
    case 'object':
      return hasProperties(node) ? { kind: 'object', node, nullable } : json(node, nullable, 'an object without declared properties: stored as JSON');
    case 'array':
      return json(node, nullable, 'an array: stored as JSON');
    case 'boolean':
      return { kind: 'column', node, type: { kind: 'boolean' }, nullable, note: undefined };
    case 'integer':
      return { kind: 'column', node, type: integerNodeType(node), nullable, note: undefined };
    case 'number':
      return { kind: 'column', node, type: numberNodeType(node), nullable, note: undefined };
    case 'string': {
      const mapped = stringNodeType(node);
      return { kind: 'column', node, type: mapped.type, nullable, note: mapped.note };
    }
    default:
      return json(node, nullable, `type "${String(type)}" is not a JSON type: stored as JSON`);
  }
}
