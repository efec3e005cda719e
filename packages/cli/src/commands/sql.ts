// `factline sql "<query>"`: a query on the local DuckDB warehouse, as a table for people or `--json` for programs.
import type { Command } from 'commander';
import { CliExit, type CliIo } from '../io.js';
import { expectedFailures } from '../pipeline/cli-errors.js';
import { openLocalWarehouse } from '../pipeline/local-warehouse.js';
import { resolveProject } from '../pipeline/project.js';
import { formatTable } from '../pipeline/table-format.js';

export interface SqlOptions {
  json?: boolean;
  dataDir?: string;
  maxRows?: string;
}

/** JSON for rows: times as ISO strings, big integers as numbers when exact (else strings), bytes as base64. */
function jsonValue(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  return value;
}

export async function runSql(io: CliIo, query: string, options: SqlOptions): Promise<void> {
  const maxRows = options.maxRows === undefined ? 100 : Number(options.maxRows);
  if (!Number.isInteger(maxRows) || maxRows < 1) throw new CliExit(1, `--max-rows must be a positive integer (got ${options.maxRows})`);
  const project = await resolveProject(io.cwd, options.dataDir === undefined ? {} : { dataDir: options.dataDir });
  const warehouse = await openLocalWarehouse({ path: project.warehousePath, mustExist: true });
  try {
    const rows = await warehouse.query<Record<string, unknown>>(query);
    io.out(options.json === true ? JSON.stringify(rows, jsonValue, 2) : formatTable(rows, { maxRows, maxCellWidth: 48 }));
  } finally {
    await warehouse.close();
  }
}

export function registerSql(program: Command, io: CliIo): void {
  program
    .command('sql')
    .description('run a SQL query on the local warehouse (.factline/warehouse.duckdb, DuckDB SQL) and print the rows')
    .argument('<query>', 'the query, in quotes')
    .option('--json', 'print the rows as a JSON array of objects keyed by column name')
    .option('--max-rows <n>', 'rows printed in the table (the JSON has them all)', '100')
    .option('--data-dir <dir>', 'the local data folder (default: .factline/ at the project root)')
    .addHelpText('after', '\nExamples:\n  pnpm factline sql "select fact_type, count(*) from factline.booking_facts group by 1"\n  pnpm factline sql --json "select * from factline.accommodation_provider_facts limit 2"')
    .action(async (query: string, options: SqlOptions) => expectedFailures(() => runSql(io, query, options)));
}
