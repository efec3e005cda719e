// The drill: run the pipeline with a wrong mapping, notice it, fix it, re-derive and recompute; the views must then
// equal, row for row, those of a clean run over the same events. And the same S3 objects delivered twice change
// nothing in the views.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateScenario, type DemoEvent } from '@factline/demo-service';
import { createTransformer } from '@factline/transformer';
import { loadCatalog } from '@factline/catalog';
import { loadProjectViews } from '@factline/codegen';
import { copyRequestForStream, runViewTests } from '@factline/warehouse';
import { describeTransformer, listFactObjects, loadGeneration, recompute, rederive } from '@factline/recovery';
import { buggyDomain, fixedDomain } from '../support/domains.js';
import { repositoryRoot, repositoryViews, snapshot, startPipeline, type Pipeline } from '../support/pipeline.js';

const events: DemoEvent[] = [...generateScenario({ events: 1500, seed: 20260501 })];
let root: string;
let buggy: Pipeline;
let clean: Pipeline;
let viewNames: string[];
let factTables: string[];

async function views(pipeline: Pipeline): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const name of viewNames) out[name] = await snapshot(pipeline.warehouse, name);
  return out;
}

async function tables(pipeline: Pipeline): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const name of factTables) out[name] = await snapshot(pipeline.warehouse, name);
  return out;
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'factline-drill-'));
  viewNames = (await repositoryViews()).filter((v) => v.kind === 'view').map((v) => `${v.schema}.${v.name}`);
  [buggy, clean] = await Promise.all([startPipeline(path.join(root, 'buggy'), buggyDomain()), startPipeline(path.join(root, 'clean'), fixedDomain)]);
  factTables = buggy.settings.streams.map((s) => s.redshift.copyCommand.dataTableName);
  await Promise.all([buggy.send(events), clean.send(events)]);
  await Promise.all([buggy.stop(), clean.stop()]);
}, 120_000);

afterAll(async () => {
  await buggy?.warehouse.close();
  await clean?.warehouse.close();
  if (root !== undefined) await rm(root, { recursive: true, force: true });
});

describe('the drill', () => {
  it('notices the wrong mapping in the views: emails where names belong', async () => {
    const [wrong] = await buggy.warehouse.query<{ n: number }>("select count(*)::int as n from factline.accommodation_provider_current where name like '%@%'");
    const [right] = await clean.warehouse.query<{ n: number }>("select count(*)::int as n from factline.accommodation_provider_current where name like '%@%'");
    expect(wrong!.n).toBeGreaterThan(10);
    expect(right!.n).toBe(0);
  });

  it('runs on events for which the wrong mapping also makes facts the right one does not (an email-only update)', async () => {
    const names = "select fact_id from factline.accommodation_provider_facts where fact_type = 'accommodation_provider.name'";
    const right = new Set((await clean.warehouse.query<{ fact_id: string }>(names)).map((r) => r.fact_id));
    const onlyWrong = (await buggy.warehouse.query<{ fact_id: string }>(names)).filter((r) => !right.has(r.fact_id));
    expect(onlyWrong.length).toBeGreaterThan(0);
  });

  it('passes every view test on the clean run', async () => {
    const { catalog } = await loadCatalog(repositoryRoot);
    const { tests } = await loadProjectViews(catalog, { dialect: 'duckdb' });
    const report = await runViewTests({ warehouse: clean.warehouse, tests });
    expect(report.results.filter((r) => r.status !== 'pass')).toEqual([]);
    expect(report.passed).toBeGreaterThan(25);
  });

  it('after re-deriving with the fixed mapping and recomputing, gives views equal row for row to a clean run', async () => {
    // Prepare: a generation recorded after every delivery; loading it is what incremental delivery would add.
    expect(await views(buggy)).not.toEqual(await views(clean));
    const recordedAt = new Date(Date.now() + 10 * 60_000);
    const manifests = await rederive({
      store: buggy.store,
      streams: buggy.settings.streams,
      transformer: createTransformer({ domain: fixedDomain }),
      recordedAt,
      from: '2000-01-01T00:00:00Z',
      to: recordedAt,
      transformerVersion: describeTransformer({ name: '@factline/transformer', version: 'test' }, fixedDomain),
    });
    for (const manifest of manifests) await loadGeneration({ warehouse: buggy.warehouse, store: buggy.store, stream: buggy.settings.streams.find((s) => s.entity === manifest.entity)!, manifest });
    const incremental = await tables(buggy);
    // Act
    const result = await recompute({ warehouse: buggy.warehouse, store: buggy.store, streams: buggy.settings.streams });
    // Assess
    expect(manifests.map((m) => [m.entity, m.counts.failedEvents])).toEqual(buggy.settings.streams.map((s) => [s.entity, 0]));
    expect(manifests.reduce((n, m) => n + m.counts.events, 0)).toBe(events.length);
    expect(await tables(buggy)).toEqual(incremental);
    expect(result.tables.every((t) => t.generations.length === 1)).toBe(true);
    const [fixedViews, cleanViews] = [await views(buggy), await views(clean)];
    for (const name of viewNames) expect(fixedViews[name], name).toEqual(cleanViews[name]);
    expect(cleanViews['factline.accommodation_provider_current']!.length).toBeGreaterThan(20);
    expect(cleanViews['factline.accommodation_occupancy']!.length).toBeGreaterThan(20);
  });

  it('keeps the views unchanged when the same S3 objects are delivered twice', async () => {
    // Prepare
    const before = await views(clean);
    // Act: COPY every facts object a second time, as an at-least-once delivery would.
    for (const stream of clean.settings.streams) {
      const keys = (await listFactObjects(clean.store, stream)).map((o) => o.key);
      await clean.warehouse.copy(copyRequestForStream(stream, clean.store, keys));
    }
    // Assess
    const [duplicated] = await clean.warehouse.query<{ n: number }>('select count(*)::int - count(distinct fact_id)::int as n from factline.booking_facts');
    expect(duplicated!.n).toBeGreaterThan(100);
    expect(await views(clean)).toEqual(before);
  });
});
