// The DuckDB engine: an embedded database file (under .factline/ by default), one connection whose statements take
// turns, transactions, typed rows, and COPY with Redshift's semantics.
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { DuckDBConnection, DuckDBInstance, DuckDBValue } from '@duckdb/node-api';
import { StatementError, WarehouseError, warehouseErrorCodes } from '../errors.js';
import { runMigrations } from '../migrations/runner.js';
import { bindParameters } from '../sql/parameters.js';
import type { BatchResult, CopyRequest, CopyResult, ExecuteResult, Row, SqlParameters, Warehouse, WarehouseSession } from '../types.js';
import { copyIntoDuckDb } from './copy.js';
import { leaseInstance } from './instances.js';
import { TurnLock } from './lock.js';
import { resolveDuckDbOptions, type DuckDbWarehouseOptions } from './options.js';
import { readerRows, toDuckDbValue } from './values.js';

/**
 * The DuckDB engine, with the file it uses.
 *
 * @example
 * const warehouse: DuckDbWarehouse = await createDuckDbWarehouse();
 * console.log(warehouse.path); // /…/.factline/warehouse.duckdb
 */
export interface DuckDbWarehouse extends Warehouse {
  readonly dialect: 'duckdb';
  /** The absolute path of the database file, or `:memory:`. */
  readonly path: string;
}

/**
 * Opens (creating if needed) a DuckDB warehouse. Sessions run in UTC, as Redshift does.
 *
 * @example
 * const warehouse = await createDuckDbWarehouse({ path: '.factline/warehouse.duckdb' });
 * await warehouse.execute('create schema if not exists factline');
 * await warehouse.close();
 */
export async function createDuckDbWarehouse(options: DuckDbWarehouseOptions = {}): Promise<DuckDbWarehouse> {
  const resolved = resolveDuckDbOptions(options);
  if (resolved.path !== ':memory:') await mkdir(dirname(resolved.path), { recursive: true });
  const settings: Record<string, string> = {};
  if (resolved.threads !== undefined) settings.threads = String(resolved.threads);
  if (resolved.memoryLimit !== undefined) settings.memory_limit = resolved.memoryLimit;
  const lease = await leaseInstance(resolved.path, settings);
  let connection: DuckDBConnection;
  try {
    connection = await lease.instance.connect();
    await connection.run("set TimeZone = 'UTC'");
  } catch (error) {
    lease.release();
    throw error;
  }
  return new DuckDbEngine(resolved.path, resolved.tempDirectory, lease.instance, connection, lease.release);
}

class DuckDbEngine implements DuckDbWarehouse {
  readonly dialect = 'duckdb' as const;
  private readonly lock = new TurnLock();
  private closed = false;
  // Statements inside a transaction run directly on the connection: the transaction already holds the turn.
  private readonly inside: WarehouseSession = {
    dialect: 'duckdb',
    execute: (sql, params) => this.runExecute(sql, params),
    query: <T = Row>(sql: string, params?: SqlParameters) => this.runQuery<T>(sql, params),
    copy: (request) => this.runCopy(request),
  };

  constructor(
    readonly path: string,
    private readonly tempDirectory: string,
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    private readonly release: () => void,
  ) {}

  execute(sql: string, params?: SqlParameters): Promise<ExecuteResult> {
    return this.turn(() => this.runExecute(sql, params));
  }

  query<T = Row>(sql: string, params?: SqlParameters): Promise<T[]> {
    return this.turn(() => this.runQuery<T>(sql, params));
  }

  copy(request: CopyRequest): Promise<CopyResult> {
    return this.turn(() => this.runCopy(request));
  }

  executeBatch(statements: readonly string[]): Promise<BatchResult> {
    const run = async (): Promise<BatchResult> => {
      const rowsAffected: (number | undefined)[] = [];
      for (const sql of statements) rowsAffected.push((await this.runExecute(sql)).rowsAffected);
      return { rowsAffected };
    };
    // Inside a transaction the batch is already atomic with it.
    return this.lock.current()?.inTransaction === true ? run() : this.transaction(run);
  }

  async transaction<T>(fn: (tx: WarehouseSession) => Promise<T>): Promise<T> {
    if (this.lock.current()?.inTransaction === true) throw new WarehouseError(warehouseErrorCodes.nestedTransaction, 'transaction() was called inside a transaction; use the transaction you are in.');
    this.assertOpen();
    return this.lock.run({ inTransaction: true }, async () => {
      await this.connection.run('begin transaction');
      let result: T;
      try {
        result = await fn(this.inside);
      } catch (error) {
        await this.connection.run('rollback').catch(() => undefined);
        throw error;
      }
      await this.runExecute('commit');
      return result;
    });
  }

  migrate(options: Parameters<Warehouse['migrate']>[0]): ReturnType<Warehouse['migrate']> {
    return runMigrations({ ...options, warehouse: this });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.lock.run({ inTransaction: false }, async () => {
      this.closed = true;
      this.connection.closeSync();
      this.release();
    });
  }

  private turn<T>(fn: () => Promise<T>): Promise<T> {
    this.assertOpen();
    return this.lock.run({ inTransaction: false }, fn);
  }

  private assertOpen(): void {
    if (this.closed) throw new WarehouseError(warehouseErrorCodes.closed, `The DuckDB warehouse ${this.path} is closed.`);
  }

  private async runExecute(sql: string, params?: SqlParameters): Promise<ExecuteResult> {
    const bound = bind(sql, params);
    try {
      const result = await this.connection.run(bound.sql, bound.values);
      return { rowsAffected: result.rowsChanged };
    } catch (error) {
      throw failed(sql, error);
    }
  }

  private async runQuery<T>(sql: string, params?: SqlParameters): Promise<T[]> {
    const bound = bind(sql, params);
    try {
      return readerRows(await this.connection.runAndReadAll(bound.sql, bound.values)) as T[];
    } catch (error) {
      throw failed(sql, error);
    }
  }

  private runCopy(request: CopyRequest): Promise<CopyResult> {
    return copyIntoDuckDb({ connection: this.connection, openDiagnosticConnection: () => this.instance.connect(), tempDirectory: this.tempDirectory }, request);
  }
}

function bind(sql: string, params: SqlParameters | undefined): { sql: string; values: Record<string, DuckDBValue> | undefined } {
  const values: Record<string, DuckDBValue> = {};
  const bound = bindParameters(sql, params, (use, value) => {
    values[use.name] = toDuckDbValue(value);
    return `$${use.name}`;
  });
  return { sql: bound.sql, values: bound.used.length > 0 ? values : undefined };
}

function failed(sql: string, error: unknown): StatementError {
  return new StatementError(warehouseErrorCodes.statementFailed, { sql, engineMessage: (error as Error).message, cause: error });
}
