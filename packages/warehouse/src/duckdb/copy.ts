// COPY into DuckDB with Redshift's COPY-with-JSONPaths semantics: resolve the table and the paths, stage the
// objects, load them in one INSERT, and when the load fails, explain it like STL_LOAD_ERRORS.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ObjectStore } from '@factline/object-store';
import { parseJsonPathsFile, type JsonPath } from '../copy/jsonpaths.js';
import { parseCopyOptions, type CopyFormat } from '../copy/options.js';
import { CopyLoadError, JsonPathsError, StatementError, WarehouseError, warehouseErrorCodes } from '../errors.js';
import { parseColumnList, parseQualifiedName } from '../sql/identifiers.js';
import type { CopyRequest, CopyResult } from '../types.js';
import { findLoadErrors } from './copy-diagnose.js';
import { insertSql, insertValidSql, planCopy, type CopyPlan } from './copy-sql.js';
import { stageObjects, type StagedObject } from './copy-stage.js';
import { readTableInfo, type TableColumn, type TableInfo } from './table-columns.js';

/** What a DuckDB COPY needs from the engine. */
export interface DuckDbCopyContext {
  /** Where the INSERT runs (inside the caller's transaction, if any). */
  connection: DuckDBConnection;
  /** A separate connection to explain a failure (the main one may be in an aborted transaction). */
  openDiagnosticConnection(): Promise<DuckDBConnection>;
  tempDirectory: string;
}

const invalid = (message: string): WarehouseError => new WarehouseError(warehouseErrorCodes.copyRequestInvalid, message);

/**
 * Loads the objects of a COPY request into a DuckDB table; all or nothing.
 *
 * @example
 * const result = await copyIntoDuckDb({ connection, openDiagnosticConnection: () => instance.connect(), tempDirectory: os.tmpdir() }, request);
 */
export async function copyIntoDuckDb(context: DuckDbCopyContext, request: CopyRequest): Promise<CopyResult> {
  const parsed = parseCopyOptions(request.options);
  if (!parsed.ok) throw new WarehouseError(warehouseErrorCodes.copyOptionsInvalid, `COPY options ${JSON.stringify(request.options)}: ${parsed.issues.join('; ')}`);
  const options = parsed.options;
  if (request.keys.length === 0) throw invalid(`COPY into ${request.table}: no object keys to load`);
  const name = parseQualifiedName(request.table);
  if (name === undefined) throw invalid(`COPY: ${JSON.stringify(request.table)} is not a table name (schema.table)`);
  const table = await readTableInfo(context.connection, name);
  if (table === undefined) throw invalid(`COPY: table ${request.table} does not exist (Firehose reports Redshift.TableNotFound; create it with the DDL or migrations first)`);
  const columns = targetColumns(table, request);
  const paths = await resolvePaths(request.store, options.format, columns);
  if (paths.length !== columns.length) {
    throw invalid(`COPY into ${request.table}: the number of jsonpaths (${paths.length}) and the number of columns (${columns.length}) should match (Firehose reports Redshift.ColumnMismatch)`);
  }
  const plan = planCopy(table, columns, paths, options);
  const stage = await stageObjects(request.store, request.keys, context.tempDirectory, request.table, options.gzip);
  try {
    if (options.maxError === 0) {
      try {
        const result = await context.connection.run(insertSql(plan, stage.objects.map((o) => o.file)));
        return { table: request.table, objects: stage.objects.length, rowsLoaded: result.rowsChanged, skipped: [] };
      } catch (error) {
        throw await explain(context, plan, stage.objects, request.table, error);
      }
    }
    const skipped = await collectSkipped(context, plan, stage.objects, request.table);
    const result = await context.connection.run(insertValidSql(plan, stage.objects.map((o) => o.file)));
    return { table: request.table, objects: stage.objects.length, rowsLoaded: result.rowsChanged, skipped };
  } finally {
    await stage.remove();
  }
}

function targetColumns(table: TableInfo, request: CopyRequest): TableColumn[] {
  if (request.columns === undefined) return table.columns;
  const names = parseColumnList(request.columns);
  if (names === undefined || names.length === 0) throw invalid(`COPY into ${request.table}: cannot read the column list ${JSON.stringify(request.columns)}`);
  const byName = new Map(table.columns.map((c) => [c.name.toLowerCase(), c]));
  const columns = names.map((n) => {
    const column = table.columns.find((c) => c.name === n) ?? byName.get(n.toLowerCase());
    if (column === undefined) throw invalid(`COPY into ${request.table}: column "${n}" does not exist`);
    return column;
  });
  const missing = table.columns.filter((c) => !columns.includes(c) && !c.nullable && !c.hasDefault);
  if (missing.length > 0) {
    throw invalid(`COPY into ${request.table}: NOT NULL column(s) ${missing.map((c) => `"${c.name}"`).join(', ')} without a default are not in the column list (Firehose reports Redshift.MissingColumn)`);
  }
  return columns;
}

async function resolvePaths(store: ObjectStore, format: CopyFormat, columns: readonly TableColumn[]): Promise<JsonPath[]> {
  const auto = (): JsonPath[] => columns.map((c) => ({ expression: `$['${c.name}']`, notation: 'bracket', steps: [{ kind: 'key', name: c.name }] }));
  if (format.kind === 'auto') return auto();
  if (format.bucket !== store.bucket) throw invalid(`COPY: the JSONPaths file ${format.url} is not in the store's bucket "${store.bucket}"`);
  let bytes: Uint8Array;
  try {
    bytes = await store.get(format.key);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'OBJECT_NOT_FOUND') throw invalid(`COPY: the JSONPaths file ${format.url} does not exist`);
    throw error;
  }
  const result = parseJsonPathsFile(new TextDecoder().decode(bytes));
  if (!result.ok) throw new JsonPathsError(format.url, result.issues);
  return result.kind === 'auto' ? auto() : result.paths;
}

async function explain(context: DuckDbCopyContext, plan: CopyPlan, objects: readonly StagedObject[], table: string, error: unknown): Promise<Error> {
  const diagnostic = await context.openDiagnosticConnection();
  try {
    for (const object of objects) {
      const found = await findLoadErrors(diagnostic, plan, object, 1);
      if (found.errors[0] !== undefined) return new CopyLoadError(table, found.errors[0], { cause: error });
    }
  } finally {
    diagnostic.closeSync();
  }
  return new StatementError(warehouseErrorCodes.statementFailed, { sql: `COPY ${table} (DuckDB engine)`, engineMessage: (error as Error).message, cause: error });
}

async function collectSkipped(context: DuckDbCopyContext, plan: CopyPlan, objects: readonly StagedObject[], table: string): Promise<CopyLoadError['loadError'][]> {
  const skipped: CopyLoadError['loadError'][] = [];
  const limit = plan.options.maxError;
  for (const object of objects) {
    const found = await findLoadErrors(context.connection, plan, object, limit - skipped.length + 1);
    // A file that cannot be read at all (bad gzip, malformed JSON) fails the COPY whatever MAXERROR says.
    if (!found.readable) throw new CopyLoadError(table, found.errors[0] as CopyLoadError['loadError']);
    skipped.push(...found.errors);
    if (skipped.length > limit) {
      const first = skipped[0] as CopyLoadError['loadError'];
      throw new CopyLoadError(table, { ...first, reason: `${first.reason} (more than MAXERROR ${limit} records failed)` });
    }
  }
  return skipped;
}
