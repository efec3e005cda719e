// `factline views deploy | test | check | compile`: the generated views (`generated/views/<dialect>/`) and the
// analysts' views (`views/`), deployed to the local DuckDB warehouse or to Redshift through the Data API, and tested.
// The warehouse target options and the views loading are shared with recompute, replay and rederive.
import path from 'node:path';
import { loadCatalog, type Catalog } from '@factline/catalog';
import { CodegenError, loadProjectViews, type CompiledTest, type ViewIssue } from '@factline/codegen';
import { RecoveryError } from '@factline/recovery';
import { createRedshiftWarehouse, deployViews, formatViewDeployReport, formatViewTestReport, readViewFiles, runViewTests, ViewsError, type Dialect, type RedshiftWarehouseOptions, type ViewDefinition, type ViewDeployReport, type Warehouse } from '@factline/warehouse';
import type { Command } from 'commander';
import { CliExit, type CliIo } from '../io.js';
import { expectedFailures } from '../pipeline/cli-errors.js';
import { openLocalWarehouse } from '../pipeline/local-warehouse.js';
import { resolveProject, shown, type LocalProject } from '../pipeline/project.js';

/** Where the warehouse is: the local DuckDB file (default), or Redshift through the Data API. */
export interface TargetOptions {
  dataDir?: string;
  workgroup?: string;
  cluster?: string;
  database?: string;
  secretArn?: string;
  dbUser?: string;
  region?: string;
  endpoint?: string;
}

/** An open warehouse and what it is. */
export interface Target {
  project: LocalProject;
  warehouse: Warehouse;
  dialect: Dialect;
  /** `DuckDB .factline/warehouse.duckdb` or `Redshift workgroup analytics, database dev`. */
  description: string;
}

/**
 * Adds the warehouse target options (the same as `factline migrate`'s) to a command.
 *
 * @example
 * addTargetOptions(program.command('recompute'));
 */
export function addTargetOptions(command: Command): Command {
  return command
    .option('--data-dir <dir>', 'the local data folder (default: .factline/ at the project root)')
    .option('--workgroup <name>', 'Redshift Serverless workgroup (name or ARN): use Redshift through the Data API')
    .option('--cluster <id>', 'provisioned Redshift cluster identifier: use Redshift through the Data API')
    .option('--database <name>', 'Redshift database (with --workgroup or --cluster)')
    .option('--secret-arn <arn>', 'Secrets Manager secret with the database credentials')
    .option('--db-user <name>', 'database user (a cluster, temporary credentials)')
    .option('--region <region>', 'AWS region')
    .option('--endpoint <url>', 'Redshift Data API endpoint (a local stand-in)');
}

const flagName = (key: string) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/**
 * Opens the target warehouse: Redshift when `--workgroup` or `--cluster` is given, else the local DuckDB file, which
 * must exist (made by `pnpm demo` or `factline migrate`).
 *
 * @example
 * const target = await openTarget(io, options);
 * try { … } finally { await target.warehouse.close(); }
 */
export async function openTarget(io: CliIo, options: TargetOptions): Promise<Target> {
  const project = await resolveProject(io.cwd, options.dataDir === undefined ? {} : { dataDir: options.dataDir });
  if (options.workgroup === undefined && options.cluster === undefined) {
    for (const flag of ['database', 'secretArn', 'dbUser', 'endpoint'] as const) {
      if (options[flag] !== undefined) throw new CliExit(1, `${flagName(flag)} is a Redshift option: give --workgroup or --cluster too`);
    }
    const warehouse = await openLocalWarehouse({ path: project.warehousePath, mustExist: true });
    return { project, warehouse, dialect: 'duckdb', description: `DuckDB ${shown(project.warehousePath, io.cwd)}` };
  }
  if (options.database === undefined) throw new CliExit(1, '--database is required with --workgroup or --cluster');
  const redshift: RedshiftWarehouseOptions = {
    database: options.database,
    ...(options.workgroup === undefined ? {} : { workgroupName: options.workgroup }),
    ...(options.cluster === undefined ? {} : { clusterIdentifier: options.cluster }),
    ...(options.secretArn === undefined ? {} : { secretArn: options.secretArn }),
    ...(options.dbUser === undefined ? {} : { dbUser: options.dbUser }),
    clientConfig: { ...(options.region === undefined ? {} : { region: options.region }), ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }) },
  };
  const where = options.workgroup === undefined ? `cluster ${options.cluster}` : `workgroup ${options.workgroup}`;
  return { project, warehouse: createRedshiftWarehouse(redshift), dialect: 'redshift', description: `Redshift ${where}, database ${options.database}` };
}

