// COPY on Redshift, as Firehose's Redshift destination issues it: a manifest of the objects (a plain FROM 's3://…' is
// a prefix and could load more than asked), then `COPY <table> (<columns>) FROM '<manifest>' IAM_ROLE … MANIFEST
// <CopyOptions>`. When Redshift says the load failed, its load error table says where.
import { randomUUID } from 'node:crypto';
import { WarehouseError, warehouseErrorCodes } from '../errors.js';
import { loadErrorCodes, type LoadError, type LoadErrorCode } from '../copy/load-error.js';
import { parseColumnList, parseQualifiedName, quoteIdentifier } from '../sql/identifiers.js';
import { sqlLiteral } from '../sql/parameters.js';
import type { CopyRequest, Row } from '../types.js';

/**
 * The manifest Redshift reads: every object, mandatory.
 *
 * @example
 * const manifest: CopyManifest = { entries: [{ url: 's3://bucket/facts/booking/a.gz', mandatory: true }] };
 */
export interface CopyManifest {
  entries: { url: string; mandatory: boolean }[];
}

/**
 * The manifest to write and the COPY statement that reads it.
 *
 * @example
 * const { manifestKey, manifest, sql }: RedshiftCopyStatement = buildRedshiftCopy(request, { iamRole: 'default', manifestPrefix: 'manifests/' });
 */
export interface RedshiftCopyStatement {
  manifestKey: string;
  manifest: CopyManifest;
  sql: string;
}

/**
 * Builds the manifest and the COPY statement of a request.
 *
 * @example
 * const { manifestKey, manifest, sql } = buildRedshiftCopy(request, { iamRole: 'default', manifestPrefix: 'manifests/' });
 * // COPY "factline"."booking_facts" FROM 's3://bucket/manifests/…' IAM_ROLE default MANIFEST JSON 's3://…' TIMEFORMAT 'auto' GZIP
 */
export function buildRedshiftCopy(request: CopyRequest, settings: { iamRole: string; manifestPrefix: string; now?: Date }): RedshiftCopyStatement {
  const table = parseQualifiedName(request.table);
  if (table === undefined) throw invalid(`COPY: ${JSON.stringify(request.table)} is not a table name (schema.table)`);
  if (request.keys.length === 0) throw invalid(`COPY into ${request.table}: no object keys to load`);
  if (/\bMANIFEST\b|\bIAM_ROLE\b|\bCREDENTIALS\b/i.test(request.options)) throw invalid('COPY options must not name MANIFEST, IAM_ROLE or CREDENTIALS: the engine adds them (see the iamRole option)');
  const columns = request.columns === undefined ? undefined : parseColumnList(request.columns);
  if (columns !== undefined && columns.length === 0) throw invalid(`COPY into ${request.table}: cannot read the column list ${JSON.stringify(request.columns)}`);
  if (request.columns !== undefined && columns === undefined) throw invalid(`COPY into ${request.table}: cannot read the column list ${JSON.stringify(request.columns)}`);
  const bucket = request.store.bucket;
  const stamp = (settings.now ?? new Date()).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const name = table.schema === undefined ? table.name : `${table.schema}.${table.name}`;
  const manifestKey = `${settings.manifestPrefix}${name}/${stamp}-${randomUUID()}.manifest`;
  const manifest: CopyManifest = { entries: request.keys.map((key) => ({ url: `s3://${bucket}/${key}`, mandatory: true })) };
  const target = table.schema === undefined ? quoteIdentifier(table.name) : `${quoteIdentifier(table.schema)}.${quoteIdentifier(table.name)}`;
  const columnList = columns === undefined ? '' : ` (${columns.map(quoteIdentifier).join(', ')})`;
  const role = settings.iamRole === 'default' ? 'default' : sqlLiteral(settings.iamRole);
  const sql = `COPY ${target}${columnList} FROM ${sqlLiteral(`s3://${bucket}/${manifestKey}`)} IAM_ROLE ${role} MANIFEST ${request.options.trim()}`;
  return { manifestKey, manifest, sql };
}

/**
 * The query that reads the first load error of a failed COPY: STL_LOAD_ERRORS on a cluster, SYS_LOAD_ERROR_DETAIL
 * on serverless (which has no STL tables).
 *
 * @example
 * const sql = loadErrorQuery(false); // select … from stl_load_errors where query = :query …
 */
export function loadErrorQuery(serverless: boolean): string {
  if (serverless) {
    return `select trim(file_name) as filename, line_number, trim(column_name) as colname, trim(column_type) as type, column_length as col_length, '' as raw_line, '' as raw_field_value, error_code as err_code, trim(error_message) as err_reason
      from sys_load_error_detail where query_id = :query order by start_time, line_number limit 1`;
  }
  return `select trim(filename) as filename, line_number, trim(colname) as colname, trim(type) as type, trim(col_length) as col_length, trim(raw_line) as raw_line, trim(raw_field_value) as raw_field_value, err_code, trim(err_reason) as err_reason
    from stl_load_errors where query = :query order by starttime, line_number limit 1`;
}

/**
 * A load error row as a LoadError (the object key is the part of `filename` after the bucket).
 *
 * @example
 * const error = loadErrorFromRow(row, 'my-bucket');
 */
export function loadErrorFromRow(row: Row, bucket: string): LoadError {
  const url = String(row.filename ?? '').trim();
  const prefix = `s3://${bucket}/`;
  const text = (value: unknown): string | undefined => (value === null || value === undefined || String(value).trim() === '' ? undefined : String(value).trim());
  const length = Number(text(row.col_length));
  const code = Number(row.err_code);
  const error: LoadError = {
    key: url.startsWith(prefix) ? url.slice(prefix.length) : url,
    url,
    errorCode: (Number.isInteger(code) ? code : loadErrorCodes.invalidLine) as LoadErrorCode,
    reason: text(row.err_reason) ?? 'Load failed',
  };
  const line = Number(row.line_number);
  if (Number.isInteger(line) && line > 0) error.line = line;
  const column = text(row.colname);
  if (column !== undefined) error.column = column;
  const type = text(row.type);
  if (type !== undefined) error.columnType = type;
  if (Number.isInteger(length) && length > 0) error.columnLength = length;
  const raw = text(row.raw_field_value);
  if (raw !== undefined) error.rawValue = raw;
  const rawLine = text(row.raw_line);
  if (rawLine !== undefined) error.rawLine = rawLine;
  return error;
}

function invalid(message: string): WarehouseError {
  return new WarehouseError(warehouseErrorCodes.copyRequestInvalid, message);
}
