// Migration files (generated/migrations/<dialect>/NNNN-<slug>.sql), append-only: files generated before are
// re-emitted byte for byte (their checksums are in the state), and a plan with changes adds new ones after them.
import { CodegenError, CodegenErrorCode } from '../errors.js';
import { sqlHeader } from '../header.js';
import { warehousePaths } from './constants.js';
import { migrationFileName, migrationNumber, transactionalSlug } from './migration-names.js';
import type { WarehouseChange, WarehousePlan } from './plan.js';
import { printAddColumn, printColumnComment, printColumnLimits, printCreateSchema, printTableComment, printTableWithComments, printWidenColumn } from './sql-printer.js';
import { sha256, type MigrationRecord } from './state.js';
import { sqlTypeName } from './type-names.js';
import { WarehouseDialect, type WarehouseModel } from './types.js';

/**
 * First line of a migration that runs statement by statement, outside a transaction (docs/architecture.md).
 *
 * @example
 * const outsideTransaction = sql.split('\n')[0] === noTransactionMarker;
 */
export const noTransactionMarker = '-- factline:transaction=false';

export const initialMigrationName = '0001-initial.sql';

export interface NewMigration {
  name: string;
  content: Record<WarehouseDialect, string>;
}

export function migrationPath(dialect: WarehouseDialect, name: string): string {
  return `${warehousePaths.migrations}/${dialect}/${name}`;
}

function changeSources(changes: readonly WarehouseChange[]): string[] {
  const files = new Set<string>();
  for (const change of changes) {
    if (change.kind === 'add-column' || change.kind === 'widen-column' || change.kind === 'comment-column') {
      if (change.column.origin.kind !== 'shared') files.add(change.column.origin.file);
    } else change.table.sources.forEach((f) => files.add(f));
  }
  return [...files].sort();
}

function printChange(change: WarehouseChange, schema: string | undefined, dialect: WarehouseDialect): string {
  switch (change.kind) {
    case 'create-table':
      return printTableWithComments(schema, change.table, dialect);
    case 'add-column': {
      const limits = dialect === 'duckdb' ? printColumnLimits(schema, change.table, [change.column]) : '';
      return [printAddColumn(schema, change.table, change.column, dialect), printColumnComment(schema, change.table, change.column, dialect), limits].filter((s) => s !== '').join('\n');
    }
    case 'comment-table':
      return printTableComment(schema, change.table, dialect);
    case 'comment-column':
      return printColumnComment(schema, change.table, change.column, dialect);
    case 'widen-column':
      return dialect === 'redshift' ? printWidenColumn(schema, change.table, change.column) : printColumnLimits(schema, change.table, [change.column]);
  }
}

function initialMigration(model: WarehouseModel, sources: string[], dialect: WarehouseDialect): string {
  const parts = [sqlHeader(sources).trimEnd()];
  if (model.schema !== undefined) parts.push(printCreateSchema(model.schema, dialect));
  for (const table of model.tables) parts.push(printTableWithComments(model.schema, table, dialect));
  return `${parts.join('\n\n')}\n`;
}

function widenMigration(change: Extract<WarehouseChange, { kind: 'widen-column' }>, schema: string | undefined, dialect: WarehouseDialect): string {
  const header = sqlHeader(changeSources([change])).trimEnd();
  const what = `-- ${change.table.name}.${change.column.name}: ${sqlTypeName(change.from, 'redshift')} to ${sqlTypeName(change.column.type, 'redshift')}.`;
  if (dialect === 'duckdb') {
    return `${header}\n${what} DuckDB keeps VARCHAR lengths in ${'factline_column_limits'}, which the local COPY enforces.\n\n${printChange(change, schema, dialect)}\n`;
  }
  return `${noTransactionMarker}\n${header}\n${what} Redshift cannot ALTER COLUMN ... TYPE inside a transaction.\n\n${printChange(change, schema, dialect)}\n`;
}

/**
 * The migrations a plan adds after `lastNumber`: one transactional file for new tables, new columns and comments,
 * then one file per widened VARCHAR (outside a transaction, one statement each, so a retry never repeats a done
 * ALTER). With no previous state, the one file is `0001-initial.sql`.
 *
 * @example
 * const added = newMigrations(plan, allSchemaFiles, 1); // [{ name: '0002-add-booking-nights.sql', content: { redshift, duckdb } }]
 */
export function newMigrations(plan: WarehousePlan, allSources: string[], lastNumber: number): NewMigration[] {
  const dialects = Object.values(WarehouseDialect);
  const content = (print: (dialect: WarehouseDialect) => string) => Object.fromEntries(dialects.map((d) => [d, print(d)])) as Record<WarehouseDialect, string>;
  if (plan.previous === undefined) return [{ name: initialMigrationName, content: content((d) => initialMigration(plan.model, allSources, d)) }];

  const migrations: NewMigration[] = [];
  let number = lastNumber;
  const transactional = plan.changes.filter((c) => c.kind !== 'widen-column');
  if (transactional.length > 0) {
    const header = sqlHeader(changeSources(transactional)).trimEnd();
    migrations.push({
      name: migrationFileName(++number, transactionalSlug(transactional)),
      content: content((d) => `${[header, ...transactional.map((c) => printChange(c, plan.model.schema, d))].join('\n\n')}\n`),
    });
  }
  for (const change of plan.changes) {
    if (change.kind !== 'widen-column') continue;
    migrations.push({ name: migrationFileName(++number, `widen-${change.table.name}-${change.column.name}`), content: content((d) => widenMigration(change, plan.model.schema, d)) });
  }
  return migrations;
}

/** Reads every migration the state lists, refusing one that is missing or was edited after it was generated. */
export async function existingMigrations(records: readonly MigrationRecord[], dialect: WarehouseDialect, readExisting: (path: string) => Promise<string | undefined>): Promise<{ path: string; content: string }[]> {
  const files: { path: string; content: string }[] = [];
  for (const record of records) {
    const path = migrationPath(dialect, record.name);
    const content = await readExisting(path);
    if (content === undefined) {
      throw new CodegenError(CodegenErrorCode.warehouseStateInvalid, `${path} is listed in ${warehousePaths.state} but missing; restore it from version control (migrations are append-only)`);
    }
    if (sha256(content) !== record.sha256) {
      throw new CodegenError(CodegenErrorCode.warehouseStateInvalid, `${path} was changed after it was generated; restore it from version control (migrations are append-only: a change to the warehouse is a new migration)`);
    }
    files.push({ path, content });
  }
  return files;
}

export function lastMigrationNumber(records: readonly MigrationRecord[]): number {
  return Math.max(0, ...records.map((r) => migrationNumber(r.name)));
}
