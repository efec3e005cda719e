// The migrations runner: applies the migrations of a dialect folder in order, once each, recording every applied
// file with its checksum in <schema>.factline_migrations in the same transaction as its statements. It refuses to
// run when an applied file was edited, removed, or when a new file is numbered below an applied one.
import { basename, resolve } from 'node:path';
import { migrationsTable } from '../constants.js';
import { MigrationError, StatementError, warehouseErrorCodes } from '../errors.js';
import { quoteIdentifier } from '../sql/identifiers.js';
import { sqlLiteral } from '../sql/parameters.js';
import type { Warehouse } from '../types.js';
import { readMigrationFolder } from './files.js';
import type { MigrateOptions, MigrationFile, MigrationReport, MigrationStep } from './types.js';

interface Recorded {
  id: number;
  name: string;
  checksum: string;
  applied_at: Date;
}

/**
 * Applies the pending migrations of `folder` (or, with `dryRun`, reports what it would apply). Safe to run twice.
 *
 * @example
 * const report = await runMigrations({ warehouse, folder: 'generated/migrations/duckdb' });
 * console.log(formatMigrationReport(report));
 */
export async function runMigrations(options: MigrateOptions): Promise<MigrationReport> {
  const { warehouse } = options;
  const schema = options.schema ?? 'factline';
  const dryRun = options.dryRun ?? false;
  const folder = resolve(options.folder);
  const dialectFolder = basename(folder);
  if ((dialectFolder === 'duckdb' || dialectFolder === 'redshift') && dialectFolder !== warehouse.dialect) {
    throw new MigrationError(warehouseErrorCodes.migrationFileInvalid, `The folder ${folder} holds ${dialectFolder} migrations, but the warehouse is ${warehouse.dialect}.`, undefined);
  }
  const table = `${quoteIdentifier(schema)}.${quoteIdentifier(migrationsTable)}`;
  const files = await readMigrationFolder(folder);
  if (!dryRun) {
    await warehouse.execute(`create schema if not exists ${quoteIdentifier(schema)}`);
    await warehouse.execute(`create table if not exists ${table} (id integer not null, name varchar(255) not null, checksum varchar(64) not null, applied_at timestamptz not null, primary key (id))`);
  }
  const recorded = await readRecorded(warehouse, schema, table);
  const pending = checkHistory(files, recorded);
  const steps: MigrationStep[] = files
    .filter((f) => !pending.includes(f))
    .map((f) => ({ ...describe(f, 'already-applied'), appliedAt: recorded.find((r) => r.id === f.id)?.applied_at as Date }));
  for (const file of pending) {
    if (dryRun) {
      steps.push(describe(file, 'would-apply'));
      continue;
    }
    const started = performance.now();
    const appliedAt = new Date();
    await apply(warehouse, table, file, appliedAt);
    steps.push({ ...describe(file, 'applied'), appliedAt, durationMs: Math.round(performance.now() - started) });
  }
  return {
    folder,
    table: `${schema}.${migrationsTable}`,
    dialect: warehouse.dialect,
    dryRun,
    migrations: steps,
    applied: steps.filter((s) => s.status === 'applied').length,
    alreadyApplied: steps.filter((s) => s.status === 'already-applied').length,
    pending: steps.filter((s) => s.status === 'would-apply').length,
  };
}

async function readRecorded(warehouse: Warehouse, schema: string, table: string): Promise<Recorded[]> {
  const exists = await warehouse.query<{ n: number }>(
    `select count(*) as n from information_schema.tables where table_schema = :schema and table_name = '${migrationsTable}'`,
    { schema },
  );
  if (Number(exists[0]?.n ?? 0) === 0) return [];
  const rows = await warehouse.query<Recorded>(`select id, name, checksum, applied_at from ${table} order by id`);
  return rows.map((r) => ({ ...r, id: Number(r.id), checksum: String(r.checksum).trim() }));
}

// Every applied migration must still be there, unchanged; what is left must come after the last applied one.
function checkHistory(files: readonly MigrationFile[], recorded: readonly Recorded[]): MigrationFile[] {
  for (const record of recorded) {
    const file = files.find((f) => f.id === record.id);
    if (file === undefined || file.name !== record.name) {
      const renamed = file === undefined ? '' : ` (the folder has ${file.name} under that number)`;
      throw new MigrationError(warehouseErrorCodes.migrationMissing, `Migration ${record.name} was applied but is no longer in the folder${renamed}. Migrations are append-only: restore the file.`, record.name);
    }
    if (file.checksum !== record.checksum) {
      throw new MigrationError(
        warehouseErrorCodes.migrationChecksumMismatch,
        `Migration ${file.name} was edited after it was applied: recorded checksum ${record.checksum}, file checksum ${file.checksum}. Applied migrations are never rewritten: restore the file and add a new migration for the change.`,
        file.name,
        { recorded: record.checksum, current: file.checksum },
      );
    }
  }
  const last = Math.max(0, ...recorded.map((r) => r.id));
  const pending = files.filter((f) => !recorded.some((r) => r.id === f.id));
  const early = pending.find((f) => f.id < last);
  if (early !== undefined) {
    throw new MigrationError(warehouseErrorCodes.migrationOutOfOrder, `Migration ${early.name} is numbered below ${recorded.find((r) => r.id === last)?.name}, which is already applied. Renumber it after the last applied migration.`, early.name);
  }
  return pending;
}

async function apply(warehouse: Warehouse, table: string, file: MigrationFile, appliedAt: Date): Promise<void> {
  const timestamp = `${appliedAt.toISOString().replace('T', ' ').replace('Z', '')}+00`;
  const record = `insert into ${table} (id, name, checksum, applied_at) values (${file.id}, ${sqlLiteral(file.name)}, ${sqlLiteral(file.checksum)}, cast(${sqlLiteral(timestamp)} as timestamptz))`;
  let done = 0;
  try {
    if (file.transaction) await warehouse.executeBatch([...file.statements, record]);
    else {
      for (const statement of file.statements) {
        await warehouse.execute(statement);
        done += 1;
      }
      await warehouse.execute(record);
    }
  } catch (error) {
    const failedSql = error instanceof StatementError ? error.sql : undefined;
    const index = file.statements.findIndex((s) => s === failedSql);
    const where = index >= 0 ? `statement ${index + 1} of ${file.statements.length}` : 'recording it';
    const engineMessage = error instanceof StatementError ? error.engineMessage : (error as Error).message;
    const outcome = file.transaction
      ? 'It was rolled back: nothing of it was applied.'
      : `It runs outside a transaction: ${done} statement(s) before the failing one stay applied and it is not recorded; make them safe to re-run, fix, and run again.`;
    throw new MigrationError(warehouseErrorCodes.migrationFailed, `Migration ${file.name} failed at ${where}: ${engineMessage}. ${outcome}`, file.name, undefined, { cause: error });
  }
}

function describe(file: MigrationFile, status: MigrationStep['status']): MigrationStep {
  return { id: file.id, name: file.name, checksum: file.checksum, status, transaction: file.transaction, statements: file.statements };
}
