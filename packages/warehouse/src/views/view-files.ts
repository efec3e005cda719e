// Reading the generated view files (`generated/views/<dialect>/*.sql`): each holds one CREATE statement after its
// header, whose `-- factline:view <name> <kind>` and `-- factline:depends <name> …` lines say what it is.
import { readdir, readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { parseQualifiedName } from '../sql/identifiers.js';
import { ViewsError, viewsErrorCodes } from './errors.js';
import type { ViewDefinition } from './types.js';

/**
 * Reads one generated view file.
 *
 * @example
 * const view = parseViewFile('generated/views/duckdb/booking_current.sql', await readFile(file, 'utf8'));
 */
export function parseViewFile(source: string, text: string): ViewDefinition {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let view: { qualified: string; kind: string } | undefined;
  const dependsOn: string[] = [];
  let index = 0;
  for (; index < lines.length; index++) {
    const line = lines[index]!.trim();
    if (line !== '' && !line.startsWith('--')) break;
    const directive = /^--\s*factline:(view|depends)\s+(.+)$/.exec(line);
    if (directive?.[1] === 'view') {
      const [qualified = '', kind = ''] = directive[2]!.trim().split(/\s+/);
      view = { qualified, kind };
    } else if (directive?.[1] === 'depends') dependsOn.push(...directive[2]!.trim().split(/\s+/));
  }
  const create = lines.slice(index).join('\n').trim();
  const name = view === undefined ? undefined : parseQualifiedName(view.qualified);
  if (view === undefined || name === undefined || (view.kind !== 'view' && view.kind !== 'macro')) {
    throw new ViewsError(viewsErrorCodes.fileInvalid, `${source} has no "-- factline:view <schema.name> <view|macro>" line in its header; regenerate it (pnpm factline generate)`, { source });
  }
  if (!new RegExp(`^CREATE\\s+${view.kind}\\s`, 'i').test(create) || !create.endsWith(';')) {
    throw new ViewsError(viewsErrorCodes.fileInvalid, `${source} does not hold one CREATE ${view.kind.toUpperCase()} statement ending with ";" after its header`, { source, view: view.qualified });
  }
  return { schema: name.schema, name: name.name, kind: view.kind, dependsOn: dependsOn.map((d) => d.toLowerCase()), create, source };
}

/**
 * Reads every view file of a dialect folder (`generated/views/duckdb`), not its `queries/` (those are run, not
 * deployed), in name order.
 *
 * @example
 * const views = await readViewFiles('generated/views/duckdb');
 * await deployViews({ warehouse, views });
 */
export async function readViewFiles(folder: string): Promise<ViewDefinition[]> {
  const directory = resolve(folder);
  let entries;
  try {
    entries = await readdir(directory, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ViewsError(viewsErrorCodes.fileInvalid, `${folder} does not exist; generate the views first (pnpm factline generate)`, { source: folder, cause: error });
    throw error;
  }
  const files = entries.filter((e) => e.isFile() && e.name.endsWith('.sql')).map((e) => e.name).sort();
  return Promise.all(files.map(async (name) => parseViewFile(join(folder, basename(name)), await readFile(join(directory, name), 'utf8'))));
}
