// SQL identifiers: quoted only when they must be (a reserved word of the dialect, or not a plain lower-case name),
// so that the generated DDL reads like hand-written DDL and analysts can type the names they see.
import { redshiftReservedWords } from '@factline/catalog';
import type { WarehouseDialect } from './types.js';

// DuckDB 1.5: `select keyword_name from duckdb_keywords() where keyword_category = 'reserved'`.
const duckdbReservedWords: ReadonlySet<string> = new Set(
  (
    'all analyse analyze and any array as asc asymmetric both case cast check collate column constraint create default ' +
    'deferrable desc describe distinct do else end except false fetch for foreign from group having in initially ' +
    'intersect into lambda lateral leading limit not null offset on only or order pivot pivot_longer pivot_wider placing ' +
    'primary qualify references returning select show some summarize symmetric table then to trailing true union unique ' +
    'unpivot using variadic when where window with'
  ).split(' '),
);

const plainName = /^[a-z_][a-z0-9_]*$/;

/** Whether a name must be double-quoted in the dialect. */
export function needsQuotes(name: string, dialect: WarehouseDialect): boolean {
  if (!plainName.test(name)) return true;
  return dialect === 'redshift' ? redshiftReservedWords.has(name) : duckdbReservedWords.has(name);
}

/**
 * A name as it must be written in SQL: `email`, `"timestamp"`, `"main.temp_min"`.
 *
 * @example
 * quoteIdentifier('order', 'redshift'); // '"order"'
 */
export function quoteIdentifier(name: string, dialect: WarehouseDialect): string {
  return needsQuotes(name, dialect) ? `"${name.replace(/"/g, '""')}"` : name;
}

/** `schema.table`, each part quoted as needed. */
export function qualifiedName(schema: string | undefined, table: string, dialect: WarehouseDialect): string {
  return schema === undefined ? quoteIdentifier(table, dialect) : `${quoteIdentifier(schema, dialect)}.${quoteIdentifier(table, dialect)}`;
}

/**
 * A SQL string literal. Redshift reads backslash escapes in ordinary literals (its LIKE default escape character is
 * written '\\'), so a backslash is doubled there; DuckDB's literals are standard and take it as is.
 */
export function sqlString(text: string, dialect: WarehouseDialect): string {
  const escaped = dialect === 'redshift' ? text.replace(/\\/g, '\\\\') : text;
  return `'${escaped.replace(/'/g, "''")}'`;
}
