// `factline views deploy | test | check | compile`, `factline recompute`, `factline rederive` and `factline replay`
// on a local data folder that `factline demo` filled.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFirehoseEmulator, type FirehoseEmulator } from '@factline/local';
import { createFolderObjectStore } from '@factline/object-store';
import { readStreamSettings } from '@factline/stream-settings';
import { runCaptured } from '../support/capture.js';
import { repositoryRoot, temporaryProject } from '../support/local-project.js';

let dataDir: string;
let remove: () => Promise<void>;
const cli = (...args: string[]) => runCaptured([...args, '--data-dir', dataDir], repositoryRoot);
const sql = async (query: string): Promise<Record<string, unknown>[]> => {
  const run = await cli('sql', '--json', query);
  if (run.code !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as Record<string, unknown>[];
};
const viewRows = () => sql("select 'p' as v, count(*) as n, md5(string_agg(entity_id || coalesce(name, '') || is_active, ',' order by entity_id)) as h from factline.accommodation_provider_current union all select 'o', count(*), md5(string_agg(accommodation_id || month || occupied_nights, ',' order by accommodation_id, month)) from factline.accommodation_occupancy order by 1");

beforeAll(async () => {
  ({ dataDir, remove } = await temporaryProject());
  const demo = await cli('demo', '--events', '600', '--seed', '9');
  if (demo.code !== 0) throw new Error(`the demo failed: ${demo.stderr}`);
}, 120_000);
afterAll(async () => remove());

describe('factline views', () => {
  it('deploy finds the views the demo built unchanged, and a forced deploy re-creates them', async () => {
    // Act
    const again = await cli('views', 'deploy');
    const forced = await cli('views', 'deploy', '--force');
    // Assess
    expect(again).toMatchObject({ code: 0, stderr: '' });
    expect(again.stdout).toMatch(/views \(duckdb\): 0 created, 0 replaced, 11 unchanged, 0 dropped \(ledger factline\.factline_views\)/);
    expect(forced.stdout).toMatch(/0 created, 11 replaced/);
    expect(forced.stdout).toMatch(/replaced +factline\.accommodation_occupancy +views\/accommodation_occupancy\.sql/);
  });

  it('test runs the generated and the analysts\' tests and passes them', async () => {
    const run = await cli('views', 'test');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('pass   accommodation_occupancy: unique(accommodation_id, month)');
    expect(run.stdout).toContain('pass   tests/bookings_confirmed_after_requested');
    expect(run.stdout).toMatch(/\d+ test\(s\): \d+ passed, 0 failed, 0 error\(s\)/);
  });

  it('test fails, with the rows breaking a test, when the data breaks it', async () => {
    // Prepare: a booking that references an accommodation nobody listed.
    await cli('sql', "insert into factline.booking_facts (fact_id, entity_id, fact_type, fact_version, occurred_at, recorded_at, event_id, event_type, event_version, accommodation) values ('00000000-0000-4000-8000-00000000f00d', '00000000-0000-4000-8000-0000000b00c1', 'booking.accommodation', 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:01Z', '00000000-0000-4000-8000-00000000e0e0', 'booking.requested', 1, '00000000-0000-4000-8000-00000000dead')");
    // Act
    const run = await cli('views', 'test', '--select', 'relationships');
    await cli('sql', "delete from factline.booking_facts where fact_id = '00000000-0000-4000-8000-00000000f00d'");
    // Assess
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('FAIL   booking_history: relationships(accommodation -> factline.accommodation_history.entity_id)  (generated/views/duckdb/booking_history.sql)');
    expect(run.stdout).toContain('accommodation=00000000-0000-4000-8000-00000000dead, occurrences=1');
  });

  it('check reads views/ for both dialects without a warehouse', async () => {
    const run = await runCaptured(['views', 'check'], repositoryRoot);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('redshift: 2 view(s) in views/ (accommodation_occupancy, provider_conversion)');
  });

  it('compile prints a view as Redshift runs it: late-binding', async () => {
    const run = await runCaptured(['views', 'compile', 'provider_conversion', '--dialect', 'redshift'], repositoryRoot);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/-- views\/provider_conversion\.sql\nCREATE VIEW factline\.provider_conversion AS\n/);
    expect(run.stdout).toContain('WITH NO SCHEMA BINDING;');
    expect(run.stdout).toContain('-- test provider_conversion: unique(provider_id) (views/provider_conversion.sql:');
  });
});

describe('factline recompute', () => {
  it('rebuilds the fact tables from the folder bucket to the same facts, and the views read the same', async () => {
    // Prepare
    const count = "select fact_type, count(*) as n, md5(string_agg(fact_id || recorded_at, ',' order by fact_id, recorded_at)) as h from factline.booking_facts group by 1 order by 1";
    const [facts, views] = [await sql(count), await viewRows()];
    // Act
    const run = await cli('recompute');
    // Assess
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/factline\.booking_facts: [\d,]+ facts from \d+ object\(s\) \(was [\d,]+\)/);
    expect(run.stdout).toMatch(/views \(duckdb\): 0 created, 0 replaced, 11 unchanged/);
    expect(await sql(count)).toEqual(facts);
    expect(await viewRows()).toEqual(views);
  });

  it('refuses an entity that does not exist', async () => {
    const run = await cli('recompute', '--entity', 'nope');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--entity nope: no such entity');
  });
});

