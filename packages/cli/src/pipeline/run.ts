// One run of the whole local pipeline, as `pnpm demo` does it: prepare the warehouse, start the local Firehose with
// the real transformer and the Redshift destination, send events through the typed producer over real HTTP, wait
// until everything is delivered and loaded, build the views (when that step exists), and read the result.
import { FirehoseClient } from '@aws-sdk/client-firehose';
import type { SendReport } from '@factline/demo-service';
import { createEventProducer, type EventProducer } from '@factline/events';
import { outstandingLoadFailures, type DestinationStats, type Logger, type OutstandingLoadFailure } from '@factline/local';
import type { StreamSettingsFile } from '@factline/stream-settings';
import type { DuckDbWarehouse, MigrationReport } from '@factline/warehouse';
import { readCurrentState, type EntityState } from './current-state.js';
import { openLocalWarehouse } from './local-warehouse.js';
import { startLocalPipeline, type LocalPipeline } from './local-pipeline.js';
import type { LocalProject } from './project.js';
import type { ProgressBar } from './progress.js';
import { waitUntilSettled, totals, type StackTotals } from './settle.js';
import { migrateLocalWarehouse } from './setup.js';
import type { TransformStats } from './transform.js';
import { viewsStep as defaultViewsStep, type ViewsStep, type ViewsStepResult } from './views-step.js';

/** What the send step gets: a producer pointed at the local Firehose. */
export interface SendContext {
  producer: EventProducer;
  signal: AbortSignal | undefined;
  onProgress: (sent: number) => void;
}

/**
 * Options of `runPipeline`.
 *
 * @example
 * const options: RunPipelineOptions = { project, total: 1000, send: ({ producer }) => sendScenario({ producer, events: 1000 }) };
 */
export interface RunPipelineOptions {
  project: LocalProject;
  /** Sends the events; resolves once the producer has flushed them. */
  send: (context: SendContext) => Promise<SendReport>;
  /** How many events `send` sends, for the progress bar. */
  total?: number;
  /** Buffering interval of every stream, seconds. Default 1 (the settings say 300: too long for a demo). */
  bufferIntervalSeconds?: number;
  /** Buffering size of every stream, MiB. Default: the settings'. */
  bufferSizeMiB?: number;
  /** Progress bars (draw nothing when stdout is not a terminal). */
  bar?: (label: string, total: number | undefined) => ProgressBar;
  /** A line for each stage as it starts. */
  onStage?: (text: string) => void;
  signal?: AbortSignal;
  /** The views step; default the hook in views-step.ts. */
  viewsStep?: ViewsStep | undefined;
  /** Rows of current state per entity in the result. Default 3. */
  sampleSize?: number;
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
  totals: StackTotals;
  destination: DestinationStats;
  transform: TransformStats;
  loadFailures: OutstandingLoadFailure[];
  /** Keys of processing-failed objects written in this run. */
  processingFailedObjects: string[];
  views: ViewsStepResult | undefined;
  state: EntityState[];
  settings: StreamSettingsFile;
  /** Wall time of each stage, ms, in order. */
  stages: { name: string; ms: number }[];
  totalMs: number;
}

const noBar = (): ProgressBar => ({ update: () => undefined, done: () => undefined });

/**
 * Runs the pipeline once. The data folder keeps everything (write-ahead log, bucket, warehouse) afterwards.
 *
 * @example
 * const result = await runPipeline({ project, total: 100, send: ({ producer }) => sendEvents({ producer, events }) });
 */
export async function runPipeline(options: RunPipelineOptions): Promise<PipelineRunResult> {
  const { project } = options;
  const bar = options.bar ?? noBar;
  const stage = options.onStage ?? (() => undefined);
  const stages: PipelineRunResult['stages'] = [];
  const started = performance.now();
  let mark = started;
  const endStage = (name: string): void => {
    const now = performance.now();
    stages.push({ name, ms: now - mark });
    mark = now;
  };

  stage('Preparing the warehouse and starting the local stack');
  const warehouse: DuckDbWarehouse = await openLocalWarehouse({ path: project.warehousePath });
  let pipeline: LocalPipeline | undefined;
  let firehose: FirehoseClient | undefined;
  try {
    const migrations = await migrateLocalWarehouse(warehouse, project);
    const buffering = { intervalInSeconds: options.bufferIntervalSeconds ?? 1, ...(options.bufferSizeMiB === undefined ? {} : { sizeInMBs: options.bufferSizeMiB }) };
    pipeline = await startLocalPipeline({ project, warehouse, buffering, ...(options.log === undefined ? {} : { log: options.log }) });
    const { stack, destination, settings } = pipeline;
    await destination.prepare(settings.warehouse.schema);
    endStage('prepare');

    stage(`Sending events to the local Firehose at ${stack.endpoint}`);
    firehose = new FirehoseClient({ endpoint: stack.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    const producer = createEventProducer({ firehose, producer: 'demo-service' });
    const sending = bar('Sending', options.total);
    const suffix = (): string => {
      const t = totals(stack.status());
      return `${t.delivered.toLocaleString('en-US')} records delivered, ${destination.stats().rowsLoaded.toLocaleString('en-US')} facts loaded`;
    };
    let send: SendReport;
    try {
      send = await options.send({ producer, signal: options.signal, onProgress: (sent) => sending.update(sent, suffix()) });
    } finally {
      await producer.close().catch(() => undefined);
    }
    sending.done(suffix());
    const recordsSent = producer.metrics().recordsDelivered;
    endStage('send');

    stage('Delivering and loading what is still buffered');
    const loading = bar('Loading', undefined);
    const settled = await waitUntilSettled(stack, {
      onProgress: (t) => loading.update(t.delivered + t.dropped + t.failed, `of ${t.received.toLocaleString('en-US')} records; ${destination.stats().rowsLoaded.toLocaleString('en-US')} facts loaded`),
    });
    loading.done();
    endStage('deliver and load');

    const step = 'viewsStep' in options ? options.viewsStep : defaultViewsStep;
    let views: ViewsStepResult | undefined;
    if (step !== undefined) {
      stage('Building the views');
      views = await step({ warehouse, root: project.root, settings });
      endStage('views');
    }

    stage('Reading the current state');
    const state = await readCurrentState(warehouse, settings.streams, views?.currentViews ?? {}, options.sampleSize ?? 3);
    const loadFailures = await outstandingLoadFailures(warehouse, settings.warehouse.schema);
    endStage('query');

    const status = stack.status();
    return {
      migrations,
      send,
      recordsSent,
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
    firehose?.destroy();
    await pipeline?.stack.stop();
    await warehouse.close();
  }
}
