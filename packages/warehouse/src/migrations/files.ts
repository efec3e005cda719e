// Reading a migrations folder (docs/architecture.md, "Migrations"): files `NNNN-<slug>.sql`, plain SQL whose
// statements end with `;` at the end of a line, `--` comments allowed, and an optional first line
// `-- factline:transaction=false` for files that must run outside a transaction.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { MigrationError, warehouseErrorCodes } from '../errors.js';
import type { MigrationFile } from './types.js';

const namePattern = /^(\d{4})-([a-z0-9]+(?:-[a-z0-9]+)*)\.sql$/;
const directivePattern = /^--\s*factline:transaction=(true|false)\s*$/;

/**
 * Reads every migration of a folder, sorted by number. Other files (a README) are ignored; a `.sql` file with a
 * bad name, two files with one number, or a file without statements is refused.
 *
 * @example
 * const files = await readMigrationFolder('generated/migrations/duckdb');
 */
export async function readMigrationFolder(folder: string): Promise<MigrationFile[]> {
  const absolute = resolve(folder);
  let names: string[];
  try {
    names = await readdir(absolute);
  } catch (error) {
    throw new MigrationError(warehouseErrorCodes.migrationFileInvalid, `The migrations folder ${absolute} cannot be read: ${(error as Error).message}`, undefined, undefined, { cause: error });
  }
  const files: MigrationFile[] = [];
  for (const name of names.filter((n) => n.endsWith('.sql')).sort()) {
    const match = namePattern.exec(name);
    if (match === null) throw invalidFile(name, 'its name must be NNNN-<slug>.sql (four digits, then lowercase words joined by "-")');
    const path = join(absolute, name);
    const file = parseMigration(name, Number(match[1]), path, await readFile(path, 'utf8'));
    const twin = files.find((f) => f.id === file.id);
    if (twin !== undefined) throw invalidFile(name, `it has the same number as ${twin.name}`);
    files.push(file);
  }
  return files;
}

/**
 * Splits one migration's text into statements and computes its checksum.
 *
 * @example
 * const file = parseMigration('0001-initial.sql', 1, '/abs/0001-initial.sql', 'create table t (a int);\n');
 */
export function parseMigration(name: string, id: number, path: string, content: string): MigrationFile {
  const normalised = content.replace(/\r\n/g, '\n');
  const checksum = createHash('sha256').update(normalised, 'utf8').digest('hex');
  const lines = normalised.split('\n');
  let transaction = true;
  const first = lines[0]?.trim() ?? '';
  if (first.startsWith('-- factline:') || first.startsWith('--factline:')) {
    const directive = directivePattern.exec(first);
    if (directive === null) throw invalidFile(name, `line 1: unknown directive "${first}" (only "-- factline:transaction=false" exists)`);
    transaction = directive[1] === 'true';
  }
  const statements: string[] = [];
  let current: string[] = [];
  lines.forEach((line) => {
    const trimmed = line.trim();
    if (current.length === 0 && (trimmed === '' || trimmed.startsWith('--'))) return;
    current.push(line);
    if (line.trimEnd().endsWith(';')) {
      statements.push(current.join('\n').trimEnd().replace(/;$/, '').trim());
      current = [];
    }
  });
  if (current.some((line) => line.trim() !== '' && !line.trim().startsWith('--'))) {
    throw invalidFile(name, `the last statement does not end with ";" at the end of a line: ${current.join(' ').trim().slice(0, 120)}`);
  }
  const real = statements.filter((s) => s.split('\n').some((line) => line.trim() !== '' && !line.trim().startsWith('--')));
  if (real.length === 0) throw invalidFile(name, 'it contains no SQL statement');
  return { id, name, path, checksum, transaction, statements: real };
}

function invalidFile(name: string, reason: string): MigrationError {
  return new MigrationError(warehouseErrorCodes.migrationFileInvalid, `Migration ${name} is invalid: ${reason}.`, name);
}
