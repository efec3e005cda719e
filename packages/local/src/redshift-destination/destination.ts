// The local Firehose's Redshift destination: behind onDelivered, each facts object is COPYed into its entity's fact
// table with the generated JSONPaths, as Firehose's Redshift destination does, through the Warehouse interface.
// Idempotent per object key (a ledger in the same transaction as the COPY); a failed load is recorded (a table and,
// optionally, a JSON-lines file, with Firehose's error codes) and thrown, so the local Firehose retries it later.
import type { ObjectStore } from '@factline/object-store';
import { copyRequestForStream, type Warehouse } from '@factline/warehouse';
import type { Delivery, Logger, OnDelivered } from '../types.js';
import { classifyLoadFailure, redshiftDeliveryErrorCodes, type ClassifiedFailure } from './error-codes.js';
import { RedshiftDestinationError, RedshiftDestinationErrorCode } from './errors.js';
import { recordLoadFailure } from './failure-log.js';
import { checkedSchema, createTablesSql, isLoaded, recordLoaded, type ObjectRef } from './ledger.js';

/**
 * Options of `createRedshiftDestination`.
 *
 * @example
 * const options: RedshiftDestinationOptions = { warehouse: () => createDuckDbWarehouse({ path: '.factline/warehouse.duckdb' }), objectStore: store };
 */
export interface RedshiftDestinationOptions {
  /**
   * The warehouse to load into. A `Warehouse` stays open (closing it is the caller's job). A function opens one for
   * each load and the destination closes it right after, so another process can use a DuckDB file between loads.
   */
  warehouse: Warehouse | (() => Promise<Warehouse>);
  /** The bucket that holds the facts objects: the emulator's object store. */
  objectStore: ObjectStore;
  /** Schema of the bookkeeping tables. Default: the schema of each stream's fact table. */
  schema?: string;
  /** A JSON-lines file every failed attempt is appended to, like Firehose's CloudWatch Logs. Default: none. */
  errorLogFile?: string;
  /** Where a line goes for each object loaded. Default: nowhere. */
  log?: Logger;
  /** The clock of `loaded_at` and `failed_at`, epoch ms. Default `Date.now`. */
  now?: () => number;
}

/**
 * What one load did.
 *
 * @example
 * const { status, rowsLoaded } = await destination.load(delivery); // 'loaded', 1234
 */
export interface LoadOutcome {
  /** `already-loaded`: the ledger has the key (a repeated announcement); nothing was copied. */
  status: 'loaded' | 'already-loaded';
  rowsLoaded: number;
  durationMs: number;
}

/**
 * Counters since the destination was created.
 *
 * @example
 * const { objectsLoaded, rowsLoaded, failedAttempts } = destination.stats();
 */
export interface DestinationStats {
  objectsLoaded: number;
  rowsLoaded: number;
  /** Announcements of keys the ledger already had. */
  alreadyLoaded: number;
  failedAttempts: number;
  /** Time spent in loads (successful or not), ms. */
  loadMs: number;
  /** The latest failed attempt, if any. */
  lastFailure: { key: string; errorCode: string; errorMessage: string } | undefined;
}

/**
 * The local Redshift destination.
 *
 * @example
 * const destination = createRedshiftDestination({ warehouse, objectStore: store });
 * const stack = await startLocalStack({ streamSettings, objectStore: store, transform, onDelivered: destination.onDelivered });
 */
export interface RedshiftDestination {
  /** The seam to give the local Firehose. */
  readonly onDelivered: OnDelivered;
  /** Loads one delivered object (what `onDelivered` does); throws a `RedshiftDestinationError` when it fails. */
  load(delivery: Delivery): Promise<LoadOutcome>;
  /** Creates the bookkeeping tables in a schema if they are missing (the first load of a schema does it too). */
  prepare(schema: string): Promise<void>;
  stats(): DestinationStats;
}

/**
 * Creates the Redshift destination of the local Firehose: each facts object announced through `onDelivered` is
 * COPYed into the stream's fact table (`copyRequestForStream`: the stream's table, column list and COPY options
 * with the generated JSONPaths file) and recorded in `<schema>.factline_loaded_objects` in the same transaction, so
 * a repeated announcement loads nothing. A failed load is recorded in `<schema>.factline_load_errors` (and in
 * `errorLogFile`) with Firehose's error code, then thrown, and the local Firehose retries it later.
 *
 * @example
 * const store = createFolderObjectStore({ bucket: 'factline-local', root: '.factline/s3' });
 * const destination = createRedshiftDestination({ warehouse: await createDuckDbWarehouse(), objectStore: store, errorLogFile: '.factline/load-errors.jsonl' });
 * await startLocalStack({ streamSettings: 'generated/stream-settings.json', objectStore: store, transform: handler, onDelivered: destination.onDelivered });
 */
