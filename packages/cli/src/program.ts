// The `factline` command: one commander program, one file per command.
import { Command, CommanderError } from 'commander';
import { defaultChecks } from './checks.js';
import { registerCheck, type CatalogCheck } from './commands/check.js';
import { registerDdl } from './commands/ddl.js';
import { registerDemo } from './commands/demo.js';
import { registerGenerate } from './commands/generate.js';
import { registerLocal } from './commands/local.js';
import { registerMigrate } from './commands/migrate.js';
import { registerRecompute } from './commands/recompute.js';
import { registerRederive } from './commands/rederive.js';
import { registerReplay } from './commands/replay.js';
import { registerSql } from './commands/sql.js';
import { registerViews } from './commands/views.js';
import { CliExit, type CliIo } from './io.js';

export interface ProgramOptions {
  /** Checks run after the catalog's own (default: the warehouse checks). */
  extraChecks?: readonly CatalogCheck[];
}

export function createProgram(io: CliIo, options: ProgramOptions = {}): Command {
  const program = new Command('factline')
    .description('factline: JSON Schemas for domain events and facts in; types, validators, Firehose streams, Redshift tables and views out.')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  registerGenerate(program, io);
  registerCheck(program, io, options.extraChecks ?? defaultChecks);
  registerDdl(program, io);
  registerDemo(program, io);
  registerLocal(program, io);
  registerMigrate(program, io);
  registerSql(program, io);
  registerViews(program, io);
  registerRecompute(program, io);
  registerReplay(program, io);
  registerRederive(program, io);
  return program;
}

/**
 * Runs the CLI with arguments (without `node` and the script) and returns the exit code. Bad input ends with a
 * message and exit code 1, never a stack trace; a stack is printed only for a bug (an unexpected error).
 *
 * @example
 * process.exitCode = await runCli(process.argv.slice(2), processIo);
 */
export async function runCli(argv: readonly string[], io: CliIo, options: ProgramOptions = {}): Promise<number> {
  const program = createProgram(io, options);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CliExit) {
      if (error.message) io.err(error.message);
      return error.exitCode;
    }
    if (error instanceof CommanderError) return error.exitCode;
    io.err(`factline: unexpected error (this is a bug; please report it with the output below)\n${(error as Error).stack ?? String(error)}`);
    return 70;
  }
}
