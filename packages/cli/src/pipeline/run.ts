// One run of the whole local pipeline, as `pnpm demo` does it: prepare the warehouse, start the local Firehose with
// the real transformer and the Redshift destination, send events through the typed producer over real HTTP, wait
// until everything is delivered and loaded, build the views (when that step exists), and read the result.
import type { SendReport } from '@factline/demo-service';
import { outstandingLoadFailures, type DestinationStats, type Logger, type OutstandingLoadFailure } from '@factline/local';
import type { StreamSettingsFile } from '@factline/stream-settings';
import type { DuckDbWarehouse, MigrationReport } from '@factline/warehouse';
import { readCurrentState, type EntityState } from './current-state.js';
import { openLocalWarehouse } from './local-warehouse.js';
import { startLocalPipeline, type LocalPipeline } from './local-pipeline.js';
import type { LocalProject } from './project.js';
import type { ProgressBar } from './progress.js';
import type { EventSender } from './senders.js';
import { waitUntilSettled, totals, type StackTotals } from './settle.js';
import { migrateLocalWarehouse } from './setup.js';
import type { TransformStats } from './transform.js';
import { viewsStep as defaultViewsStep, type ViewsStep, type ViewsStepResult } from './views-step.js';

/**
 * Options of `runPipeline`.
 *
 * @example
 * const options: RunPipelineOptions = { project, sender: scenarioProcessSender({ events: 1000, seed: 42, cwd: project.root }) };
 */
export interface RunPipelineOptions {
  project: LocalProject;
  /** What sends the events (`scenarioProcessSender`, `inProcessSender`). */
  sender: EventSender;
  /** Buffering interval of every stream, seconds. Default 1 (the settings say 300: too long for a demo). */
  bufferIntervalSeconds?: number;
  /** Buffering size of every stream, MiB. Default: the settings'. */
  bufferSizeMiB?: number;
  /**
   * Sending pauses while the local Firehose holds more records than this that are not delivered yet (default
   * 2,000, about 10 MB of packed events). The emulator keeps them in memory and delivers a stream's whole buffer as
   * one object, so without it a slow load makes ever larger objects; with it, the run measures the rate the whole
   * pipeline sustains.
   */
  maxBufferedRecords?: number;
  /** Progress bars (draw nothing when stdout is not a terminal). */
  bar?: (label: string, total: number | undefined) => ProgressBar;
  /** A line for each stage as it starts. */
  onStage?: (text: string) => void;
  signal?: AbortSignal;
  /** The views step; default the hook in views-step.ts. */
  viewsStep?: ViewsStep | undefined;
  /** Rows of current state per entity in the result. Default 3. */
  sampleSize?: number;
  /** Read the current state and the outstanding load failures at the end. Default true. */
  readState?: boolean;
  log?: Logger;
}

/**
 * Everything a run did, for the summary.
 *
 * @example
 * const result = await runPipeline(options);
 * console.log(result.send.sent, result.totals.delivered, result.destination.rowsLoaded);
 */
export interface PipelineRunResult {
  migrations: MigrationReport;
  send: SendReport;
  /** Firehose records the producer made (events are packed several to a record). */
  recordsSent: number;
  /** Peak resident memory of the sender's process, MB (undefined when it sent from this process). */
  senderPeakRssMb: number | undefined;
  /** CPU time of the sender's process while it sent, ms (undefined when it sent from this process). */
  senderCpuMs: number | undefined;
  totals: StackTotals;
  destination: DestinationStats;
  transform: TransformStats;
  loadFailures: OutstandingLoadFailure[];
  /** Keys of processing-failed objects written in this run. */
  processingFailedObjects: string[];
  views: ViewsStepResult | undefined;
  state: EntityState[];
  settings: StreamSettingsFile;
  /** Wall time of each stage, and the CPU time this process used in it (all its threads, DuckDB's included), ms, in order. */
  stages: { name: string; ms: number; cpuMs: number }[];
  totalMs: number;
}

const noBar = (): ProgressBar => ({ update: () => undefined, done: () => undefined });

/**
 * Runs the pipeline once. The data folder keeps everything (write-ahead log, bucket, warehouse) afterwards.
 *
 * @example
 * const result = await runPipeline({ project, sender: inProcessSender(events) });
 */
