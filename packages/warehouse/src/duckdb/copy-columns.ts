// Per column, the SQL that turns the text a JSONPath found into the column's value, and the SQL that says why it
// cannot (`'<load error code>|<reason>'`, NULL when it fits). Redshift COPY converts the text of each value to the
// column type implicitly; these rules reproduce its checks, so nothing is silently truncated or coerced.
import type { CopyOptions } from '../copy/options.js';
import { loadErrorCodes } from '../copy/load-error.js';
import type { TableColumn } from './table-columns.js';

/** Redshift's VARCHAR(MAX): no character column can hold more bytes. */
export const varcharMaxBytes = 65_535;

/** How a column's values are checked and converted. */
export type ColumnKind = 'text' | 'integer' | 'decimal' | 'float4' | 'float8' | 'boolean' | 'date' | 'timestamp' | 'timestamptz' | 'json' | 'other';

/** Where a column's value comes from, as SQL over the extracted lists, and the names of its intermediate columns. */
export interface ColumnSource {
  /** The value's text: NULL when the path found nothing or JSON null. */
  text: string;
  /** The raw JSON value (used by JSON columns). */
  json: string;
  /** Conditions that are true when an array index of the path points at a non-array or past its end. */
  indexChecks: string[];
  /** The names the plan gives the column's text after NULL rules (`v`) and its converted value (`c`). */
  names: { v: string; c: string };
}

/**
 * The SQL for one target column, in three steps that each read the previous one's columns: `text` (→ `v`), `value`
 * (→ `c`, from `v`), `problem` (from `v` and `c`). Naming the steps keeps every expression small, so DuckDB plans
 * a COPY quickly even for wide tables.
 */
export interface ColumnPlan {
  column: TableColumn;
  kind: ColumnKind;
  /** The type as a Redshift engineer reads it: `varchar(64)`, `int4`, `numeric(10,2)`, `timestamptz`, `super`. */
  typeLabel: string;
  names: { v: string; c: string };
  /** SQL: the text after the NULL rules. */
  text: string;
  /** SQL over `v`: the converted value. */
  value: string;
  /** SQL over `v` and `c`: NULL, or `'<code>|<reason>'` when the value cannot be loaded. */
  problem: string;
}

const integerTypes: Record<string, string> = { TINYINT: 'int1', SMALLINT: 'int2', INTEGER: 'int4', BIGINT: 'int8', HUGEINT: 'int16', UTINYINT: 'uint1', USMALLINT: 'uint2', UINTEGER: 'uint4', UBIGINT: 'uint8', UHUGEINT: 'uint16' };

/**
 * Classifies a DuckDB column type.
 *
 * @example
 * columnKind('DECIMAL(10,2)'); // 'decimal'
 */
export function columnKind(dataType: string): ColumnKind {
  if (dataType === 'VARCHAR') return 'text';
  if (dataType in integerTypes) return 'integer';
  if (/^DECIMAL\(\d+,\d+\)$/.test(dataType)) return 'decimal';
  if (dataType === 'FLOAT') return 'float4';
  if (dataType === 'DOUBLE') return 'float8';
  if (dataType === 'BOOLEAN') return 'boolean';
  if (dataType === 'DATE') return 'date';
  if (dataType === 'TIMESTAMP' || dataType === 'TIMESTAMP_MS' || dataType === 'TIMESTAMP_S' || dataType === 'TIMESTAMP_NS') return 'timestamp';
  if (dataType === 'TIMESTAMP WITH TIME ZONE') return 'timestamptz';
  if (dataType === 'JSON') return 'json';
  return 'other';
}

/**
 * Builds the SQL steps of a column from the SQL of its source.
 *
 * @example
 * const column = { name: 'n', dataType: 'INTEGER', nullable: true, hasDefault: false, byteLimit: undefined };
 * const plan = planColumn(column, { text: 's[1]', json: 'j[1]', indexChecks: [], names: { v: 'v1', c: 'c1' } }, options);
 */
