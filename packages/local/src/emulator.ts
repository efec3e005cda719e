// The local Firehose: the HTTP API in front, one delivery pipeline per stream behind it, all state in the data folder.
import { readdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { ObjectStore } from '@factline/object-store';
import type { StreamSettings } from '@factline/stream-settings';
import { deliveryStreamArn, type DescribeContext } from './api/describe.js';
import { createApiServer, type ApiServer } from './api/http-server.js';
import type { ApiBackend, StreamEntry } from './api/operations.js';
import { mebibyte } from './constants.js';
import { lockDirectory } from './data-dir-lock.js';
import { StreamPipeline } from './delivery/stream-pipeline.js';
import { LocalStackError, LocalStackErrorCode } from './errors.js';
import { FaultInjector } from './faults.js';
import { checkFaults, resolveOptions, type FirehoseEmulatorOptions, type ResolvedOptions } from './options.js';
import { recordIdGenerator } from './record-ids.js';
import type { EmulatorStatus, StreamFaults } from './types.js';

/**
 * A running local Firehose.
 *
 * @example
 * const emulator = await startFirehoseEmulator({ streams, port: 0 });
 * const firehose = new FirehoseClient({ endpoint: emulator.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
 * await firehose.send(new PutRecordBatchCommand({ DeliveryStreamName: streams[0]!.deliveryStreamName, Records: [{ Data: Buffer.from('{}\n') }] }));
 * await emulator.flush();
 * await emulator.close();
 */
export interface FirehoseEmulator {
  /** `http://127.0.0.1:<port>`, with the real port when 0 was asked for. */
  readonly endpoint: string;
  readonly port: number;
  /** The absolute data folder. */
  readonly dataDir: string;
  /** The bucket objects are written to. */
  readonly objectStore: ObjectStore;
  readonly streams: readonly StreamSettings[];
  /** Per-stream counts and the keys written. */
  status(): EmulatorStatus;
  /** Delivers everything buffered (in one stream, or all) now, and waits for it and its first onDelivered attempt. */
  flush(deliveryStreamName?: string): Promise<void>;
  /** Replaces the fault injection of a stream (undefined turns it off). */
  setFaults(deliveryStreamName: string, faults: StreamFaults | undefined): void;
  /** Stops the server; by default delivers what is buffered first. Anything undelivered stays durable for the next start. */
  close(options?: { flush?: boolean }): Promise<void>;
}

async function warnAboutOrphans(firehoseDir: string, streams: readonly StreamSettings[], options: ResolvedOptions): Promise<void> {
  const known = new Set(streams.map((stream) => stream.deliveryStreamName));
  for (const entry of await readdir(firehoseDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || known.has(entry.name)) continue;
    const segments = await readdir(join(firehoseDir, entry.name, 'segments')).catch(() => []);
    const plans = await readdir(join(firehoseDir, entry.name, 'batches')).catch(() => []);
    if (segments.length + plans.length > 0) {
      options.log({ level: 'warn', stream: entry.name, message: `${join(firehoseDir, entry.name)} holds undelivered data of a stream that is not in the stream settings; it stays there until the stream is served again` });
    }
  }
}

async function openPipelines(options: ResolvedOptions, firehoseDir: string, describe: DescribeContext): Promise<Map<string, StreamEntry>> {
  const entries = new Map<string, StreamEntry>();
  try {
    for (const stream of options.streams) {
      const faults = new FaultInjector(options.seed, stream.deliveryStreamName, options.faults[stream.deliveryStreamName]);
      const pipeline = await StreamPipeline.open(join(firehoseDir, stream.deliveryStreamName), {
        stream,
        objectStore: options.objectStore,
        onDelivered: options.onDelivered,
        sizeLimitBytes: (options.buffering.sizeInMBs ?? stream.s3.bufferingHints.sizeInMBs) * mebibyte,
        intervalMs: (options.buffering.intervalInSeconds ?? stream.s3.bufferingHints.intervalInSeconds) * 1000,
        retryDelayMs: options.retryDelayMs,
        maxRetryDelayMs: options.maxRetryDelayMs,
        faults,
        lambdaArn: options.lambdaArn,
        log: options.log,
        transformation: {
          streamName: stream.deliveryStreamName,
          transform: options.transform,
          deliveryStreamArn: deliveryStreamArn(stream, describe),
          region: options.region,
          invocationBytes: stream.processor.bufferSizeInMBs * mebibyte,
          numberOfRetries: options.numberOfRetries ?? stream.processor.numberOfRetries,
          retryDelayMs: options.transformRetryDelayMs,
          timeoutMs: options.transformTimeoutMs,
          faults,
          now: options.now,
          log: options.log,
        },
      });
      entries.set(stream.deliveryStreamName, { settings: stream, pipeline, faults });
    }
  } catch (error) {
    await Promise.all([...entries.values()].map((entry) => entry.pipeline.close(false)));
    throw error;
  }
  return entries;
}

async function listen(api: ApiServer, options: ResolvedOptions): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    api.server.once('error', (error) =>
      reject(new LocalStackError(LocalStackErrorCode.ListenFailed, `Cannot listen on ${options.host}:${options.port}: ${error.message}`, { subject: `${options.host}:${options.port}`, cause: error })),
    );
    api.server.listen(options.port, options.host, () => resolve());
  });
  return (api.server.address() as AddressInfo).port;
}

