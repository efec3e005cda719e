// Defaults, resolved in one place per engine (see duckdb/options.ts and redshift/options.ts).

/**
 * The DuckDB engine's defaults.
 *
 * @example
 * console.log(duckDbDefaults.path); // .factline/warehouse.duckdb
 */
export const duckDbDefaults = {
  /** The database file, relative to the current directory. */
  path: '.factline/warehouse.duckdb',
} as const;

/**
 * The Redshift engine's defaults.
 *
 * @example
 * console.log(redshiftDefaults.statementTimeoutMs); // 900000
 */
export const redshiftDefaults = {
  /** First wait before DescribeStatement, then multiplied by `backoffMultiplier` up to `maxPollIntervalMs`. */
  initialPollIntervalMs: 50,
  maxPollIntervalMs: 2_000,
  backoffMultiplier: 2,
  /** How long a statement may run before it is cancelled and reported as timed out (Redshift allows 24 h). */
  statementTimeoutMs: 15 * 60 * 1000,
  /** How often ActiveStatementsExceededException is retried (with the same backoff) before giving up. */
  maxSubmitRetries: 8,
  /** How long a transaction's Data API session stays open between statements. */
  sessionKeepAliveSeconds: 300,
  /** `IAM_ROLE default` uses the role associated with the cluster or workgroup as default. */
  iamRole: 'default',
  /** Where COPY writes its manifests in the bucket. */
  manifestPrefix: 'manifests/',
  /** `StatementName` on every statement, to find factline's statements in ListStatements. */
  statementName: 'factline',
} as const;

/**
 * The Data API limits this package plans around (aws-contracts §6).
 *
 * @example
 * const oneBatch = statements.length <= dataApiLimits.maxBatchStatements;
 */
export const dataApiLimits = {
  /** BatchExecuteStatement accepts 1 to 40 statements. */
  maxBatchStatements: 40,
  /** The largest SQL text the Data API accepts. */
  maxStatementBytes: 100 * 1024,
} as const;

/**
 * The migrations table, created in the warehouse schema.
 *
 * @example
 * await warehouse.query(`select * from factline.${migrationsTable} order by id`);
 */
export const migrationsTable = 'factline_migrations';

/**
 * The DuckDB-only table that declares the byte length of VARCHAR columns (DuckDB keeps no length):
 * `<schema>.factline_column_limits (table_name varchar, column_name varchar, max_bytes integer)`.
 *
 * @example
 * await warehouse.execute(`insert or replace into factline.${columnLimitsTable} values ('booking_facts', 'note', 512)`);
 */
export const columnLimitsTable = 'factline_column_limits';
