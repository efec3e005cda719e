// A DuckDB database with a generated project's tables and views, and a way to write facts into it by hand.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { GeneratedProject } from './project.js';

export interface Fact {
  fact_id: string;
  entity_id: string;
  fact_type: string;
  fact_version?: number;
  occurred_at: string;
  recorded_at: string;
  event_id: string;
  event_type?: string;
  event_version?: number;
  /** Value columns: strings, numbers, booleans, null; arrays and objects go into JSON columns. */
  [column: string]: unknown;
}

export interface Duck {
  connection: DuckDBConnection;
  run(sql: string): Promise<void>;
  rows(sql: string): Promise<Record<string, unknown>[]>;
  insert(table: string, facts: readonly Fact[]): Promise<void>;
  close(): void;
}

const literal = (value: unknown): string => {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object') return `'${JSON.stringify(value).replace(/'/g, "''")}'::JSON`;
  return `'${String(value).replace(/'/g, "''")}'`;
};
const quote = (name: string) => `"${name}"`;

/** Splits a migration or view file into statements (each ends with `;` at the end of a line). */
export function statements(sql: string): string[] {
  return sql
    .split(/;\s*\n/)
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter((s) => s !== '');
}

/** An in-memory DuckDB with the project's DuckDB migration applied and its generated views and macros created. */
export async function openDuck(project: GeneratedProject, views: readonly string[]): Promise<Duck> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run("SET TimeZone = 'UTC'");
  const run = async (sql: string) => void (await connection.run(sql));
  for (const statement of statements(await project.read('generated/migrations/duckdb/0001-initial.sql'))) await run(statement);
  for (const view of views) for (const statement of statements(await project.read(`generated/views/duckdb/${view}.sql`))) await run(statement);
  return {
    connection,
    run,
    rows: async (sql) => (await connection.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[],
    async insert(table, facts) {
      for (const fact of facts) {
        const row: Record<string, unknown> = { fact_version: 1, event_type: `${fact.fact_type.split('.')[0]}.changed`, event_version: 1, ...fact };
        const columns = Object.keys(row);
        await run(`INSERT INTO ${table} (${columns.map(quote).join(', ')}) VALUES (${columns.map((c) => literal(row[c])).join(', ')})`);
      }
    },
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