export function planColumn(column: TableColumn, source: ColumnSource, options: CopyOptions): ColumnPlan {
  const kind = columnKind(column.dataType);
  const { v, c } = source.names;
  // Empty fields load as NULL for every type but CHAR/VARCHAR (Redshift EMPTYASNULL's documented default).
  const text = kind === 'text' ? textNulls(source.text, options) : `nullif(${source.text}, '')`;
  const built = build(kind, column, v, c, source.json, options);
  built.problems.unshift(...source.indexChecks.map((when): Problem => [when, loadErrorCodes.malformedJson, 'Invalid JSONPath format: Not an array or index out of range.']));
  if (!column.nullable) built.problems.push([`${c} is null`, loadErrorCodes.notNull, 'Missing data for not-null field']);
  const problem = built.problems.length === 0 ? 'null::varchar' : `(case${built.problems.map(([when, code, reason]) => ` when ${when} then '${code}|${reason.replaceAll("'", "''")}'`).join('')} end)`;
  return { column, kind, typeLabel: built.label, names: source.names, text, value: built.value, problem };
}

type Problem = [when: string, code: number, reason: string];

function build(kind: ColumnKind, column: TableColumn, v: string, c: string, json: string, options: CopyOptions): { value: string; problems: Problem[]; label: string } {
  const codes = loadErrorCodes;
  switch (kind) {
    case 'text': {
      const limit = column.byteLimit ?? varcharMaxBytes;
      const kept = `rtrim(${v}, ' ')`;
      if (options.truncateColumns) return { label: `varchar(${limit})`, problems: [], value: `(case when strlen(${v}) <= ${limit} then ${v} else ${truncateToBytes(v, limit)} end)` };
      return {
        label: `varchar(${limit})`,
        // Redshift drops trailing blanks beyond the length; anything else too long fails.
        problems: [[`strlen(${v}) > ${limit} and strlen(${kept}) > ${limit}`, codes.outOfRange, `String length exceeds DDL length (${limit} bytes)`]],
        value: `(case when strlen(${v}) <= ${limit} then ${v} else ${kept} || repeat(' ', ${limit} - strlen(${kept})) end)`,
      };
    }
    case 'integer': {
      const value = `try_cast(${v} as ${column.dataType})`;
      return {
        label: integerTypes[column.dataType] as string,
        value,
        problems: [
          [`${v} is not null and not regexp_full_match(${v}, '[+-]?[0-9]+')`, codes.invalidDigit, `Invalid digit: not an integer (Type: ${integerTypes[column.dataType] as string})`],
          [`${v} is not null and ${c} is null`, codes.outOfRange, `Overflow: value out of range for ${integerTypes[column.dataType] as string}`],
        ],
      };
    }
    case 'decimal': {
      const [precision, scale] = (/\((\d+),(\d+)\)/.exec(column.dataType) as RegExpExecArray).slice(1).map(Number) as [number, number];
      const type = column.dataType;
      const exponent = `contains(lower(${v}), 'e')`;
      // Exponent notation (1.5e-3) goes through a wider DECIMAL, then is truncated to the column's scale.
      const staging = Math.min(37, scale + Math.max(0, 38 - precision));
      // COPY truncates extra fractional digits unless ROUNDEC is given (Redshift's documented default).
      const value = options.roundDecimals
        ? `try_cast(${v} as ${type})`
        : `(case when ${exponent} then try_cast(trunc(try_cast(${v} as DECIMAL(38, ${staging})), ${scale}) as ${type}) else try_cast(regexp_extract(${v}, '^[+-]?[0-9]*(\\.[0-9]{0,${scale}})?', 0) as ${type}) end)`;
      return {
        label: `numeric(${precision},${scale})`,
        value,
        problems: [
          [`${v} is not null and not regexp_full_match(${v}, '[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?')`, codes.invalidDecimal, 'Invalid digit: not a decimal number'],
          [`${v} is not null and ${c} is null`, codes.outOfRange, `Numeric data overflow: more than ${precision - scale} digits before the decimal point`],
        ],
      };
    }
    case 'float4':
    case 'float8': {
      const type = kind === 'float4' ? 'FLOAT' : 'DOUBLE';
      const value = `try_cast(${v} as ${type})`;
      return {
        label: kind,
        value,
        problems: [
          [`${v} is not null and not regexp_full_match(${v}, '[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?|(?i:[+-]?(nan|inf|infinity))')`, codes.invalidFloat, `Invalid ${kind} value`],
          [`${v} is not null and isinf(${c}) and not regexp_full_match(${v}, '(?i)[+-]?(inf|infinity)')`, codes.outOfRange, `Overflow: value out of range for ${kind}`],
        ],
      };
    }
    case 'boolean':
      return {
        label: 'bool',
        value: `(case when lower(${v}) in ('t', 'true', 'y', 'yes', '1') then true when lower(${v}) in ('f', 'false', 'n', 'no', '0') then false end)`,
        problems: [[`${v} is not null and lower(${v}) not in ('t', 'true', 'y', 'yes', '1', 'f', 'false', 'n', 'no', '0')`, codes.invalidBoolean, 'Invalid boolean value (expected true/false, t/f, yes/no, y/n, 1/0)']],
      };
    case 'date': {
      const pattern = options.dateFormat === 'auto' ? '[0-9].*' : '[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}';
      const value = `(case when regexp_full_match(${v}, '${pattern}') then try_cast(${v} as DATE) end)`;
      return { label: 'date', value, problems: [[`${v} is not null and ${c} is null`, codes.invalidDate, `Invalid date format or value${options.dateFormat === 'auto' ? '' : ' (DATEFORMAT is YYYY-MM-DD)'}`]] };
    }
    case 'timestamp':
    case 'timestamptz':
      return timestamp(kind, v, c, options);
    case 'json':
      return { label: 'super', value: `(case when json_type(${json}) <> 'NULL' then ${json} end)`, problems: [] };
    case 'other': {
      const value = `try_cast(${v} as ${column.dataType})`;
      return { label: column.dataType.toLowerCase(), value, problems: [[`${v} is not null and ${c} is null`, codes.invalidType, `Invalid value for type ${column.dataType.toLowerCase()}`]] };
    }
  }
}

