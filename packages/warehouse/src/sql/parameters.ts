// `:name` parameters (the Redshift Data API's syntax) found outside string literals, quoted identifiers, dollar
// quotes and comments, and never mistaking a `::type` cast for one. Both engines use this scanner, so the same SQL
// with the same parameters means the same thing on DuckDB and on Redshift.
import type { SqlParameters, SqlParameterValue } from '../types.js';
import { WarehouseError, warehouseErrorCodes } from '../errors.js';

/** One `:name` occurrence: the name and where it sits in the SQL. */
export interface ParameterUse {
  name: string;
  start: number;
  end: number;
}

/**
 * Finds every `:name` parameter in a SQL text.
 *
 * @example
 * findParameters("select :id, 'a:b', x::int from t -- :no"); // [{ name: 'id', start: 7, end: 10 }]
 */
export function findParameters(sql: string): ParameterUse[] {
  const uses: ParameterUse[] = [];
  let i = 0;
  while (i < sql.length) {
    const char = sql[i];
    const next = sql[i + 1];
    if (char === "'" || char === '"') i = skipQuoted(sql, i, char);
    else if (char === '-' && next === '-') i = skipUntil(sql, i, '\n');
    else if (char === '/' && next === '*') i = skipUntil(sql, i + 2, '*/');
    else if (char === '$' && /^\$[A-Za-z_]*\$/.test(sql.slice(i))) i = skipDollarQuoted(sql, i);
    else if (char === ':' && next === ':') i += 2;
    else if (char === ':' && next !== undefined && /[A-Za-z0-9_]/.test(next) && !/[A-Za-z0-9_:]/.test(sql[i - 1] ?? ' ')) {
      const match = /^[A-Za-z0-9_]+/.exec(sql.slice(i + 1)) as RegExpExecArray;
      uses.push({ name: match[0], start: i, end: i + 1 + match[0].length });
      i += 1 + match[0].length;
    } else i += 1;
  }
  return uses;
}

/**
 * Replaces each `:name` with what `replace` returns; checks that every parameter used has a value.
 *
 * @example
 * bindParameters('select :a', { a: 1 }, (use) => `$${use.name}`); // { sql: 'select $a', used: ['a'] }
 */
export function bindParameters(sql: string, params: SqlParameters | undefined, replace: (use: ParameterUse, value: SqlParameterValue) => string): { sql: string; used: string[] } {
  const uses = findParameters(sql);
  if (uses.length === 0) return { sql, used: [] };
  const missing = [...new Set(uses.map((u) => u.name).filter((name) => params === undefined || !Object.hasOwn(params, name)))];
  if (missing.length > 0) {
    throw new WarehouseError(warehouseErrorCodes.invalidParameters, `The SQL uses ${missing.map((n) => `:${n}`).join(', ')} but no value was given for ${missing.length === 1 ? 'it' : 'them'}.`);
  }
  let out = '';
  let last = 0;
  for (const use of uses) {
    out += sql.slice(last, use.start) + replace(use, (params as SqlParameters)[use.name] as SqlParameterValue);
    last = use.end;
  }
  return { sql: out + sql.slice(last), used: [...new Set(uses.map((u) => u.name))] };
}

/**
 * A SQL string literal for a value (single quotes doubled); used where an API cannot carry a parameter.
 *
 * @example
 * sqlLiteral("O'Brien"); // "'O''Brien'"
 */
export function sqlLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

function skipQuoted(sql: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i + 1;
    } else i += 1;
  }
  return sql.length;
}

function skipUntil(sql: string, start: number, end: string): number {
  const found = sql.indexOf(end, start);
  return found < 0 ? sql.length : found + end.length;
}

function skipDollarQuoted(sql: string, start: number): number {
  const tag = (/^\$[A-Za-z_]*\$/.exec(sql.slice(start)) as RegExpExecArray)[0];
  return skipUntil(sql, start + tag.length, tag);
}
