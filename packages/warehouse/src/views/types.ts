// The shapes of deploying views and running view tests.
import type { Row, Warehouse } from '../types.js';

/**
 * A view (or DuckDB table macro) to deploy: the generated files (`readViewFiles`) and the analysts' views
 * (`compileViewsFolder` in `@factline/codegen`) both come in this shape.
 *
 * @example
 * const view: ViewDefinition = { schema: 'factline', name: 'occupancy', kind: 'view', dependsOn: ['factline.booking_current'], create: 'CREATE VIEW factline.occupancy AS SELECT 1 AS x;', source: 'views/occupancy.sql' };
 */
export interface ViewDefinition {
  /** The schema it is created in; undefined: the session's default. */
  schema: string | undefined;
  name: string;
  kind: 'view' | 'macro';
  /** Qualified names (`schema.name`) of what it reads; the ones in the same deployment are created first. */
  dependsOn: readonly string[];
  /** Its `CREATE VIEW` / `CREATE MACRO` statement, without OR REPLACE, ending with `;`. */
  create: string;
  /** Where it comes from, for reports and errors. */
  source: string;
}

/**
 * Options of `deployViews`.
 *
 * @example
 * const options: DeployViewsOptions = { warehouse, views, schema: 'factline', dryRun: true };
 */
export interface DeployViewsOptions {
  warehouse: Warehouse;
  views: readonly ViewDefinition[];
  /** The schema of the ledger table `factline_views`. Default `factline`. */
  schema?: string;
  /** Report what would change; change nothing. Default false. */
  dryRun?: boolean;
  /** Re-create every view, changed or not. Default false. */
  force?: boolean;
  /** Drop the views an earlier deployment created that are no longer given. Default true. */
  prune?: boolean;
}

/**
 * What happened to one view: created (new), replaced (changed, or forced), unchanged, dropped (pruned); with
 * `dryRun`, what would happen.
 *
 * @example
 * const changed = report.views.filter((v: ViewDeployStep) => v.status !== 'unchanged');
 */
export interface ViewDeployStep {
  name: string;
  kind: 'view' | 'macro';
  status: 'created' | 'replaced' | 'unchanged' | 'dropped';
  source: string;
}

/**
 * What `deployViews` did.
 *
 * @example
 * console.log(formatViewDeployReport(await deployViews({ warehouse, views })));
 */
export interface ViewDeployReport {
  dialect: Warehouse['dialect'];
  dryRun: boolean;
  /** The ledger table, `schema.factline_views`. */
  ledger: string;
  views: ViewDeployStep[];
  created: number;
  replaced: number;
  unchanged: number;
  dropped: number;
}

/**
 * A test: a query that returns the rows breaking a rule (no row: it passes).
 *
 * @example
 * const test: ViewTest = { name: 'occupancy: not_null(month)', view: 'factline.occupancy', sql: 'SELECT * FROM factline.occupancy WHERE month IS NULL', source: 'views/occupancy.sql:4' };
 */
export interface ViewTest {
  name: string;
  view: string | undefined;
  sql: string;
  source: string;
}

/**
 * The outcome of one test: pass, fail (with how many rows break it and a few of them), or error (the query failed).
 *
 * @example
 * for (const r of report.results.filter((t: ViewTestResult) => t.status !== 'pass')) console.error(r.name, r.failures);
 */
export interface ViewTestResult {
  name: string;
  source: string;
  status: 'pass' | 'fail' | 'error';
  /** Rows returned by the test query. */
  failures: number;
  /** The first rows returned (at most `sampleRows`). */
  sample: Row[];
  /** The engine's message when the query failed. */
  error?: string;
}

/**
 * Options of `runViewTests`.
 *
 * @example
 * const report = await runViewTests({ warehouse, tests, sampleRows: 3 });
 */
export interface RunViewTestsOptions {
  warehouse: Warehouse;
  tests: readonly ViewTest[];
  /** How many failing rows to keep per failed test. Default 5. */
  sampleRows?: number;
}

/**
 * What `runViewTests` found.
 *
 * @example
 * process.exitCode = report.failed + report.errors > 0 ? 1 : 0;
 */
export interface ViewTestReport {
  results: ViewTestResult[];
  passed: number;
  failed: number;
  errors: number;
}
