// Errors with a stable `code`, a `cause`, and the context a person needs to act: the SQL, the statement id,
// Redshift's own message, the object key and line of a bad value, the migration file and its checksums.
import type { JsonPathsIssue } from './copy/jsonpaths.js';
import type { LoadError } from './copy/load-error.js';

/**
 * The stable codes of every error this package creates.
 *
 * @example
 * import { warehouseErrorCodes } from '@factline/warehouse';
 * if (error.code === warehouseErrorCodes.copyLoadFailed) console.error(error.message);
 */
export const warehouseErrorCodes = {
  /** Engine options are invalid (see `WarehouseConfigError.issues`). */
  invalidOptions: 'INVALID_OPTIONS',
  /** A statement failed in the engine (DuckDB error, or Redshift status `FAILED`). */
  statementFailed: 'STATEMENT_FAILED',
  /** A Redshift statement ended with status `ABORTED` (cancelled by a user or an operator). */
  statementAborted: 'STATEMENT_ABORTED',
  /** A Redshift statement did not finish within `statementTimeoutMs`; it was cancelled. */
  statementTimeout: 'STATEMENT_TIMEOUT',
  /** The Redshift Data API refused a call (ValidationException, ActiveStatementsExceededException, …). */
  dataApiRequestFailed: 'DATA_API_REQUEST_FAILED',
  /** The SQL names a `:parameter` that was not given, or a parameter value has a type SQL cannot carry. */
  invalidParameters: 'INVALID_PARAMETERS',
  /** The warehouse was used after `close()`. */
  closed: 'WAREHOUSE_CLOSED',
  /** `transaction()` inside a transaction. */
  nestedTransaction: 'NESTED_TRANSACTION',
  /** The JSONPaths file breaks Redshift's rules (see `JsonPathsError.issues`). */
  jsonPathsInvalid: 'JSONPATHS_INVALID',
  /** The COPY options cannot be parsed, or name an option this engine does not support. */
  copyOptionsInvalid: 'COPY_OPTIONS_INVALID',
  /** The COPY request is inconsistent (no keys, wrong bucket, unknown table, column count mismatch, …). */
  copyRequestInvalid: 'COPY_REQUEST_INVALID',
  /** A value in the data does not fit its column, or the data is not JSON: `CopyLoadError.loadError` says where. */
  copyLoadFailed: 'COPY_LOAD_FAILED',
  /** A migration file name or content breaks the contract (name pattern, duplicate number). */
  migrationFileInvalid: 'MIGRATION_FILE_INVALID',
  /** An applied migration file was edited after it was applied. */
  migrationChecksumMismatch: 'MIGRATION_CHECKSUM_MISMATCH',
  /** An applied migration is no longer in the folder. */
  migrationMissing: 'MIGRATION_MISSING',
  /** A new migration is numbered below one already applied. */
  migrationOutOfOrder: 'MIGRATION_OUT_OF_ORDER',
  /** A migration's SQL failed; it was rolled back (unless it runs outside a transaction). */
  migrationFailed: 'MIGRATION_FAILED',
} as const;

/**
 * One of {@link warehouseErrorCodes}.
 *
 * @example
 * const retryable = (code: WarehouseErrorCode): boolean => code === 'STATEMENT_TIMEOUT';
 */
export type WarehouseErrorCode = (typeof warehouseErrorCodes)[keyof typeof warehouseErrorCodes];

/**
 * Every error this package creates. `code` is stable and safe to branch on.
 *
 * @example
 * try { await warehouse.execute('select 1'); }
 * catch (error) { if (error instanceof WarehouseError) console.error(error.code, error.message); }
 */
export class WarehouseError extends Error {
  readonly code: WarehouseErrorCode;

  constructor(code: WarehouseErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'WarehouseError';
    this.code = code;
  }
}

/**
 * One problem with an options object: the option's path and what is wrong with it.
 *
 * @example
 * const issue: ConfigIssue = { path: 'workgroupName', message: 'give clusterIdentifier or workgroupName, not both' };
 */
export interface ConfigIssue {
  path: string;
  message: string;
}

/**
 * Engine options that cannot work; `issues` lists every problem at once.
 *
 * @example
 * try { createRedshiftWarehouse({ database: 'dev' }); }
 * catch (error) { if (error instanceof WarehouseConfigError) for (const i of error.issues) console.error(i.path, i.message); }
 */
