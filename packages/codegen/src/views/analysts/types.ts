// The analysts' views folder as a model: views with their declared dependencies and tests, and singular tests.
import type { WarehouseDialect } from '../../warehouse/types.js';

/**
 * A problem in the views folder: the file, the line (1-based; 0 for the file as a whole), the rule and what to do.
 *
 * @example
 * for (const issue of result.issues) console.error(`${issue.file}:${issue.line} ${issue.message} (${issue.rule})`);
 */
export interface ViewIssue {
  file: string;
  line: number;
  rule: string;
  severity: 'error' | 'warning';
  message: string;
}

/**
 * A test declared in a view's header, dbt style. Every test is a query that returns the rows breaking the rule.
 *
 * @example
 * const spec: ViewTestSpec = { kind: 'unique', columns: ['accommodation_id', 'month'], line: 4 };
 */
export type ViewTestSpec =
  | { kind: 'not_null'; columns: string[]; line: number }
  | { kind: 'unique'; columns: string[]; line: number }
  | { kind: 'accepted_values'; column: string; values: string; line: number }
  | { kind: 'relationships'; column: string; to: string; field: string; line: number }
  | { kind: 'expression_is_true'; expression: string; line: number };

/**
 * One view of the folder, for one dialect.
 *
 * @example
 * console.log(view.name, view.dependsOn);
 */
export interface AnalystView {
  /** The file's base name, `accommodation_occupancy`. */
  name: string;
  /** The file it was read from, relative to the project root. */
  file: string;
  description: string;
  /** Qualified names, lower case, as declared in `-- depends_on:`. */
  dependsOn: string[];
  /** The view's query, without the header. */
  sql: string;
  /** The line of the query's first line in the file. */
  sqlLine: number;
  tests: ViewTestSpec[];
}

/**
 * A singular test (`views/tests/<name>.sql`): a query that returns the rows breaking a rule; no row is a pass.
 *
 * @example
 * console.log(test.name, test.sql);
 */
export interface SingularTest {
  name: string;
  file: string;
  description: string;
  sql: string;
}

/**
 * What `loadViewsFolder` found for one dialect.
 *
 * @example
 * const folder = await loadViewsFolder(root, { dialect: 'duckdb', schema: 'factline', known });
 * if (!folder.ok) for (const issue of folder.issues) console.error(issue.message);
 */
export interface ViewsFolder {
  /** False when any issue is an error. */
  ok: boolean;
  dialect: WarehouseDialect;
  schema: string | undefined;
  /** In deployment order: every view after the views it depends on. */
  views: AnalystView[];
  tests: SingularTest[];
  issues: ViewIssue[];
}

/**
 * A view ready to deploy, the shape `deployViews` in `@factline/warehouse` takes.
 *
 * @example
 * const definition: CompiledView = { schema: 'factline', name: 'occupancy', kind: 'view', dependsOn: ['factline.booking_current'], create: 'CREATE VIEW …;', source: 'views/occupancy.sql' };
 */
export interface CompiledView {
  schema: string | undefined;
  name: string;
  kind: 'view' | 'macro';
  /** Qualified names of the objects it reads. */
  dependsOn: string[];
  /** The CREATE statement (no OR REPLACE: the deployer decides), ending with `;`. */
  create: string;
  /** Where it comes from, for messages. */
  source: string;
}

/**
 * A test ready to run, the shape `runViewTests` in `@factline/warehouse` takes: `sql` returns the failing rows.
 *
 * @example
 * const test: CompiledTest = { name: 'occupancy.not_null(month)', view: 'factline.occupancy', sql: 'select * from factline.occupancy where month is null', source: 'views/occupancy.sql:3' };
 */
export interface CompiledTest {
  name: string;
  /** The qualified name of the view it tests; undefined for a singular test. */
  view: string | undefined;
  sql: string;
  source: string;
}
