// COPY benchmark: 1,000,000 facts in 16 gzip objects loaded through warehouse.copy (JSONPaths, checks, insert),
// against a floor measured in the same run on the same files: DuckDB read_json into a table.
// Run: pnpm --filter @factline/warehouse bench [-- --facts 200000 --rounds 3]. The last line of output is one JSON object.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createDuckDbWarehouse } from '@factline/warehouse';
import { createTestStore } from '../tests/support/folder-store.js';
import { factJsonPaths, factTableDdl, jsonPathsKey } from '../tests/support/facts.js';

const factsArgument = process.argv.indexOf('--facts');
const totalFacts = factsArgument > 0 ? Number(process.argv[factsArgument + 1]) : 1_000_000;
const roundsArgument = process.argv.indexOf('--rounds');
const rounds = roundsArgument > 0 ? Number(process.argv[roundsArgument + 1]) : 3;
const objects = 16;

// A deterministic generator (mulberry32), so every run loads the same bytes.
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uuid(next: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function factLine(next: () => number, i: number): string {
  const values: Record<string, unknown>[] = [
    { email: `user${i}@example.com` },
    { nightly_price: { amountMinor: Math.floor(next() * 100_000), currency: 'EUR' } },
    { rating: Math.round(next() * 500) / 100 },
    { score: next() },
    { active: next() > 0.5 },
    { details: { rooms: Math.floor(next() * 5), view: 'sea' } },
  ];
  const occurred = 1_777_000_000_000 + i * 1000;
  return JSON.stringify({
    fact_id: uuid(next), entity_id: uuid(next), fact_type: 'accommodation_provider.email', fact_version: 1,
    occurred_at: new Date(occurred).toISOString(), recorded_at: new Date(occurred + 1234).toISOString(),
    event_id: uuid(next), event_type: 'accommodation_provider.basic_info_updated', event_version: 1,
    ...values[i % values.length],
  });
}

const folder = await mkdtemp(join(tmpdir(), 'factline-copy-bench-'));
const store = await createTestStore('bench-bucket');
try {
  const next = random(42);
  const keys: string[] = [];
  const perObject = Math.ceil(totalFacts / objects);
  for (let o = 0; o < objects; o += 1) {
    const lines: string[] = [];
    for (let i = o * perObject; i < Math.min(totalFacts, (o + 1) * perObject); i += 1) lines.push(`${factLine(next, i)}\n`);
    const key = `facts/accommodation_provider/2026/05/01/10/factline-accommodation-provider-1-2026-05-01-10-00-${String(o).padStart(2, '0')}-bench.gz`;
    await store.put(key, gzipSync(lines.join('')));
    keys.push(key);
  }
  await store.put(jsonPathsKey, JSON.stringify(factJsonPaths));
  const files = keys.map((k) => join(store.root, ...k.split('/')));
  const bytes = (await Promise.all(files.map((f) => readFile(f)))).reduce((sum, b) => sum + b.length, 0);

  const warehouse = await createDuckDbWarehouse({ path: join(folder, 'bench.duckdb'), tempDirectory: folder });
  await warehouse.execute(factTableDdl.replace('strlen(email) <= 16', 'strlen(email) <= 254'));
  const list = files.map((f) => `'${f}'`).join(', ');

  // Floor and COPY alternate for a few rounds and the medians are compared, so a busy machine weighs on both alike.
  const floorTimes: number[] = [];
  const readOnlyTimes: number[] = [];
  const copyTimes: number[] = [];
  let rowsLoaded = 0;
  const timed = async (fn: () => Promise<unknown>): Promise<number> => {
    const started = performance.now();
    await fn();
    return performance.now() - started;
  };
  for (let round = 0; round < rounds; round += 1) {
    // Floor: DuckDB's own JSON reader into a table, same files, same database.
    await warehouse.execute('drop table if exists factline.floor');
    floorTimes.push(await timed(() => warehouse.execute(`create table factline.floor as select * from read_json([${list}], format = 'newline_delimited', compression = 'gzip')`)));
    readOnlyTimes.push(await timed(() => warehouse.query(`select count(*) from read_json([${list}], format = 'newline_delimited', compression = 'gzip')`)));
    await warehouse.execute('delete from factline.provider_facts');
    copyTimes.push(
      await timed(async () => {
        const result = await warehouse.copy({ store, table: 'factline.provider_facts', keys, options: `JSON 's3://bench-bucket/${jsonPathsKey}' TIMEFORMAT 'auto' GZIP` });
        rowsLoaded = result.rowsLoaded;
      }),
    );
  }
  await warehouse.close();

  if (rowsLoaded !== totalFacts) throw new Error(`loaded ${rowsLoaded} rows, expected ${totalFacts}`);
  const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
  const floorMs = median(floorTimes);
  const readOnlyMs = median(readOnlyTimes);
  const copyMs = median(copyTimes);
  const round2 = (n: number): number => Math.round(n * 100) / 100;
  const list2 = (values: number[]): string => values.map((v) => v.toFixed(0)).join(', ');
  console.log(`facts ${totalFacts} in ${objects} gzip objects (${(bytes / 1e6).toFixed(1)} MB), ${rounds} rounds, medians`);
  console.log(`floor  read_json into a table: ${floorMs.toFixed(0)} ms [${list2(floorTimes)}] (count only: ${readOnlyMs.toFixed(0)} ms [${list2(readOnlyTimes)}])`);
  console.log(`copy   warehouse.copy:         ${copyMs.toFixed(0)} ms [${list2(copyTimes)}], ${Math.round(totalFacts / (copyMs / 1000))} facts/s`);
  console.log(JSON.stringify({ bench: 'warehouse-copy', facts: totalFacts, objects, rounds, copyMs: Math.round(copyMs), floorMs: Math.round(floorMs), readOnlyFloorMs: Math.round(readOnlyMs), ratio: round2(copyMs / floorMs), ratioToReadOnly: round2(copyMs / readOnlyMs), factsPerSecond: Math.round(totalFacts / (copyMs / 1000)) }));
} finally {
  await store.remove();
  await rm(folder, { recursive: true, force: true });
}
