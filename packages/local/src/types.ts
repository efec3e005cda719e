// The public shapes of the emulator: the warehouse seam, fault settings, status and log entries.
import type { CompressionFormat, StreamSettings } from '@factline/stream-settings';

/**
 * One facts object written by the emulator, as handed to `onDelivered`.
 *
 * @example
 * const onDelivered = async (delivery: Delivery) => {
 *   await warehouse.copy(delivery.stream, delivery.key, { gzip: delivery.compression === 'GZIP' });
 * };
 */
export interface Delivery {
  /** The settings of the stream that delivered the object. */
  stream: StreamSettings;
  /** The bucket the object is in. */
  bucket: string;
  /** The object key: `<prefix>YYYY/MM/DD/HH/<stream>-1-YYYY-MM-DD-HH-MM-SS-<uuid>[.gz]`. */
  key: string;
  /** How many `Ok` records the object holds (one transformed record may hold several newline-terminated facts). */
  recordCount: number;
  /** The object's compression (`GZIP` objects end in `.gz`). */
  compression: CompressionFormat;
  /** The object's size in bytes, as stored. */
  size: number;
}

/**
 * Called after each facts object is written, and awaited. A rejection is recorded (status, log) and the call is
 * retried later, across restarts, until it resolves; calls for one stream never overlap.
 *
 * @example
 * const onDelivered: OnDelivered = (delivery) => loadIntoDuckDb(delivery.key);
 */
export type OnDelivered = (delivery: Delivery) => Promise<void> | void;

/**
 * Fault injection for one stream. Every rate is a probability from 0 to 1, drawn from a generator seeded by the
 * emulator's `seed` and the stream name, so a run with the same seed and the same calls fails the same way.
 *
 * @example
 * const faults: StreamFaults = { recordFailureRate: 0.1, callFailureRate: 0.05, redeliveryRate: 0.2 };
 */
export interface StreamFaults {
  /** Each record of a PutRecordBatch call fails with `ServiceUnavailableException` inside the 200 answer (a PutRecord call gets a 503). */
  recordFailureRate?: number;
  /** A whole PutRecord / PutRecordBatch call fails with HTTP 503 `ServiceUnavailableException`, storing nothing. */
  callFailureRate?: number;
  /** An invocation of the transformation fails (`Lambda.InvokeLimitExceeded`) before the handler runs; it is retried like any failed invocation. */
  transformFailureRate?: number;
  /** A call is answered late, after its records are stored (a client that times out has still been heard). */
  slowResponseRate?: number;
  /** How late a slow answer is, in milliseconds. Default 2,000. */
  slowResponseMs?: number;
  /** A delivered facts object is delivered a second time under a new key (Firehose is at-least-once). */
  redeliveryRate?: number;
}

/**
 * The counts and keys of one stream.
 *
 * @example
 * const { received, delivered, failed } = emulator.status().streams[0]!;
 */
export interface StreamStatus {
  deliveryStreamName: string;
  entity: string;
  /** Records acknowledged to callers since start (durable when counted). */
  received: number;
  /** Records recovered from the write-ahead log at start (received by an earlier run, not yet delivered). */
  recovered: number;
  /** Records acknowledged and not yet delivered. */
  buffered: number;
  /** Records delivered as `Ok` into facts objects (a redelivered copy is not counted again). */
  delivered: number;
  /** Records the transformation dropped. */
  dropped: number;
  /** Records written to the processing-failed output. */
  failed: number;
  /** Records refused by injected faults (per-record and whole-call). */
  throttled: number;
  /** Facts objects delivered a second time by fault injection. */
  redelivered: number;
  /** Facts objects whose `onDelivered` has not succeeded yet. */
  pendingNotifications: number;
  /** Failed `onDelivered` calls since start. */
  notificationFailures: number;
  /** The last delivery or notification problem, if any. */
  lastError: string | null;
  /** Keys written since start, oldest first (the last 1,000 of each kind). */
  objects: { facts: string[]; sourceBackup: string[]; processingFailed: string[] };
}

/**
 * What `status()` and `GET /_factline/status` report.
 *
 * @example
 * const answer = (await (await fetch(`${emulator.endpoint}/_factline/status`)).json()) as EmulatorStatus;
 */
export interface EmulatorStatus {
  endpoint: string;
  dataDir: string;
  bucket: string;
  streams: StreamStatus[];
}

/**
 * A log entry of the emulator.
 *
 * @example
 * const log = (entry: LogEntry) => console.error(formatLogEntry(entry));
 */
export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  message: string;
  stream?: string;
  key?: string;
  error?: unknown;
}

/**
 * Where log entries go.
 *
 * @example
 * const log: Logger = (entry) => { if (entry.level !== 'info') console.error(entry.message); };
 */
export type Logger = (entry: LogEntry) => void;
