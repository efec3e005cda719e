// `factline ddl <schema.json>`: generic mode, for people who bring their own JSON Schemas.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { formatProblem } from '@factline/catalog';
import { generateGenericDdl } from '@factline/codegen';
import { Option, type Command } from 'commander';
import { CliExit, type CliIo } from '../io.js';

export interface DdlOptions {
  dialect: 'redshift' | 'duckdb';
  schema?: string;
  table?: string;
  separator: '_' | '.';
}

export async function runDdl(io: CliIo, file: string, options: DdlOptions): Promise<void> {
  let text: string;
  try {
    text = await readFile(path.resolve(io.cwd, file), 'utf8');
  } catch (error) {
    throw new CliExit(1, `cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  const result = generateGenericDdl({ text, file, dialect: options.dialect, separator: options.separator, ...(options.schema ? { schema: options.schema } : {}), ...(options.table ? { tableName: options.table } : {}) });
  for (const problem of result.problems) io.err(formatProblem(problem));
  if (!result.ok) throw new CliExit(1);
  io.out(`${result.sql}\n-- JSONPaths (one expression per column, in table order):\n${result.jsonPaths}`);
}

export function registerDdl(program: Command, io: CliIo): void {
  program
    .command('ddl')
    .description('print the CREATE TABLE and the JSONPaths for any JSON Schema file (nested objects flattened into columns)')
    .argument('<schema>', 'a JSON Schema file (with or without a .json extension)')
    .addOption(new Option('--dialect <dialect>', 'SQL dialect').choices(['redshift', 'duckdb']).default('redshift'))
    .option('--schema <name>', 'warehouse schema of the table')
    .option('--table <name>', 'table name (default: from the file name)')
    .addOption(new Option('--separator <char>', 'joins nested property names into column names').choices(['_', '.']).default('_'))
    .addHelpText('after', '\nFindings of the lint rules are printed on stderr; the exit code is 1 only when no table can be generated.')
    .action(async (file: string, options: DdlOptions) => runDdl(io, file, options));
}
