// Recompute: rebuild every fact table from the master dataset alone. In one transaction per table, every row is
// deleted and every facts object (Firehose's deliveries and the re-derived generations) is COPYed again, with the
// same COPY Firehose runs, so the result equals what incremental delivery produced, row for row.
import type { ObjectStore } from '@factline/object-store';
import type { StreamSettings } from '@factline/stream-settings';
import { copyRequestForStream, type Warehouse } from '@factline/warehouse';
import { RecoveryError, RecoveryErrorCode } from './errors.js';
import { listFactObjects, type FactObject } from './fact-objects.js';
import { addToLoadLedger, hasLoadLedger } from './load-ledger.js';

/**
 * Options of `recompute`.
 *
 * @example
 * const options: RecomputeOptions = { warehouse, store, streams: settings.streams, onProgress: (p) => bar.update(p.bytesDone) };
 */
export interface RecomputeOptions {
  warehouse: Warehouse;
  store: ObjectStore;
  /** The streams whose fact tables are rebuilt. */
  streams: readonly StreamSettings[];
  /** Objects per COPY. Default 64 (a COPY has a fixed cost; too many at once hold much in memory). */
  objectsPerCopy?: number;
  /** Called before the first object and after each COPY. */
  onProgress?: (progress: RecomputeProgress) => void;
  /** The clock of the ledger rows it adds. Default `() => new Date()`. */
  now?: () => Date;
}

/**
 * Where a recompute is, over all streams.
 *
 * @example
 * const percent = (p: RecomputeProgress) => (100 * p.bytesDone) / Math.max(1, p.bytesTotal);
 */
export interface RecomputeProgress {
  table: string;
  objectsDone: number;
  objectsTotal: number;
  bytesDone: number;
  bytesTotal: number;
  rowsLoaded: number;
}

/**
 * What a recompute rebuilt, per table.
 *
 * @example
 * for (const t of result.tables) console.log(t.table, t.objects, t.rowsLoaded, t.generations);
 */
export interface RecomputeResult {
  tables: { table: string; entity: string; objects: number; generations: string[]; rowsBefore: number; rowsLoaded: number; ledgerKeysAdded: number }[];
  objects: number;
  rowsLoaded: number;
}

/**
 * Rebuilds the fact table of each stream from the objects of the master dataset, each table in its own transaction
 * (readers see the old rows until it commits; a failure leaves the table as it was). The views read the tables, so
 * they are rebuilt with them. Stop deliveries into the warehouse while it runs: an object delivered after the listing
 * would be deleted with the rest and not loaded again.
 *
 * @example
 * const result = await recompute({ warehouse, store, streams: settings.streams });
 * console.log(`${result.rowsLoaded} facts from ${result.objects} objects`);
 */
export async function recompute(options: RecomputeOptions): Promise<RecomputeResult> {
  const { warehouse, store } = options;
  const perCopy = options.objectsPerCopy ?? 64;
  if (!Number.isInteger(perCopy) || perCopy < 1) throw new RecoveryError(RecoveryErrorCode.invalidOptions, `objectsPerCopy must be a positive integer, got ${perCopy}`);
  const now = options.now ?? (() => new Date());
  const listed = await Promise.all(options.streams.map(async (stream) => ({ stream, objects: await listFactObjects(store, stream) })));
  const progress: RecomputeProgress = { table: '', objectsDone: 0, objectsTotal: listed.reduce((n, l) => n + l.objects.length, 0), bytesDone: 0, bytesTotal: listed.reduce((n, l) => n + l.objects.reduce((b, o) => b + o.size, 0), 0), rowsLoaded: 0 };
  const result: RecomputeResult = { tables: [], objects: 0, rowsLoaded: 0 };
  for (const { stream, objects } of listed) {
    const table = stream.redshift.copyCommand.dataTableName;
    progress.table = table;
    options.onProgress?.({ ...progress });
    const summary = await warehouse.transaction(async (tx) => {
      const [before] = await tx.query<{ n: number | bigint }>(`select count(*) as n from ${table}`);
      await tx.execute(`delete from ${table}`);
      let rowsLoaded = 0;
      for (let i = 0; i < objects.length; i += perCopy) {
        const chunk: FactObject[] = objects.slice(i, i + perCopy);
        const copied = await tx.copy(copyRequestForStream(stream, store, chunk.map((o) => o.key)));
        rowsLoaded += copied.rowsLoaded;
        progress.objectsDone += chunk.length;
        progress.bytesDone += chunk.reduce((b, o) => b + o.size, 0);
        progress.rowsLoaded += copied.rowsLoaded;
        options.onProgress?.({ ...progress });
      }
      const schema = stream.redshift.table.schema;
      const delivered = objects.filter((o) => o.generation === undefined);
      const ledgerKeysAdded = (await hasLoadLedger(tx, schema)) ? await addToLoadLedger(tx, schema, { bucket: store.bucket, deliveryStream: stream.deliveryStreamName, table, objects: delivered, at: now() }) : 0;
      return { rowsBefore: Number(before?.n ?? 0), rowsLoaded, ledgerKeysAdded };
    });
    const generations = [...new Set(objects.map((o) => o.generation).filter((g): g is string => g !== undefined))];
    result.tables.push({ table, entity: stream.entity, objects: objects.length, generations, ...summary });
    result.objects += objects.length;
    result.rowsLoaded += summary.rowsLoaded;
  }
  return result;
}
