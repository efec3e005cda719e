// The SQL of a DuckDB COPY: DuckDB reads the objects (read_json_objects, gzip in C++), extracts every JSONPath in
// one json_extract_string call per record, checks and converts each value in SQL, and inserts in one statement.
// A value that does not fit raises error() inside the INSERT, so the whole COPY fails and nothing is loaded.
import type { JsonPath, JsonPathStep } from '../copy/jsonpaths.js';
import type { CopyOptions } from '../copy/options.js';
import { maxJsonValueBytes } from '../copy/data-scan.js';
import { quoteIdentifier } from '../sql/identifiers.js';
import { sqlLiteral } from '../sql/parameters.js';
import { columnKind, planColumn, rootProblem, type ColumnPlan } from './copy-columns.js';
import type { TableColumn, TableInfo } from './table-columns.js';

/** Everything needed to write the SQL of one COPY. */
export interface CopyPlan {
  table: TableInfo;
  columns: ColumnPlan[];
  options: CopyOptions;
  /** The select list that extracts values from `json`: `s` (texts), and `j`/`x` when needed. */
  extract: string;
}

/**
 * Plans a COPY: maps each JSONPath to its target column and builds the per-column SQL.
 *
 * @example
 * const plan = planCopy(table, table.columns, paths, options);
 */
export function planCopy(table: TableInfo, columns: readonly TableColumn[], paths: readonly JsonPath[], options: CopyOptions): CopyPlan {
  const texts = paths.map((p) => duckDbJsonPath(p.steps));
  const jsonPaths: string[] = [];
  const parents: string[] = [];
  const plans = columns.map((column, index) => {
    const path = paths[index] as JsonPath;
    let json = 'null';
    if (columnKind(column.dataType) === 'json') {
      jsonPaths.push(texts[index] as string);
      json = `j[${jsonPaths.length}]`;
    }
    const indexChecks = path.steps.flatMap((step, at) => {
      if (step.kind !== 'index') return [];
      const parent = duckDbJsonPath(path.steps.slice(0, at));
      let slot = parents.indexOf(parent);
      if (slot < 0) slot = parents.push(parent) - 1;
      const x = `x[${slot + 1}]`;
      return [`(json_type(${x}) is not null and json_type(${x}) <> 'NULL' and (json_type(${x}) <> 'ARRAY' or json_array_length(${x}) <= ${step.index}))`];
    });
    return planColumn(column, { text: `s[${index + 1}]`, json, indexChecks, names: { v: `v${index + 1}`, c: `c${index + 1}` } }, options);
  });
  const extract = [
    `json_extract_string(json, ${listLiteral(texts)}) as s`,
    jsonPaths.length > 0 ? `json_extract(json, ${listLiteral(jsonPaths)}) as j` : undefined,
    parents.length > 0 ? `json_extract(json, ${listLiteral(parents)}) as x` : undefined,
  ].filter((part) => part !== undefined);
  return { table, columns: plans, options, extract: extract.join(', ') };
}

/**
 * The INSERT that loads every file at once, failing on the first value that does not fit.
 *
 * @example
 * await connection.run(insertSql(plan, ['/tmp/copy/0.json.gz']));
 */
export function insertSql(plan: CopyPlan, files: readonly string[]): string {
  const values = plan.columns.map((c, i) => `case when p${i + 1} is not null then error(${sqlLiteral(`COPY load error in column "${c.column.name}": `)} || p${i + 1}) else ${c.names.c} end`);
  return `${insertInto(plan)} select ${values.join(', ')} from (${checked(plan, files, false)}) where case when p0 is not null then error(p0) else true end`;
}

/**
 * The INSERT that loads only the records that have no problem (MAXERROR), in one statement.
 *
 * @example
 * await connection.run(insertValidSql(plan, ['/tmp/copy/0.json']));
 */
export function insertValidSql(plan: CopyPlan, files: readonly string[]): string {
  return `${insertInto(plan)} select ${plan.columns.map((c) => c.names.c).join(', ')} from (${checked(plan, files, false)}) where coalesce(${problemNames(plan)}) is null`;
}

/**
 * The query that lists the first `limit` records of one file with a problem, in file order: their 1-based
 * number, the raw JSON, the row-level problem, every column's problem, and every column's text.
 *
 * @example
 * const reader = await connection.runAndReadAll(problemsSql(plan, '/tmp/copy/0.json', 1));
 */
export function problemsSql(plan: CopyPlan, file: string, limit: number): string {
  const problems = plan.columns.map((_, i) => `p${i + 1}`);
  return `select ordinality, left(json::varchar, 1024) as raw_line, p0 as root_problem, [${problems.join(', ')}] as problems, s as texts
    from (${checked(plan, [file], true)}) where coalesce(${problemNames(plan)}) is not null order by ordinality limit ${limit}`;
}

function insertInto(plan: CopyPlan): string {
  const target = `${quoteIdentifier(plan.table.schema)}.${quoteIdentifier(plan.table.name)}`;
  return `insert into ${target} (${plan.columns.map((c) => quoteIdentifier(c.column.name)).join(', ')})`;
}

function problemNames(plan: CopyPlan): string {
  return ['p0', ...plan.columns.map((_, i) => `p${i + 1}`)].join(', ');
}

// The records with, per column i, its text v<i>, its value c<i> and its problem p<i>; p0 is the record's own problem.
function checked(plan: CopyPlan, files: readonly string[], ordinality: boolean): string {
  const compression = plan.options.gzip ? 'gzip' : 'uncompressed';
  const read = `read_json_objects(${listLiteral(files)}, format = 'unstructured', compression = '${compression}', maximum_object_size = ${maxJsonValueBytes})`;
  const extracted = `select ${ordinality ? 'ordinality, ' : ''}json, ${plan.extract} from ${read}${ordinality ? ' with ordinality' : ''}`;
  const texts = `select *, ${plan.columns.map((c) => `${c.text} as ${c.names.v}`).join(', ')} from (${extracted})`;
  const values = `select *, ${plan.columns.map((c) => `${c.value} as ${c.names.c}`).join(', ')} from (${texts})`;
  return `select *, ${rootProblem('json')} as p0, ${plan.columns.map((c, i) => `${c.problem} as p${i + 1}`).join(', ')} from (${values})`;
}

function listLiteral(items: readonly string[]): string {
  return `[${items.map(sqlLiteral).join(', ')}]`;
}

/**
 * A JSONPath in DuckDB's path syntax (`$."a"[0]`), or as a JSON Pointer when a name holds `"` or `\`.
 *
 * @example
 * duckDbJsonPath([{ kind: 'key', name: 'price' }, { kind: 'index', index: 0 }]); // '$."price"[0]'
 */
export function duckDbJsonPath(steps: readonly JsonPathStep[]): string {
  if (steps.some((s) => s.kind === 'key' && /["\\]/.test(s.name))) {
    return steps.map((s) => `/${s.kind === 'key' ? s.name.replaceAll('~', '~0').replaceAll('/', '~1') : s.index}`).join('');
  }
  return `$${steps.map((s) => (s.kind === 'key' ? `."${s.name}"` : `[${s.index}]`)).join('')}`;
}
