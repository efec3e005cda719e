// `factline demo` (`pnpm demo`): the demo service's seeded events through the whole local pipeline, then a summary.
import type { Command } from 'commander';
import { CliExit, type CliIo } from '../io.js';
import { expectedFailures } from '../pipeline/cli-errors.js';
import { runDemo } from '../pipeline/demo.js';
import { createProgress } from '../pipeline/progress.js';
import { resolveProject, shown } from '../pipeline/project.js';
import { formatDemoSummary } from '../pipeline/summary.js';

export interface DemoCommandOptions {
  events: string;
  seed: string;
  dataDir?: string;
  reset?: boolean;
  bufferInterval: string;
}

const integer = (name: string, text: string, min: number, max: number): number => {
  const value = Number(text.replace(/_/g, ''));
  if (!Number.isInteger(value) || value < min || value > max) throw new CliExit(1, `--${name} must be an integer from ${min} to ${max} (got ${text})`);
  return value;
};

export async function runDemoCommand(io: CliIo, options: DemoCommandOptions): Promise<void> {
  const events = integer('events', options.events, 1, 100_000_000);
  const seed = integer('seed', options.seed, 0, 2 ** 31 - 1);
  const bufferIntervalSeconds = integer('buffer-interval', options.bufferInterval, 0, 900);
  const project = await resolveProject(io.cwd, options.dataDir === undefined ? {} : { dataDir: options.dataDir });
  const progress = createProgress({ enabled: io.isTty, sink: process.stdout });
  // The first Ctrl+C stops sending, then what was sent is delivered, loaded and summarised; a second one quits.
  const controller = new AbortController();
  const onSignal = (): void => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
    io.err('\nStopping: delivering and loading what was sent (Ctrl+C again to quit at once; the next `pnpm demo` starts over).');
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    io.out(`factline demo: ${events.toLocaleString('en-US')} events (seed ${seed}), data in ${shown(project.dataDir, io.cwd)}/`);
    const result = await runDemo({
      project,
      events,
      seed,
      reset: options.reset === true,
      bufferIntervalSeconds,
      bar: (label, total) => progress.bar(label, total),
      onStage: (text) => io.out(`• ${text}`),
      signal: controller.signal,
    });
    if (result.removed.length > 0) io.out(`  (removed what the previous run left: ${result.removed.join(', ')})`);
    io.out(formatDemoSummary(result, project, io.cwd));
    if (result.interrupted) throw new CliExit(130);
    if (result.send.undelivered > 0 || result.totals.failed > 0 || result.loadFailures.length > 0) throw new CliExit(1, 'factline demo: finished with failures (see above).');
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

export function registerDemo(program: Command, io: CliIo): void {
  program
    .command('demo')
    .description('run the whole pipeline locally: the demo service sends seeded events through the local Firehose and the transformer into DuckDB, then a summary')
    .option('--events <n>', 'how many events the demo service sends', '100000')
    .option('--seed <n>', 'seed of the scenario (the same seed sends the same events)', '42')
    .option('--data-dir <dir>', 'the data folder (default: .factline/ at the project root)')
    .option('--reset', 'empty the data folder even if it holds data the demo did not create')
    .option('--buffer-interval <seconds>', 'Firehose buffering interval of every stream (the stream settings say 300)', '1')
    .addHelpText(
      'after',
      '\nEach run starts from an empty data folder (what an earlier demo left is removed), so running it again, or\n' +
        'after killing it halfway, gives the same facts. The folder stays afterwards: `pnpm factline sql "<query>"`.',
    )
    .action(async (options: DemoCommandOptions) => expectedFailures(() => runDemoCommand(io, options)));
}
