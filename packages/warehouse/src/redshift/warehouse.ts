// The Redshift engine over the Data API. A transaction is a Data API session (BEGIN … COMMIT on one connection);
// calls made from inside a transaction callback run in it, as on DuckDB. A batch of up to 40 statements is one
// BatchExecuteStatement; a longer one runs statement by statement in a session transaction, still atomic.
import { AsyncLocalStorage } from 'node:async_hooks';
import { RedshiftDataClient, type SqlParameter } from '@aws-sdk/client-redshift-data';
import { dataApiLimits } from '../constants.js';
import { CopyLoadError, StatementError, WarehouseConfigError, WarehouseError, warehouseErrorCodes } from '../errors.js';
import { runMigrations } from '../migrations/runner.js';
import { bindParameters } from '../sql/parameters.js';
import type { BatchResult, CopyRequest, CopyResult, ExecuteResult, Row, SqlParameters, Warehouse, WarehouseSession } from '../types.js';
import { buildRedshiftCopy, loadErrorFromRow, loadErrorQuery } from './copy.js';
import { DataApi, type DataApiSession, type FinishedStatement } from './data-api.js';
import { validateRedshiftOptions, type RedshiftAuthMode, type RedshiftWarehouseOptions, type ResolvedRedshiftOptions } from './options.js';

/**
 * The Redshift engine.
 *
 * @example
 * const warehouse: RedshiftWarehouse = createRedshiftWarehouse({ clusterIdentifier: 'prod', database: 'dev', dbUser: 'loader' });
 * console.log(warehouse.authMode); // 'cluster-db-user'
 */
export interface RedshiftWarehouse extends Warehouse {
  readonly dialect: 'redshift';
  /** The authentication mode the options selected. */
  readonly authMode: RedshiftAuthMode;
}

/**
 * Creates a Redshift warehouse that talks to the Redshift Data API. Throws `WarehouseConfigError` listing every
 * problem of the options.
 *
 * @example
 * const warehouse = createRedshiftWarehouse({
 *   workgroupName: 'analytics', database: 'dev', clientConfig: { region: 'eu-west-1' },
 *   iamRole: 'arn:aws:iam::123456789012:role/factline-copy',
 * });
 * const rows = await warehouse.query<{ n: number }>('select count(*) as n from factline.booking_facts');
 */
export function createRedshiftWarehouse(options: RedshiftWarehouseOptions): RedshiftWarehouse {
  const result = validateRedshiftOptions(options);
  if (!result.ok) throw new WarehouseConfigError('Redshift warehouse options', result.issues);
  const client = options.client ?? new RedshiftDataClient(options.clientConfig ?? {});
  return new RedshiftEngine(client, result.options, options.client === undefined);
}

interface SessionState {
  session: DataApiSession;
  // Statements of one session run one after the other (the Data API does not queue them).
  tail: Promise<unknown>;
}

class RedshiftEngine implements RedshiftWarehouse {
  readonly dialect = 'redshift' as const;
  readonly authMode: RedshiftAuthMode;
  private readonly api: DataApi;
  private readonly transactions = new AsyncLocalStorage<SessionState>();
  private closed = false;

  constructor(
    private readonly client: RedshiftDataClient,
    private readonly options: ResolvedRedshiftOptions,
    private readonly ownsClient: boolean,
  ) {
    this.api = new DataApi(client, options);
    this.authMode = options.authMode;
  }

  execute(sql: string, params?: SqlParameters): Promise<ExecuteResult> {
    return this.inSession(async (session) => {
      const done = await this.run(sql, params, session);
      return { rowsAffected: rowsOf(done), statementId: done.Id };
    });
  }

  query<T = Row>(sql: string, params?: SqlParameters): Promise<T[]> {
    return this.inSession(async (session) => {
      const done = await this.run(sql, params, session);
      return done.HasResultSet === true ? ((await this.api.rows(done.Id, sql)) as T[]) : [];
    });
  }

  copy(request: CopyRequest): Promise<CopyResult> {
    return this.inSession(async (session) => {
      const copy = buildRedshiftCopy(request, this.options);
      await request.store.put(copy.manifestKey, JSON.stringify(copy.manifest));
      try {
        const done = await this.api.execute(copy.sql, undefined, session);
        return { table: request.table, objects: request.keys.length, rowsLoaded: rowsOf(done) ?? 0, skipped: [], statementId: done.Id };
      } catch (error) {
        throw await this.explainCopy(request, error);
      }
    });
  }