export async function runPipeline(options: RunPipelineOptions): Promise<PipelineRunResult> {
  const { project } = options;
  const bar = options.bar ?? noBar;
  const stage = options.onStage ?? (() => undefined);
  const stages: PipelineRunResult['stages'] = [];
  const started = performance.now();
  let mark = started;
  let cpuMark = process.cpuUsage();
  const endStage = (name: string): void => {
    const now = performance.now();
    const cpu = process.cpuUsage(cpuMark);
    stages.push({ name, ms: now - mark, cpuMs: (cpu.user + cpu.system) / 1000 });
    mark = now;
    cpuMark = process.cpuUsage();
  };

  stage('Preparing the warehouse and starting the local stack');
  const { sender } = options;
  // The sender (a process of its own, for the scenario) starts while the warehouse and the stack get ready.
  const senderReady = sender.prepare();
  senderReady.catch(() => undefined);
  let warehouse: DuckDbWarehouse | undefined;
  let pipeline: LocalPipeline | undefined;
  try {
    // While loading, DuckDB runs each statement on the thread that calls it: a COPY reads one gzip object, which
    // one thread does, and worker threads of its own only add overhead (about 40% more CPU per row measured on 2
    // cores). The streams' loads still run side by side. The views and queries after the loads get every core back.
    warehouse = await openLocalWarehouse({ path: project.warehousePath, threads: 1 });
    const migrations = await migrateLocalWarehouse(warehouse, project);
    const buffering = { intervalInSeconds: options.bufferIntervalSeconds ?? 1, ...(options.bufferSizeMiB === undefined ? {} : { sizeInMBs: options.bufferSizeMiB }) };
    // Each load gets its own connection to the instance `warehouse` holds open: loads of different streams then run
    // side by side instead of taking turns on one connection (DuckDB appends from concurrent transactions never
    // conflict, and one stream's loads never overlap).
    const perLoad = (): Promise<DuckDbWarehouse> => openLocalWarehouse({ path: project.warehousePath });
    pipeline = await startLocalPipeline({ project, warehouse: perLoad, buffering, ...(options.log === undefined ? {} : { log: options.log }) });
    const { stack, destination, settings } = pipeline;
    await destination.prepare(settings.warehouse.schema);

    await senderReady;
    endStage('prepare');

    stage(`Sending events to the local Firehose at ${stack.endpoint}`);
    const sending = bar('Sending', sender.total);
    const suffix = (): string => {
      const t = totals(stack.status());
      return `${t.delivered.toLocaleString('en-US')} records delivered, ${destination.stats().rowsLoaded.toLocaleString('en-US')} facts loaded`;
    };
    const maxBuffered = options.maxBufferedRecords ?? 2000;
    const sent = await sender.send({
      endpoint: stack.endpoint,
      signal: options.signal,
      onProgress: (count) => sending.update(count, suffix()),
      shouldPause: () => totals(stack.status()).buffered > maxBuffered,
    });
    sending.done(suffix());
    endStage('send');

    stage('Delivering and loading what is still buffered');
    const loading = bar('Loading', undefined);
    const settled = await waitUntilSettled(stack, {
      onProgress: (t) => loading.update(t.delivered + t.dropped + t.failed, `of ${t.received.toLocaleString('en-US')} records; ${destination.stats().rowsLoaded.toLocaleString('en-US')} facts loaded`),
    });
    loading.done();
    endStage('deliver and load');
    await warehouse.execute('reset threads');

    const step = 'viewsStep' in options ? options.viewsStep : defaultViewsStep;
    let views: ViewsStepResult | undefined;
    if (step !== undefined) {
      stage('Building the views');
      views = await step({ warehouse, root: project.root, settings });
      endStage('views');
    }

    let state: EntityState[] = [];
    let loadFailures: OutstandingLoadFailure[] = [];
    if (options.readState !== false) {
      stage('Reading the current state');
      state = await readCurrentState(warehouse, settings.streams, views?.currentViews ?? {}, options.sampleSize ?? 3);
      loadFailures = await outstandingLoadFailures(warehouse, settings.warehouse.schema);
      endStage('query');
    }

    const status = stack.status();
    return {
      migrations,
      send: sent.report,
      recordsSent: sent.recordsSent,
      senderPeakRssMb: sent.senderPeakRssMb,
      senderCpuMs: sent.senderCpuMs,
      totals: settled,
      destination: destination.stats(),
      transform: pipeline.transform.stats(),
      loadFailures,
      processingFailedObjects: status.streams.flatMap((s) => s.objects.processingFailed),
      views,
      state,
      settings,
      stages,
      totalMs: performance.now() - started,
    };
  } finally {
    sender.dispose();
    await pipeline?.stack.stop();
    await warehouse?.close();
  }
}
