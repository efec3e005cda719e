// The DuckDB engine's options, with every default resolved here.
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { duckDbDefaults } from '../constants.js';
import { WarehouseConfigError, type ConfigIssue } from '../errors.js';

/**
 * Options of the DuckDB engine.
 *
 * @example
 * const options: DuckDbWarehouseOptions = { path: '.factline/warehouse.duckdb', threads: 2 };
 */
export interface DuckDbWarehouseOptions {
  /** The database file (default `.factline/warehouse.duckdb`, relative to the current directory); `:memory:` for none. */
  path?: string;
  /** Where COPY stages the objects it reads (default: the system's temporary folder). */
  tempDirectory?: string;
  /** DuckDB worker threads (default: DuckDB's, one per core). */
  threads?: number;
  /** DuckDB's memory limit, e.g. `'2GB'` (default: DuckDB's, 80% of RAM). */
  memoryLimit?: string;
}

/** The options with their defaults applied and the path made absolute. */
export interface ResolvedDuckDbOptions {
  path: string;
  tempDirectory: string;
  threads: number | undefined;
  memoryLimit: string | undefined;
}

/**
 * Checks the options and applies the defaults; throws `WarehouseConfigError` listing every problem.
 *
 * @example
 * resolveDuckDbOptions({}).path; // '<cwd>/.factline/warehouse.duckdb'
 */
export function resolveDuckDbOptions(options: DuckDbWarehouseOptions): ResolvedDuckDbOptions {
  const issues: ConfigIssue[] = [];
  if (options.path !== undefined && (typeof options.path !== 'string' || options.path.length === 0)) issues.push({ path: 'path', message: 'must be a non-empty file path or ":memory:"' });
  if (options.threads !== undefined && (!Number.isInteger(options.threads) || options.threads < 1)) issues.push({ path: 'threads', message: 'must be a positive integer' });
  if (issues.length > 0) throw new WarehouseConfigError('DuckDB warehouse options', issues);
  const path = options.path ?? duckDbDefaults.path;
  return { path: path === ':memory:' ? path : resolve(path), tempDirectory: options.tempDirectory ?? tmpdir(), threads: options.threads, memoryLimit: options.memoryLimit };
}
