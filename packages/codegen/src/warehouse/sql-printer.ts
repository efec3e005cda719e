// Printing SQL statements from the model, for Redshift and DuckDB. Every statement ends with `;` at the end of a
// line (the migration file contract), and comment texts never contain a line break.
import { qualifiedName, quoteIdentifier, sqlString } from './identifiers.js';
import { sqlTypeName } from './type-names.js';
import type { WarehouseColumn, WarehouseDialect, WarehouseTable } from './types.js';

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

function columnLines(table: WarehouseTable, dialect: WarehouseDialect): string[] {
  const names = table.columns.map((c) => quoteIdentifier(c.name, dialect));
  const types = table.columns.map((c) => sqlTypeName(c.type, dialect));
  const nameWidth = Math.max(...names.map((n) => n.length));
  const typeWidth = Math.max(...types.map((t) => t.length));
  return table.columns.map((column, i) => {
    const notNull = column.nullable ? '' : ' NOT NULL';
    if (dialect === 'duckdb') return `    ${names[i]!.padEnd(nameWidth)} ${column.nullable ? types[i] : types[i]!.padEnd(typeWidth) + notNull}`;
    const encoding = column.encoding.toUpperCase();
    return `    ${names[i]!.padEnd(nameWidth)} ${types[i]!.padEnd(typeWidth)} ENCODE ${column.nullable ? encoding : encoding.padEnd(4) + notNull}`;
  });
}

/** Redshift's table attributes: distribution and sort key (none for a table without them: AUTO). */
function tableAttributes(table: WarehouseTable, dialect: WarehouseDialect): string[] {
  if (dialect !== 'redshift') return [];
  const lines: string[] = [];
  if (table.distKey !== undefined) lines.push('DISTSTYLE KEY', `DISTKEY (${quoteIdentifier(table.distKey, dialect)})`);
  if (table.sortKey.length > 0) lines.push(`COMPOUND SORTKEY (${table.sortKey.map((k) => quoteIdentifier(k, dialect)).join(', ')})`);
  return lines;
}

/**
 * `CREATE TABLE` with aligned columns; Redshift gets ENCODE, DISTKEY and SORTKEY.
 *
 * @example
 * printCreateTable('factline', table, 'redshift');
 */
export function printCreateTable(schema: string | undefined, table: WarehouseTable, dialect: WarehouseDialect): string {
  const body = columnLines(table, dialect).join(',\n');
  const attributes = tableAttributes(table, dialect);
  return `CREATE TABLE ${qualifiedName(schema, table.name, dialect)} (\n${body}\n)${attributes.length ? '\n' + attributes.join('\n') : ''};`;
}

export function printTableComment(schema: string | undefined, table: WarehouseTable, dialect: WarehouseDialect): string {
  return `COMMENT ON TABLE ${qualifiedName(schema, table.name, dialect)} IS ${sqlString(oneLine(table.comment), dialect)};`;
}

export function printColumnComment(schema: string | undefined, table: WarehouseTable, column: WarehouseColumn, dialect: WarehouseDialect): string {
  return `COMMENT ON COLUMN ${qualifiedName(schema, table.name, dialect)}.${quoteIdentifier(column.name, dialect)} IS ${sqlString(oneLine(column.comment), dialect)};`;
}

/** DuckDB drops the length of VARCHAR(n); the local COPY reads the byte limits from this table instead. */
export const columnLimitsTable = 'factline_column_limits';

/** The limits table (DuckDB only; idempotent, so every table file can carry it). */
export function printCreateColumnLimits(schema: string | undefined): string {
  return `CREATE TABLE IF NOT EXISTS ${qualifiedName(schema, columnLimitsTable, 'duckdb')} (table_name VARCHAR NOT NULL, column_name VARCHAR NOT NULL, max_bytes INTEGER NOT NULL, PRIMARY KEY (table_name, column_name));`;
}

/**
 * The byte limits of the character columns given, as Redshift's VARCHAR/CHAR would enforce them (DuckDB only;
 * `INSERT OR REPLACE`, so a widening is the same statement with a larger number). Empty when none is a string.
 */
export function printColumnLimits(schema: string | undefined, table: WarehouseTable, columns: readonly WarehouseColumn[]): string {
  const rows = columns.flatMap((c) => (c.type.kind === 'varchar' || c.type.kind === 'char' ? [`(${sqlString(table.name, 'duckdb')}, ${sqlString(c.name, 'duckdb')}, ${c.type.bytes})`] : []));
  return rows.length === 0 ? '' : `INSERT OR REPLACE INTO ${qualifiedName(schema, columnLimitsTable, 'duckdb')} VALUES\n    ${rows.join(',\n    ')};`;
}

/**
 * The table, then its comments: what a table file and a `create-table` migration hold.
 *
 * @example
 * printTableWithComments('factline', plan.model.tables[0], 'duckdb');
 */
export function printTableWithComments(schema: string | undefined, table: WarehouseTable, dialect: WarehouseDialect): string {
  const comments = [...(table.comment === '' ? [] : [printTableComment(schema, table, dialect)]), ...table.columns.filter((c) => c.comment !== '').map((c) => printColumnComment(schema, table, c, dialect))];
  const limits = dialect === 'duckdb' ? printColumnLimits(schema, table, table.columns) : '';
  // Each table's DDL stands alone (table files, generic mode), so it creates the limits table it writes to.
  const limitsTable = limits === '' ? '' : printCreateColumnLimits(schema);
  return [limitsTable, printCreateTable(schema, table, dialect), comments.join('\n'), limits].filter((part) => part !== '').join('\n\n');
}

/** `ALTER TABLE … ADD COLUMN`: nullable (existing rows get NULL), with its encoding in Redshift. */
export function printAddColumn(schema: string | undefined, table: WarehouseTable, column: WarehouseColumn, dialect: WarehouseDialect): string {
  const encoding = dialect === 'redshift' ? ` ENCODE ${column.encoding.toUpperCase()}` : '';
  return `ALTER TABLE ${qualifiedName(schema, table.name, dialect)} ADD COLUMN ${quoteIdentifier(column.name, dialect)} ${sqlTypeName(column.type, dialect)}${encoding};`;
}

/** Redshift's in-place VARCHAR widening (it cannot run inside a transaction block). */
export function printWidenColumn(schema: string | undefined, table: WarehouseTable, column: WarehouseColumn): string {
  return `ALTER TABLE ${qualifiedName(schema, table.name, 'redshift')} ALTER COLUMN ${quoteIdentifier(column.name, 'redshift')} TYPE ${sqlTypeName(column.type, 'redshift')};`;
}

export function printCreateSchema(schema: string, dialect: WarehouseDialect): string {
  return `CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema, dialect)};`;
}
