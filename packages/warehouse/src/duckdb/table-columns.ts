// The columns of a DuckDB table as COPY needs them: order, type, nullability, default, and the byte length of
// character columns. DuckDB drops the length of VARCHAR(n), so the DuckDB DDL declares it as a CHECK constraint
// `CHECK (strlen(col) <= n)` (strlen counts bytes, like Redshift's VARCHAR); this module reads it back.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { QualifiedName } from '../sql/identifiers.js';

/** One column of a table, in table order. */
export interface TableColumn {
  name: string;
  /** DuckDB's type name: `VARCHAR`, `DECIMAL(10,2)`, `TIMESTAMP WITH TIME ZONE`, `JSON`, … */
  dataType: string;
  nullable: boolean;
  hasDefault: boolean;
  /** The byte length of a character column, from its `strlen(col) <= n` CHECK constraint. */
  byteLimit: number | undefined;
}

/** A table found in the database, with its canonical schema and name. */
export interface TableInfo {
  schema: string;
  name: string;
  columns: TableColumn[];
}

/**
 * Reads a table's columns; undefined when there is no such table. Unqualified names are looked up in `main`.
 *
 * @example
 * const info = await readTableInfo(connection, { schema: 'factline', name: 'booking_facts' });
 */
export async function readTableInfo(connection: DuckDBConnection, table: QualifiedName): Promise<TableInfo | undefined> {
  const schema = table.schema ?? 'main';
  const found = await connection.runAndReadAll(
    `select table_schema, table_name from information_schema.tables
      where table_catalog = current_database() and table_type = 'BASE TABLE'
        and lower(table_schema) = lower($schema) and lower(table_name) = lower($name)
      order by (table_schema = $schema and table_name = $name) desc limit 1`,
    { schema, name: table.name },
  );
  const row = found.getRowObjectsJS()[0];
  if (row === undefined) return undefined;
  const canonical = { schema: String(row.table_schema), name: String(row.table_name) };
  const columns = await connection.runAndReadAll(
    `select column_name, data_type, is_nullable, column_default from information_schema.columns
      where table_catalog = current_database() and table_schema = $schema and table_name = $name
      order by ordinal_position`,
    canonical,
  );
  const checks = await connection.runAndReadAll(
    `select constraint_column_names, expression from duckdb_constraints()
      where database_name = current_database() and schema_name = $schema and table_name = $name and constraint_type = 'CHECK'`,
    canonical,
  );
  const limits = new Map<string, number>();
  for (const check of checks.getRowObjectsJS()) {
    const names = check.constraint_column_names as string[];
    const limit = byteLimitOf(String(check.expression), names);
    if (limit !== undefined) limits.set(limit.column, Math.min(limit.bytes, limits.get(limit.column) ?? Number.POSITIVE_INFINITY));
  }
  return {
    ...canonical,
    columns: columns.getRowObjectsJS().map((c) => ({
      name: String(c.column_name),
      dataType: String(c.data_type),
      nullable: c.is_nullable === 'YES',
      hasDefault: c.column_default !== null,
      byteLimit: limits.get(String(c.column_name)),
    })),
  };
}

// DuckDB prints the constraint as `(strlen(col) <= 64)` or `(strlen("select") <= 8)`.
function byteLimitOf(expression: string, columns: readonly string[]): { column: string; bytes: number } | undefined {
  const match = /^\(*\s*strlen\s*\(\s*("(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)\s*\)\s*<=\s*(\d+)\s*\)*$/i.exec(expression.trim());
  if (match === null) return undefined;
  const raw = match[1] as string;
  const name = raw.startsWith('"') ? raw.slice(1, -1).replaceAll('""', '"') : raw;
  const column = columns.find((c) => c === name) ?? columns.find((c) => c.toLowerCase() === name.toLowerCase());
  return column === undefined ? undefined : { column, bytes: Number(match[2]) };
}
