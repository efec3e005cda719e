// The part of generated/warehouse-state.json (the warehouse model written by @factline/codegen) that the app reads:
// each fact table's columns with their logical types and JSON paths, for the Glue Data Catalog.
import type { InfraIssue } from './errors.js';

/** A warehouse column type, independent of the dialect (lengths in bytes); `json` is Redshift SUPER. */
export type LogicalType =
  | { kind: 'varchar' | 'char'; bytes: number }
  | { kind: 'smallint' | 'integer' | 'bigint' | 'double' | 'boolean' | 'date' | 'timestamptz' | 'json' }
  | { kind: 'decimal'; precision: number; scale: number };

export interface WarehouseColumnInput {
  name: string;
  type: LogicalType;
  nullable: boolean;
  /** Keys from the root of a fact line to the value: `['nightly_price', 'amountMinor']`. */
  jsonPath: string[];
  comment: string;
}

export interface FactTableInput {
  name: string;
  entity: string;
  comment: string;
  /** In table order. */
  columns: WarehouseColumnInput[];
}

const scalarKinds = new Set(['smallint', 'integer', 'bigint', 'double', 'boolean', 'date', 'timestamptz', 'json']);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseType(value: unknown): LogicalType | undefined {
  if (!isObject(value) || typeof value.kind !== 'string') return undefined;
  if ((value.kind === 'varchar' || value.kind === 'char') && Number.isInteger(value.bytes)) return { kind: value.kind, bytes: value.bytes as number };
  if (value.kind === 'decimal' && Number.isInteger(value.precision) && Number.isInteger(value.scale)) return { kind: 'decimal', precision: value.precision as number, scale: value.scale as number };
  if (scalarKinds.has(value.kind)) return { kind: value.kind } as LogicalType;
  return undefined;
}

function parseColumn(value: unknown, pointer: string, file: string, issues: InfraIssue[]): WarehouseColumnInput | undefined {
  const type = isObject(value) ? parseType(value.type) : undefined;
  if (!isObject(value) || typeof value.name !== 'string' || type === undefined || typeof value.nullable !== 'boolean' || !Array.isArray(value.jsonPath) || !value.jsonPath.every((k) => typeof k === 'string')) {
    issues.push({ file, pointer, message: 'is not a warehouse column (name, type, nullable, jsonPath)' });
    return undefined;
  }
  return { name: value.name, type, nullable: value.nullable, jsonPath: value.jsonPath as string[], comment: typeof value.comment === 'string' ? value.comment : '' };
}

/**
 * Reads the fact tables of a parsed warehouse state file. Tables without an entity (generic mode) are skipped.
 *
 * @example
 * const { tables } = parseWarehouseTables(JSON.parse(text), 'generated/warehouse-state.json');
 */
export function parseWarehouseTables(input: unknown, file: string): { tables: FactTableInput[]; issues: InfraIssue[] } {
  const issues: InfraIssue[] = [];
  if (!isObject(input) || input.formatVersion !== 1 || !Array.isArray(input.tables)) {
    return { tables: [], issues: [{ file, pointer: '', message: 'is not a warehouse state file (formatVersion 1 with tables): run `pnpm factline generate`' }] };
  }
  const tables: FactTableInput[] = [];
  input.tables.forEach((table: unknown, t) => {
    if (!isObject(table) || typeof table.name !== 'string' || !Array.isArray(table.columns)) {
      issues.push({ file, pointer: `/tables/${t}`, message: 'is not a table (name, columns)' });
      return;
    }
    if (typeof table.entity !== 'string') return;
    const columns = table.columns.map((c: unknown, i) => parseColumn(c, `/tables/${t}/columns/${i}`, file, issues));
    if (columns.every((c): c is WarehouseColumnInput => c !== undefined)) {
      tables.push({ name: table.name, entity: table.entity, comment: typeof table.comment === 'string' ? table.comment : '', columns });
    }
  });
  return { tables, issues };
}
