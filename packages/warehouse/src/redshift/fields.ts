// Data API result fields → Row values. The Data API sends INTEGER/SMALLINT/BIGINT as longValue, FLOAT/REAL/DOUBLE as
// doubleValue, BOOLEAN as booleanValue, and everything else, DECIMAL included, as stringValue; ColumnMetadata's
// typeName says what a string really is (a timestamp, a SUPER document, an exact decimal).
import type { ColumnMetadata, Field } from '@aws-sdk/client-redshift-data';
import type { Row } from '../types.js';

/**
 * Converts one field, using its column's metadata.
 *
 * @example
 * fieldValue({ stringValue: '12.50' }, { typeName: 'numeric' }); // '12.50'
 * fieldValue({ stringValue: '2026-05-01 10:00:00.5+00' }, { typeName: 'timestamptz' }); // Date 2026-05-01T10:00:00.500Z
 */
export function fieldValue(field: Field, column: ColumnMetadata | undefined): unknown {
  if (field.isNull === true) return null;
  if (field.booleanValue !== undefined) return field.booleanValue;
  if (field.longValue !== undefined) return field.longValue;
  if (field.doubleValue !== undefined) return field.doubleValue;
  if (field.blobValue !== undefined) return field.blobValue;
  if (field.stringValue === undefined) return null;
  return fromString(field.stringValue, (column?.typeName ?? '').toLowerCase());
}

function fromString(value: string, typeName: string): unknown {
  switch (typeName) {
    case 'timestamp':
      return parseTimestamp(value, false);
    case 'timestamptz':
      return parseTimestamp(value, true);
    case 'super':
      try {
        return JSON.parse(value) as unknown;
      } catch {
        return value;
      }
    case 'int2':
    case 'int4':
    case 'int8':
    case 'float4':
    case 'float8':
      return Number(value);
    case 'bool':
      return value === 't' || value === 'true';
    default:
      // numeric/decimal stay exact strings; date, time, char, varchar and the rest are text.
      return value;
  }
}

// Redshift prints `2026-05-01 10:00:00.123456` (timestamp, UTC) and `2026-05-01 10:00:00.123456+00` (timestamptz).
function parseTimestamp(value: string, withZone: boolean): Date | string {
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(?:\.(\d+))?(?:([+-]\d{2})(?::?(\d{2}))?)?$/.exec(value.trim());
  if (match === null) return value;
  const fraction = (match[3] ?? '').padEnd(3, '0').slice(0, 3);
  const zone = withZone && match[4] !== undefined ? `${match[4]}:${match[5] ?? '00'}` : 'Z';
  const date = new Date(`${match[1]}T${match[2]}.${fraction}${zone}`);
  return Number.isNaN(date.getTime()) ? value : date;
}

/**
 * Turns one page of records into rows keyed by column name.
 *
 * @example
 * recordsToRows([[{ longValue: 1 }]], [{ name: 'n', typeName: 'int4' }]); // [{ n: 1 }]
 */
export function recordsToRows(records: readonly Field[][], columns: readonly ColumnMetadata[]): Row[] {
  return records.map((record) => {
    const row: Row = {};
    record.forEach((field, index) => {
      const column = columns[index];
      row[column?.name ?? column?.label ?? `column${index + 1}`] = fieldValue(field, column);
    });
    return row;
  });
}
