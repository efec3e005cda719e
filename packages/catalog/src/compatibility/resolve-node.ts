// Turns a cursor into the node the comparison reasons about: every `$ref` followed (its sibling keywords joined to
// the target), and an `allOf` flattened into one object where that is faithful.
import { isSchemaObject } from '../schema/walk.js';
import type { JsonSchema, JsonSchemaObject } from '../types.js';
import { conjoin } from './conjoin.js';
import { schemaListAt } from './keywords.js';
import type { Cursor } from './schema-side.js';

export type Resolved =
  | { ok: true; cursor: Cursor; /** The node that stands for this schema in cycle detection, when a `$ref` was followed. */ refTarget: object | undefined }
  | { ok: false; ref: string; message: string };

const maxHops = 64;

/** Follows `$ref`s until the node has none. */
export function resolveNode(cursor: Cursor, flattening: Set<object> = new Set()): Resolved {
  let node = cursor.node;
  let refTarget: object | undefined;
  const seen = new Set<string>();
  for (let hop = 0; isSchemaObject(node) && typeof node['$ref'] === 'string'; hop++) {
    const ref = node['$ref'];
    if (seen.has(ref) || hop >= maxHops) return { ok: false, ref, message: `"${ref}" refers to itself without ever reaching a schema` };
    seen.add(ref);
    const target = cursor.side.resolve(ref);
    if (!target.ok) return { ok: false, ref, message: target.message };
    if (isSchemaObject(target.node)) refTarget ??= target.node;
    const { $ref: _ref, ...siblings } = node;
    node = joinSiblings(siblings, target.node);
  }
  return { ok: true, cursor: { node: flattenAllOf(cursor, node, flattening), side: cursor.side }, refTarget };
}

// The keywords beside a $ref apply together with its target (2019-09 and later; older drafts dropped them when
// the document was normalized). Their annotations win: they describe this use of the target.
function joinSiblings(siblings: JsonSchemaObject, reached: JsonSchema): JsonSchema {
  // The target's own identity is not part of this use of it (as in the catalog's `dereference`).
  const target = typeof reached === 'object' && ('$id' in reached || '$schema' in reached) ? withoutIdentity(reached) : reached;
  if (Object.keys(siblings).length === 0) return target;
  return conjoin(siblings, target) ?? { ...pickAnnotations(siblings), allOf: [withoutAnnotations(siblings), target] };
}

const identityCache = new WeakMap<object, JsonSchemaObject>();
function withoutIdentity(node: JsonSchemaObject): JsonSchemaObject {
  let stripped = identityCache.get(node);
  if (!stripped) {
    const { $id: _id, $schema: _schema, ...body } = node;
    identityCache.set(node, (stripped = body));
  }
  return stripped;
}

const annotationOnly = new Set(['title', 'description', 'default', 'examples', '$comment', 'deprecated', 'readOnly', 'writeOnly']);
const pickAnnotations = (node: JsonSchemaObject) => Object.fromEntries(Object.entries(node).filter(([k]) => annotationOnly.has(k)));
const withoutAnnotations = (node: JsonSchemaObject) => Object.fromEntries(Object.entries(node).filter(([k]) => !annotationOnly.has(k)));

/** `{ base…, allOf: [a, b] }` becomes `{ base… ∧ a ∧ b }` when every part merges faithfully. */
function flattenAllOf(cursor: Cursor, node: JsonSchema, flattening: Set<object>): JsonSchema {
  if (!isSchemaObject(node)) return node;
  const parts = schemaListAt(node, 'allOf');
  // A part that leads back here (a recursive schema) stays an allOf.
  if (parts === undefined || flattening.has(node)) return node;
  flattening.add(node);
  const { allOf: _allOf, ...base } = node;
  let merged: JsonSchema | undefined = base;
  for (const part of parts) {
    if (isSchemaObject(part)) {
      if (flattening.has(part)) return node;
      flattening.add(part);
    }
    const resolved = resolveNode({ node: part, side: cursor.side }, flattening);
    if (!resolved.ok) return node;
    merged = conjoin(merged, resolved.cursor.node);
    if (merged === undefined) return node;
  }
  return merged;
}
