// The warehouse contract shared by both engines (DuckDB embedded, Redshift through the Data API), so that the
// local stack and AWS are interchangeable for everything that loads, migrates and queries.
import type { ObjectStore } from '@factline/object-store';
import type { LoadError } from './copy/load-error.js';
import type { MigrateOptions, MigrationReport } from './migrations/types.js';

/**
 * Which SQL dialect an engine speaks.
 *
 * @example
 * const folder = `generated/migrations/${warehouse.dialect}`;
 */
export type Dialect = 'duckdb' | 'redshift';

/**
 * A value for a `:name` parameter. Redshift receives every value as a string and converts it implicitly; `null`
 * and `''` (which the Data API cannot carry) are written into the SQL as `NULL` and `''`.
 *
 * @example
 * const since: SqlParameterValue = new Date('2026-05-01T00:00:00Z');
 */
export type SqlParameterValue = string | number | bigint | boolean | Date | null;

/**
 * Named parameters, referenced in the SQL as `:name` (the Data API's syntax, for both engines).
 *
 * @example
 * await warehouse.query('select * from factline.booking_facts where entity_id = :id', { id: bookingId });
 */
export type SqlParameters = Readonly<Record<string, SqlParameterValue>>;

/**
 * A row as returned by `query`: column name → value. Both engines map types the same way: integers → number
 * (bigint beyond 2^53 on DuckDB), DECIMAL → string (exact, as the Data API sends it), REAL/DOUBLE → number,
 * BOOLEAN → boolean, CHAR/VARCHAR → string, DATE → 'YYYY-MM-DD', TIMESTAMP/TIMESTAMPTZ → Date (UTC, milliseconds),
 * TIME → string, SUPER/JSON → the parsed JSON value, VARBYTE/BLOB → Uint8Array, NULL → null.
 *
 * @example
 * const [row] = await warehouse.query<{ price: string; at: Date }>('select 1.50::decimal(10,2) as price, now() as at');
 */
export type Row = Record<string, unknown>;

/**
 * What `execute` reports.
 *
 * @example
 * const { rowsAffected } = await warehouse.execute('delete from factline.t where n > :n', { n: 3 });
 */
export interface ExecuteResult {
  /** Rows inserted, updated, deleted or copied; undefined when the engine does not say (DDL). */
  rowsAffected: number | undefined;
  /** The Data API statement id (Redshift only). */
  statementId?: string;
}

/**
 * What `executeBatch` reports, one entry per statement.
 *
 * @example
 * const { rowsAffected } = await warehouse.executeBatch(['insert into t values (1)', 'insert into t values (2)']); // [1, 1]
 */
export interface BatchResult {
  rowsAffected: (number | undefined)[];
  statementId?: string;
}

/**
 * COPY objects from an object store into a table, as Firehose's Redshift destination does
 * (`CopyCommand`: `DataTableName`, `DataTableColumns`, `CopyOptions`).
 *
 * @example
 * const request: CopyRequest = {
 *   store, table: 'factline.booking_facts', keys: ['facts/booking/2026/05/01/10/factline-booking-1-….gz'],
 *   options: "JSON 's3://my-bucket/jsonpaths/booking_facts.json' TIMEFORMAT 'auto' GZIP",
 * };
 */
export interface CopyRequest {
  /** The bucket that holds the data objects, the JSONPaths file and (Redshift) the manifest written for the COPY. */
  store: ObjectStore;
  /** The target table, `schema.table` (Firehose `DataTableName`); it must exist. */
  table: string;
  /** Optional explicit column list (Firehose `DataTableColumns`, comma-separated or an array); default: every column in table order. */
  columns?: readonly string[] | string;
  /** The object keys to load, all in `store`. */
  keys: readonly string[];
  /** The COPY options with the real bucket name (Firehose `CopyOptions` after `renderCopyOptions`). */
  options: string;
}

/**
 * What a COPY loaded.
 *
 * @example
 * const { rowsLoaded, skipped } = await warehouse.copy(request);
 */
export interface CopyResult {
  table: string;
  /** How many objects were read. */
  objects: number;
  /** Rows inserted into the table. */
  rowsLoaded: number;
  /** Records skipped under MAXERROR, each with its load error (empty without MAXERROR). */
  skipped: LoadError[];
  /** The Data API statement id of the COPY (Redshift only). */
  statementId?: string;
}

/**
 * What a transaction callback receives: the statements of the warehouse, run inside the transaction.
 *
 * @example
 * await warehouse.transaction(async (tx) => {
 *   await tx.execute('delete from factline.booking_facts where event_id = :id', { id });
 *   await tx.copy(request);
 * });
 */
export interface WarehouseSession {
  readonly dialect: Dialect;
  /** Runs one statement. */
  execute(sql: string, params?: SqlParameters): Promise<ExecuteResult>;
  /** Runs one query and returns its rows, typed as `T` (see {@link Row} for the value types). */
  query<T = Row>(sql: string, params?: SqlParameters): Promise<T[]>;
  /** Loads objects with COPY-with-JSONPaths semantics; all or nothing. */
  copy(request: CopyRequest): Promise<CopyResult>;
}

/**
 * A warehouse: DuckDB (`createDuckDbWarehouse`) or Redshift through the Data API (`createRedshiftWarehouse`).
 *
 * @example
 * const warehouse = await createDuckDbWarehouse();
 * const rows = await warehouse.query<{ n: number }>('select count(*)::int as n from factline.booking_facts');
 * await warehouse.close();
 */
export interface Warehouse extends WarehouseSession {
  /** Runs statements in order in one transaction; if one fails, none takes effect. */
  executeBatch(statements: readonly string[]): Promise<BatchResult>;
  /** Runs `fn` in a transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: WarehouseSession) => Promise<T>): Promise<T>;
  /** Applies the migrations of a folder (see `runMigrations`). */
  migrate(options: Omit<MigrateOptions, 'warehouse'>): Promise<MigrationReport>;
  /** Releases the engine (the DuckDB file, the HTTP connections). */
  close(): Promise<void>;
}
