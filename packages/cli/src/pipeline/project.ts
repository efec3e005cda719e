// Where the local pipeline's files are: the project's generated files, and the data folder (`.factline/` at the
// project root by default) with the write-ahead log, the bucket, the DuckDB warehouse and the load error log.
import { access } from 'node:fs/promises';
import path from 'node:path';
import { findProjectRoot } from '@factline/catalog';
import { defaultBucket } from '@factline/local';
import { PipelineError, PipelineErrorCode } from './errors.js';

/**
 * The paths of one local setup.
 *
 * @example
 * const project = await resolveProject(process.cwd());
 * console.log(project.warehousePath); // /repo/.factline/warehouse.duckdb
 */
export interface LocalProject {
  /** The project root (the folder with `schemas/` and `factline.config.json`). */
  root: string;
  /** The data folder of the local stack. */
  dataDir: string;
  /** `generated/stream-settings.json`. */
  streamSettingsPath: string;
  /** `generated/migrations/duckdb`. */
  duckDbMigrations: string;
  /** `generated/migrations/redshift`. */
  redshiftMigrations: string;
  /** The folder of the generated JSONPaths files, named like their keys in the bucket (`jsonpaths/<table>.json`). */
  generatedDir: string;
  /** `<dataDir>/warehouse.duckdb`. */
  warehousePath: string;
  bucket: string;
  /** `<dataDir>/s3`: the folder that holds the bucket's folder. */
  bucketRoot: string;
  /** `<dataDir>/load-errors.jsonl`: every failed load attempt, one JSON line each. */
  loadErrorLog: string;
}

/**
 * Finds the project root from `cwd` and resolves the data folder: `dataDir` relative to `cwd`, or `.factline/` at the
 * project root, so every command finds the same folder wherever it is run from.
 *
 * @example
 * const project = await resolveProject('/repo/packages/cli', { dataDir: '/tmp/demo' });
 */
export async function resolveProject(cwd: string, options: { dataDir?: string } = {}): Promise<LocalProject> {
  const root = await findProjectRoot(cwd);
  const dataDir = options.dataDir === undefined ? path.join(root, '.factline') : path.resolve(cwd, options.dataDir);
  const generatedDir = path.join(root, 'generated');
  return {
    root,
    dataDir,
    streamSettingsPath: path.join(generatedDir, 'stream-settings.json'),
    duckDbMigrations: path.join(generatedDir, 'migrations', 'duckdb'),
    redshiftMigrations: path.join(generatedDir, 'migrations', 'redshift'),
    generatedDir,
    warehousePath: path.join(dataDir, 'warehouse.duckdb'),
    bucket: defaultBucket,
    bucketRoot: path.join(dataDir, 's3'),
    loadErrorLog: path.join(dataDir, 'load-errors.jsonl'),
  };
}

/** Throws a `PipelineError` naming the command that makes the file, when a generated file is missing. */
export async function requireGenerated(file: string, root: string): Promise<void> {
  try {
    await access(file);
  } catch (error) {
    throw new PipelineError(PipelineErrorCode.GeneratedFileMissing, `${path.relative(root, file)} is missing: run \`pnpm factline generate\` first.`, { subject: file, cause: error });
  }
}

/** A path as a person would type it from `cwd`. */
export function shown(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative === '' ? '.' : relative.startsWith('..') ? file : relative;
}
