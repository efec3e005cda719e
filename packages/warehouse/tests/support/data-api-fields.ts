// DuckDB result columns as the Data API describes them: ColumnMetadata with Redshift type names, and each value as
// a Field union (longValue for integers, doubleValue for floats, stringValue for DECIMAL, dates, timestamps, SUPER).
import type { Row } from '@factline/warehouse';

export type Field = { isNull: true } | { booleanValue: boolean } | { longValue: number } | { doubleValue: number } | { stringValue: string };

export interface Column {
  name: string;
  label: string;
  typeName: string;
  precision: number;
  scale: number;
  nullable: number;
  isCaseSensitive: boolean;
  isCurrency: boolean;
  isSigned: boolean;
  length: number;
  schemaName: string;
  tableName: string;
}

export function columnOf(name: string, type: string): Column {
  const decimal = /^DECIMAL\((\d+),(\d+)\)$/.exec(type);
  const typeName = decimal !== null ? 'numeric' : (({ BOOLEAN: 'bool', TINYINT: 'int2', SMALLINT: 'int2', INTEGER: 'int4', BIGINT: 'int8', HUGEINT: 'int8', FLOAT: 'float4', DOUBLE: 'float8', VARCHAR: 'varchar', DATE: 'date', TIMESTAMP: 'timestamp', 'TIMESTAMP WITH TIME ZONE': 'timestamptz', JSON: 'super', TIME: 'time' } as Record<string, string>)[type] ?? 'varchar');
  return { name, label: name, typeName, precision: decimal === null ? 0 : Number(decimal[1]), scale: decimal === null ? 0 : Number(decimal[2]), nullable: 1, isCaseSensitive: typeName === 'varchar', isCurrency: false, isSigned: true, length: 0, schemaName: '', tableName: '' };
}

export function toRecord(row: Row, described: { column_name: string }[], columns: Column[]): Field[] {
  return described.map((d, index): Field => {
    const value = row[d.column_name];
    const typeName = (columns[index] as Column).typeName;
    if (value === null || value === undefined) return { isNull: true };
    if (typeName === 'bool') return { booleanValue: Boolean(value) };
    if (typeName.startsWith('int')) return { longValue: Number(value) };
    if (typeName.startsWith('float')) return { doubleValue: Number(value) };
    if (value instanceof Date) {
      const text = value.toISOString().replace('T', ' ').replace('Z', '');
      return { stringValue: typeName === 'timestamptz' ? `${text}+00` : text };
    }
    if (typeName === 'super') return { stringValue: JSON.stringify(value) };
    return { stringValue: String(value) };
  });
}
