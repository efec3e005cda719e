// `pnpm bench:views`: the generated views and recompute over 10,000,000 facts, each against a floor measured in the
// same run, on the same data:
//   1. building `accommodation_provider_history` and `accommodation_provider_current` in DuckDB (materialised into a
//      temporary table) against a bare `GROUP BY entity_id` over the same fact table;
//   2. `recompute` of that fact table from the facts objects of a local master dataset (gzip NDJSON, named like
//      Firehose's) against DuckDB's `read_json` of the same files into a table.
// Each timing is the median of `--rounds` (default 3). The last line of output is one JSON object.
// Options: --facts N (default 10,000,000), --rounds N, --keep (leave the data folder).
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createFolderObjectStore } from '@factline/object-store';
import { readStreamSettings } from '@factline/stream-settings';
import { createDuckDbWarehouse, deployViews, readViewFiles, type DuckDbWarehouse } from '@factline/warehouse';
import { recompute } from '@factline/recovery';

const repositoryRoot = path.resolve(import.meta.dirname, '../../..');
const argument = (name: string, fallback: number): number => {
  const index = process.argv.indexOf(`--${name}`);
  return index < 0 ? fallback : Number(process.argv[index + 1]!.replace(/_/g, ''));
};
const facts = argument('facts', 10_000_000);
const rounds = argument('rounds', 3);
const keep = process.argv.includes('--keep');
const entities = Math.max(1, Math.round(facts / 10));
const factsPerObject = 100_000;
const table = 'factline.accommodation_provider_facts';
const log = (text: string) => process.stdout.write(`${text}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** A UUID-shaped text from an integer expression (deterministic). */
const uuid = (expression: string) => {
  const h = `md5(CAST(${expression} AS VARCHAR))`;
  return `substr(${h}, 1, 8) || '-' || substr(${h}, 9, 4) || '-7' || substr(${h}, 14, 3) || '-8' || substr(${h}, 18, 3) || '-' || substr(${h}, 21, 12)`;
};

/**
 * The facts: `facts` rows over `entities` providers, two facts per event, the six fact types of the entity in turn;
 * plus, as in a real master dataset, the facts of 2% of the events delivered twice (same fact_ids, recorded later: a
 * record is delivered whole) and 1% of the
 * events re-derived (a later recorded_at).
 */
async function generateFacts(warehouse: DuckDbWarehouse): Promise<number> {
  const values = `CASE i % 6 WHEN 0 THEN 'Provider ' || e WHEN 1 THEN 'p' || e || '@example.com' WHEN 2 THEN CASE WHEN e % 3 = 0 THEN 'company' ELSE 'individual' END
    WHEN 3 THEN CASE e % 4 WHEN 0 THEN 'SE' WHEN 1 THEN 'DE' WHEN 2 THEN 'PT' ELSE 'JP' END WHEN 4 THEN CASE WHEN ev % 9 = 0 THEN 'deactivated' ELSE 'active' END ELSE NULL END`;
  await warehouse.execute(`CREATE TEMP TABLE generated AS
    SELECT i, ev, e, ${uuid('i')} AS fact_id, ${uuid("'e' || e")} AS entity_id, ${uuid("'v' || ev")} AS event_id,
      ['accommodation_provider.name', 'accommodation_provider.email', 'accommodation_provider.kind', 'accommodation_provider.country', 'accommodation_provider.status', 'accommodation_provider.deactivation_reason'][i % 6 + 1] AS fact_type,
      TIMESTAMPTZ '2026-01-01 00:00:00+00' + to_milliseconds(ev * 7) AS occurred_at,
      ${values} AS value
    FROM (SELECT i, i // 2 AS ev, ((i // 2) * 7919) % ${entities} AS e FROM range(${facts}) AS t(i))`);
  const insert = (where: string, recorded: string) => `INSERT INTO ${table} (fact_id, entity_id, fact_type, fact_version, occurred_at, recorded_at, event_id, event_type, event_version, name, email, kind, country, status, deactivation_reason)
    SELECT fact_id, entity_id, fact_type, 1, occurred_at, ${recorded}, event_id, 'accommodation_provider.basic_info_updated', 1,
      CASE WHEN i % 6 = 0 THEN value END, CASE WHEN i % 6 = 1 THEN value END, CASE WHEN i % 6 = 2 THEN value END, CASE WHEN i % 6 = 3 THEN value END,
      CASE WHEN i % 6 = 4 THEN value END, CASE WHEN i % 6 = 5 THEN value END
    FROM generated ${where}`;
  await warehouse.execute(insert('', 'occurred_at + INTERVAL 1500 MILLISECOND'));
  await warehouse.execute(insert('WHERE ev % 50 = 0', 'occurred_at + INTERVAL 5 MINUTE'));
  await warehouse.execute(insert('WHERE ev % 100 = 0', "TIMESTAMPTZ '2026-12-01 00:00:00+00'"));
  const [row] = await warehouse.query<{ n: number }>(`select count(*)::bigint as n from ${table}`);
  return Number(row!.n);
}

/** Times a statement `rounds` times, each round after the floor's, and returns the medians. */
async function timeAgainstFloor(warehouse: DuckDbWarehouse, floor: string, subjects: Record<string, string>): Promise<Record<string, number>> {
  const times: Record<string, number[]> = { floor: [], ...Object.fromEntries(Object.keys(subjects).map((k) => [k, []])) };
  const run = async (name: string, sql: string) => {
    const started = performance.now();
    await warehouse.execute(sql);
    times[name]!.push(performance.now() - started);
  };
  for (let round = 0; round < rounds; round++) {
    await run('floor', floor);
    for (const [name, sql] of Object.entries(subjects)) await run(name, sql);
  }
  return Object.fromEntries(Object.entries(times).map(([name, list]) => [name, median(list)]));
}

/** Writes the Firehose deliveries (the first-derivation facts) as gzip NDJSON objects under the stream's layout. */
async function writeMasterDataset(warehouse: DuckDbWarehouse, bucketDir: string, prefix: string, streamName: string): Promise<string[]> {
  const staging = path.join(bucketDir, '..', 'staging');
  const line = `json_object('fact_id', fact_id, 'entity_id', entity_id, 'fact_type', fact_type, 'fact_version', 1,
      'occurred_at', strftime(occurred_at, '%Y-%m-%dT%H:%M:%S.%gZ'), 'recorded_at', strftime(occurred_at + INTERVAL 1500 MILLISECOND, '%Y-%m-%dT%H:%M:%S.%gZ'),
      'event_id', event_id, 'event_type', 'accommodation_provider.basic_info_updated', 'event_version', 1,
      ['name', 'email', 'kind', 'country', 'status', 'deactivation_reason'][i % 6 + 1], value)`;
  await warehouse.execute(`COPY (SELECT i // ${factsPerObject} AS part, CAST(${line} AS VARCHAR) AS line FROM generated ORDER BY i)
    TO '${staging}' (FORMAT csv, HEADER false, QUOTE '', ESCAPE '', COMPRESSION gzip, PARTITION_BY (part), OVERWRITE_OR_IGNORE true)`);
  const keys: string[] = [];
  const parts = (await readdir(staging)).filter((d) => d.startsWith('part=')).sort((a, b) => Number(a.slice(5)) - Number(b.slice(5)));
  for (const part of parts) {
    const n = Number(part.slice(5));
    const files = await readdir(path.join(staging, part));
    for (const [j, file] of files.entries()) {
      const at = new Date(Date.UTC(2026, 0, 1) + n * 60_000 + j * 1000);
      const stamp = at.toISOString().slice(0, 19).replace(/[-T:]/g, '-');
      const key = `${prefix}${at.toISOString().slice(0, 13).replace(/-/g, '/').replace('T', '/')}/${streamName}-1-${stamp}-00000000-0000-4000-8000-${String(n).padStart(8, '0')}${String(j).padStart(4, '0')}.gz`;
      await mkdir(path.dirname(path.join(bucketDir, key)), { recursive: true });
      await rename(path.join(staging, part, file), path.join(bucketDir, key));
      keys.push(key);
    }
  }
  await rm(staging, { recursive: true, force: true });
  return keys;
}

async function main(): Promise<void> {
  const folder = await mkdtemp(path.join(tmpdir(), 'factline-bench-views-'));
  const warehouse = await createDuckDbWarehouse({ path: path.join(folder, 'bench.duckdb'), tempDirectory: folder });
  try {
    log(`factline views bench: ${facts.toLocaleString('en-US')} facts over ${entities.toLocaleString('en-US')} providers, median of ${rounds} round(s), data in ${folder}`);
    await warehouse.migrate({ folder: path.join(repositoryRoot, 'generated/migrations/duckdb') });
    await deployViews({ warehouse, views: await readViewFiles(path.join(repositoryRoot, 'generated/views/duckdb')) });
    let started = performance.now();
    const rows = await generateFacts(warehouse);
    log(`  generated ${rows.toLocaleString('en-US')} fact rows (deliveries, 2% delivered twice, 1% of events re-derived) in ${seconds(performance.now() - started)}`);

    const views = await timeAgainstFloor(warehouse, `CREATE OR REPLACE TEMP TABLE bench_floor AS SELECT entity_id, count(*) AS facts FROM ${table} GROUP BY entity_id`, {
      history: 'CREATE OR REPLACE TEMP TABLE bench_history AS SELECT * FROM factline.accommodation_provider_history',
      current: 'CREATE OR REPLACE TEMP TABLE bench_current AS SELECT * FROM factline.accommodation_provider_current',
    });
    const [counts] = await warehouse.query<{ history: number; current: number; floor: number }>(
      'select (select count(*) from bench_history)::bigint as history, (select count(*) from bench_current)::bigint as current, (select count(*) from bench_floor)::bigint as floor',
    );
    log(`  views: GROUP BY entity_id (floor) ${seconds(views['floor']!)}; history ${seconds(views['history']!)} (${Number(counts!.history).toLocaleString('en-US')} rows, ratio ${(views['history']! / views['floor']!).toFixed(2)}); current ${seconds(views['current']!)} (${Number(counts!.current).toLocaleString('en-US')} rows, ratio ${(views['current']! / views['floor']!).toFixed(2)})`);
    await warehouse.execute('DROP TABLE bench_history; DROP TABLE bench_current; DROP TABLE bench_floor');

    const settings = await readStreamSettings(path.join(repositoryRoot, 'generated/stream-settings.json'));
    const stream = settings.streams.find((s) => s.entity === 'accommodation_provider')!;
    const store = createFolderObjectStore({ bucket: 'factline-bench', root: path.join(folder, 's3') });
    await store.put(stream.redshift.jsonPathsKey, await readFile(path.join(repositoryRoot, 'generated', stream.redshift.jsonPathsKey)));
    started = performance.now();
    const keys = await writeMasterDataset(warehouse, store.directory, stream.s3.prefix, stream.deliveryStreamName);
    await warehouse.execute('DROP TABLE generated');
    const bytes = (await Promise.all(keys.map((k) => stat(path.join(store.directory, k))))).reduce((n, s) => n + s.size, 0);
    log(`  master dataset: ${keys.length} gzip objects, ${(bytes / 2 ** 20).toFixed(0)} MiB, written in ${seconds(performance.now() - started)}`);

    const files = `[${keys.map((k) => `'${path.join(store.directory, k)}'`).join(', ')}]`;
    const loads: { floor: number[]; recompute: number[] } = { floor: [], recompute: [] };
    let loaded = 0;
    for (let round = 0; round < rounds; round++) {
      started = performance.now();
      await warehouse.execute(`CREATE OR REPLACE TEMP TABLE bench_read AS SELECT * FROM read_json(${files}, format = 'newline_delimited')`);
      loads.floor.push(performance.now() - started);
      await warehouse.execute('DROP TABLE bench_read');
      started = performance.now();
      loaded = (await recompute({ warehouse, store, streams: [stream] })).rowsLoaded;
      loads.recompute.push(performance.now() - started);
    }
    const [floorMs, recomputeMs] = [median(loads.floor), median(loads.recompute)];
    log(`  recompute: read_json of the same files (floor) ${seconds(floorMs)}; recompute ${seconds(recomputeMs)} (${loaded.toLocaleString('en-US')} facts, ratio ${(recomputeMs / floorMs).toFixed(2)})`);

    log(
      JSON.stringify({
        bench: 'views',
        facts,
        factRows: rows,
        entities,
        rounds,
        views: {
          floorMs: Math.round(views['floor']!),
          historyMs: Math.round(views['history']!),
          currentMs: Math.round(views['current']!),
          historyRows: Number(counts!.history),
          currentRows: Number(counts!.current),
          historyRatio: Number((views['history']! / views['floor']!).toFixed(3)),
          currentRatio: Number((views['current']! / views['floor']!).toFixed(3)),
        },
        recompute: { objects: keys.length, bytes, facts: loaded, floorMs: Math.round(floorMs), recomputeMs: Math.round(recomputeMs), ratio: Number((recomputeMs / floorMs).toFixed(3)) },
      }),
    );
  } finally {
    await warehouse.close();
    if (!keep) await rm(folder, { recursive: true, force: true });
  }
}

await main();