  executeBatch(statements: readonly string[]): Promise<BatchResult> {
    this.assertOpen();
    if (statements.length === 0) return Promise.resolve({ rowsAffected: [] });
    const inside = this.transactions.getStore();
    if (inside !== undefined || statements.length > dataApiLimits.maxBatchStatements) {
      // Inside a transaction, or too long for one BatchExecuteStatement: one statement at a time, in a session.
      const run = async (tx: WarehouseSession): Promise<BatchResult> => {
        const rowsAffected: (number | undefined)[] = [];
        for (const sql of statements) rowsAffected.push((await tx.execute(sql)).rowsAffected);
        return { rowsAffected };
      };
      return inside !== undefined ? run(this) : this.transaction(run);
    }
    return this.api.batch(statements).then((done) => ({ rowsAffected: (done.SubStatements ?? []).map((s) => rowsOf(s)), statementId: done.Id }));
  }

  async transaction<T>(fn: (tx: WarehouseSession) => Promise<T>): Promise<T> {
    this.assertOpen();
    if (this.transactions.getStore() !== undefined) throw new WarehouseError(warehouseErrorCodes.nestedTransaction, 'transaction() was called inside a transaction; use the transaction you are in.');
    const state: SessionState = { session: {}, tail: Promise.resolve() };
    return this.transactions.run(state, async () => {
      await this.execute('begin');
      let result: T;
      try {
        result = await fn(this);
      } catch (error) {
        await this.execute('rollback').catch(() => undefined);
        throw error;
      }
      await this.execute('commit');
      return result;
    });
  }

  migrate(options: Parameters<Warehouse['migrate']>[0]): ReturnType<Warehouse['migrate']> {
    return runMigrations({ ...options, warehouse: this });
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.ownsClient) this.client.destroy();
  }

  private assertOpen(): void {
    if (this.closed) throw new WarehouseError(warehouseErrorCodes.closed, 'The Redshift warehouse is closed.');
  }

  private inSession<T>(fn: (session: DataApiSession | undefined) => Promise<T>): Promise<T> {
    this.assertOpen();
    const state = this.transactions.getStore();
    if (state === undefined) return fn(undefined);
    const next = state.tail.then(() => fn(state.session));
    state.tail = next.catch(() => undefined);
    return next;
  }

  private run(sql: string, params: SqlParameters | undefined, session: DataApiSession | undefined): Promise<FinishedStatement> {
    const parameters: SqlParameter[] = [];
    const bound = bindParameters(sql, params, (use, value) => {
      // The Data API cannot carry NULL or an empty string: they go into the SQL as literals.
      if (value === null) return 'NULL';
      if (value === '') return "''";
      if (!parameters.some((p) => p.name === use.name)) parameters.push({ name: use.name, value: value instanceof Date ? value.toISOString() : String(value) });
      return `:${use.name}`;
    });
    return this.api.execute(bound.sql, parameters.length > 0 ? parameters : undefined, session);
  }

  // Redshift's message only says "Load into table … failed"; its load error table says where. Read it outside the
  // session: a failed statement aborts the session's transaction.
  private async explainCopy(request: CopyRequest, error: unknown): Promise<unknown> {
    if (!(error instanceof StatementError) || error.status !== 'FAILED' || error.redshiftQueryId === undefined) return error;
    if (!/load/i.test(error.engineMessage)) return error;
    const sql = loadErrorQuery(this.options.target.WorkgroupName !== undefined);
    try {
      const done = await this.api.execute(sql, [{ name: 'query', value: String(error.redshiftQueryId) }]);
      const [row] = done.HasResultSet === true ? await this.api.rows(done.Id, sql) : [];
      if (row === undefined) return error;
      return new CopyLoadError(request.table, loadErrorFromRow(row, request.store.bucket), { cause: error, statementId: error.statementId });
    } catch {
      return error;
    }
  }
}

function rowsOf(statement: { ResultRows?: number | undefined }): number | undefined {
  return statement.ResultRows === undefined || statement.ResultRows < 0 ? undefined : statement.ResultRows;
}

