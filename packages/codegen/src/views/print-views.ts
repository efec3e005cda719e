// The generated view files, one pure printer per object: `<entity>_history`, `<entity>_current`, the as-of query
// (both dialects) and the DuckDB as-of table macro. Redshift views are late-binding (WITH NO SCHEMA BINDING): they
// resolve their tables when queried, so migrations and `factline recompute` can rebuild a fact table under them.
import { sqlHeader } from '../header.js';
import { qualifiedName } from '../warehouse/identifiers.js';
import type { WarehouseDialect } from '../warehouse/types.js';
import { asOfParameters, viewColumns, viewFileDirectives } from './constants.js';
import { currentCtes, currentSelect, derivationCtes, historySelect, intervalsCte, withClause } from './sql-pipeline.js';
import type { EntityViews } from './types.js';

/** What a printed object is: a view or a DuckDB table macro (both deployed), or a query file (run with parameters). */
export type ViewObjectKind = 'view' | 'macro' | 'query';

const lateBinding = (dialect: WarehouseDialect) => (dialect === 'redshift' ? ['WITH NO SCHEMA BINDING;'] : []);
const terminate = (lines: string[], dialect: WarehouseDialect) => (dialect === 'redshift' ? [...lines, ...lateBinding(dialect)] : [...lines.slice(0, -1), `${lines.at(-1)};`]);

/** The file around one object: header, directives (read back when deploying), a description, the statement. */
function file(views: EntityViews, dialect: WarehouseDialect, name: string, kind: ViewObjectKind, depends: string[], description: string[], statement: string[]): string {
  const qualified = qualifiedName(views.schema, name, dialect);
  const directives = kind === 'query' ? [] : [`-- ${viewFileDirectives.view} ${qualified} ${kind}`, ...(depends.length === 0 ? [] : [`-- ${viewFileDirectives.depends} ${depends.join(' ')}`])];
  return [sqlHeader(views.sources).trimEnd(), ...directives, ...description.map((line) => `-- ${line}`), '', ...statement, ''].join('\n');
}

/**
 * `<entity>_history`: every fact that counts, with `valid_from` (its occurred_at) and `valid_to` (when the next value
 * of the same fact replaced it; NULL while it holds).
 *
 * @example
 * printHistoryView(views, 'duckdb'); // CREATE VIEW factline.accommodation_history AS …
 */
export function printHistoryView(views: EntityViews, dialect: WarehouseDialect): string {
  const statement = [`CREATE VIEW ${qualifiedName(views.schema, views.names.history, dialect)} AS`, ...withClause([...derivationCtes(views, dialect), intervalsCte(views, dialect)]), ...historySelect(views, dialect)];
  return file(views, dialect, views.names.history, 'view', [qualifiedName(views.schema, views.factTable, dialect)], [
    `Every value ${views.entity} ever had, with the interval it held: one row per fact that counts (of each event, the`,
    'facts of its latest derivation; of each fact, one copy). The state as of T is the rows where',
    `${viewColumns.validFrom} <= T AND (${viewColumns.validTo} IS NULL OR ${viewColumns.validTo} > T).`,
  ], terminate(statement, dialect));
}

/**
 * `<entity>_current`: one row per entity with the value of every fact in force now, `is_active` for an entity with a
 * lifecycle; an entity whose lifecycle fact has a deleted value is left out (it stays in the history).
 *
 * @example
 * printCurrentView(views, 'redshift'); // CREATE VIEW factline.accommodation_current AS … WITH NO SCHEMA BINDING;
 */
export function printCurrentView(views: EntityViews, dialect: WarehouseDialect): string {
  const statement = [`CREATE VIEW ${qualifiedName(views.schema, views.names.current, dialect)} AS`, ...withClause([...derivationCtes(views, dialect), ...currentCtes(views, dialect)]), ...currentSelect(views, dialect)];
  return file(views, dialect, views.names.current, 'view', [qualifiedName(views.schema, views.factTable, dialect)], currentDescription(views), terminate(statement, dialect));
}

function currentDescription(views: EntityViews): string[] {
  const lines = [`One row per ${views.entity}: the latest value of every fact (by occurred_at, then event_id, then fact_id).`];
  if (views.lifecycle !== undefined) {
    const { fact, inactive, deleted } = views.lifecycle;
    if (inactive.length > 0) lines.push(`${viewColumns.isActive} is false while ${fact} is ${inactive.join(' or ')}.`);
    if (deleted.length > 0) lines.push(`Left out while ${fact} is ${deleted.join(' or ')} (still in ${views.names.history}).`);
  }
  return lines;
}

/** The current-state query, counting the facts recorded by `knownAt` that occurred by `asOf`. */
function asOfStatement(views: EntityViews, dialect: WarehouseDialect, asOf: string, knownAt: string): string[] {
  return [...withClause([...derivationCtes(views, dialect, knownAt), ...currentCtes(views, dialect, asOf)]), ...currentSelect(views, dialect)];
}

/**
 * `queries/<entity>_as_of.sql`: the rows `<entity>_current` would have shown for the domain at `:as_of`, counting
 * only facts recorded by `:known_at` (pass now to count everything). Run it with the warehouse's `query(sql, params)`.
 *
 * @example
 * await warehouse.query(printAsOfQuery(views, 'duckdb'), { as_of: '2026-02-01T00:00:00Z', known_at: new Date() });
 */
export function printAsOfQuery(views: EntityViews, dialect: WarehouseDialect): string {
  const cast = (name: string) => `CAST(:${name} AS TIMESTAMPTZ)`;
  const statement = asOfStatement(views, dialect, cast(asOfParameters.asOf), cast(asOfParameters.knownAt));
  return file(views, dialect, views.names.asOf, 'query', [], [
    `The state of every ${views.entity} as of :${asOfParameters.asOf} (valid time), counting only the facts recorded by :${asOfParameters.knownAt}`,
    `(recorded time; pass the current time to count every fact). Same columns as ${views.names.current}.`,
  ], [...statement.slice(0, -1), `${statement.at(-1)};`]);
}

/**
 * The DuckDB table macro `<entity>_as_of(as_of, known_at := NULL)`: the as-of query as a table function, e.g.
 * `SELECT * FROM factline.accommodation_as_of(TIMESTAMPTZ '2026-02-01 00:00:00+00')`.
 *
 * @example
 * printAsOfMacro(views); // CREATE MACRO factline.accommodation_as_of(as_of, known_at := NULL) AS TABLE …
 */
export function printAsOfMacro(views: EntityViews): string {
  const asOf = `CAST(${asOfParameters.asOf} AS TIMESTAMPTZ)`;
  const knownAt = `COALESCE(CAST(${asOfParameters.knownAt} AS TIMESTAMPTZ), recorded_at)`;
  const statement = [`CREATE MACRO ${qualifiedName(views.schema, views.names.asOf, 'duckdb')}(${asOfParameters.asOf}, ${asOfParameters.knownAt} := NULL) AS TABLE`, ...asOfStatement(views, 'duckdb', asOf, knownAt)];
  return file(views, 'duckdb', views.names.asOf, 'macro', [qualifiedName(views.schema, views.factTable, 'duckdb')], [
    `SELECT * FROM ${qualifiedName(views.schema, views.names.asOf, 'duckdb')}(<as_of>[, known_at := <known_at>]): the state of every ${views.entity} as of a moment,`,
    `with the columns of ${views.names.current}; known_at (default: everything recorded) counts only facts recorded by then.`,
  ], [...statement.slice(0, -1), `${statement.at(-1)};`]);
}