/** Every view to deploy in a dialect (generated, then the analysts'), the tests, and the folder's issues. */
export interface ProjectViewSet {
  catalog: Catalog;
  views: ViewDefinition[];
  tests: CompiledTest[];
  issues: ViewIssue[];
  /** Per entity, its `<entity>_current` view, `schema.name`. */
  currentViews: Record<string, string>;
}

/**
 * Reads the project's views for a dialect. Refuses (exit 1, every issue listed) when the analysts' folder has errors.
 *
 * @example
 * const { views, tests } = await projectViews(project.root, 'duckdb');
 */
export async function projectViews(root: string, dialect: Dialect): Promise<ProjectViewSet> {
  const { catalog } = await loadCatalog(root);
  const loaded = await loadProjectViews(catalog, { dialect });
  if (!loaded.folder.ok) throw new CliExit(1, `views/ has errors; fix them and try again:\n${formatIssues(loaded.folder.issues)}`);
  const generated = await readViewFiles(path.join(root, 'generated', 'views', dialect));
  const currentViews = Object.fromEntries(loaded.model.entities.map((e) => [e.entity, e.schema === undefined ? e.names.current : `${e.schema}.${e.names.current}`]));
  return { catalog, views: [...generated, ...loaded.analystViews], tests: loaded.tests, issues: loaded.folder.issues, currentViews };
}

/**
 * Deploys every view of the project into a warehouse (what `factline views deploy` and the demo's views step do).
 *
 * @example
 * const report = await deployProjectViews(warehouse, root, { force: false });
 */
export async function deployProjectViews(warehouse: Warehouse, root: string, options: { dryRun?: boolean; force?: boolean; prune?: boolean } = {}): Promise<{ report: ViewDeployReport; set: ProjectViewSet }> {
  const set = await projectViews(root, warehouse.dialect);
  const report = await deployViews({ warehouse, views: set.views, schema: set.catalog.config.warehouse.schema, dryRun: options.dryRun ?? false, force: options.force ?? false, prune: options.prune ?? true });
  return { report, set };
}

function formatIssues(issues: readonly ViewIssue[]): string {
  return issues.map((i) => `  ${i.file}${i.line > 0 ? `:${i.line}` : ''}  ${i.severity}  ${i.rule}  ${i.message}`).join('\n');
}

/**
 * Runs a command body that uses the views or recovery, turning their expected errors into a message and exit 1.
 *
 * @example
 * .action((options) => viewsFailures(() => runViewsDeploy(io, options)));
 */
export async function viewsFailures<T>(body: () => Promise<T>): Promise<T> {
  return expectedFailures(async () => {
    try {
      return await body();
    } catch (error) {
      if (error instanceof ViewsError || error instanceof RecoveryError || error instanceof CodegenError) throw new CliExit(1, error.message);
      throw error;
    }
  });
}

async function withTarget(io: CliIo, options: TargetOptions, body: (target: Target) => Promise<void>): Promise<void> {
  const target = await openTarget(io, options);
  try {
    await body(target);
  } finally {
    await target.warehouse.close();
  }
}

export interface ViewsDeployOptions extends TargetOptions {
  dryRun?: boolean;
  force?: boolean;
  prune?: boolean;
}

export async function runViewsDeploy(io: CliIo, options: ViewsDeployOptions): Promise<void> {
  await withTarget(io, options, async ({ project, warehouse, description }) => {
    io.out(`${description}: views from generated/views/${warehouse.dialect}/ and views/`);
    const { report, set } = await deployProjectViews(warehouse, project.root, options);
    if (set.issues.length > 0) io.out(formatIssues(set.issues));
    io.out(formatViewDeployReport(report));
  });
}

export interface ViewsTestOptions extends TargetOptions {
  select?: string;
  sampleRows: string;
}

