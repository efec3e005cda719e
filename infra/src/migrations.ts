// The Redshift migration files (generated/migrations/redshift/NNNN-<slug>.sql, docs/architecture.md "Migrations"),
// read and split exactly as the @factline/warehouse runner does, so that both record the same checksums.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { InfraIssue } from './errors.js';

/** One migration, ready for the migrator custom resource. */
export interface MigrationInput {
  /** The number in the file name (`0002` → 2). */
  id: number;
  /** `0002-add-booking-nights.sql` */
  name: string;
  /** SHA-256 (hex) of the file with line endings normalised to `\n`. */
  checksum: string;
  /** False when the first line is `-- factline:transaction=false`. */
  transaction: boolean;
  /** The statements in order, without their final `;`. */
  statements: string[];
}

const namePattern = /^(\d{4})-([a-z0-9]+(?:-[a-z0-9]+)*)\.sql$/;
const directivePattern = /^--\s*factline:transaction=(true|false)\s*$/;

/**
 * Splits a migration into statements (each ends with `;` at the end of a line; `--` comments are allowed).
 *
 * @example
 * const result = parseMigrationText('0001-initial.sql', 'create schema factline;\n');
 * if (result.ok) console.log(result.migration.statements); // ['create schema factline']
 */
export function parseMigrationText(name: string, content: string): { ok: true; migration: MigrationInput } | { ok: false; message: string } {
  const match = namePattern.exec(name);
  if (match === null) return { ok: false, message: 'its name must be NNNN-<slug>.sql' };
  const normalised = content.replace(/\r\n/g, '\n');
  const lines = normalised.split('\n');
  const first = lines[0]?.trim() ?? '';
  let transaction = true;
  if (/^--\s*factline:/.test(first)) {
    const directive = directivePattern.exec(first);
    if (directive === null) return { ok: false, message: `line 1: unknown directive "${first}"` };
    transaction = directive[1] === 'true';
  }
  const statements: string[] = [];
  let current: string[] = [];
  for (const line of lines) {
    const trimmed = line.trim();
    if (current.length === 0 && (trimmed === '' || trimmed.startsWith('--'))) continue;
    current.push(line);
    if (line.trimEnd().endsWith(';')) {
      statements.push(current.join('\n').trimEnd().replace(/;$/, '').trim());
      current = [];
    }
  }
  if (current.some((line) => line.trim() !== '' && !line.trim().startsWith('--'))) return { ok: false, message: 'the last statement does not end with ";" at the end of a line' };
  if (statements.length === 0) return { ok: false, message: 'it contains no SQL statement' };
  const checksum = createHash('sha256').update(normalised, 'utf8').digest('hex');
  return { ok: true, migration: { id: Number(match[1]), name, checksum, transaction, statements } };
}

/** Reads every `.sql` file of the folder in name order; problems are returned, not thrown. */
export async function readMigrations(folder: string, displayFolder: string): Promise<{ migrations: MigrationInput[]; issues: InfraIssue[] }> {
  const issues: InfraIssue[] = [];
  let names: string[];
  try {
    names = (await readdir(folder)).filter((n) => n.endsWith('.sql')).sort();
  } catch {
    return { migrations: [], issues: [{ file: displayFolder, pointer: '', message: 'is missing: run `pnpm factline generate` to create the tables migration' }] };
  }
  const migrations: MigrationInput[] = [];
  for (const name of names) {
    const result = parseMigrationText(name, await readFile(path.join(folder, name), 'utf8'));
    if (!result.ok) issues.push({ file: `${displayFolder}/${name}`, pointer: '', message: result.message });
    else if (migrations.some((m) => m.id === result.migration.id)) issues.push({ file: `${displayFolder}/${name}`, pointer: '', message: `has the same number as another migration` });
    else migrations.push(result.migration);
  }
  if (migrations.length === 0 && issues.length === 0) issues.push({ file: displayFolder, pointer: '', message: 'holds no migration: run `pnpm factline generate`' });
  return { migrations, issues };
}
