// DuckDB values → the JS values of a `Row`, mapped like the Redshift engine maps Data API fields, so the same query
// gives the same JS values on both engines (DECIMAL as an exact string, timestamps as Date, DATE as 'YYYY-MM-DD').
import {
  arrayFromArrayValue, arrayFromListValue, booleanFromValue, bytesFromBlobValue, createDuckDBValueConverter, DuckDBTypeId, numberFromValue,
  objectArrayFromMapValue, objectFromStructValue, objectFromUnionValue, stringFromValue, timestampTZValue,
  type DuckDBResultReader, type DuckDBType, type DuckDBValue, type DuckDBValueConverter,
} from '@duckdb/node-api';
import type { Row, SqlParameterValue } from '../types.js';

const text: DuckDBValueConverter<unknown> = (value) => String(value);

const bigint: DuckDBValueConverter<unknown> = (value) => {
  const n = value as bigint;
  return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n;
};

const timestamp = (micros: (value: DuckDBValue) => bigint): DuckDBValueConverter<unknown> => (value) => {
  const v = value as { isFinite: boolean };
  return v.isFinite ? new Date(Number(micros(value) / 1000n)) : String(value);
};

const varchar: DuckDBValueConverter<unknown> = (value, type: DuckDBType) => {
  const s = stringFromValue(value);
  return type.alias === 'JSON' ? (JSON.parse(s) as unknown) : s;
};

/** The converter from DuckDB values to Row values; nested types (LIST, STRUCT, MAP) convert their items the same way. */
export const rowValueConverter: DuckDBValueConverter<unknown> = createDuckDBValueConverter<unknown>({
  [DuckDBTypeId.INVALID]: undefined,
  [DuckDBTypeId.BOOLEAN]: booleanFromValue,
  [DuckDBTypeId.TINYINT]: numberFromValue,
  [DuckDBTypeId.SMALLINT]: numberFromValue,
  [DuckDBTypeId.INTEGER]: numberFromValue,
  [DuckDBTypeId.BIGINT]: bigint,
  [DuckDBTypeId.UTINYINT]: numberFromValue,
  [DuckDBTypeId.USMALLINT]: numberFromValue,
  [DuckDBTypeId.UINTEGER]: numberFromValue,
  [DuckDBTypeId.UBIGINT]: bigint,
  [DuckDBTypeId.FLOAT]: numberFromValue,
  [DuckDBTypeId.DOUBLE]: numberFromValue,
  [DuckDBTypeId.TIMESTAMP]: timestamp((v) => (v as unknown as { micros: bigint }).micros),
  [DuckDBTypeId.DATE]: text,
  [DuckDBTypeId.TIME]: text,
  [DuckDBTypeId.INTERVAL]: text,
  [DuckDBTypeId.HUGEINT]: bigint,
  [DuckDBTypeId.UHUGEINT]: bigint,
  [DuckDBTypeId.VARCHAR]: varchar,
  [DuckDBTypeId.BLOB]: bytesFromBlobValue,
  [DuckDBTypeId.DECIMAL]: text,
  [DuckDBTypeId.TIMESTAMP_S]: timestamp((v) => (v as unknown as { seconds: bigint }).seconds * 1_000_000n),
  [DuckDBTypeId.TIMESTAMP_MS]: timestamp((v) => (v as unknown as { millis: bigint }).millis * 1000n),
  [DuckDBTypeId.TIMESTAMP_NS]: timestamp((v) => (v as unknown as { nanos: bigint }).nanos / 1000n),
  [DuckDBTypeId.ENUM]: text,
  [DuckDBTypeId.LIST]: arrayFromListValue,
  [DuckDBTypeId.STRUCT]: objectFromStructValue,
  [DuckDBTypeId.MAP]: objectArrayFromMapValue,
  [DuckDBTypeId.ARRAY]: arrayFromArrayValue,
  [DuckDBTypeId.UUID]: text,
  [DuckDBTypeId.UNION]: objectFromUnionValue,
  [DuckDBTypeId.BIT]: text,
  [DuckDBTypeId.TIME_TZ]: text,
  [DuckDBTypeId.TIMESTAMP_TZ]: timestamp((v) => (v as unknown as { micros: bigint }).micros),
  [DuckDBTypeId.ANY]: undefined,
  [DuckDBTypeId.BIGNUM]: text,
  [DuckDBTypeId.SQLNULL]: () => null,
  [DuckDBTypeId.STRING_LITERAL]: text,
  [DuckDBTypeId.INTEGER_LITERAL]: text,
  [DuckDBTypeId.TIME_NS]: text,
  [DuckDBTypeId.GEOMETRY]: bytesFromBlobValue,
  [DuckDBTypeId.VARIANT]: text,
});

/**
 * The rows of a finished reader as Row objects (later columns win when two share a name).
 *
 * @example
 * const rows = readerRows(await connection.runAndReadAll('select 1 as n')); // [{ n: 1 }]
 */
export function readerRows(reader: DuckDBResultReader): Row[] {
  // The column types carry the JSON alias; the vectors' types do not, so convert with the column types.
  const names = reader.columnNames();
  const types = reader.columnTypes();
  return reader.getRows().map((values) => {
    const row: Row = {};
    values.forEach((value, index) => {
      row[names[index] as string] = rowValueConverter(value, types[index] as DuckDBType, rowValueConverter);
    });
    return row;
  });
}

/**
 * A parameter value as DuckDB binds it (a Date becomes a TIMESTAMPTZ).
 *
 * @example
 * toDuckDbValue(new Date(0)); // TIMESTAMPTZ 1970-01-01 00:00:00+00
 */
export function toDuckDbValue(value: SqlParameterValue): DuckDBValue {
  if (value instanceof Date) return timestampTZValue(BigInt(value.getTime()) * 1000n);
  return value;
}