export async function runViewsTest(io: CliIo, options: ViewsTestOptions): Promise<void> {
  const sampleRows = Number(options.sampleRows);
  if (!Number.isInteger(sampleRows) || sampleRows < 0) throw new CliExit(1, `--sample-rows must be a whole number (got ${options.sampleRows})`);
  await withTarget(io, options, async ({ project, warehouse, description }) => {
    const { tests } = await projectViews(project.root, warehouse.dialect);
    const selected = options.select === undefined ? tests : tests.filter((t) => t.name.includes(options.select!));
    if (selected.length === 0) throw new CliExit(1, `no test matches "${options.select}"`);
    io.out(`${description}: ${selected.length} test(s)`);
    const report = await runViewTests({ warehouse, tests: selected, sampleRows });
    io.out(formatViewTestReport(report));
    if (report.failed + report.errors > 0) throw new CliExit(1);
  });
}

export async function runViewsCheck(io: CliIo): Promise<void> {
  const project = await resolveProject(io.cwd);
  const { catalog } = await loadCatalog(project.root);
  let errors = 0;
  for (const dialect of ['duckdb', 'redshift'] as const) {
    const loaded = await loadProjectViews(catalog, { dialect });
    errors += loaded.folder.issues.filter((i) => i.severity === 'error').length;
    if (loaded.folder.issues.length > 0) io.out(`${dialect}:\n${formatIssues(loaded.folder.issues)}`);
    io.out(`${dialect}: ${loaded.analystViews.length} view(s) in views/ (${loaded.analystViews.map((v) => v.name).join(', ') || 'none'}), ${loaded.tests.length} test(s) with the generated ones`);
  }
  if (errors > 0) throw new CliExit(1, `views/ has ${errors} error(s)`);
}

export async function runViewsCompile(io: CliIo, name: string | undefined, options: { dialect: string }): Promise<void> {
  if (options.dialect !== 'duckdb' && options.dialect !== 'redshift') throw new CliExit(1, `--dialect is duckdb or redshift (got ${options.dialect})`);
  const project = await resolveProject(io.cwd);
  const set = await projectViews(project.root, options.dialect);
  const views = name === undefined ? set.views : set.views.filter((v) => v.name === name);
  const tests = name === undefined ? set.tests : set.tests.filter((t) => t.name.startsWith(`${name}: `));
  if (views.length === 0) throw new CliExit(1, `no view is named "${name}"`);
  for (const view of views) io.out(`-- ${view.source}\n${view.create}\n`);
  for (const test of tests) io.out(`-- test ${test.name} (${test.source}): the rows that break it\n${test.sql};\n`);
}

export function registerViews(program: Command, io: CliIo): void {
  const views = program.command('views').description('deploy and test the views: generated/views/ (per entity) and views/ (the analysts\')');
  addTargetOptions(
    views
      .command('deploy')
      .description('create or replace the views in the warehouse, in dependency order; unchanged views are left alone, views no longer defined are dropped')
      .option('--dry-run', 'print what would change, change nothing')
      .option('--force', 're-create every view')
      .option('--no-prune', 'keep views an earlier deployment made that are no longer defined'),
  ).action(async (options: ViewsDeployOptions) => viewsFailures(() => runViewsDeploy(io, options)));
  addTargetOptions(
    views
      .command('test')
      .description('run the tests of the views (not_null, unique, accepted_values, relationships, expression_is_true, views/tests/*.sql); exit 1 when one fails')
      .option('--select <text>', 'only the tests whose name contains this text')
      .option('--sample-rows <n>', 'failing rows shown per test', '5'),
  ).action(async (options: ViewsTestOptions) => viewsFailures(() => runViewsTest(io, options)));
  views
    .command('check')
    .description('check views/ without a warehouse: headers, tests, dependencies declared and known, no cycles')
    .action(async () => viewsFailures(() => runViewsCheck(io)));
  views
    .command('compile')
    .description('print the CREATE statements and test queries of the views for a dialect')
    .argument('[name]', 'one view (default: all)')
    .option('--dialect <dialect>', 'duckdb or redshift', 'duckdb')
    .action(async (name: string | undefined, options: { dialect: string }) => viewsFailures(() => runViewsCompile(io, name, options)));
}
