// $ref resolution across the files of one catalog (or within one file in generic mode).
// Resolution is by URI: the ref is resolved against the base URI of the node it sits in.
import { getAtPointer, parsePointer } from '../json/pointer.js';
import type { JsonSchema, JsonSchemaObject } from '../types.js';
import { isSchemaObject, walkSchema } from './walk.js';

export interface RefSite {
  /** Pointer of the node that holds the `$ref`. */
  pointer: string;
  ref: string;
  /** Base URI in effect at that node. */
  base: string;
}

export interface RefTarget {
  /** Id of the document the target is in. */
  documentId: string;
  pointer: string;
  schema: JsonSchema;
}

export type ResolveResult = { ok: true; target: RefTarget } | { ok: false; message: string };

/** Looks documents up by id (without fragment). */
export type DocumentLookup = (id: string) => JsonSchemaObject | undefined;

/** Normalises an id: no fragment, no empty trailing `#`. */
export function documentIdOf(uri: string): string {
  const hash = uri.indexOf('#');
  return hash === -1 ? uri : uri.slice(0, hash);
}

function resolveUri(ref: string, base: string): string | undefined {
  try {
    return new URL(ref, base || undefined).href;
  } catch {
    return base === '' && ref.startsWith('#') ? ref : undefined;
  }
}

/** Every `$ref` in a schema, with the base URI in effect (nested `$id`s, and draft-04 `id`s when asked, rebase). */
export function collectRefs(schema: JsonSchema, rootBase: string, options: { draft04Ids?: boolean } = {}): RefSite[] {
  const sites: RefSite[] = [];
  const bases = new Map<string, string>([['', rootBase]]);
  walkSchema(schema, (node, context) => {
    let base = context.parentPointer === undefined ? rootBase : (bases.get(context.parentPointer) ?? rootBase);
    if (isSchemaObject(node)) {
      const ownId = typeof node['$id'] === 'string' ? node['$id'] : options.draft04Ids && typeof node['id'] === 'string' ? node['id'] : undefined;
      if (ownId !== undefined && context.pointer !== '' && !ownId.startsWith('#')) base = resolveUri(ownId, base) ?? base;
      if (typeof node['$ref'] === 'string') sites.push({ pointer: context.pointer, ref: node['$ref'], base });
    }
    bases.set(context.pointer, base);
  });
  return sites;
}

/** Resolves one reference. Fragments may be JSON Pointers (`#/$defs/x`) or plain-name anchors (`#x`). */
export function resolveRef(ref: string, base: string, lookup: DocumentLookup): ResolveResult {
  const uri = resolveUri(ref, base);
  if (uri === undefined) return { ok: false, message: `"${ref}" is not a valid URI reference` };
  const documentId = documentIdOf(uri);
  const document = lookup(documentId === '' ? documentIdOf(base) : documentId);
  if (document === undefined) return { ok: false, message: `no schema has the $id "${documentId}"` };
  const fragment = uri.includes('#') ? uri.slice(uri.indexOf('#') + 1) : '';
  if (fragment === '' || fragment.startsWith('/')) {
    const parsed = parsePointer('#' + fragment);
    if (!parsed.ok) return { ok: false, message: parsed.message };
    const found = getAtPointer(document, parsed.tokens);
    if (!found.found) return { ok: false, message: `"${documentId}" has nothing at "#${decodeURIComponent(fragment)}"` };
    if (typeof found.value !== 'boolean' && !isSchemaObject(found.value)) return { ok: false, message: `"${ref}" points at a value that is not a schema` };
    return { ok: true, target: { documentId, pointer: decodeURIComponent(fragment), schema: found.value } };
  }
  let anchored: RefTarget | undefined;
  walkSchema(document, (node, context) => {
    // `$anchor` (2019-09+), or a plain-name fragment as `$id` (draft-06/07) or `id` (draft-04).
    if (anchored === undefined && isSchemaObject(node) && (node['$anchor'] === fragment || node['$id'] === '#' + fragment || node['id'] === '#' + fragment)) {
      anchored = { documentId, pointer: context.pointer, schema: node };
    }
  });
  return anchored ? { ok: true, target: anchored } : { ok: false, message: `"${documentId}" has no anchor "${fragment}"` };
}

const lowerBounds = new Set(['minLength', 'minimum', 'exclusiveMinimum', 'minItems', 'minProperties', 'minContains']);
const upperBounds = new Set(['maxLength', 'maximum', 'exclusiveMaximum', 'maxItems', 'maxProperties', 'maxContains']);
const annotations = new Set(['title', 'description', '$comment', 'examples', 'default', 'deprecated', 'readOnly', 'writeOnly']);