function timestamp(kind: 'timestamp' | 'timestamptz', v: string, c: string, options: CopyOptions): { value: string; problems: Problem[]; label: string } {
  const type = kind === 'timestamp' ? 'TIMESTAMP' : 'TIMESTAMPTZ';
  const number = `regexp_full_match(${v}, '[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)')`;
  let value: string;
  let format: string;
  if (options.timeFormat === 'epochsecs' || options.timeFormat === 'epochmillisecs') {
    const seconds = options.timeFormat === 'epochsecs' ? `try_cast(${v} as double)` : `try_cast(${v} as double) / 1000`;
    value = `(case when ${number} then try_cast(to_timestamp(${seconds}) as ${type}) end)`;
    format = options.timeFormat;
  } else if (options.timeFormat === 'auto') {
    value = `(case when regexp_full_match(${v}, '[0-9].*') then try_cast(${v} as ${type}) end)`;
    format = 'auto';
  } else {
    const offset = kind === 'timestamptz' ? '( ?[+-][0-9]{2}(:?[0-9]{2})?)?' : '';
    value = `(case when regexp_full_match(${v}, '[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,6})?${offset}') then try_cast(${v} as ${type}) end)`;
    format = 'YYYY-MM-DD HH:MI:SS';
  }
  return { label: kind, value, problems: [[`${v} is not null and ${c} is null`, loadErrorCodes.invalidTimestamp, `Invalid timestamp format or value [${format}]`]] };
}

function textNulls(raw: string, options: CopyOptions): string {
  if (options.blanksAsNull) return `(case when regexp_full_match(${raw}, '\\s*') then null else ${raw} end)`;
  if (options.emptyAsNull) return `nullif(${raw}, '')`;
  return raw;
}

// The longest prefix of at most `limit` bytes that ends on a character boundary: cut the hex of the UTF-8 bytes,
// backing off up to three bytes until what is left decodes (a UTF-8 character has at most four bytes).
function truncateToBytes(v: string, limit: number): string {
  const cut = (bytes: number): string => `try(decode(unhex(left(hex(${v}), ${2 * Math.max(0, bytes)}))))`;
  return `coalesce(${cut(limit)}, ${cut(limit - 1)}, ${cut(limit - 2)}, ${cut(limit - 3)})`;
}

/**
 * The SQL of a row-level problem shared by all columns: a JSON root that is not an object or an array.
 *
 * @example
 * rootProblem('json'); // "(case when left(json::varchar, 1) not in ('{', '[') then '1224|…' end)"
 */
export function rootProblem(json: string): string {
  return `(case when left(${json}::varchar, 1) not in ('{', '[') then '${loadErrorCodes.malformedJson}|${"The JSON data must be an object or an array".replaceAll("'", "''")}' end)`;
}