export function createRedshiftDestination(options: RedshiftDestinationOptions): RedshiftDestination {
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => undefined);
  const prepared = new Set<string>();
  // Attempts per key, for when the warehouse cannot be asked (it could not be opened).
  const attempts = new Map<string, number>();
  const stats: DestinationStats = { objectsLoaded: 0, rowsLoaded: 0, alreadyLoaded: 0, failedAttempts: 0, loadMs: 0, lastFailure: undefined };
  if (options.schema !== undefined) checkedSchema(options.schema);

  const withWarehouse = async <T>(fn: (warehouse: Warehouse) => Promise<T>): Promise<T> => {
    if (typeof options.warehouse !== 'function') return fn(options.warehouse);
    const warehouse = await options.warehouse();
    try {
      return await fn(warehouse);
    } finally {
      await warehouse.close();
    }
  };

  const ensureTables = async (warehouse: Warehouse, schema: string): Promise<void> => {
    if (prepared.has(schema)) return;
    for (const sql of createTablesSql(schema)) await warehouse.execute(sql);
    prepared.add(schema);
  };

  const copyOnce = async (warehouse: Warehouse, schema: string, object: ObjectRef, delivery: Delivery): Promise<Omit<LoadOutcome, 'durationMs'>> => {
    await ensureTables(warehouse, schema);
    return warehouse.transaction(async (tx) => {
      if (await isLoaded(tx, schema, object)) return { status: 'already-loaded' as const, rowsLoaded: 0 };
      const result = await tx.copy(copyRequestForStream(delivery.stream, options.objectStore, [delivery.key]));
      await recordLoaded(tx, schema, object, { recordCount: delivery.recordCount, rowsLoaded: result.rowsLoaded, size: delivery.size }, new Date(now()));
      return { status: 'loaded' as const, rowsLoaded: result.rowsLoaded };
    });
  };

  const fail = async (warehouse: Warehouse | undefined, schema: string, object: ObjectRef, failure: ClassifiedFailure, cause: unknown): Promise<RedshiftDestinationError> => {
    if (warehouse !== undefined) await ensureTables(warehouse, schema).catch(() => undefined);
    const fallbackAttempt = (attempts.get(object.key) ?? 0) + 1;
    const { attempt, notes } = await recordLoadFailure({ warehouse, schema, object, failure, fallbackAttempt, errorLogFile: options.errorLogFile, at: new Date(now()) });
    attempts.set(object.key, attempt);
    stats.failedAttempts += 1;
    stats.lastFailure = { key: object.key, errorCode: failure.errorCode, errorMessage: failure.errorMessage };
    const message = [`${failure.errorCode}: loading ${object.key} into ${object.table} failed (attempt ${attempt}): ${failure.errorMessage}`, ...notes].join(' ');
    return new RedshiftDestinationError(RedshiftDestinationErrorCode.LoadFailed, message, {
      deliveryErrorCode: failure.errorCode,
      key: object.key,
      attempt,
      ...(failure.loadError === undefined ? {} : { loadError: failure.loadError }),
      cause,
    });
  };

  const load = async (delivery: Delivery): Promise<LoadOutcome> => {
    const started = performance.now();
    const schema = options.schema ?? checkedSchema(delivery.stream.redshift.table.schema);
    const object: ObjectRef = { key: delivery.key, bucket: delivery.bucket, deliveryStream: delivery.stream.deliveryStreamName, table: delivery.stream.redshift.copyCommand.dataTableName };
    try {
      if (delivery.bucket !== options.objectStore.bucket) {
        const failure = { errorCode: redshiftDeliveryErrorCodes.missingS3File, errorMessage: `the object is in bucket "${delivery.bucket}", but the destination reads bucket "${options.objectStore.bucket}"` };
        throw await fail(undefined, schema, object, failure, undefined);
      }
      let warehouseInUse: Warehouse | undefined;
      const outcome = await withWarehouse(async (warehouse) => {
        warehouseInUse = warehouse;
        try {
          return await copyOnce(warehouse, schema, object, delivery);
        } catch (error) {
          throw await fail(warehouse, schema, object, classifyLoadFailure(error), error);
        }
      }).catch(async (error: unknown) => {
        if (error instanceof RedshiftDestinationError) throw error;
        // The warehouse could not be opened (or closed): nothing to record the failure in but the log file.
        throw await fail(warehouseInUse, schema, object, classifyLoadFailure(error), error);
      });
      attempts.delete(object.key);
      if (outcome.status === 'loaded') {
        stats.objectsLoaded += 1;
        stats.rowsLoaded += outcome.rowsLoaded;
        log({ level: 'info', stream: object.deliveryStream, key: object.key, message: `loaded ${outcome.rowsLoaded} row(s) into ${object.table}` });
      } else {
        stats.alreadyLoaded += 1;
        log({ level: 'info', stream: object.deliveryStream, key: object.key, message: `already loaded into ${object.table}; announcement ignored` });
      }
      return { ...outcome, durationMs: performance.now() - started };
    } finally {
      stats.loadMs += performance.now() - started;
    }
  };

  return {
    onDelivered: async (delivery) => {
      await load(delivery);
    },
    load,
    prepare: (schema) => withWarehouse((warehouse) => ensureTables(warehouse, checkedSchema(schema))),
    stats: () => ({ ...stats }),
  };
}
