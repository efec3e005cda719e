// The SQL every generated view shares, printed from the views model: which facts count (the latest derivation of
// each event, one copy of each fact), how long each value held, and how one row per entity is folded from that.
import { sharedColumns } from '../warehouse/shared-columns.js';
import { qualifiedName, quoteIdentifier, sqlString } from '../warehouse/identifiers.js';
import type { WarehouseDialect } from '../warehouse/types.js';
import { viewColumns } from './constants.js';
import type { EntityViews, ViewValueColumn } from './types.js';

export const indent = (lines: readonly string[], depth: number) => lines.map((line) => `${' '.repeat(depth * 4)}${line}`);
const q = (name: string, dialect: WarehouseDialect) => quoteIdentifier(name, dialect);
const list = (items: readonly string[]) => items.map((item, i) => (i < items.length - 1 ? `${item},` : item));
const cte = (name: string, body: readonly string[]) => [`${name} AS (`, ...indent(body, 1), ')'];

/** Shared columns but `recorded_at`, then every value column: what a fact is, whichever derivation recorded it. */
function factColumns(views: EntityViews, dialect: WarehouseDialect): string[] {
  return [...sharedColumns.map((c) => c.name).filter((name) => name !== 'recorded_at'), ...views.valueColumns.map((c) => c.name)].map((name) => q(name, dialect));
}

/**
 * `latest` and `facts`: of each event, only the facts of its latest derivation (the greatest `recorded_at` among its
 * facts: a re-derivation supersedes what an earlier transformer wrote, including facts it no longer writes).
 * `knownAt` keeps only facts recorded by then (what the warehouse knew at that moment). Copies of a fact (Firehose
 * and the producer deliver at least once; copies share the deterministic fact_id) are still there: the history keeps
 * one, the current state reads them as one.
 */
export function derivationCtes(views: EntityViews, dialect: WarehouseDialect, knownAt?: string): string[][] {
  const table = qualifiedName(views.schema, views.factTable, dialect);
  return [
    cte('latest', ['SELECT event_id, MAX(recorded_at) AS recorded_at', `FROM ${table}`, ...(knownAt === undefined ? [] : [`WHERE recorded_at <= ${knownAt}`]), 'GROUP BY event_id']),
    cte('facts', ['SELECT', ...indent(list(factColumns(views, dialect).map((c) => `f.${c}`)), 1), `FROM ${table} AS f`, 'JOIN latest AS l ON l.event_id = f.event_id AND l.recorded_at = f.recorded_at']),
  ];
}

/**
 * The order of a fact's values: the next value of the same fact type (any version) ends the one before. Ties on
 * occurred_at are broken by event_id (UUIDv7: the producer's order) then fact_id, never by recorded_at, which a
 * re-derivation changes. Copies of a fact sort next to each other.
 */
const intervalWindow = 'PARTITION BY entity_id, fact_type ORDER BY occurred_at, event_id, fact_id';

/** `intervals`: every fact with the next fact of its type (its next copy, or the next value). */
export function intervalsCte(views: EntityViews, dialect: WarehouseDialect): string[] {
  return cte('intervals', ['SELECT', ...indent([...factColumns(views, dialect).map((c) => `${c},`), `LEAD(fact_id) OVER (${intervalWindow}) AS next_fact_id,`, `LEAD(occurred_at) OVER (${intervalWindow}) AS ${viewColumns.validTo}`], 1), 'FROM facts']);
}

/**
 * The select of `<entity>_history` over `intervals`: each fact once (the last of its copies, whose next row is the
 * next value) with the interval its value held.
 */
export function historySelect(views: EntityViews, dialect: WarehouseDialect): string[] {
  const values = views.valueColumns.map((c) => `${q(c.name, dialect)},`);
  return [
    'SELECT',
    ...indent(['entity_id,', 'fact_type,', 'fact_version,', ...values, `occurred_at AS ${viewColumns.validFrom},`, `${viewColumns.validTo},`, 'fact_id,', 'event_id,', 'event_type,', 'event_version'], 1),
    'FROM intervals',
    'WHERE next_fact_id IS NULL OR next_fact_id <> fact_id',
  ];
}

