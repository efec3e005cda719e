// `factline local start`: the local stack in the foreground: the local Firehose with the real transformer handler
// and the Redshift destination into the local DuckDB warehouse, until Ctrl+C.
import { formatBanner, formatLogEntry, type LogEntry } from '@factline/local';
import type { Command } from 'commander';
import { CliExit, type CliIo } from '../io.js';
import { expectedFailures } from '../pipeline/cli-errors.js';
import { forgetDemoMarker } from '../pipeline/demo-folder.js';
import { startLocalPipeline } from '../pipeline/local-pipeline.js';
import { openLocalWarehouse } from '../pipeline/local-warehouse.js';
import { resolveProject, shown } from '../pipeline/project.js';
import { migrateLocalWarehouse } from '../pipeline/setup.js';

export interface LocalStartOptions {
  port: string;
  dataDir?: string;
  bufferInterval: string;
  bufferSize?: string;
  quiet?: boolean;
}

const number = (name: string, text: string, min: number, max: number): number => {
  const value = Number(text);
  if (!Number.isFinite(value) || value < min || value > max) throw new CliExit(1, `--${name} must be a number from ${min} to ${max} (got ${text})`);
  return value;
};

export async function runLocalStart(io: CliIo, options: LocalStartOptions): Promise<void> {
  const port = number('port', options.port, 0, 65_535);
  const intervalInSeconds = number('buffer-interval', options.bufferInterval, 0, 900);
  const sizeInMBs = options.bufferSize === undefined ? undefined : number('buffer-size', options.bufferSize, 1, 128);
  const project = await resolveProject(io.cwd, options.dataDir === undefined ? {} : { dataDir: options.dataDir });
  const log = (entry: LogEntry): void => {
    if (options.quiet !== true || entry.level !== 'info') io.err(formatLogEntry(entry));
  };

  // As deploying does on AWS: the tables exist before Firehose delivers (it does not create them).
  const warehouse = await openLocalWarehouse({ path: project.warehousePath });
  try {
    const report = await migrateLocalWarehouse(warehouse, project);
    io.err(formatLogEntry({ level: 'info', message: `warehouse ${shown(project.warehousePath, io.cwd)}: ${report.applied} migration(s) applied, ${report.alreadyApplied} already applied` }));
  } finally {
    await warehouse.close();
  }
  // Events sent from now on are not the demo's: a later `pnpm demo` asks before deleting them.
  await forgetDemoMarker(project);

  // Opened for each load and closed after it, so `factline sql` can read the file in between.
  const pipeline = await startLocalPipeline({
    project,
    warehouse: () => openLocalWarehouse({ path: project.warehousePath, waitMs: 30_000 }),
    port,
    buffering: { intervalInSeconds, ...(sizeInMBs === undefined ? {} : { sizeInMBs }) },
    handleSignals: true,
    log,
  });
  await pipeline.destination.prepare(pipeline.settings.warehouse.schema);
  io.out(formatBanner(pipeline.stack));
  io.out(
    [
      `  Warehouse          ${shown(project.warehousePath, io.cwd)}  (DuckDB; each facts object is COPYed into its fact table)`,
      `  Query it           pnpm factline sql "select fact_type, count(*) from ${pipeline.settings.streams[0]?.redshift.copyCommand.dataTableName ?? 'factline.<entity>_facts'} group by 1"`,
      `  Load failures      pnpm factline sql "select * from ${pipeline.settings.warehouse.schema}.factline_load_errors"  and ${shown(project.loadErrorLog, io.cwd)}`,
    ].join('\n'),
  );
  await pipeline.stack.stopped;
}

export function registerLocal(program: Command, io: CliIo): void {
  const local = program.command('local').description('the local stack: a Firehose that speaks the real wire protocol, the transformer, a folder as S3, DuckDB as the warehouse');
  local
    .command('start')
    .description('run the local stack in the foreground until Ctrl+C (which delivers what is buffered first)')
    .option('--port <n>', 'TCP port of the Firehose endpoint (0: a free one)', '4573')
    .option('--data-dir <dir>', 'the data folder (default: .factline/ at the project root)')
    .option('--buffer-interval <seconds>', 'deliver each stream this long after its oldest buffered record (the stream settings say 300)', '10')
    .option('--buffer-size <MiB>', "deliver once this much is buffered (default: the stream settings')")
    .option('--quiet', 'log only warnings and errors')
    .action(async (options: LocalStartOptions) => expectedFailures(() => runLocalStart(io, options)));
}
