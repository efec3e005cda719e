// How each logical type is spelled in each dialect.
import type { LogicalType, WarehouseDialect } from './types.js';

/**
 * The SQL type of a logical type. DuckDB does not enforce VARCHAR lengths and has no CHAR, so both are VARCHAR
 * there; SUPER (Redshift) is JSON in DuckDB.
 *
 * @example
 * sqlTypeName({ kind: 'varchar', bytes: 400 }, 'redshift'); // 'VARCHAR(400)'
 * sqlTypeName({ kind: 'json' }, 'duckdb'); // 'JSON'
 */
export function sqlTypeName(type: LogicalType, dialect: WarehouseDialect): string {
  const redshift = dialect === 'redshift';
  switch (type.kind) {
    case 'varchar':
      return redshift ? `VARCHAR(${type.bytes})` : 'VARCHAR';
    case 'char':
      return redshift ? `CHAR(${type.bytes})` : 'VARCHAR';
    case 'smallint':
      return 'SMALLINT';
    case 'integer':
      return 'INTEGER';
    case 'bigint':
      return 'BIGINT';
    case 'decimal':
      return `DECIMAL(${type.precision},${type.scale})`;
    case 'double':
      return redshift ? 'DOUBLE PRECISION' : 'DOUBLE';
    case 'boolean':
      return 'BOOLEAN';
    case 'date':
      return 'DATE';
    case 'timestamptz':
      return 'TIMESTAMPTZ';
    case 'json':
      return redshift ? 'SUPER' : 'JSON';
  }
}

/** Whether two logical types are the same. */
export function sameType(a: LogicalType, b: LogicalType): boolean {
  return sqlTypeName(a, 'redshift') === sqlTypeName(b, 'redshift');
}
