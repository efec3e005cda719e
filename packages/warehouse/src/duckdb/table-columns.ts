// The columns of a DuckDB table as COPY needs them: order, type, nullability, default, and the byte length of
// character columns. DuckDB drops the length of VARCHAR(n), so the DuckDB DDL states it in one of two ways, both in
// bytes like Redshift's VARCHAR:
// - a row in `<schema>.factline_column_limits (table_name, column_name, max_bytes)`, which migrations can add to and
//   widen (DuckDB cannot add a column with a CHECK, nor change or drop a CHECK);
// - a CHECK constraint `CHECK (strlen(col) <= n)`, convenient in hand-written tables.
// When both are present the smaller limit wins.
import type { DuckDBConnection } from '@duckdb/node-api';
import { columnLimitsTable } from '../constants.js';
import { quoteIdentifier, type QualifiedName } from '../sql/identifiers.js';

/** One column of a table, in table order. */
export interface TableColumn {
  name: string;
  /** DuckDB's type name: `VARCHAR`, `DECIMAL(10,2)`, `TIMESTAMP WITH TIME ZONE`, `JSON`, … */
  dataType: string;
  nullable: boolean;
  hasDefault: boolean;
  /** The byte length of a character column, from `factline_column_limits` or a `strlen(col) <= n` CHECK. */
  byteLimit: number | undefined;
}

/** A table found in the database, with its canonical schema and name. */
export interface TableInfo {
  schema: string;
  name: string;
  columns: TableColumn[];
}

/**
 * Reads a table's columns in one query; undefined when there is no such table. Unqualified names are looked up in
 * `main`; an exact (quoted) match wins over a case-insensitive one.
 *
 * @example
 * const info = await readTableInfo(connection, { schema: 'factline', name: 'booking_facts' });
 */
export async function readTableInfo(connection: DuckDBConnection, table: QualifiedName): Promise<TableInfo | undefined> {
  const reader = await connection.runAndReadAll(
    `select c.schema_name, c.table_name, c.column_name, c.data_type, c.is_nullable, c.column_default is not null as has_default,
        (select list(k.expression) from duckdb_constraints() k
          where k.database_name = c.database_name and k.schema_name = c.schema_name and k.table_name = c.table_name
            and k.constraint_type = 'CHECK' and list_contains(k.constraint_column_names, c.column_name)) as checks,
        exists (select 1 from duckdb_tables() l where l.database_name = c.database_name and l.schema_name = c.schema_name and l.table_name = '${columnLimitsTable}') as has_limits
      from duckdb_columns() c join duckdb_tables() t using (database_name, schema_name, table_name)
      where c.database_name = current_database() and lower(c.schema_name) = lower($schema) and lower(c.table_name) = lower($name)
      order by (c.schema_name = $schema and c.table_name = $name) desc, c.schema_name, c.table_name, c.column_index`,
    { schema: table.schema ?? 'main', name: table.name },
  );
  const rows = reader.getRowObjectsJS();
  const first = rows[0];
  if (first === undefined) return undefined;
  const columns = rows.filter((r) => r.schema_name === first.schema_name && r.table_name === first.table_name);
  const declared = new Map<string, number>();
  if (first.has_limits === true) {
    // Only queried when the table exists: a failing statement would abort the caller's transaction.
    const limits = await connection.runAndReadAll(`select column_name, max_bytes from ${quoteIdentifier(String(first.schema_name))}.${quoteIdentifier(columnLimitsTable)} where table_name = $name`, { name: String(first.table_name) });
    for (const row of limits.getRowObjectsJS()) declared.set(String(row.column_name), Number(row.max_bytes));
  }
  return {
    schema: String(first.schema_name),
    name: String(first.table_name),
    columns: columns.map((c) => {
      const name = String(c.column_name);
      const limits = ((c.checks as string[] | null) ?? []).map((expression) => byteLimitOf(expression, [name])?.bytes).filter((l) => l !== undefined);
      const fromTable = declared.get(name);
      if (fromTable !== undefined) limits.push(fromTable);
      return {
        name,
        dataType: String(c.data_type),
        nullable: c.is_nullable === true,
        hasDefault: c.has_default === true,
        byteLimit: limits.length === 0 ? undefined : Math.min(...limits),
      };
    }),
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
