// `factline generate`: every generated file from schemas/ (and `--check` to verify they are up to date).
import { findProjectRoot } from '@factline/catalog';
import { CodegenError, findStaleFiles, generateAll, writeGeneratedFiles } from '@factline/codegen';
import type { Command } from 'commander';
import { CliExit, type CliIo } from '../io.js';

export interface GenerateCommandOptions {
  check?: boolean;
}

export async function runGenerate(io: CliIo, options: GenerateCommandOptions): Promise<void> {
  const root = await findProjectRoot(io.cwd);
  let result;
  try {
    result = await generateAll(root);
  } catch (error) {
    if (error instanceof CodegenError) throw new CliExit(1, error.message);
    throw error;
  }
  if (options.check) {
    const stale = await findStaleFiles(root, result);
    if (stale.length > 0) {
      throw new CliExit(1, `${stale.length} generated file(s) are not what the schemas generate; run \`pnpm factline generate\` and commit the result:\n${stale.map((s) => `  ${s.reason.padEnd(7)} ${s.path}`).join('\n')}`);
    }
    io.out(`✔ ${result.files.length} generated files are up to date`);
    return;
  }
  const written = await writeGeneratedFiles(root, result);
  for (const file of written.written) io.out(`  wrote    ${file}`);
  for (const file of written.deleted) io.out(`  deleted  ${file}`);
  io.out(`✔ ${result.files.length} generated files: ${written.written.length} written, ${written.deleted.length} deleted, ${written.unchanged} unchanged`);
}

export function registerGenerate(program: Command, io: CliIo): void {
  program
    .command('generate')
    .description('generate every output from schemas/: types, validators, domain table, DDL, JSONPaths, stream settings, migrations, views, docs')
    .option('--check', 'write nothing; exit 1 if any generated file is stale (for CI)')
    .action(async (options: GenerateCommandOptions) => runGenerate(io, options));
}
