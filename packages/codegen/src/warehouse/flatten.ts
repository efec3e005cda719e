// Flattening a JSON Schema into columns, the way Snowplow's schema-ddl does: an object with declared properties
// becomes one column per property, recursively; everything else (scalars, arrays, free-form objects, unions) is one
// column. Column names are the snake_case of each key on the path, joined with `_`
// (`nightly_price` + `amountMinor` → `nightly_price_amount_minor`).
import { appendPointer, isSchemaObject, snakeCase, type JsonSchema } from '@factline/catalog';
import { maxFlattenDepth } from './constants.js';
import { shapeOf } from './type-mapping.js';
import type { LogicalType } from './types.js';

/**
 * One column of a flattened schema.
 *
 * @example
 * const paths = columns.map((c: FlatColumn) => c.path.join('.'));
 */
export interface FlatColumn {
  name: string;
  /** Keys from the flattening root to the value. */
  path: string[];
  /** JSON Pointer of the node in the flattened schema. */
  pointer: string;
  type: LogicalType;
  /** False only when the value is required at every level and cannot be null. */
  nullable: boolean;
  description: string | undefined;
  note: string | undefined;
}

export interface FlattenIssue {
  pointer: string;
  rule: 'warehouse-column-name' | 'warehouse-jsonpath';
  message: string;
}

/**
 * Options of flattenSchema.
 *
 * @example
 * const options: FlattenOptions = { baseName: fact.valueKey, basePath: [fact.valueKey] };
 */
export interface FlattenOptions {
  /** Name of the column when the root itself is a column, and the prefix of nested names (`''` for none). */
  baseName: string;
  /** Keys in front of every path (a fact's value key). */
  basePath: string[];
  /** Joins the parts of a nested name: `_` (default) or `.` (Snowplow's `main.temp_min`). */
  separator?: '_' | '.';
  /** Name of the one column when the root is not flattened and `baseName` is empty. */
  rootColumnName?: string;
}

/**
 * The columns of a schema, and what kept some properties from becoming columns.
 *
 * @example
 * const { columns, issues } = flattenSchema(schema, { baseName: '', basePath: [] });
 */
export interface FlattenResult {
  columns: FlatColumn[];
  issues: FlattenIssue[];
}

const describe = (node: unknown): string | undefined => (isSchemaObject(node) && typeof node['description'] === 'string' ? node['description'] : undefined);

/**
 * Flattens a schema into columns in property order (depth first).
 *
 * @example
 * flattenSchema(moneySchema, { baseName: 'nightly_price', basePath: ['nightly_price'] }).columns.map((c) => c.name);
 * // ['nightly_price_amount_minor', 'nightly_price_currency']
 */
export function flattenSchema(schema: JsonSchema, options: FlattenOptions): FlattenResult {
  const separator = options.separator ?? '_';
  const columns: FlatColumn[] = [];
  const issues: FlattenIssue[] = [];
  const join = (prefix: string, part: string) => (prefix === '' ? part : `${prefix}${separator}${part}`);

  const visit = (node: JsonSchema, name: string, path: string[], pointer: string, requiredChain: boolean, depth: number) => {
    const shape = shapeOf(node);
    if (shape.kind === 'never') return;
    if (shape.kind === 'object' && depth < maxFlattenDepth) {
      const required = new Set(Array.isArray(shape.node['required']) ? shape.node['required'].filter((r): r is string => typeof r === 'string') : []);
      const childChain = requiredChain && !shape.nullable;
      for (const [key, child] of Object.entries(shape.node['properties'] as Record<string, JsonSchema>)) {
        const childPointer = appendPointer(pointer, 'properties', key);
        const part = snakeCase(key);
        if (part === '' || part === '_') {
          issues.push({ pointer: childPointer, rule: 'warehouse-column-name', message: `property "${key}" has no letters or digits, so it cannot become a column name; rename it` });
          continue;
        }
        if (key.includes("'")) {
          issues.push({ pointer: childPointer, rule: 'warehouse-jsonpath', message: `property "${key}" contains a single quote, which a Redshift JSONPaths expression cannot address; rename it` });
          continue;
        }
        visit(child, join(name, part), [...path, key], childPointer, childChain && required.has(key), depth + 1);
      }
      return;
    }
    const column = shape.kind === 'column' ? shape : { type: { kind: 'json' } as const, nullable: true, note: `nested deeper than ${maxFlattenDepth} levels: stored as JSON` };
    columns.push({
      name: name === '' ? (options.rootColumnName ?? 'value') : name,
      path,
      pointer,
      type: column.type,
      nullable: !requiredChain || column.nullable,
      description: describe(node),
      note: column.note,
    });
  };

  visit(schema, options.baseName, [...options.basePath], '', true, 0);
  return { columns, issues };
}
