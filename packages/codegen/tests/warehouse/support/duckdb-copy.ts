// Redshift's COPY … JSON 'jsonpaths' semantics, done with DuckDB's JSON functions, for tests: each JSONPaths
// expression fills the column at the same position; a missing key loads NULL; an object or array loads as its JSON
// text (or as JSON into a JSON/SUPER column); anything else is cast to the column type, and a value that does not cast
// fails the load. (@factline/warehouse owns the real COPY; this is the smallest faithful stand-in.)
import type { DuckDBConnection } from '@duckdb/node-api';

/** `$['a']['b']` → `['a', 'b']`; throws on anything else (dot notation, wildcards, indexes). */
export function parseBracketJsonPath(expression: string): string[] {
  if (!/^\$(\['[^']*'\])*$/.test(expression)) throw new Error(`not a bracket-notation JSONPath: ${expression}`);
  return [...expression.matchAll(/\['([^']*)'\]/g)].map((m) => m[1]!);
}

const duckPath = (keys: readonly string[]) => `'$${keys.map((k) => `."${k.replace(/"/g, '\\"')}"`).join('')}'`;
const sqlString = (text: string) => `'${text.replace(/'/g, "''")}'`;

export interface TableColumn {
  name: string;
  dataType: string;
}

export async function tableColumns(connection: DuckDBConnection, schema: string, table: string): Promise<TableColumn[]> {
  const reader = await connection.runAndReadAll(`SELECT column_name, data_type FROM duckdb_columns() WHERE schema_name = ${sqlString(schema)} AND table_name = ${sqlString(table)} ORDER BY column_index`);
  return reader.getRowObjectsJson().map((row) => ({ name: String(row['column_name']), dataType: String(row['data_type']) }));
}

/** Loads NDJSON lines into `schema.table` through a JSONPaths file's expressions, in line order. */
export async function copyWithJsonPaths(connection: DuckDBConnection, options: { schema: string; table: string; jsonPaths: readonly string[]; lines: readonly string[] }): Promise<void> {
  const columns = await tableColumns(connection, options.schema, options.table);
  if (columns.length !== options.jsonPaths.length) throw new Error(`the number of jsonpaths (${options.jsonPaths.length}) and of columns of ${options.table} (${columns.length}) differ`);
  const expressions = columns.map((column, i) => {
    const path = duckPath(parseBracketJsonPath(options.jsonPaths[i]!));
    if (column.dataType === 'JSON') return `CASE WHEN coalesce(json_type(doc, ${path}), 'NULL') = 'NULL' THEN NULL ELSE json_extract(doc, ${path}) END`;
    return `CAST(json_extract_string(doc, ${path}) AS ${column.dataType})`;
  });
  await connection.run('CREATE OR REPLACE TEMP TABLE copy_input (n INTEGER, doc JSON)');
  await connection.run(`INSERT INTO copy_input VALUES ${options.lines.map((line, i) => `(${i}, ${sqlString(line)})`).join(', ')}`);
  const names = columns.map((c) => `"${c.name}"`).join(', ');
  await connection.run(`INSERT INTO "${options.schema}"."${options.table}" (${names}) SELECT ${expressions.join(', ')} FROM copy_input ORDER BY n`);
}
