// Recompute rebuilds the fact tables from the master dataset alone: the result equals what incremental delivery
// produced, row for row, also when Firehose delivered objects twice; progress is reported; the local destination's
// ledger ends up knowing every delivered key.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateScenario } from '@factline/demo-service';
import { recompute, type RecomputeProgress } from '@factline/recovery';
import { fixedDomain } from '../support/domains.js';
import { repositoryViews, snapshot, startPipeline, type Pipeline } from '../support/pipeline.js';

let root: string;
let pipeline: Pipeline;
let relations: string[];

async function everything(): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const name of relations) out[name] = await snapshot(pipeline.warehouse, name);
  return out;
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'factline-recompute-'));
  pipeline = await startPipeline(path.join(root, 'run'), fixedDomain, { faults: { redeliveryRate: 0.5 } });
  const views = (await repositoryViews()).filter((v) => v.kind === 'view').map((v) => `${v.schema}.${v.name}`);
  relations = [...pipeline.settings.streams.map((s) => s.redshift.copyCommand.dataTableName), ...views];
  const events = [...generateScenario({ events: 800, seed: 5 })];
  // Several deliveries per stream, so that some objects are delivered twice.
  for (let i = 0; i < events.length; i += 200) await pipeline.send(events.slice(i, i + 200));
  await pipeline.stop();
}, 120_000);

afterAll(async () => {
  await pipeline?.warehouse.close();
  if (root !== undefined) await rm(root, { recursive: true, force: true });
});

describe('recompute', () => {
  it('gives the fact tables and views incremental delivery produced, row for row, duplicates included', async () => {
    // Prepare
    const redelivered = pipeline.emulator.status().streams.reduce((n, s) => n + s.redelivered, 0);
    const incremental = await everything();
    const progress: RecomputeProgress[] = [];
    // Act
    const result = await recompute({ warehouse: pipeline.warehouse, store: pipeline.store, streams: pipeline.settings.streams, objectsPerCopy: 3, onProgress: (p) => progress.push(p) });
    // Assess
    expect(redelivered).toBeGreaterThan(0);
    expect(await everything()).toEqual(incremental);
    expect(result.tables.map((t) => [t.table, t.rowsLoaded])).toEqual(result.tables.map((t) => [t.table, t.rowsBefore]));
    expect(result.rowsLoaded).toBe(Object.entries(incremental).filter(([name]) => name.endsWith('_facts')).reduce((n, [, rows]) => n + rows.length, 0));
    const last = progress.at(-1)!;
    expect(last).toMatchObject({ objectsDone: result.objects, objectsTotal: result.objects, rowsLoaded: result.rowsLoaded });
    expect(last.bytesDone).toBe(last.bytesTotal);
    expect(progress.map((p) => p.objectsDone)).toEqual([...progress.map((p) => p.objectsDone)].sort((a, b) => a - b));
  });

  it('adds the delivered keys the local destination ledger lacks, so a late announcement loads nothing twice', async () => {
    // Prepare
    const [some] = await pipeline.warehouse.query<{ object_key: string }>('select object_key from factline.factline_loaded_objects order by object_key limit 1');
    await pipeline.warehouse.execute('delete from factline.factline_loaded_objects where object_key = :key', { key: some!.object_key });
    // Act
    const result = await recompute({ warehouse: pipeline.warehouse, store: pipeline.store, streams: pipeline.settings.streams });
    // Assess
    expect(result.tables.reduce((n, t) => n + t.ledgerKeysAdded, 0)).toBe(1);
    expect(await pipeline.warehouse.query('select count(*)::int as n from factline.factline_loaded_objects where object_key = :key', { key: some!.object_key })).toEqual([{ n: 1 }]);
  });

  it('leaves a table as it was when a load fails', async () => {
    // Prepare
    const stream = pipeline.settings.streams.find((s) => s.entity === 'booking')!;
    const before = await snapshot(pipeline.warehouse, 'factline.booking_facts');
    await pipeline.store.put(`${stream.s3.prefix}2099/01/01/00/factline-booking-1-2099-01-01-00-00-00-00000000-0000-4000-8000-000000000000.gz`, 'not gzip, not json');
    // Act
    const error = await recompute({ warehouse: pipeline.warehouse, store: pipeline.store, streams: [stream] }).catch((e: unknown) => e);
    // Assess
    expect(error).toMatchObject({ code: 'COPY_LOAD_FAILED' });
    expect(await snapshot(pipeline.warehouse, 'factline.booking_facts')).toEqual(before);
  });
});
