// The emulator's options and their defaults, resolved and checked in one place.
import { resolve } from 'node:path';
import { createFolderObjectStore, type ObjectStore } from '@factline/object-store';
import type { StreamSettings } from '@factline/stream-settings';
import { firehoseLimits, streamNamePattern } from './constants.js';
import { LocalStackError, LocalStackErrorCode } from './errors.js';
import type { FirehoseTransform } from './transformation-types.js';
import type { Logger, OnDelivered, StreamFaults } from './types.js';

/**
 * Options of `startFirehoseEmulator`. Only `streams` is required.
 *
 * @example
 * const options: FirehoseEmulatorOptions = {
 *   streams: (await readStreamSettings('generated/stream-settings.json')).streams,
 *   port: 0,
 *   transform: handler,
 *   buffering: { intervalInSeconds: 1 },
 * };
 */
export interface FirehoseEmulatorOptions {
  /** The delivery streams to serve (`readStreamSettings(...).streams`). */
  streams: readonly StreamSettings[];
  /** TCP port; 0 picks a free one. Default 4573. */
  port?: number;
  /** Interface to listen on. Default `127.0.0.1`. */
  host?: string;
  /** Folder for the write-ahead log and (by default) the bucket. Default `.factline` (from the working directory). */
  dataDir?: string;
  /** Bucket name. Default `factline-local`. */
  bucket?: string;
  /** Where objects go. Default: the folder bucket `<dataDir>/s3/<bucket>/`. */
  objectStore?: ObjectStore;
  /** The transformation handler. Default: none, records are delivered untransformed (no processor). */
  transform?: FirehoseTransform;
  /** The warehouse seam: called after each facts object is written. */
  onDelivered?: OnDelivered;
  /** Overrides of every stream's S3 buffering hints (for tests and demos). Default: the stream settings. */
  buffering?: { intervalInSeconds?: number; sizeInMBs?: number };
  /** Overrides of the processor parameters. Default: the stream settings. */
  processor?: { numberOfRetries?: number };
  /** Pause between attempts of a failed transformation invocation, ms. Default 500. */
  transformRetryDelayMs?: number;
  /** How long a transformation may run before `Lambda.FunctionTimedOut`, ms. Default 300,000 (Firehose's 5 minutes). */
  transformTimeoutMs?: number;
  /** First pause before retrying a failed object write or `onDelivered`, ms; doubles up to `maxRetryDelayMs`. Default 1,000. */
  retryDelayMs?: number;
  /** Longest pause between retries, ms. Default 30,000. */
  maxRetryDelayMs?: number;
  /** Fault injection per delivery stream name. */
  faults?: Readonly<Record<string, StreamFaults>>;
  /** Seed of the fault-injection generators. Default 1. */
  seed?: number;
  /** Region in ARNs and the transformation event. Default `us-east-1`. */
  region?: string;
  /** Account id in ARNs. Default `000000000000`. */
  accountId?: string;
  /** The Lambda ARN written into processing-failed records. Default `arn:aws:lambda:<region>:<account>:function:factline-transformer:$LATEST`. */
  lambdaArn?: string;
  /** The clock for arrival timestamps and object keys, epoch ms. Default `Date.now`. */
  now?: () => number;
  /** Where log entries go. Default: nowhere. */
  log?: Logger;
}

/**
 * The default TCP port (LocalStack's historical Firehose port).
 *
 * @example
 * const endpoint = `http://127.0.0.1:${defaultPort}`;
 */
export const defaultPort = 4573;
/**
 * The default bucket name.
 *
 * @example
 * const store = createFolderObjectStore({ bucket: defaultBucket, root: '.factline/s3' });
 */
export const defaultBucket = 'factline-local';
/**
 * The default data folder, relative to the working directory.
 *
 * @example
 * const bucketFolder = path.join(defaultDataDir, 's3', defaultBucket);
 */
export const defaultDataDir = '.factline';

