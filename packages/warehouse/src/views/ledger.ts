// The views ledger, `<schema>.factline_views`: every view factline deployed, with the checksum of its statement, so
// that a deployment changes only what changed and drops only what it created.
import { createHash } from 'node:crypto';
import { quoteIdentifier } from '../sql/identifiers.js';
import { sqlLiteral } from '../sql/parameters.js';
import type { Warehouse } from '../types.js';
import type { ViewDefinition } from './types.js';

/**
 * The name of the views ledger table, created in the warehouse schema.
 *
 * @example
 * await warehouse.query(`select name, checksum from factline.${viewsTable}`);
 */
export const viewsTable = 'factline_views';

/** One row of the ledger. */
export interface LedgerEntry {
  name: string;
  kind: 'view' | 'macro';
  checksum: string;
}

/** SHA-256 of a CREATE statement, line endings normalised. */
export function statementChecksum(create: string): string {
  return createHash('sha256').update(create.replace(/\r\n?/g, '\n')).digest('hex');
}

export function ledgerTable(schema: string): string {
  return `${quoteIdentifier(schema)}.${quoteIdentifier(viewsTable)}`;
}

export async function createLedger(warehouse: Warehouse, schema: string): Promise<void> {
  await warehouse.execute(`create schema if not exists ${quoteIdentifier(schema)}`);
  await warehouse.execute(
    `create table if not exists ${ledgerTable(schema)} (name varchar(255) not null, kind varchar(16) not null, checksum varchar(64) not null, source varchar(1024) not null, deployed_at timestamptz not null, primary key (name))`,
  );
}

export async function readLedger(warehouse: Warehouse, schema: string): Promise<LedgerEntry[]> {
  const exists = await warehouse.query<{ n: number }>(`select count(*) as n from information_schema.tables where table_schema = :schema and table_name = '${viewsTable}'`, { schema });
  if (Number(exists[0]?.n ?? 0) === 0) return [];
  const rows = await warehouse.query<{ name: string; kind: string; checksum: string }>(`select name, kind, checksum from ${ledgerTable(schema)} order by name`);
  return rows.map((r) => ({ name: String(r.name).trim(), kind: String(r.kind).trim() === 'macro' ? 'macro' : 'view', checksum: String(r.checksum).trim() }));
}

/** The statements that record a deployed view (replacing its earlier row). */
export function recordStatements(schema: string, key: string, view: ViewDefinition, checksum: string, at: Date): string[] {
  const timestamp = `${at.toISOString().replace('T', ' ').replace('Z', '')}+00`;
  return [
    `delete from ${ledgerTable(schema)} where name = ${sqlLiteral(key)}`,
    `insert into ${ledgerTable(schema)} (name, kind, checksum, source, deployed_at) values (${sqlLiteral(key)}, ${sqlLiteral(view.kind)}, ${sqlLiteral(checksum)}, ${sqlLiteral(view.source.slice(0, 1024))}, cast(${sqlLiteral(timestamp)} as timestamptz))`,
  ];
}

export function forgetStatement(schema: string, key: string): string {
  return `delete from ${ledgerTable(schema)} where name = ${sqlLiteral(key)}`;
}

/** Qualified names (lower case) of the views and DuckDB table macros that exist in the given schemas. */
export async function existingObjects(warehouse: Warehouse, schemas: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const schema of schemas) {
    const views = await warehouse.query<{ name: string }>(`select table_name as name from information_schema.tables where table_schema = :schema and table_type = 'VIEW'`, { schema });
    for (const row of views) found.add(`${schema}.${String(row.name)}`.toLowerCase());
    if (warehouse.dialect === 'duckdb') {
      const macros = await warehouse.query<{ name: string }>(`select function_name as name from duckdb_functions() where schema_name = :schema and function_type = 'table_macro'`, { schema });
      for (const row of macros) found.add(`${schema}.${String(row.name)}`.toLowerCase());
    }
  }
  return found;
}
