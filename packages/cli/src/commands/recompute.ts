// `factline recompute`: rebuild the fact tables from the master dataset alone (the local folder bucket, or S3), with
// a progress bar, then deploy the views. The master dataset options are shared with replay and rederive.
import { createFolderObjectStore, createS3ObjectStore, type ObjectStore } from '@factline/object-store';
import { recompute } from '@factline/recovery';
import { readStreamSettings, type StreamSettings } from '@factline/stream-settings';
import { formatViewDeployReport } from '@factline/warehouse';
import type { Command } from 'commander';
import { CliExit, type CliIo } from '../io.js';
import { createProgress, type ProgressBar } from '../pipeline/progress.js';
import { requireGenerated, shown, type LocalProject } from '../pipeline/project.js';
import { addTargetOptions, deployProjectViews, openTarget, viewsFailures, type TargetOptions } from './views.js';

/** Where the master dataset is: the local folder bucket (default), or an S3 bucket. */
export interface StoreOptions {
  bucket?: string;
  s3Endpoint?: string;
  region?: string;
  entity?: string[];
}

/**
 * Adds the master dataset options to a command.
 *
 * @example
 * addStoreOptions(program.command('replay'));
 */
export function addStoreOptions(command: Command): Command {
  return command
    .option('--bucket <name>', 'the S3 bucket of the master dataset (default: the local folder bucket under the data folder)')
    .option('--s3-endpoint <url>', 'S3 endpoint (a local stand-in)')
    .option('--entity <name...>', 'only these entities (default: every entity)');
}

/**
 * The master dataset's store and the streams to work on.
 *
 * @example
 * const { store, streams } = await openStore(io, project, options);
 */
export async function openStore(io: CliIo, project: LocalProject, options: StoreOptions): Promise<{ store: ObjectStore; streams: StreamSettings[]; description: string }> {
  await requireGenerated(project.streamSettingsPath, project.root);
  const settings = await readStreamSettings(project.streamSettingsPath);
  const unknown = (options.entity ?? []).filter((e) => !settings.streams.some((s) => s.entity === e));
  if (unknown.length > 0) throw new CliExit(1, `--entity ${unknown.join(', ')}: no such entity (the entities are ${settings.streams.map((s) => s.entity).join(', ')})`);
  const streams = options.entity === undefined ? settings.streams : settings.streams.filter((s) => options.entity!.includes(s.entity));
  if (options.bucket === undefined) {
    if (options.s3Endpoint !== undefined) throw new CliExit(1, '--s3-endpoint is an S3 option: give --bucket too');
    const store = createFolderObjectStore({ bucket: project.bucket, root: project.bucketRoot });
    return { store, streams, description: `the folder bucket ${shown(store.directory, io.cwd)}` };
  }
  const clientConfig = { ...(options.region === undefined ? {} : { region: options.region }), ...(options.s3Endpoint === undefined ? {} : { endpoint: options.s3Endpoint, forcePathStyle: true }) };
  return { store: createS3ObjectStore({ bucket: options.bucket, clientConfig }), streams, description: `s3://${options.bucket}` };
}

export interface RecomputeCommandOptions extends TargetOptions, StoreOptions {
  views: boolean;
  objectsPerCopy: string;
}

const number = new Intl.NumberFormat('en-US');

export async function runRecompute(io: CliIo, options: RecomputeCommandOptions): Promise<void> {
  const objectsPerCopy = Number(options.objectsPerCopy);
  if (!Number.isInteger(objectsPerCopy) || objectsPerCopy < 1) throw new CliExit(1, `--objects-per-copy must be a positive integer (got ${options.objectsPerCopy})`);
  const target = await openTarget(io, options);
  try {
    const { store, streams, description } = await openStore(io, target.project, options);
    io.out(`Recomputing ${streams.map((s) => s.redshift.copyCommand.dataTableName).join(', ')} in ${target.description} from ${description}`);
    const progress = createProgress({ enabled: io.isTty, sink: process.stdout });
    let bar: ProgressBar | undefined;
    const started = performance.now();
    const result = await recompute({
      warehouse: target.warehouse,
      store,
      streams,
      objectsPerCopy,
      onProgress: (p) => {
        bar ??= progress.bar('Recomputing', p.objectsTotal);
        bar.update(p.objectsDone, `${p.table}  ${number.format(p.rowsLoaded)} facts`);
      },
    });
    bar?.done(`${number.format(result.rowsLoaded)} facts`);
    for (const table of result.tables) {
      const generations = table.generations.length === 0 ? '' : `, generations ${table.generations.join(', ')}`;
      io.out(`  ${table.table}: ${number.format(table.rowsLoaded)} facts from ${number.format(table.objects)} object(s) (was ${number.format(table.rowsBefore)})${generations}`);
    }
    io.out(`Recomputed ${number.format(result.rowsLoaded)} facts from ${number.format(result.objects)} object(s) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    if (options.views) io.out(formatViewDeployReport((await deployProjectViews(target.warehouse, target.project.root)).report));
  } finally {
    await target.warehouse.close();
  }
}

export function registerRecompute(program: Command, io: CliIo): void {
  addStoreOptions(
    addTargetOptions(
      program
        .command('recompute')
        .description('rebuild the fact tables from the master dataset alone (Firehose deliveries and re-derived generations), then deploy the views; stop deliveries first')
        .option('--no-views', 'do not deploy the views afterwards')
        .option('--objects-per-copy <n>', 'objects loaded per COPY', '64'),
    ),
  ).action(async (options: RecomputeCommandOptions) => viewsFailures(() => runRecompute(io, options)));
}
