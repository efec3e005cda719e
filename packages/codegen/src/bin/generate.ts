#!/usr/bin/env node
// The turbo `generate` task's entry (the CLI's `factline generate` does the same through the library).
// Usage: factline-generate [--check] [--root <dir>]
import { parseArgs } from 'node:util';
import { findProjectRoot } from '@factline/catalog';
import { CodegenError } from '../errors.js';
import { findStaleFiles, generateAll, writeGeneratedFiles } from '../generate-all.js';

const { values } = parseArgs({ options: { check: { type: 'boolean', default: false }, root: { type: 'string' } } });
const root = values.root ?? (await findProjectRoot(process.cwd()));
try {
  const result = await generateAll(root);
  if (values.check) {
    const stale = await findStaleFiles(root, result);
    if (stale.length > 0) {
      console.error(`${stale.length} generated file(s) are stale; run \`pnpm factline generate\`:\n${stale.map((s) => `  ${s.reason.padEnd(7)} ${s.path}`).join('\n')}`);
      process.exitCode = 1;
    } else console.log(`${result.files.length} generated files are up to date.`);
  } else {
    const written = await writeGeneratedFiles(root, result);
    console.log(`generated ${result.files.length} files: ${written.written.length} written, ${written.deleted.length} deleted, ${written.unchanged} unchanged`);
  }
} catch (error) {
  if (error instanceof CodegenError) {
    console.error(error.message);
    process.exitCode = 1;
  } else throw error;
}