describe('factline rederive', () => {
  it('writes a generation beside the deliveries and loads it; the views read the same (the transformer did not change)', async () => {
    // Prepare
    const views = await viewRows();
    const recordedAt = new Date(Date.now() + 3_600_000).toISOString();
    // Act
    const run = await cli('rederive', '--from', '2000-01-01T00:00:00Z', '--to', new Date(Date.now() + 60_000).toISOString(), '--recorded-at', recordedAt, '--entity', 'accommodation_provider');
    // Assess
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/accommodation_provider: generation \d{8}T\d{9}Z, [\d,]+ facts from [\d,]+ events/);
    expect(run.stdout).toMatch(/factline\.accommodation_provider_facts: loaded [\d,]+ facts/);
    const generations = await readdir(path.join(dataDir, 's3', 'factline-local', 'facts', 'accommodation_provider', 'generations'));
    expect(generations).toHaveLength(1);
    expect(await sql(`select count(*) as n from factline.accommodation_provider_facts where recorded_at = '${recordedAt}'`)).not.toEqual([{ n: 0 }]);
    expect(await viewRows()).toEqual(views);
  });

  it('refuses a recordedAt before the facts it would replace', async () => {
    const run = await cli('rederive', '--from', '2000-01-01T00:00:00Z', '--to', new Date(Date.now() + 60_000).toISOString(), '--recorded-at', '2001-01-01T00:00:00Z');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/recordedAt 2001-01-01T00:00:00\.000Z is not later than/);
  });
});

describe('factline replay', () => {
  let emulator: FirehoseEmulator;
  let received: string[];

  beforeAll(async () => {
    // A processing-failed record whose one event is valid (its batch failed for a transient reason).
    const settings = await readStreamSettings(path.join(repositoryRoot, 'generated/stream-settings.json'));
    const stream = settings.streams.find((s) => s.entity === 'booking')!;
    const store = createFolderObjectStore({ bucket: 'factline-local', root: path.join(dataDir, 's3') });
    const event = JSON.stringify({ event_id: '0198a0a0-0000-7000-8000-000000000001', event_type: 'booking.confirmed', event_version: 1, occurred_at: '2026-04-01T00:00:00.000Z', producer: 'demo-service', payload: { bookingId: '0198a0a0-0000-7000-8000-000000000002' } });
    const record = { attemptsMade: 4, arrivalTimestamp: 1775001600000, errorCode: 'Lambda.FunctionTimedOut', errorMessage: 'timed out', attemptEndingTimestamp: 1775001700000, rawData: Buffer.from(`${event}\n`).toString('base64'), lambdaArn: 'arn:aws:lambda:us-east-1:000000000000:function:factline-transformer:$LATEST' };
    await store.put(`${stream.s3.processingFailedPrefix}2026/04/01/00/factline-booking-1-2026-04-01-00-00-00-00000000-0000-4000-8000-0000000000aa.gz`, gzipSync(`${JSON.stringify(record)}\n`));
    // A local Firehose without a transformer, to see what replay sends.
    received = [];
    emulator = await startFirehoseEmulator({ streams: settings.streams, port: 0, dataDir: path.join(dataDir, 'replay-target'), onDelivered: async (d) => void received.push(d.key) });
  });
  afterAll(async () => emulator?.close());

  it('with --dry-run says what it would send, and sends nothing', async () => {
    const run = await cli('replay', '--dry-run', '--firehose-endpoint', emulator.endpoint);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Read 1 failed record(s) in 1 processing-failed object(s): 1 event(s)');
    expect(run.stdout).toContain('would recover  1 event(s) (dry run: nothing sent)');
    expect(emulator.status().streams.reduce((n, s) => n + s.received, 0)).toBe(0);
  });

  it('sends the event once, and a second run finds it already replayed', async () => {
    // Act
    const first = await cli('replay', '--firehose-endpoint', emulator.endpoint);
    const second = await cli('replay', '--firehose-endpoint', emulator.endpoint);
    await emulator.flush();
    // Assess
    expect(first.stdout).toContain('recovered  1 event(s), sent one per record');
    expect(first.stdout).toContain('booking.confirmed 0198a0a0-0000-7000-8000-000000000001');
    expect(first.stdout).toMatch(/ledger: replays\/booking\/\d{8}T\d{9}Z-factline-booking\.json/);
    expect(second.stdout).toContain('recovered  0 event(s)');
    expect(second.stdout).toContain('already replayed by an earlier run: 1 event(s)');
    expect(emulator.status().streams.find((s) => s.entity === 'booking')!.received).toBe(1);
    expect(received).toHaveLength(1);
  });
});