export interface ResolvedOptions {
  streams: readonly StreamSettings[];
  port: number;
  host: string;
  dataDir: string;
  objectStore: ObjectStore;
  transform: FirehoseTransform | undefined;
  onDelivered: OnDelivered | undefined;
  buffering: { intervalInSeconds: number | undefined; sizeInMBs: number | undefined };
  numberOfRetries: number | undefined;
  transformRetryDelayMs: number;
  transformTimeoutMs: number;
  retryDelayMs: number;
  maxRetryDelayMs: number;
  faults: Readonly<Record<string, StreamFaults>>;
  seed: number;
  region: string;
  accountId: string;
  lambdaArn: string;
  now: () => number;
  log: Logger;
}

function invalid(subject: string, message: string): LocalStackError {
  return new LocalStackError(LocalStackErrorCode.InvalidOptions, `Invalid option ${subject}: ${message}`, { subject });
}

function checkNumber(subject: string, value: number | undefined, min: number, max: number): void {
  if (value !== undefined && !(Number.isFinite(value) && value >= min && value <= max)) throw invalid(subject, `expected a number from ${min} to ${max}, got ${value}`);
}

/** Rejects fault rates outside 0-1 and delays outside 0-600,000 ms. */
export function checkFaults(streamName: string, faults: StreamFaults): void {
  for (const rate of ['recordFailureRate', 'callFailureRate', 'transformFailureRate', 'slowResponseRate', 'redeliveryRate'] as const) {
    checkNumber(`faults.${streamName}.${rate}`, faults[rate], 0, 1);
  }
  checkNumber(`faults.${streamName}.slowResponseMs`, faults.slowResponseMs, 0, 600_000);
}

/** Resolves every default and rejects inconsistent options before anything starts. */
export function resolveOptions(options: FirehoseEmulatorOptions): ResolvedOptions {
  const names = new Set<string>();
  for (const stream of options.streams) {
    const name = stream.deliveryStreamName;
    if (!streamNamePattern.test(name) || name.length > firehoseLimits.maxStreamNameLength || name === '.' || name === '..') throw invalid('streams', `'${name}' is not a valid delivery stream name`);
    if (names.has(name)) throw invalid('streams', `delivery stream '${name}' is listed twice`);
    names.add(name);
  }
  checkNumber('port', options.port, 0, 65_535);
  checkNumber('buffering.intervalInSeconds', options.buffering?.intervalInSeconds, 0, 900);
  checkNumber('buffering.sizeInMBs', options.buffering?.sizeInMBs, 0.000_001, 128);
  checkNumber('processor.numberOfRetries', options.processor?.numberOfRetries, 0, 300);
  for (const [name, faults] of Object.entries(options.faults ?? {})) {
    if (!names.has(name)) throw invalid('faults', `'${name}' is not one of the streams`);
    checkFaults(name, faults);
  }
  const dataDir = resolve(options.dataDir ?? defaultDataDir);
  const region = options.region ?? 'us-east-1';
  const accountId = options.accountId ?? '000000000000';
  return {
    streams: options.streams,
    port: options.port ?? defaultPort,
    host: options.host ?? '127.0.0.1',
    dataDir,
    objectStore: options.objectStore ?? createFolderObjectStore({ bucket: options.bucket ?? defaultBucket, root: resolve(dataDir, 's3') }),
    transform: options.transform,
    onDelivered: options.onDelivered,
    buffering: { intervalInSeconds: options.buffering?.intervalInSeconds, sizeInMBs: options.buffering?.sizeInMBs },
    numberOfRetries: options.processor?.numberOfRetries,
    transformRetryDelayMs: options.transformRetryDelayMs ?? 500,
    transformTimeoutMs: options.transformTimeoutMs ?? 300_000,
    retryDelayMs: options.retryDelayMs ?? 1000,
    maxRetryDelayMs: options.maxRetryDelayMs ?? 30_000,
    faults: options.faults ?? {},
    seed: options.seed ?? 1,
    region,
    accountId,
    lambdaArn: options.lambdaArn ?? `arn:aws:lambda:${region}:${accountId}:function:factline-transformer:$LATEST`,
    now: options.now ?? Date.now,
    log: options.log ?? (() => undefined),
  };
}
