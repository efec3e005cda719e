// Getting the local warehouse and bucket ready, as deploying does on AWS: the migrations build the fact tables, and
// the generated JSONPaths files go into the bucket where the COPY options point.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ObjectStore } from '@factline/object-store';
import type { StreamSettings } from '@factline/stream-settings';
import type { MigrationReport, Warehouse } from '@factline/warehouse';
import type { LocalProject } from './project.js';
import { requireGenerated } from './project.js';

/**
 * Applies the DuckDB migrations (`generated/migrations/duckdb`) to the local warehouse.
 *
 * @example
 * const report = await migrateLocalWarehouse(warehouse, project);
 */
export async function migrateLocalWarehouse(warehouse: Warehouse, project: LocalProject, options: { dryRun?: boolean } = {}): Promise<MigrationReport> {
  await requireGenerated(project.duckDbMigrations, project.root);
  return warehouse.migrate({ folder: project.duckDbMigrations, dryRun: options.dryRun ?? false });
}

/**
 * Puts each stream's generated JSONPaths file (`generated/<jsonPathsKey>`) into the bucket under its key, replacing
 * what an earlier generation put there.
 *
 * @example
 * await uploadJsonPaths(store, settings.streams, project); // jsonpaths/booking_facts.json, …
 */
export async function uploadJsonPaths(store: ObjectStore, streams: readonly StreamSettings[], project: LocalProject): Promise<string[]> {
  const keys: string[] = [];
  for (const stream of streams) {
    const key = stream.redshift.jsonPathsKey;
    const file = path.join(project.generatedDir, ...key.split('/'));
    await requireGenerated(file, project.root);
    await store.put(key, await readFile(file));
    keys.push(key);
  }
  return keys;
}
