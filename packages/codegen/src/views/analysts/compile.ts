// From the folder model to what the warehouse runs: CREATE statements in the dialect (late-binding on Redshift), and
// each declared test as a query that returns the rows breaking it.
import { qualifiedName, quoteIdentifier } from '../../warehouse/identifiers.js';
import type { WarehouseDialect } from '../../warehouse/types.js';
import type { AnalystView, CompiledTest, CompiledView, ViewsFolder, ViewTestSpec } from './types.js';

/**
 * The CREATE statement of an analyst's view. On Redshift it is late-binding (`WITH NO SCHEMA BINDING`): every name it
 * reads must be schema-qualified, and it survives a rebuild of what it reads.
 *
 * @example
 * compileView(view, 'redshift', 'factline').create; // 'CREATE VIEW factline.occupancy AS\n…\nWITH NO SCHEMA BINDING;'
 */
export function compileView(view: AnalystView, dialect: WarehouseDialect, schema: string | undefined): CompiledView {
  const tail = dialect === 'redshift' ? '\nWITH NO SCHEMA BINDING;' : ';';
  const name = qualifiedName(schema, view.name, dialect);
  return { schema, name: view.name, kind: 'view', dependsOn: view.dependsOn, create: `CREATE VIEW ${name} AS\n${view.sql}${tail}`, source: view.file };
}

/**
 * The query that returns the rows breaking a test (none: it passes), dbt's semantics: `not_null` the rows where the
 * column is NULL; `unique` the duplicated combinations; `accepted_values` the other non-NULL values;
 * `relationships` the non-NULL values missing from the other view; `expression_is_true` the rows where the condition
 * is false (NULL counts as a pass, as in dbt).
 *
 * @example
 * testQueries({ kind: 'not_null', columns: ['month'], line: 3 }, 'factline.occupancy', 'duckdb'); // [{ label: 'not_null(month)', sql: 'SELECT * FROM factline.occupancy WHERE month IS NULL' }]
 */
export function testQueries(spec: ViewTestSpec, view: string, dialect: WarehouseDialect): { label: string; sql: string }[] {
  const q = (name: string) => quoteIdentifier(name, dialect);
  switch (spec.kind) {
    case 'not_null':
      return spec.columns.map((c) => ({ label: `not_null(${c})`, sql: `SELECT * FROM ${view} WHERE ${q(c)} IS NULL` }));
    case 'unique': {
      const columns = spec.columns.map(q).join(', ');
      return [{ label: `unique(${spec.columns.join(', ')})`, sql: `SELECT ${columns}, COUNT(*) AS occurrences FROM ${view} GROUP BY ${columns} HAVING COUNT(*) > 1` }];
    }
    case 'accepted_values':
      return [{ label: `accepted_values(${spec.column})`, sql: `SELECT ${q(spec.column)}, COUNT(*) AS occurrences FROM ${view} WHERE ${q(spec.column)} IS NOT NULL AND ${q(spec.column)} NOT IN (${spec.values}) GROUP BY ${q(spec.column)}` }];
    case 'relationships': {
      const dot = spec.to.indexOf('.');
      const parent = dot < 0 ? qualifiedName(undefined, spec.to, dialect) : qualifiedName(spec.to.slice(0, dot), spec.to.slice(dot + 1), dialect);
      return [
        {
          label: `relationships(${spec.column} -> ${spec.to}.${spec.field})`,
          sql: `SELECT child.${q(spec.column)}, COUNT(*) AS occurrences FROM ${view} AS child LEFT JOIN (SELECT DISTINCT ${q(spec.field)} AS id FROM ${parent}) AS parent ON child.${q(spec.column)} = parent.id WHERE child.${q(spec.column)} IS NOT NULL AND parent.id IS NULL GROUP BY child.${q(spec.column)}`,
        },
      ];
    }
    case 'expression_is_true':
      return [{ label: `expression_is_true(${spec.expression})`, sql: `SELECT * FROM ${view} WHERE NOT (${spec.expression})` }];
  }
}

/**
 * Every view of the folder as a CREATE statement, in deployment order, and every test (declared and singular) as a
 * query.
 *
 * @example
 * const { views, tests } = compileViewsFolder(await loadViewsFolder(root, { dialect: 'duckdb', schema: 'factline' }));
 */
export function compileViewsFolder(folder: ViewsFolder): { views: CompiledView[]; tests: CompiledTest[] } {
  const views = folder.views.map((view) => compileView(view, folder.dialect, folder.schema));
  const tests: CompiledTest[] = [];
  for (const view of folder.views) {
    const name = qualifiedName(folder.schema, view.name, folder.dialect);
    for (const spec of view.tests) {
      for (const { label, sql } of testQueries(spec, name, folder.dialect)) tests.push({ name: `${view.name}: ${label}`, view: name, sql, source: `${view.file}:${spec.line}` });
    }
  }
  for (const test of folder.tests) tests.push({ name: `tests/${test.name}`, view: undefined, sql: test.sql, source: test.file });
  return { views, tests };
}
