// The destination's bookkeeping, in the warehouse itself: a ledger of the objects loaded (announcements are at least
// once, so a key is COPYed only if it is not in the ledger, in the same transaction that records it) and every failed
// attempt, with Firehose's error code and the STL_LOAD_ERRORS-like details. The SQL runs on DuckDB and on Redshift.
import type { Row, SqlParameters, WarehouseSession } from '@factline/warehouse';
import type { ClassifiedFailure } from './error-codes.js';
import { RedshiftDestinationError, RedshiftDestinationErrorCode } from './errors.js';

/**
 * The names of the bookkeeping tables, created in the fact table's schema.
 *
 * @example
 * await warehouse.query(`select * from factline.${destinationTables.loadErrors} order by failed_at desc`);
 */
export const destinationTables = {
  /** One row per object loaded: `object_key, bucket, delivery_stream, table_name, record_count, rows_loaded, object_size, loaded_at`. */
  loadedObjects: 'factline_loaded_objects',
  /** One row per failed attempt: `object_key, …, attempt, error_code, error_message, load_error_code, line_number, column_name, …, failed_at`. */
  loadErrors: 'factline_load_errors',
} as const;

const identifier = /^[a-z_][a-z0-9_$]*$/;

/** The schema name, checked: it is written into SQL. */
export function checkedSchema(schema: string): string {
  if (!identifier.test(schema)) throw new RedshiftDestinationError(RedshiftDestinationErrorCode.InvalidOptions, `The schema name ${JSON.stringify(schema)} is not a plain lower-case SQL identifier.`);
  return schema;
}

export function createTablesSql(schema: string): string[] {
  const s = checkedSchema(schema);
  return [
    `create schema if not exists ${s}`,
    `create table if not exists ${s}.${destinationTables.loadedObjects} (
  object_key      varchar(1024) not null,
  bucket          varchar(255)  not null,
  delivery_stream varchar(64)   not null,
  table_name      varchar(512)  not null,
  record_count    bigint        not null,
  rows_loaded     bigint        not null,
  object_size     bigint        not null,
  loaded_at       timestamptz   not null
)`,
    `create table if not exists ${s}.${destinationTables.loadErrors} (
  object_key      varchar(1024)  not null,
  bucket          varchar(255)   not null,
  delivery_stream varchar(64)    not null,
  table_name      varchar(512)   not null,
  attempt         integer        not null,
  error_code      varchar(64)    not null,
  error_message   varchar(65535) not null,
  load_error_code integer,
  line_number     bigint,
  column_name     varchar(127),
  column_type     varchar(64),
  raw_field_value varchar(1024),
  raw_line        varchar(1024),
  failed_at       timestamptz    not null
)`,
  ];
}

/** Where an object came from and went to. */
export interface ObjectRef {
  key: string;
  bucket: string;
  deliveryStream: string;
  table: string;
}

export async function isLoaded(session: WarehouseSession, schema: string, object: ObjectRef): Promise<boolean> {
  const rows = await session.query<{ n: number }>(`select count(*) as n from ${checkedSchema(schema)}.${destinationTables.loadedObjects} where bucket = :bucket and object_key = :key`, {
    bucket: object.bucket,
    key: object.key,
  });
  return Number(rows[0]?.n ?? 0) > 0;
}

export async function recordLoaded(session: WarehouseSession, schema: string, object: ObjectRef, counts: { recordCount: number; rowsLoaded: number; size: number }, at: Date): Promise<void> {
  await session.execute(
    `insert into ${checkedSchema(schema)}.${destinationTables.loadedObjects} (object_key, bucket, delivery_stream, table_name, record_count, rows_loaded, object_size, loaded_at)
values (:key, :bucket, :stream, :table, :recordCount, :rowsLoaded, :size, :at)`,
    { key: object.key, bucket: object.bucket, stream: object.deliveryStream, table: object.table, recordCount: counts.recordCount, rowsLoaded: counts.rowsLoaded, size: counts.size, at },
  );
}

export async function previousAttempts(session: WarehouseSession, schema: string, object: ObjectRef): Promise<number> {
  const rows = await session.query<{ n: number | null }>(`select max(attempt) as n from ${checkedSchema(schema)}.${destinationTables.loadErrors} where bucket = :bucket and object_key = :key`, {
    bucket: object.bucket,
    key: object.key,
  });
  return Number(rows[0]?.n ?? 0);
}

const cut = (text: string | undefined, max: number): string | null => (text === undefined ? null : text.length > max ? text.slice(0, max) : text);

export async function recordFailure(session: WarehouseSession, schema: string, object: ObjectRef, attempt: number, failure: ClassifiedFailure, at: Date): Promise<void> {
  const e = failure.loadError;
  const params: SqlParameters = {
    key: object.key,
    bucket: object.bucket,
    stream: object.deliveryStream,
    table: object.table,
    attempt,
    code: failure.errorCode,
    message: cut(failure.errorMessage, 16_000) ?? '',
    loadCode: e?.errorCode ?? null,
    line: e?.line ?? null,
    column: cut(e?.column, 127),
    columnType: cut(e?.columnType, 64),
    value: cut(e?.rawValue, 1024),
    rawLine: cut(e?.rawLine, 1024),
    at,
  };
  await session.execute(
    `insert into ${checkedSchema(schema)}.${destinationTables.loadErrors}
  (object_key, bucket, delivery_stream, table_name, attempt, error_code, error_message, load_error_code, line_number, column_name, column_type, raw_field_value, raw_line, failed_at)
values (:key, :bucket, :stream, :table, :attempt, :code, :message, :loadCode, :line, :column, :columnType, :value, :rawLine, :at)`,
    params,
  );
}

/**
 * An object whose load has failed and has not succeeded since: its latest attempt.
 *
 * @example
 * const failure: OutstandingLoadFailure = { deliveryStream: 'factline-booking', key: 'facts/booking/…', table: 'factline.booking_facts', attempts: 3, errorCode: 'Redshift.DataLoadFailed', errorMessage: '…', failedAt: new Date() };
 */
export interface OutstandingLoadFailure {
  deliveryStream: string;
  key: string;
  table: string;
  attempts: number;
  errorCode: string;
  errorMessage: string;
  failedAt: Date;
}

/**
 * The objects whose last load attempt failed and that are not loaded yet (the local Firehose keeps retrying them).
 *
 * @example
 * for (const f of await outstandingLoadFailures(warehouse)) console.log(f.errorCode, f.key, f.errorMessage);
 */
export async function outstandingLoadFailures(session: WarehouseSession, schema = 'factline'): Promise<OutstandingLoadFailure[]> {
  const s = checkedSchema(schema);
  const rows = await session.query<Row>(
    `select delivery_stream, object_key, table_name, attempt, error_code, error_message, failed_at from (
  select e.*, row_number() over (partition by e.bucket, e.object_key order by e.attempt desc) as latest
  from ${s}.${destinationTables.loadErrors} e
  where not exists (select 1 from ${s}.${destinationTables.loadedObjects} l where l.bucket = e.bucket and l.object_key = e.object_key)
) failed
where latest = 1
order by failed_at, object_key`,
  );
  return rows.map((row) => ({
    deliveryStream: String(row['delivery_stream']),
    key: String(row['object_key']),
    table: String(row['table_name']),
    attempts: Number(row['attempt']),
    errorCode: String(row['error_code']),
    errorMessage: String(row['error_message']),
    failedAt: row['failed_at'] as Date,
  }));
}
