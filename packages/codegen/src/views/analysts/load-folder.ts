// Reading the analysts' views folder (`views/` at the project root): one `<name>.sql` per view (or a
// `<name>.<dialect>.sql` for one dialect, which wins there), and singular tests under `tests/`.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { redshiftLimits } from '../../warehouse/constants.js';
import { utf8Bytes } from '../../warehouse/string-types.js';
import type { WarehouseDialect } from '../../warehouse/types.js';
import { checkDependencies, orderViews } from './dependencies.js';
import { parseViewHeader } from './header.js';
import type { AnalystView, SingularTest, ViewIssue, ViewsFolder } from './types.js';

/**
 * Options of `loadViewsFolder`.
 *
 * @example
 * const options: LoadViewsOptions = { dialect: 'duckdb', schema: 'factline', known: ['factline.booking_current'] };
 */
export interface LoadViewsOptions {
  dialect: WarehouseDialect;
  /** The warehouse schema the views are created in (config `warehouse.schema`). */
  schema: string;
  /** The folder, relative to the root. Default `views`. */
  folder?: string;
  /** Qualified names of the objects views may read besides each other (generated views, fact tables); omitted: not checked. */
  known?: readonly string[];
}

const viewFile = /^([a-z_][a-z0-9_]*)(?:\.(duckdb|redshift))?\.sql$/;

async function sqlFiles(directory: string): Promise<string[]> {
  try {
    return (await readdir(directory, { withFileTypes: true })).filter((e) => e.isFile() && e.name.endsWith('.sql')).map((e) => e.name).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** For each view name, the file to use in this dialect: `<name>.<dialect>.sql` over `<name>.sql`. */
function pickFiles(names: readonly string[], dialect: WarehouseDialect, folder: string, issues: ViewIssue[]): Map<string, string> {
  const picked = new Map<string, string>();
  for (const name of names) {
    const match = viewFile.exec(name);
    if (match === null) {
      issues.push({ file: `${folder}/${name}`, line: 0, rule: 'views-file-name', severity: 'error', message: 'a view file is named <name>.sql or <name>.<duckdb|redshift>.sql, with a snake_case name' });
      continue;
    }
    if (match[2] !== undefined && match[2] !== dialect) continue;
    if (match[2] === undefined && picked.has(match[1]!)) continue;
    picked.set(match[1]!, name);
  }
  return picked;
}

/**
 * Reads the views folder for one dialect: every view with its header (description, `depends_on`, tests), checked
 * (names, dependencies declared and known, no cycles), in deployment order; and the singular tests. Never throws for
 * bad files: they are issues. A missing folder is an empty one.
 *
 * @example
 * const folder = await loadViewsFolder(root, { dialect: 'duckdb', schema: 'factline' });
 */
export async function loadViewsFolder(root: string, options: LoadViewsOptions): Promise<ViewsFolder> {
  const folder = options.folder ?? 'views';
  const issues: ViewIssue[] = [];
  const known = options.known === undefined ? undefined : new Set(options.known.map((n) => n.toLowerCase()));
  const views: AnalystView[] = [];
  for (const [name, fileName] of pickFiles(await sqlFiles(path.join(root, folder)), options.dialect, folder, issues)) {
    const file = `${folder}/${fileName}`;
    const header = parseViewHeader(file, await readFile(path.join(root, file), 'utf8'));
    issues.push(...header.issues);
    if (utf8Bytes(name) > redshiftLimits.identifierMaxBytes) issues.push({ file, line: 0, rule: 'views-name', severity: 'error', message: `the view name has more than ${redshiftLimits.identifierMaxBytes} bytes` });
    if (known?.has(`${options.schema}.${name}`)) issues.push({ file, line: 0, rule: 'views-name', severity: 'error', message: `${options.schema}.${name} is a generated view or fact table; rename the file` });
    views.push({ name, file, description: header.description, dependsOn: header.dependsOn, sql: header.sql, sqlLine: header.sqlLine, tests: header.tests });
  }
  issues.push(...checkDependencies(views, options.schema, known));
  const { ordered, issues: cycles } = orderViews(views, options.schema);
  issues.push(...cycles);
  const tests: SingularTest[] = [];
  for (const name of await sqlFiles(path.join(root, folder, 'tests'))) {
    const file = `${folder}/tests/${name}`;
    const header = parseViewHeader(file, await readFile(path.join(root, file), 'utf8'));
    issues.push(...header.issues.filter((i) => i.rule !== 'views-depends-on'));
    tests.push({ name: name.replace(/\.sql$/, ''), file, description: header.description, sql: header.sql });
  }
  return { ok: !issues.some((i) => i.severity === 'error'), dialect: options.dialect, schema: options.schema, views: ordered, tests, issues };
}
