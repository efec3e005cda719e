// The whole local pipeline for tests, from real components: the typed event producer over HTTP into the local
// Firehose, the transformer with a given domain, delivery into a folder bucket, and the local Redshift destination
// COPYing into a DuckDB warehouse built by the generated migrations, with the generated and analysts' views deployed.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { FirehoseClient } from '@aws-sdk/client-firehose';
import { loadCatalog } from '@factline/catalog';
import { loadProjectViews } from '@factline/codegen';
import type { DemoEvent } from '@factline/demo-service';
import { createEventProducer, type RuntimeDomain } from '@factline/events';
import { createRedshiftDestination, startFirehoseEmulator, type FirehoseEmulator, type StreamFaults } from '@factline/local';
import { createFolderObjectStore, type FolderObjectStore } from '@factline/object-store';
import { readStreamSettings, type StreamSettingsFile } from '@factline/stream-settings';
import { createHandler, createTransformer } from '@factline/transformer';
import { createDuckDbWarehouse, deployViews, readViewFiles, type DuckDbWarehouse, type ViewDefinition } from '@factline/warehouse';

export const repositoryRoot = path.resolve(import.meta.dirname, '../../../..');
export const bucket = 'factline-local';
const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

export function firehoseClient(endpoint: string): FirehoseClient {
  return new FirehoseClient({ endpoint, region: 'us-east-1', credentials });
}

/** Every view of the repository for DuckDB: the generated ones, then the analysts' ones of `views/`. */
export async function repositoryViews(): Promise<ViewDefinition[]> {
  const { catalog } = await loadCatalog(repositoryRoot);
  const project = await loadProjectViews(catalog, { dialect: 'duckdb' });
  if (!project.folder.ok) throw new Error(`views/ has issues: ${JSON.stringify(project.folder.issues)}`);
  return [...(await readViewFiles(path.join(repositoryRoot, 'generated/views/duckdb'))), ...project.analystViews];
}

/** A DuckDB warehouse in `dir`, migrated, with every view deployed. */
export async function openWarehouse(dir: string): Promise<DuckDbWarehouse> {
  const warehouse = await createDuckDbWarehouse({ path: path.join(dir, 'warehouse.duckdb'), threads: 2 });
  await warehouse.migrate({ folder: path.join(repositoryRoot, 'generated/migrations/duckdb') });
  await deployViews({ warehouse, views: await repositoryViews() });
  return warehouse;
}

export interface Pipeline {
  dir: string;
  settings: StreamSettingsFile;
  store: FolderObjectStore;
  warehouse: DuckDbWarehouse;
  emulator: FirehoseEmulator;
  /** Sends events through the typed producer, then waits until everything is delivered and loaded. */
  send(events: readonly DemoEvent[]): Promise<void>;
  /** Delivers what is buffered and waits until every load has succeeded. */
  settle(): Promise<void>;
  /** Deploys another transformer: records delivered from now on are transformed with this domain. */
  deploy(domain: RuntimeDomain): void;
  /** Stops the local Firehose (the warehouse stays open). */
  stop(): Promise<void>;
}

/** Starts the pipeline in `dir` with the transformer of `domain`. */
export async function startPipeline(dir: string, domain: RuntimeDomain, options: { faults?: StreamFaults } = {}): Promise<Pipeline> {
  const settings = await readStreamSettings(path.join(repositoryRoot, 'generated/stream-settings.json'));
  const store = createFolderObjectStore({ bucket, root: path.join(dir, 's3') });
  for (const stream of settings.streams) await store.put(stream.redshift.jsonPathsKey, await readFile(path.join(repositoryRoot, 'generated', stream.redshift.jsonPathsKey)));
  const warehouse = await openWarehouse(dir);
  const destination = createRedshiftDestination({ warehouse, objectStore: store });
  const streamEntities = Object.fromEntries(settings.streams.map((s) => [s.deliveryStreamName, s.entity]));
  const handlerFor = (d: RuntimeDomain) => createHandler({ transformer: createTransformer({ domain: d }), logger: silent, streamEntities });
  let handler = handlerFor(domain);
  const emulator = await startFirehoseEmulator({
    streams: settings.streams,
    port: 0,
    dataDir: dir,
    objectStore: store,
    transform: (event) => handler(event),
    onDelivered: destination.onDelivered,
    buffering: { intervalInSeconds: 900 },
    retryDelayMs: 20,
    transformRetryDelayMs: 1,
    ...(options.faults === undefined ? {} : { faults: Object.fromEntries(settings.streams.map((s) => [s.deliveryStreamName, options.faults!])) }),
  });
  const settle = async () => {
    for (let i = 0; i < 500; i++) {
      await emulator.flush();
      const streams = emulator.status().streams;
      if (streams.every((s) => s.buffered === 0 && s.pendingNotifications === 0)) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`the pipeline did not settle: ${JSON.stringify(emulator.status().streams.map((s) => [s.entity, s.buffered, s.pendingNotifications, s.lastError]))}`);
  };
  return {
    dir,
    settings,
    store,
    warehouse,
    emulator,
    settle,
    async send(events) {
      const producer = createEventProducer({ firehose: firehoseClient(emulator.endpoint), producer: 'demo-service', lingerMs: 5 });
      for (const event of events) await producer.send(event.type, event.payload as never, { eventId: event.eventId, occurredAt: event.occurredAt });
      await producer.close();
      await settle();
    },
    deploy(next) {
      handler = handlerFor(next);
    },
    stop: () => emulator.close({ flush: true }),
  };
}

/** The rows of a table or view, every column, sorted by all of them (JSON text for comparison). */
export async function snapshot(warehouse: DuckDbWarehouse, relation: string): Promise<string[]> {
  const rows = await warehouse.query(`select * from ${relation}`);
  return rows.map((row) => JSON.stringify(row, (_, value: unknown) => (typeof value === 'bigint' ? value.toString() : value))).sort();
}