/**
 * Keywords beside a `$ref` apply in addition to the target (2019-09 and later: `$ref` is an applicator), so the merge
 * is an intersection: the stricter bound wins, `required` and `type` combine, annotations of the referring node win
 * (they describe this use). Other keywords the target also has are kept from the target and the sibling must hold as
 * well, which only an `allOf` can say exactly.
 */
export function mergeRefSiblings(target: JsonSchemaObject, siblings: JsonSchemaObject): JsonSchemaObject {
  const merged: JsonSchemaObject = { ...target };
  const extra: JsonSchemaObject = {};
  for (const [keyword, value] of Object.entries(siblings)) {
    const current = target[keyword];
    if (current === undefined || annotations.has(keyword)) merged[keyword] = value;
    else if (typeof value === 'number' && typeof current === 'number' && lowerBounds.has(keyword)) merged[keyword] = Math.max(value, current);
    else if (typeof value === 'number' && typeof current === 'number' && upperBounds.has(keyword)) merged[keyword] = Math.min(value, current);
    else if (keyword === 'required' && Array.isArray(value) && Array.isArray(current)) merged[keyword] = [...new Set([...current, ...value])];
    else if (keyword === 'type') {
      const a = new Set(Array.isArray(current) ? current : [current]);
      const both = (Array.isArray(value) ? value : [value]).filter((t) => a.has(t) || (t === 'integer' && a.has('number')));
      merged[keyword] = both.length === 1 ? both[0] : both;
    } else if (JSON.stringify(value) !== JSON.stringify(current)) extra[keyword] = value;
  }
  if (Object.keys(extra).length === 0) return merged;
  const allOf = Array.isArray(merged['allOf']) ? merged['allOf'] : [];
  return { ...merged, allOf: [...allOf, extra] };
}

/**
 * Returns a copy of `schema` with every resolvable `$ref` replaced by its target, merged with the `$ref`'s sibling
 * keywords (see mergeRefSiblings). References that do not resolve, and cycles, are left as `$ref`.
 */
export function dereference(schema: JsonSchema, base: string, lookup: DocumentLookup): JsonSchema {
  const inProgress = new Set<string>();
  const visit = (node: JsonSchema, nodeBase: string): JsonSchema => {
    if (!isSchemaObject(node)) return node;
    let currentBase = nodeBase;
    if (typeof node['$id'] === 'string') currentBase = resolveUri(node['$id'], nodeBase) ?? nodeBase;
    const copy: JsonSchemaObject = {};
    for (const [key, value] of Object.entries(node)) copy[key] = key === '$ref' ? value : visitValue(key, value, currentBase);
    if (typeof node['$ref'] !== 'string') return copy;
    const resolved = resolveRef(node['$ref'], currentBase, lookup);
    if (!resolved.ok) return copy;
    const key = `${resolved.target.documentId}#${resolved.target.pointer}`;
    if (inProgress.has(key)) return copy;
    inProgress.add(key);
    const targetBase = resolved.target.documentId || currentBase;
    const target = visit(resolved.target.schema, targetBase);
    inProgress.delete(key);
    if (typeof target === 'boolean') return target;
    const { $ref: _ref, ...siblings } = copy;
    const { $id: _id, $schema: _schema, ...targetBody } = target;
    return mergeRefSiblings(targetBody, siblings);
  };
  const visitValue = (keyword: string, value: unknown, nodeBase: string): unknown => {
    if (['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'].includes(keyword) && isSchemaObject(value)) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typeof v === 'boolean' || isSchemaObject(v) ? visit(v, nodeBase) : v]));
    }
    if (['allOf', 'anyOf', 'oneOf', 'prefixItems', 'items'].includes(keyword) && Array.isArray(value)) {
      return value.map((v) => (typeof v === 'boolean' || isSchemaObject(v) ? visit(v, nodeBase) : v));
    }
    if (
      ['items', 'additionalProperties', 'additionalItems', 'contains', 'propertyNames', 'not', 'if', 'then', 'else', 'unevaluatedProperties', 'unevaluatedItems'].includes(keyword) &&
      (typeof value === 'boolean' || isSchemaObject(value))
    ) {
      return visit(value, nodeBase);
    }
    return value;
  };
  return visit(schema, base);
}
