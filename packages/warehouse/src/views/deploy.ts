// Deploying views through the Warehouse interface, idempotently: in dependency order, each view created or replaced
// only when its statement changed (or it is missing), recorded in the ledger in the same transaction; views of an
// earlier deployment that are no longer given are dropped.
import { quoteIdentifier } from '../sql/identifiers.js';
import { StatementError } from '../errors.js';
import type { Warehouse } from '../types.js';
import { ViewsError, viewsErrorCodes } from './errors.js';
import { createLedger, existingObjects, forgetStatement, ledgerTable, readLedger, recordStatements, statementChecksum } from './ledger.js';
import { orderDefinitions, qualifiedKey } from './order.js';
import type { DeployViewsOptions, ViewDefinition, ViewDeployReport, ViewDeployStep } from './types.js';

const createPrefix = /^CREATE\s+(VIEW|MACRO)\s/i;

function quoted(key: string): string {
  return key.split('.').map(quoteIdentifier).join('.');
}

function dropStatement(key: string, kind: 'view' | 'macro'): string {
  return kind === 'macro' ? `DROP MACRO TABLE IF EXISTS ${quoted(key)}` : `DROP VIEW IF EXISTS ${quoted(key)}`;
}

/**
 * Creates or replaces one view. On Redshift, `CREATE OR REPLACE VIEW` keeps the view's owner and grants but accepts
 * only the same columns; when the columns changed it fails, and the view is dropped and created instead.
 */
async function apply(warehouse: Warehouse, view: ViewDefinition, key: string, record: string[], existed: boolean): Promise<void> {
  const replace = view.create.replace(createPrefix, (_, kind: string) => `CREATE OR REPLACE ${kind.toUpperCase()} `);
  try {
    await warehouse.executeBatch([replace, ...record]);
  } catch (error) {
    if (!(error instanceof StatementError) || warehouse.dialect !== 'redshift' || !existed) throw error;
    await warehouse.executeBatch([dropStatement(key, view.kind), view.create, ...record]);
  }
}

/**
 * Deploys views to a warehouse (DuckDB or Redshift through the Data API): safe to run any number of times. Views are
 * created in dependency order; an unchanged view (same statement checksum in `<schema>.factline_views`, and still
 * there) is left alone unless `force`; views the ledger lists but `views` no longer holds are dropped (`prune`).
 * Throws `ViewsError` (`VIEW_DEPLOY_FAILED`, naming the view and its file) when a statement fails: the views before
 * it stay deployed, so fixing the cause and deploying again completes the deployment.
 *
 * @example
 * const views = [...await readViewFiles('generated/views/duckdb'), ...compileViewsFolder(folder).views];
 * console.log(formatViewDeployReport(await deployViews({ warehouse, views })));
 */
export async function deployViews(options: DeployViewsOptions): Promise<ViewDeployReport> {
  const { warehouse } = options;
  const schema = options.schema ?? 'factline';
  const dryRun = options.dryRun ?? false;
  const ordered = orderDefinitions(options.views);
  if (!dryRun) await createLedger(warehouse, schema);
  const ledger = new Map((await readLedger(warehouse, schema)).map((entry) => [entry.name, entry]));
  const schemas = [...new Set([schema, ...ordered.map((v) => v.schema).filter((s): s is string => s !== undefined)])];
  const existing = await existingObjects(warehouse, schemas);
  const steps: ViewDeployStep[] = [];
  for (const view of ordered) {
    const key = qualifiedKey(view);
    const checksum = statementChecksum(view.create);
    const exists = existing.has(key);
    const step: ViewDeployStep = { name: key, kind: view.kind, source: view.source, status: exists ? 'replaced' : 'created' };
    if (exists && ledger.get(key)?.checksum === checksum && options.force !== true) step.status = 'unchanged';
    steps.push(step);
    if (dryRun || step.status === 'unchanged') continue;
    try {
      await apply(warehouse, view, key, recordStatements(schema, key, view, checksum, new Date()), exists);
    } catch (error) {
      const reason = error instanceof StatementError ? error.engineMessage || error.message : (error as Error).message;
      throw new ViewsError(viewsErrorCodes.deployFailed, `${key} (${view.source}) could not be created: ${reason}`, { view: key, source: view.source, cause: error });
    }
  }
  if (options.prune !== false) {
    const given = new Set(ordered.map(qualifiedKey));
    for (const entry of [...ledger.values()].filter((e) => !given.has(e.name)).reverse()) {
      steps.push({ name: entry.name, kind: entry.kind, source: ledgerTable(schema), status: 'dropped' });
      if (!dryRun) await warehouse.executeBatch([dropStatement(entry.name, entry.kind), forgetStatement(schema, entry.name)]);
    }
  }
  const count = (status: ViewDeployStep['status']) => steps.filter((s) => s.status === status).length;
  return { dialect: warehouse.dialect, dryRun, ledger: `${schema}.factline_views`, views: steps, created: count('created'), replaced: count('replaced'), unchanged: count('unchanged'), dropped: count('dropped') };
}
