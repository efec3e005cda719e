// The local pipeline: the local Firehose with the real transformer and the Redshift destination into the DuckDB
// warehouse, over the folder bucket, with the generated stream settings. `factline local start`, `pnpm demo`, the
// pipeline benchmark and the end-to-end test all start it here.
import { createRedshiftDestination, startLocalStack, type LocalStack, type Logger, type RedshiftDestination } from '@factline/local';
import { createFolderObjectStore, type FolderObjectStore } from '@factline/object-store';
import { readStreamSettings, type StreamSettingsFile } from '@factline/stream-settings';
import type { Warehouse } from '@factline/warehouse';
import type { LocalProject } from './project.js';
import { requireGenerated } from './project.js';
import { uploadJsonPaths } from './setup.js';
import { createLocalTransform, type LocalTransform } from './transform.js';

/**
 * Options of `startLocalPipeline`.
 *
 * @example
 * const options: LocalPipelineOptions = { project, warehouse, port: 0, buffering: { intervalInSeconds: 1 } };
 */
export interface LocalPipelineOptions {
  project: LocalProject;
  /** The warehouse, held open for the whole run, or a function that opens it for each load (see the destination). */
  warehouse: Warehouse | (() => Promise<Warehouse>);
  /** Default 0 (a free port). */
  port?: number;
  /** Overrides of the streams' buffering hints. */
  buffering?: { intervalInSeconds?: number; sizeInMBs?: number };
  /** Stop on SIGINT/SIGTERM (for `factline local start`). Default false. */
  handleSignals?: boolean;
  log?: Logger;
}

/**
 * A running local pipeline.
 *
 * @example
 * const pipeline = await startLocalPipeline({ project, warehouse });
 * console.log(pipeline.stack.endpoint);
 * await pipeline.stack.stop();
 */
export interface LocalPipeline {
  stack: LocalStack;
  settings: StreamSettingsFile;
  store: FolderObjectStore;
  destination: RedshiftDestination;
  transform: LocalTransform;
}

/**
 * Uploads the JSONPaths files into the bucket and starts the local Firehose with the real transformer and the
 * Redshift destination. The fact tables must exist (migrate first).
 *
 * @example
 * const pipeline = await startLocalPipeline({ project, warehouse: await openLocalWarehouse({ path: project.warehousePath }) });
 */
export async function startLocalPipeline(options: LocalPipelineOptions): Promise<LocalPipeline> {
  const { project } = options;
  await requireGenerated(project.streamSettingsPath, project.root);
  const settings = await readStreamSettings(project.streamSettingsPath);
  const store = createFolderObjectStore({ bucket: project.bucket, root: project.bucketRoot });
  await uploadJsonPaths(store, settings.streams, project);
  const log = options.log ?? (() => undefined);
  const destination = createRedshiftDestination({ warehouse: options.warehouse, objectStore: store, errorLogFile: project.loadErrorLog, log });
  const transform = createLocalTransform({ log });
  const stack = await startLocalStack({
    streamSettings: settings,
    port: options.port ?? 0,
    dataDir: project.dataDir,
    objectStore: store,
    transform: transform.transform,
    onDelivered: destination.onDelivered,
    ...(options.buffering === undefined ? {} : { buffering: options.buffering }),
    handleSignals: options.handleSignals ?? false,
    log,
  });
  return { stack, settings, store, destination, transform };
}
