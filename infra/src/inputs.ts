// Everything the app reads from the project, never hand-copied: the stream settings, the JSONPaths files, the
// Redshift migrations, the warehouse model and the prebuilt transformer bundle. Checked against each other here,
// so that a stale generation fails the synth instead of a COPY in production.
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseWarehouseState, type WarehouseTable } from '@factline/codegen';
import { readStreamSettings, type StreamSettings, type StreamSettingsFile } from '@factline/stream-settings';
import { projectPaths, transformerEntry } from './constants.js';
import { InfraError, InfraErrorCode, type InfraIssue } from './errors.js';
import { readMigrations, type MigrationInput } from './migrations.js';

/** A JSONPaths file and the object key it is deployed to. */
export interface JsonPathsInput {
  key: string;
  body: string;
}

/** Per stream, what its Firehose delivery stream, Glue table and migrations need. */
export interface EntityInputs {
  stream: StreamSettings;
  /** The fact table in the warehouse model of @factline/codegen (columns, logical types, JSON paths). */
  table: WarehouseTable;
  jsonPaths: JsonPathsInput;
}

/**
 * @example
 * const { settings, entities, migrations } = await loadProjectInputs(root);
 */
export interface ProjectInputs {
  /** The project root the inputs were read from. */
  root: string;
  settings: StreamSettingsFile;
  entities: EntityInputs[];
  migrations: MigrationInput[];
  /** A folder holding `index.mjs`, deployed as the transformer's code. */
  transformerBundleDir: string;
}

export interface LoadProjectInputsOptions {
  /** Default: `<root>/apps/transformer-lambda/dist/bundle`. */
  transformerBundleDir?: string;
}

const unquote = (column: string) => column.trim().replace(/^"(.*)"$/, '$1').replace(/""/g, '"');

async function readText(file: string, display: string, issues: InfraIssue[]): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    issues.push({ file: display, pointer: '', message: 'is missing: run `pnpm factline generate`' });
    return undefined;
  }
}

/** The fact tables of the warehouse model, read with @factline/codegen's own validating parser. */
async function readWarehouseTables(root: string, issues: InfraIssue[]): Promise<WarehouseTable[] | undefined> {
  const text = await readText(path.join(root, projectPaths.warehouseState), projectPaths.warehouseState, issues);
  if (text === undefined) return undefined;
  const result = parseWarehouseState(text);
  if (!result.ok) {
    issues.push(...result.problems.map((p) => ({ file: projectPaths.warehouseState, pointer: p.pointer, message: p.message })));
    return undefined;
  }
  return result.state.tables.filter((t) => t.entity !== undefined);
}

function checkTable(stream: StreamSettings, table: WarehouseTable | undefined, issues: InfraIssue[]): table is WarehouseTable {
  if (table === undefined) {
    issues.push({ file: projectPaths.warehouseState, pointer: '', message: `has no table ${stream.redshift.table.name} for stream ${stream.deliveryStreamName}: the generated files are stale, run \`pnpm factline generate\`` });
    return false;
  }
  const columns = stream.redshift.copyCommand.dataTableColumns.split(',').map(unquote);
  const names = table.columns.map((c) => c.name);
  if (columns.join(',') !== names.join(',')) {
    issues.push({ file: projectPaths.streamSettings, pointer: `/streams/${stream.entity}/redshift/copyCommand/dataTableColumns`, message: `lists ${columns.length} columns that differ from ${table.name} in ${projectPaths.warehouseState} (${names.length}): run \`pnpm factline generate\`` });
    return false;
  }
  return true;
}

async function readJsonPaths(root: string, stream: StreamSettings, columnCount: number, issues: InfraIssue[]): Promise<JsonPathsInput | undefined> {
  const key = stream.redshift.jsonPathsKey;
  const display = `${projectPaths.jsonPaths}/${path.posix.basename(key)}`;
  const body = await readText(path.join(root, display), display, issues);
  if (body === undefined) return undefined;
  let paths: unknown;
  try {
    paths = (JSON.parse(body) as { jsonpaths?: unknown }).jsonpaths;
  } catch (error) {
    issues.push({ file: display, pointer: '', message: `is not valid JSON (${(error as Error).message}): run \`pnpm factline generate\`` });
    return undefined;
  }
  if (!Array.isArray(paths) || !paths.every((p) => typeof p === 'string')) {
    issues.push({ file: display, pointer: '/jsonpaths', message: 'must be an array of JSONPath strings' });
    return undefined;
  }
  // Redshift.ColumnMismatch in production otherwise: COPY maps JSONPaths to columns by position.
  if (paths.length !== columnCount) {
    issues.push({ file: display, pointer: '/jsonpaths', message: `has ${paths.length} expressions but ${stream.redshift.table.name} has ${columnCount} columns: run \`pnpm factline generate\`` });
    return undefined;
  }
  return { key, body };
}

/**
 * Reads and cross-checks every input of the app under `root`. Throws InfraError listing every problem when something
 * is missing or stale.
 *
 * @example
 * const inputs = await loadProjectInputs('/path/to/factline');
 * console.log(inputs.entities.map((e) => e.stream.deliveryStreamName));
 */
export async function loadProjectInputs(root: string, options: LoadProjectInputsOptions = {}): Promise<ProjectInputs> {
  const absoluteRoot = path.resolve(root);
  const settingsFile = path.join(absoluteRoot, projectPaths.streamSettings);
  try {
    await access(settingsFile);
  } catch (error) {
    throw new InfraError(InfraErrorCode.inputMissing, `${settingsFile} is missing: run \`pnpm factline generate\` in ${absoluteRoot}`, [], { cause: error });
  }
  const settings = await readStreamSettings(settingsFile);
  const issues: InfraIssue[] = [];
  const tables = await readWarehouseTables(absoluteRoot, issues);
  const entities: EntityInputs[] = [];
  for (const stream of settings.streams) {
    const table = tables?.find((t) => t.entity === stream.entity && t.name === stream.redshift.table.name);
    if (tables === undefined || !checkTable(stream, table, issues)) continue;
    const jsonPaths = await readJsonPaths(absoluteRoot, stream, table.columns.length, issues);
    if (jsonPaths !== undefined) entities.push({ stream, table, jsonPaths });
  }
  const { migrations, issues: migrationIssues } = await readMigrations(path.join(absoluteRoot, projectPaths.redshiftMigrations), projectPaths.redshiftMigrations);
  issues.push(...migrationIssues);
  const transformerBundleDir = path.resolve(absoluteRoot, options.transformerBundleDir ?? projectPaths.transformerBundle);
  try {
    await access(path.join(transformerBundleDir, transformerEntry.file));
  } catch {
    issues.push({ file: path.join(transformerBundleDir, transformerEntry.file), pointer: '', message: 'is missing: run `pnpm --filter @factline/transformer-lambda bundle`' });
  }
  if (issues.length > 0) {
    const missing = issues.every((i) => i.message.includes('is missing'));
    throw new InfraError(missing ? InfraErrorCode.inputMissing : InfraErrorCode.inputInconsistent, `The infrastructure cannot be synthesized from ${absoluteRoot}:`, issues);
  }
  return { root: absoluteRoot, settings, entities, migrations, transformerBundleDir };
}