/** MAX over the newest fact of each type; SUPER has no MAX in Redshift, so it goes through its JSON text. */
function fold(column: ViewValueColumn, dialect: WarehouseDialect): string {
  const value = `CASE WHEN recency = 1 THEN ${q(column.name, dialect)} END`;
  if (column.type.kind === 'boolean') return `BOOL_OR(${value})`;
  if (column.type.kind === 'json' && dialect === 'redshift') return `JSON_PARSE(MAX(JSON_SERIALIZE(${value})))`;
  return `MAX(${value})`;
}

/**
 * `ranked` and `entities`: one row per entity, each value column taken from the newest fact of its type (of those
 * that occurred by `asOf`, when given; in the order of the history, newest first), and the first and last
 * occurred_at of its facts.
 */
export function currentCtes(views: EntityViews, dialect: WarehouseDialect, asOf?: string): string[][] {
  const newestFirst = 'PARTITION BY entity_id, fact_type ORDER BY occurred_at DESC, event_id DESC, fact_id DESC';
  return [
    cte('ranked', ['SELECT', ...indent([...factColumns(views, dialect).map((c) => `${c},`), `ROW_NUMBER() OVER (${newestFirst}) AS recency`], 1), 'FROM facts', ...(asOf === undefined ? [] : [`WHERE occurred_at <= ${asOf}`])]),
    cte('entities', [
      'SELECT',
      ...indent(list(['entity_id', ...views.valueColumns.map((c) => `${fold(c, dialect)} AS ${q(c.name, dialect)}`), `MIN(occurred_at) AS ${viewColumns.firstOccurredAt}`, `MAX(occurred_at) AS ${viewColumns.lastOccurredAt}`]), 1),
      'FROM ranked',
      'GROUP BY entity_id',
    ]),
  ];
}

function lifecycleValue(views: EntityViews, dialect: WarehouseDialect): string | undefined {
  const columns = views.lifecycle?.columns.map((c) => q(c, dialect)) ?? [];
  if (columns.length === 0) return undefined;
  return columns.length === 1 ? columns[0] : `COALESCE(${[...columns].reverse().join(', ')})`;
}

const inList = (values: readonly string[], dialect: WarehouseDialect) => `(${values.map((v) => sqlString(v, dialect)).join(', ')})`;

/** The final select of a current-state query: the value columns, `is_active` as the lifecycle says, deleted ones left out. */
export function currentSelect(views: EntityViews, dialect: WarehouseDialect): string[] {
  const lifecycle = lifecycleValue(views, dialect);
  const inactive = views.lifecycle?.inactive ?? [];
  const deleted = views.lifecycle?.deleted ?? [];
  const active = lifecycle === undefined ? [] : [inactive.length === 0 ? `TRUE AS ${viewColumns.isActive},` : `CASE WHEN ${lifecycle} IN ${inList(inactive, dialect)} THEN FALSE ELSE TRUE END AS ${viewColumns.isActive},`];
  return [
    'SELECT',
    ...indent(['entity_id,', ...views.valueColumns.map((c) => `${q(c.name, dialect)},`), ...active, `${viewColumns.firstOccurredAt},`, viewColumns.lastOccurredAt], 1),
    'FROM entities',
    ...(lifecycle === undefined || deleted.length === 0 ? [] : [`WHERE ${lifecycle} IS NULL OR ${lifecycle} NOT IN ${inList(deleted, dialect)}`]),
  ];
}

/** `WITH a AS (…), b AS (…)`: the CTEs joined with commas. */
export function withClause(ctes: readonly string[][]): string[] {
  return ctes.flatMap((lines, i) => [...(i === 0 ? [`WITH ${lines[0]}`] : [lines[0]!]), ...lines.slice(1, -1), i < ctes.length - 1 ? '),' : ')']);
}
