// Brings a schema document into one form before comparing, so that rules are written once: 2020-12 keywords
// (draft-04 boolean exclusive bounds, draft-04..07 tuple `items`/`additionalItems` and `dependencies`), and every
// `$ref` made absolute against the base URI in effect where it sits, so that a node means the same thing wherever
// the comparison carries it. Values (enum, const, default, examples) are copied untouched.
import { appendPointer } from '../json/pointer.js';
import { collectRefs } from '../schema/refs.js';
import { Dialect, dialectOf } from '../schema/dialects.js';
import { isSchemaObject } from '../schema/walk.js';
import type { JsonSchema, JsonSchemaObject } from '../types.js';
import { CompatibilityError, CompatibilityErrorCode } from './errors.js';
import { assertionKeywords } from './keywords.js';

const maxDepth = 800;

/** The keyword a normalized node's tuple, rest-of-array and dependency keywords had in the file, for pointers. */
export interface SourceKeywords {
  tuple?: 'items' | 'prefixItems';
  rest?: 'items' | 'additionalItems';
  dependentRequired?: 'dependencies' | 'dependentRequired';
  dependentSchemas?: 'dependencies' | 'dependentSchemas';
}

const sourceKeywords = new WeakMap<object, SourceKeywords>();

/** What a normalized node's keywords were called in its file (2020-12 names when not recorded). */
export function sourceKeywordsOf(node: JsonSchema): SourceKeywords {
  return (typeof node === 'object' && sourceKeywords.get(node)) || {};
}

export interface NormalizedDocument {
  root: JsonSchema;
  /** The normalized copy of each original node. */
  byOriginal: WeakMap<object, JsonSchemaObject>;
}

const mapKeywords = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
const listKeywords = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const singleKeywords = new Set(['additionalProperties', 'contains', 'propertyNames', 'not', 'if', 'then', 'else', 'unevaluatedProperties', 'unevaluatedItems', 'contentSchema']);

const isSchema = (value: unknown): value is JsonSchema => typeof value === 'boolean' || isSchemaObject(value);

function absolute(ref: string, base: string): string {
  if (base === '') return ref;
  try {
    return new URL(ref, base).href;
  } catch {
    return ref;
  }
}

/** Normalizes a whole document whose base URI is `base` ('' when it has no `$id`). */
export function normalizeDocument(original: JsonSchema, base: string, inheritedDialect?: Dialect): NormalizedDocument {
  const dialect = (isSchemaObject(original) ? dialectOf(original['$schema']) : undefined) ?? inheritedDialect;
  const draft04 = dialect === Dialect.draft04;
  // Before 2019-09, keywords beside a $ref are ignored; from 2019-09 on they apply too.
  const refIgnoresSiblings = draft04 || dialect === Dialect.draft06 || dialect === Dialect.draft07;
  const refs = new Map(collectRefs(original, base, { draft04Ids: draft04 }).map((site) => [site.pointer, absolute(site.ref, site.base)]));
  const byOriginal = new WeakMap<object, JsonSchemaObject>();

  const visit = (node: JsonSchema, pointer: string): JsonSchema => {
    if (typeof node === 'boolean') return node;
    const known = byOriginal.get(node);
    if (known) return known;
    if (pointer.split('/').length > maxDepth) {
      throw new CompatibilityError(CompatibilityErrorCode.tooComplex, `the schema nests deeper than ${maxDepth} keywords (at "${pointer.slice(0, 200)}…")`, { at: pointer });
    }
    const out: JsonSchemaObject = {};
    const names: SourceKeywords = {};
    const refOnly = refIgnoresSiblings && typeof node['$ref'] === 'string';
    for (const [keyword, value] of Object.entries(node)) {
      if (refOnly && keyword !== '$ref' && assertionKeywords.has(keyword)) continue;
      if (keyword === '$ref' && typeof value === 'string') out['$ref'] = refs.get(pointer) ?? value;
      else if (mapKeywords.has(keyword) && isSchemaObject(value)) {
        out[keyword] = Object.fromEntries(Object.entries(value).map(([name, s]) => [name, isSchema(s) ? visit(s, appendPointer(pointer, keyword, name)) : s]));
      } else if (listKeywords.has(keyword) && Array.isArray(value)) {
        out[keyword] = value.map((s, i) => (isSchema(s) ? visit(s, appendPointer(pointer, keyword, i)) : s));
      } else if (singleKeywords.has(keyword) && isSchema(value)) out[keyword] = visit(value, appendPointer(pointer, keyword));
      else if (keyword === 'items') visitItems(node, value, pointer, out, names);
      else if (keyword === 'dependencies' && isSchemaObject(value)) visitDependencies(value, pointer, out, names);
      else if (keyword === 'additionalItems' || ((keyword === 'exclusiveMinimum' || keyword === 'exclusiveMaximum') && typeof value === 'boolean')) continue;
      else out[keyword] = value;
    }
    // draft-04: `exclusiveMinimum: true` makes `minimum` exclusive.
    if (node['exclusiveMinimum'] === true && typeof node['minimum'] === 'number') {
      out['exclusiveMinimum'] = node['minimum'];
      delete out['minimum'];
    }
    if (node['exclusiveMaximum'] === true && typeof node['maximum'] === 'number') {
      out['exclusiveMaximum'] = node['maximum'];
      delete out['maximum'];
    }
    if (Object.keys(names).length > 0) sourceKeywords.set(out, names);
    byOriginal.set(node, out);
    return out;
  };

  const visitItems = (node: JsonSchemaObject, value: unknown, pointer: string, out: JsonSchemaObject, names: SourceKeywords) => {
    if (Array.isArray(value)) {
      // draft-04..2019-09 tuple: `items` is the tuple, `additionalItems` the rest.
      out['prefixItems'] = value.map((s, i) => (isSchema(s) ? visit(s, appendPointer(pointer, 'items', i)) : s));
      names.tuple = 'items';
      const rest = node['additionalItems'];
      if (isSchema(rest)) {
        out['items'] = visit(rest, appendPointer(pointer, 'additionalItems'));
        names.rest = 'additionalItems';
      }
    } else if (isSchema(value)) {
      out['items'] = visit(value, appendPointer(pointer, 'items'));
    }
  };

  const visitDependencies = (value: JsonSchemaObject, pointer: string, out: JsonSchemaObject, names: SourceKeywords) => {
    const required: Record<string, unknown> = isSchemaObject(out['dependentRequired']) ? { ...out['dependentRequired'] } : {};
    const schemas: Record<string, unknown> = isSchemaObject(out['dependentSchemas']) ? { ...out['dependentSchemas'] } : {};
    for (const [name, dependency] of Object.entries(value)) {
      if (Array.isArray(dependency)) {
        required[name] = dependency;
        names.dependentRequired = 'dependencies';
      } else if (isSchema(dependency)) {
        schemas[name] = visit(dependency, appendPointer(pointer, 'dependencies', name));
        names.dependentSchemas = 'dependencies';
      }
    }
    if (Object.keys(required).length > 0) out['dependentRequired'] = required;
    if (Object.keys(schemas).length > 0) out['dependentSchemas'] = schemas;
  };

  return { root: visit(original, ''), byOriginal };
}