/**
 * Starts the local Firehose: AWS JSON 1.1 on `POST /` for PutRecord, PutRecordBatch, DescribeDeliveryStream and
 * ListDeliveryStreams, delivery of every stream to the object store, and `GET /_factline/status`. Records are
 * acknowledged only once durable in the data folder's write-ahead log; what an earlier run left undelivered is
 * delivered first.
 *
 * @example
 * const { streams } = await readStreamSettings('generated/stream-settings.json');
 * const emulator = await startFirehoseEmulator({ streams, port: 0, transform: handler, onDelivered: (d) => warehouse.load(d) });
 * console.log(`Firehose endpoint: ${emulator.endpoint}`);
 */
export async function startFirehoseEmulator(options: FirehoseEmulatorOptions): Promise<FirehoseEmulator> {
  const resolved = resolveOptions(options);
  const firehoseDir = join(resolved.dataDir, 'firehose');
  const unlock = await lockDirectory(firehoseDir);
  const describe: DescribeContext = {
    region: resolved.region,
    accountId: resolved.accountId,
    bucket: resolved.objectStore.bucket,
    lambdaArn: resolved.lambdaArn,
    hasTransform: resolved.transform !== undefined,
    numberOfRetries: resolved.numberOfRetries,
    createdAt: Date.now(),
  };
  let entries: Map<string, StreamEntry>;
  try {
    await warnAboutOrphans(firehoseDir, resolved.streams, resolved);
    entries = await openPipelines(resolved, firehoseDir, describe);
  } catch (error) {
    await unlock();
    throw error;
  }
  let endpoint = '';
  const status = (): EmulatorStatus => ({
    endpoint,
    dataDir: resolved.dataDir,
    bucket: resolved.objectStore.bucket,
    streams: [...entries.values()].map((entry) => entry.pipeline.counters.snapshot()),
  });
  const flush = async (deliveryStreamName?: string): Promise<void> => {
    const selected = [...entries.values()].filter((entry) => deliveryStreamName === undefined || entry.settings.deliveryStreamName === deliveryStreamName);
    if (selected.length === 0) throw new LocalStackError(LocalStackErrorCode.InvalidOptions, `Unknown delivery stream ${deliveryStreamName ?? ''}.`, { subject: deliveryStreamName });
    await Promise.all(selected.map((entry) => entry.pipeline.flush()));
  };
  const backend: ApiBackend = { streams: entries, describe, nextRecordId: recordIdGenerator(resolved.now), now: resolved.now };
  const api = createApiServer(backend, { status, flush }, resolved.log);
  let port: number;
  try {
    port = await listen(api, resolved);
  } catch (error) {
    await Promise.all([...entries.values()].map((entry) => entry.pipeline.close(false)));
    await unlock();
    throw error;
  }
  endpoint = `http://${resolved.host.includes(':') ? `[${resolved.host}]` : resolved.host}:${port}`;
  let closing: Promise<void> | undefined;
  return {
    endpoint,
    port,
    dataDir: resolved.dataDir,
    objectStore: resolved.objectStore,
    streams: resolved.streams,
    status,
    flush,
    setFaults(deliveryStreamName, faults) {
      const entry = entries.get(deliveryStreamName);
      if (entry === undefined) throw new LocalStackError(LocalStackErrorCode.InvalidOptions, `Unknown delivery stream ${deliveryStreamName}.`, { subject: deliveryStreamName });
      if (faults !== undefined) checkFaults(deliveryStreamName, faults);
      entry.faults.set(faults);
    },
    close(closeOptions = {}) {
      closing ??= (async () => {
        await api.close();
        await Promise.all([...entries.values()].map((entry) => entry.pipeline.close(closeOptions.flush ?? true)));
        await unlock();
      })();
      return closing;
    },
  };
}
