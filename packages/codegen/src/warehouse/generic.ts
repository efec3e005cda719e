// Generic mode (`factline ddl <schema.json>`): CREATE TABLE and JSONPaths for any JSON Schema, for people who bring
// their own schemas (Iglu Central and the like). Nested objects flatten into columns as in Snowplow's schema-ddl.
import { isSchemaObject, lintGenericSchema, snakeCase, type JsonSchemaObject, type Problem } from '@factline/catalog';
import { tableLimitProblems } from './build-model.js';
import { flattenSchema } from './flatten.js';
import { printJsonPaths } from './jsonpaths.js';
import { encodingFor } from './physical-design.js';
import { printCreateSchema, printTableWithComments } from './sql-printer.js';
import type { WarehouseColumn, WarehouseDialect, WarehouseTable } from './types.js';

/**
 * What generateGenericDdl reads.
 *
 * @example
 * const input: GenericDdlInput = { text, file: 'schemas/com.acme/order/jsonschema/1-0-0', dialect: 'redshift', separator: '.' };
 */
export interface GenericDdlInput {
  /** The schema file's text. */
  text: string;
  /** Its path, for problems and the default table name (any extension, or none). */
  file: string;
  /** Default `redshift`. */
  dialect?: WarehouseDialect;
  /** Default: from an Iglu `self` block (`com_acme_order_1`), else the file name in snake_case. */
  tableName?: string;
  /** Qualifies the table and adds `CREATE SCHEMA IF NOT EXISTS`; default none. */
  schema?: string;
  /** Joins nested names: `_` (default, `main_temp_min`) or `.` (Snowplow's quoted `"main.temp_min"`). */
  separator?: '_' | '.';
}

/**
 * The table, its SQL and its JSONPaths; or the problems that stopped it.
 *
 * @example
 * if (!result.ok) console.error(result.problems.map(formatProblem).join('\n'));
 */
export type GenericDdlResult =
  | { ok: true; table: WarehouseTable; sql: string; jsonPaths: string; problems: Problem[] }
  | { ok: false; problems: Problem[] };

function igluSelf(schema: JsonSchemaObject): { vendor: string; name: string; format: string; version: string } | undefined {
  const self = schema['self'];
  if (!isSchemaObject(self)) return undefined;
  const { vendor, name, format, version } = self;
  return typeof vendor === 'string' && typeof name === 'string' && typeof format === 'string' && typeof version === 'string' ? { vendor, name, format, version } : undefined;
}

function defaultTableName(schema: JsonSchemaObject, file: string): string {
  const self = igluSelf(schema);
  if (self) return `${self.vendor.replace(/[.-]/g, '_').toLowerCase()}_${snakeCase(self.name)}_${self.version.split('-')[0]}`;
  const base = file.split(/[\\/]/).pop()!.replace(/\.json$/i, '');
  return snakeCase(base).replace(/^_+|_+$/g, '') || 'generic_table';
}

const error = (file: string, pointer: string, rule: string, message: string): Problem => ({ file, pointer, rule, severity: 'error', message });

/**
 * The CREATE TABLE (with comments) and the JSONPaths file for one JSON Schema. Never throws on bad input: a schema
 * that cannot become a table gives `ok: false` with the problems. The lint findings of `lintGenericSchema` are
 * included in `problems` for information; they do not stop the DDL (the schema is someone else's).
 *
 * @example
 * const result = generateGenericDdl({ text: await readFile(file, 'utf8'), file, dialect: 'duckdb' });
 * if (result.ok) console.log(result.sql);
 */
export function generateGenericDdl(input: GenericDdlInput): GenericDdlResult {
  const dialect = input.dialect ?? 'redshift';
  const lint = lintGenericSchema(input.text, input.file);
  if (lint.schema === undefined) return { ok: false, problems: lint.problems };
  const schema = lint.resolved ?? lint.schema;
  const problems: Problem[] = [];
  const flat = flattenSchema(schema, { baseName: '', basePath: [], separator: input.separator ?? '_', rootColumnName: 'value' });
  for (const issue of flat.issues) problems.push(error(input.file, issue.pointer, issue.rule, issue.message));

  const columns: WarehouseColumn[] = [];
  const seen = new Map<string, string>();
  for (const column of flat.columns) {
    const other = seen.get(column.name);
    if (other !== undefined) {
      problems.push(error(input.file, column.pointer, 'warehouse-column-collision', `"${other || '/'}" and "${column.pointer || '/'}" both become the column "${column.name}"; rename one of them (factline never renames a column silently)`));
      continue;
    }
    seen.set(column.name, column.pointer);
    // The record itself (a root that is not an object with properties) can only be kept whole.
    const type = column.path.length === 0 ? ({ kind: 'json' } as const) : column.type;
    columns.push({ name: column.name, type, nullable: column.nullable, encoding: encodingFor(type, false), jsonPath: column.path, comment: column.description ?? '', origin: { kind: 'property', file: input.file, pointer: column.pointer } });
  }
  const self = igluSelf(lint.schema);
  const description = typeof schema['description'] === 'string' ? schema['description'] : undefined;
  const table: WarehouseTable = {
    name: input.tableName ?? defaultTableName(lint.schema, input.file),
    entity: undefined,
    comment: [description, self ? `iglu:${self.vendor}/${self.name}/${self.format}/${self.version}` : undefined].filter((t) => t !== undefined).join(' '),
    columns,
    distKey: undefined,
    sortKey: [],
    sources: [input.file],
  };
  problems.push(...tableLimitProblems(table, input.file));
  if (columns.length === 0 && problems.length === 0) problems.push(error(input.file, '', 'warehouse-column-count', 'the schema gives no column: every property is `false`'));
  if (problems.length > 0) return { ok: false, problems: [...problems, ...lint.problems] };

  const header = `-- Generated by factline from ${input.file}.`;
  const create = input.schema === undefined ? '' : `${printCreateSchema(input.schema, dialect)}\n\n`;
  return { ok: true, table, sql: `${header}\n${create}${printTableWithComments(input.schema, table, dialect)}\n`, jsonPaths: printJsonPaths(table), problems: lint.problems };
}
