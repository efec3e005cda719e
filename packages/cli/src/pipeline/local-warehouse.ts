// The local DuckDB warehouse, shared between processes: DuckDB lets one process at a time open a database file, so
// an opener that finds it held waits a little (loads and queries hold it briefly) before saying who holds it.
import { access } from 'node:fs/promises';
import { createDuckDbWarehouse, type DuckDbWarehouse } from '@factline/warehouse';
import { PipelineError, PipelineErrorCode } from './errors.js';

/**
 * How to open the local warehouse.
 *
 * @example
 * const options: OpenLocalWarehouseOptions = { path: '.factline/warehouse.duckdb', mustExist: true, waitMs: 5000 };
 */
export interface OpenLocalWarehouseOptions {
  path: string;
  /** Refuse (WAREHOUSE_MISSING) instead of creating an empty database. Default false. */
  mustExist?: boolean;
  /** How long to keep trying while another process holds the file. Default 10,000 ms. */
  waitMs?: number;
  /** What to tell a person to run when the file is missing. */
  hint?: string;
  /** DuckDB worker threads, when this opening starts the instance (default: one per core). */
  threads?: number;
}

const lockConflict = /Could not set lock on file|Conflicting lock/i;

/**
 * Opens the DuckDB warehouse file, waiting while another process holds it.
 *
 * @example
 * const warehouse = await openLocalWarehouse({ path: project.warehousePath, mustExist: true });
 */
export async function openLocalWarehouse(options: OpenLocalWarehouseOptions): Promise<DuckDbWarehouse> {
  if (options.mustExist === true) {
    try {
      await access(options.path);
    } catch (error) {
      throw new PipelineError(PipelineErrorCode.WarehouseMissing, `There is no local warehouse at ${options.path} yet: ${options.hint ?? 'run `pnpm demo` or `pnpm factline migrate` first'}.`, { subject: options.path, cause: error });
    }
  }
  const deadline = Date.now() + (options.waitMs ?? 10_000);
  for (let pause = 20; ; pause = Math.min(pause * 2, 250)) {
    try {
      return await createDuckDbWarehouse({ path: options.path, ...(options.threads === undefined ? {} : { threads: options.threads }) });
    } catch (error) {
      const message = (error as Error).message;
      if (!lockConflict.test(message)) throw error;
      if (Date.now() + pause > deadline) {
        const holder = /PID (\d+)/.exec(message)?.[1];
        throw new PipelineError(
          PipelineErrorCode.WarehouseBusy,
          `The local warehouse ${options.path} is in use by another process${holder === undefined ? '' : ` (pid ${holder})`}, and DuckDB lets one process at a time open it. Wait for it to finish (a running \`pnpm demo\`?) and try again.`,
          { subject: options.path, cause: error },
        );
      }
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}
