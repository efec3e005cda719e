// Visits every subschema of a JSON Schema with its JSON Pointer, so rules never re-implement traversal.
import { appendPointer } from '../json/pointer.js';
import type { JsonSchema, JsonSchemaObject } from '../types.js';

const singleSchemaKeywords = [
  'additionalProperties', 'additionalItems', 'contains', 'propertyNames', 'not', 'if', 'then', 'else',
  'unevaluatedProperties', 'unevaluatedItems', 'contentSchema',
] as const;
const schemaArrayKeywords = ['allOf', 'anyOf', 'oneOf', 'prefixItems'] as const;
const schemaMapKeywords = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas', 'dependencies'] as const;

export interface SchemaNodeContext {
  pointer: string;
  /** The keyword that led here from the parent (`properties`, `items`, …); undefined at the root. */
  via: string | undefined;
  /** The property name when `via` is `properties`. */
  propertyName: string | undefined;
  parent: JsonSchemaObject | undefined;
  parentPointer: string | undefined;
  depth: number;
}

export type SchemaVisitor = (node: JsonSchema, context: SchemaNodeContext) => void;

export function isSchemaObject(value: unknown): value is JsonSchemaObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Walks depth-first, parents before children. Stops descending at `maxDepth` (hostile inputs). */
export function walkSchema(root: JsonSchema, visit: SchemaVisitor, maxDepth = 200): void {
  const stack: { node: JsonSchema; context: SchemaNodeContext }[] = [
    { node: root, context: { pointer: '', via: undefined, propertyName: undefined, parent: undefined, parentPointer: undefined, depth: 0 } },
  ];
  while (stack.length > 0) {
    const { node, context } = stack.pop()!;
    visit(node, context);
    if (!isSchemaObject(node) || context.depth >= maxDepth) continue;
    const children: { node: JsonSchema; context: SchemaNodeContext }[] = [];
    const child = (value: unknown, via: string, tokens: (string | number)[], propertyName?: string) => {
      if (typeof value !== 'boolean' && !isSchemaObject(value)) return;
      children.push({
        node: value,
        context: { pointer: appendPointer(context.pointer, ...tokens), via, propertyName, parent: node, parentPointer: context.pointer, depth: context.depth + 1 },
      });
    };
    for (const keyword of schemaMapKeywords) {
      const map = node[keyword];
      if (!isSchemaObject(map)) continue;
      for (const [name, value] of Object.entries(map)) child(value, keyword, [keyword, name], keyword === 'properties' ? name : undefined);
    }
    const items = node['items'];
    if (Array.isArray(items)) items.forEach((value, i) => child(value, 'items', ['items', i]));
    else child(items, 'items', ['items']);
    for (const keyword of singleSchemaKeywords) child(node[keyword], keyword, [keyword]);
    for (const keyword of schemaArrayKeywords) {
      const list = node[keyword];
      if (Array.isArray(list)) list.forEach((value, i) => child(value, keyword, [keyword, i]));
    }
    // Reverse so that the first child is visited first.
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

/** The JSON types a schema node admits, from `type`, or inferred from `enum`/`const`; undefined = unconstrained. */
export function typesOf(node: JsonSchema): Set<string> | undefined {
  if (typeof node === 'boolean') return node ? undefined : new Set();
  const type = node['type'];
  if (typeof type === 'string') return new Set([type]);
  if (Array.isArray(type)) return new Set(type.filter((t): t is string => typeof t === 'string'));
  const values = 'const' in node ? [node['const']] : Array.isArray(node['enum']) ? (node['enum'] as unknown[]) : undefined;
  if (values) return new Set(values.map(jsonTypeOf));
  return undefined;
}

export function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}