export class WarehouseConfigError extends WarehouseError {
  constructor(
    readonly what: string,
    readonly issues: readonly ConfigIssue[],
  ) {
    super(warehouseErrorCodes.invalidOptions, `Invalid ${what}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    this.name = 'WarehouseConfigError';
  }
}

/**
 * Where a failed statement ran and what the engine said.
 *
 * @example
 * new StatementError('STATEMENT_FAILED', { sql: 'select 1', statementId: id, engineMessage: 'ERROR: …', status: 'FAILED' });
 */
export interface StatementErrorContext {
  /** The SQL that failed (for a batch, the sub-statement that failed when known). */
  sql: string;
  /** The Redshift Data API statement id (`<uuid>` or `<uuid>:<n>` for a batch sub-statement). */
  statementId?: string;
  /** The engine's own message (Redshift's `Error` field, DuckDB's error text). */
  engineMessage: string;
  /** Redshift's terminal status, when there is one. */
  status?: 'FAILED' | 'ABORTED' | 'TIMEOUT';
  /** Redshift's query id (`RedshiftQueryId`: joins STL_QUERY.query and STL_LOAD_ERRORS.query). */
  redshiftQueryId?: number;
  cause?: unknown;
}

/**
 * A statement that failed, was aborted or timed out. Carries the SQL, the statement id and the engine's message.
 *
 * @example
 * try { await warehouse.execute('select * from missing_table'); }
 * catch (error) { if (error instanceof StatementError) console.error(error.statementId, error.engineMessage, error.sql); }
 */
export class StatementError extends WarehouseError {
  readonly sql: string;
  readonly statementId: string | undefined;
  readonly engineMessage: string;
  readonly status: 'FAILED' | 'ABORTED' | 'TIMEOUT' | undefined;
  readonly redshiftQueryId: number | undefined;

  constructor(code: WarehouseErrorCode, context: StatementErrorContext) {
    const id = context.statementId === undefined ? '' : ` (statement ${context.statementId})`;
    super(code, `${describeStatus(context.status)}${id}: ${context.engineMessage}\n  SQL: ${abbreviate(context.sql)}`, { cause: context.cause });
    this.name = 'StatementError';
    this.sql = context.sql;
    this.statementId = context.statementId;
    this.engineMessage = context.engineMessage;
    this.status = context.status;
    this.redshiftQueryId = context.redshiftQueryId;
  }
}

/**
 * A COPY that failed because of the data: `loadError` names the object key, the line, the column, the value and
 * the reason, like a row of Redshift's `STL_LOAD_ERRORS`. Nothing was loaded.
 *
 * @example
 * try { await warehouse.copy(request); }
 * catch (error) { if (error instanceof CopyLoadError) console.error(error.loadError.key, error.loadError.line, error.loadError.column); }
 */
export class CopyLoadError extends WarehouseError {
  /** The Data API statement id of the COPY (Redshift only). */
  readonly statementId: string | undefined;

  constructor(
    readonly table: string,
    readonly loadError: LoadError,
    options: { cause?: unknown; statementId?: string } = {},
  ) {
    super(warehouseErrorCodes.copyLoadFailed, formatLoadError(table, loadError), { cause: options.cause });
    this.name = 'CopyLoadError';
    this.statementId = options.statementId;
  }
}

/**
 * A JSONPaths file that Redshift would refuse; `issues` point into the file with JSON Pointers.
 *
 * @example
 * try { await warehouse.copy(request); }
 * catch (error) { if (error instanceof JsonPathsError) for (const i of error.issues) console.error(error.url, i.pointer, i.message); }
 */
export class JsonPathsError extends WarehouseError {
  constructor(
    readonly url: string,
    readonly issues: readonly JsonPathsIssue[],
  ) {
    super(warehouseErrorCodes.jsonPathsInvalid, `The JSONPaths file ${url} is invalid: ${issues.map((i) => `${i.pointer || '(file)'} ${i.message}`).join('; ')}`);
    this.name = 'JsonPathsError';
  }
}

/**
 * A migration that cannot run: an edited file, a missing or out-of-order file, or SQL that failed.
 *
 * @example
 * try { await runMigrations({ warehouse, folder: 'generated/migrations/duckdb' }); }
 * catch (error) { if (error instanceof MigrationError) console.error(error.file, error.message); }
 */
export class MigrationError extends WarehouseError {
  constructor(
    code: WarehouseErrorCode,
    message: string,
    readonly file: string | undefined,
    readonly checksums?: { recorded: string; current: string },
    options: { cause?: unknown } = {},
  ) {
    super(code, message, options);
    this.name = 'MigrationError';
  }
}

function describeStatus(status: StatementErrorContext['status']): string {
  if (status === 'ABORTED') return 'Statement aborted';
  if (status === 'TIMEOUT') return 'Statement timed out';
  return 'Statement failed';
}

function abbreviate(sql: string): string {
  const oneLine = sql.replace(/\s+/g, ' ').trim();
  return oneLine.length > 500 ? `${oneLine.slice(0, 500)}…` : oneLine;
}

function formatLoadError(table: string, e: LoadError): string {
  const where = [`${e.url}`, e.line === undefined ? undefined : `line ${e.line}`].filter(Boolean).join(', ');
  const column = e.column === undefined ? '' : `, column "${e.column}"${e.columnType === undefined ? '' : ` (${e.columnType})`}`;
  const value = e.rawValue === undefined ? '' : `, value ${JSON.stringify(e.rawValue.length > 200 ? `${e.rawValue.slice(0, 200)}…` : e.rawValue)}`;
  return `COPY into ${table} failed at ${where}${column}${value}: ${e.reason} (load error ${e.errorCode}). Nothing was loaded.`;
}
