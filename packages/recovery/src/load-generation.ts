// Loading one re-derived generation into its fact table without a full recompute: its objects are COPYed in one
// transaction, once (a generation already in the table, recognised by its recorded_at, is not loaded again).
import type { ObjectStore } from '@factline/object-store';
import type { StreamSettings } from '@factline/stream-settings';
import { copyRequestForStream, type Warehouse } from '@factline/warehouse';
import { RecoveryError, RecoveryErrorCode } from './errors.js';
import type { GenerationManifest } from './manifest.js';

/**
 * What `loadGeneration` did.
 *
 * @example
 * const { status, rowsLoaded } = await loadGeneration({ warehouse, store, stream, manifest });
 */
export interface LoadGenerationResult {
  generation: string;
  table: string;
  status: 'loaded' | 'already-loaded';
  rowsLoaded: number;
}

/**
 * COPYs a generation's facts objects into the stream's fact table, in one transaction. The table's rows recorded at
 * the generation's recorded_at tell whether it is loaded: all of them (nothing to do), none (load), or some (refused:
 * recompute instead).
 *
 * @example
 * for (const manifest of await rederive(options)) await loadGeneration({ warehouse, store, stream: byEntity(manifest.entity), manifest });
 */
export async function loadGeneration(options: { warehouse: Warehouse; store: ObjectStore; stream: StreamSettings; manifest: GenerationManifest; objectsPerCopy?: number }): Promise<LoadGenerationResult> {
  const { warehouse, store, stream, manifest } = options;
  const table = stream.redshift.copyCommand.dataTableName;
  const perCopy = options.objectsPerCopy ?? 64;
  const at = new Date(manifest.recordedAt);
  return warehouse.transaction(async (tx) => {
    const [row] = await tx.query<{ n: number | bigint }>(`select count(*) as n from ${table} where recorded_at = :at`, { at });
    const present = Number(row?.n ?? 0);
    if (present === manifest.counts.facts && present > 0) return { generation: manifest.generation, table, status: 'already-loaded' as const, rowsLoaded: 0 };
    if (present > 0) {
      throw new RecoveryError(RecoveryErrorCode.generationConflict, `${table} holds ${present} of the ${manifest.counts.facts} facts of generation ${manifest.generation}; rebuild the table with recompute`, { entity: stream.entity });
    }
    let rowsLoaded = 0;
    const keys = manifest.objects.map((o) => o.key);
    for (let i = 0; i < keys.length; i += perCopy) rowsLoaded += (await tx.copy(copyRequestForStream(stream, store, keys.slice(i, i + perCopy)))).rowsLoaded;
    return { generation: manifest.generation, table, status: 'loaded' as const, rowsLoaded };
  });
}
