// COPY statements for the local Data API server: `COPY <table> [(<columns>)] FROM 's3://<bucket>/<key>'
// [IAM_ROLE …] [MANIFEST] <options>`, loaded with the DuckDB engine; a failed load is recorded in STL_LOAD_ERRORS and
// SYS_LOAD_ERROR_DETAIL and reported with Redshift's message.
import type { ObjectStore } from '@factline/object-store';
import { CopyLoadError, type DuckDbWarehouse } from '@factline/warehouse';

export const loadErrorTables = `
create table if not exists main.stl_load_errors (userid integer, slice integer, tbl integer, starttime timestamp, session integer, query integer,
  filename varchar, line_number bigint, colname varchar, type varchar, col_length varchar, position integer, raw_line varchar,
  raw_field_value varchar, err_code integer, err_reason varchar);
create table if not exists main.sys_load_error_detail (user_id integer, query_id bigint, transaction_id bigint, session_id integer, database varchar,
  table_id integer, start_time timestamp, file_name varchar, line_number bigint, column_name varchar, column_type varchar, column_length integer,
  position integer, error_code integer, error_message varchar);`;

const copyPattern = /^\s*copy\s+(?<table>[^\s(]+)\s*(?:\((?<columns>[^)]*)\))?\s+from\s+'(?<from>[^']*)'\s*(?<rest>.*)$/is;

/** Runs a COPY statement; returns the rows loaded. `recorder` writes load errors outside the statement's transaction. */
export async function runCopyStatement(sql: string, on: DuckDbWarehouse, recorder: DuckDbWarehouse, stores: ReadonlyMap<string, ObjectStore>, queryId: number): Promise<number> {
  const match = copyPattern.exec(sql.trim().replace(/;$/, ''));
  if (match?.groups === undefined) throw new Error(`syntax error at or near "COPY": cannot read ${sql.slice(0, 80)}`);
  const { table, columns, from, rest } = match.groups as { table: string; columns?: string; from: string; rest: string };
  let options = rest.replace(/\biam_role\s+(default|'[^']*')/i, '').replace(/\bcredentials\s+'[^']*'/i, '');
  const manifest = /\bmanifest\b/i.test(options);
  options = options.replace(/\bmanifest\b/i, '').trim();
  const url = /^s3:\/\/([^/]+)\/(.*)$/.exec(from);
  const store = url === null ? undefined : stores.get(url[1] as string);
  if (url === null || store === undefined) throw new Error(`S3ServiceException: The specified bucket does not exist (${from})`);
  const keys: string[] = [];
  if (manifest) {
    const entries = (JSON.parse(new TextDecoder().decode(await store.get(url[2] as string))) as { entries: { url: string }[] }).entries;
    for (const entry of entries) keys.push(entry.url.slice(`s3://${store.bucket}/`.length));
  } else {
    for await (const object of store.list(url[2] as string)) keys.push(object.key);
  }
  try {
    const result = await on.copy({ store, table, ...(columns === undefined ? {} : { columns }), keys, options });
    return result.rowsLoaded;
  } catch (error) {
    if (!(error instanceof CopyLoadError)) throw error;
    const e = error.loadError;
    await recorder.execute(
      'insert into main.stl_load_errors values (100, 0, 0, now()::timestamp, 1, :query, :filename, :line, :colname, :type, :length, 0, :raw_line, :raw_value, :code, :reason)',
      { query: queryId, filename: e.url, line: e.line ?? null, colname: e.column ?? '', type: e.columnType ?? '', length: String(e.columnLength ?? ''), raw_line: e.rawLine ?? '', raw_value: e.rawValue ?? '', code: e.errorCode, reason: e.reason },
    );
    await recorder.execute(
      'insert into main.sys_load_error_detail values (100, :query, 1, 1, \'dev\', 0, now()::timestamp, :filename, :line, :colname, :type, :length, 0, :code, :reason)',
      { query: queryId, filename: e.url, line: e.line ?? null, colname: e.column ?? '', type: e.columnType ?? '', length: e.columnLength ?? null, code: e.errorCode, reason: e.reason },
    );
    throw new Error(`Load into table '${table.split('.').pop() ?? table}' failed. Check 'stl_load_errors' system table for details.`, { cause: error });
  }
}
