// Replay: events of records the transformer refused (a validator bug) are sent again after the fix, one envelope per
// record, through the producer to the local Firehose; the views then equal a clean run's. An event that is really
// invalid is reported with its reason. Replaying twice sends nothing new and changes nothing in the views.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateScenario, type DemoEvent } from '@factline/demo-service';
import { createProducer } from '@factline/producer';
import { createTransformer } from '@factline/transformer';
import { replay, type ReplayReport } from '@factline/recovery';
import { fixedDomain, strictGuestsDomain } from '../support/domains.js';
import { firehoseClient, repositoryViews, snapshot, startPipeline, type Pipeline } from '../support/pipeline.js';

const events: DemoEvent[] = [...generateScenario({ events: 1200, seed: 11 })];
const invalid = JSON.stringify({
  event_id: '0198a0a0-0000-7000-8000-00000000dead',
  event_type: 'booking.requested',
  event_version: 1,
  occurred_at: '2026-03-01T00:00:00.000Z',
  producer: 'legacy-importer',
  payload: { bookingId: '0198a0a0-0000-7000-8000-00000000beef', guests: 0 },
});
let root: string;
let broken: Pipeline;
let clean: Pipeline;
let viewNames: string[];
let first: ReplayReport;

async function views(pipeline: Pipeline): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const name of viewNames) out[name] = await snapshot(pipeline.warehouse, name);
  return out;
}

/** The demo events, then one invalid event in a record of its own (a sender that bypasses validation). */
async function sendAll(pipeline: Pipeline): Promise<void> {
  await pipeline.send(events);
  const raw = createProducer({ firehose: firehoseClient(pipeline.emulator.endpoint), packing: false });
  await raw.send('factline-booking', invalid);
  await raw.close();
  await pipeline.settle();
}

const replayOnce = (force = false) => replay({ store: broken.store, streams: broken.settings.streams, transformer: createTransformer({ domain: fixedDomain }), firehose: firehoseClient(broken.emulator.endpoint), force });

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'factline-replay-'));
  viewNames = (await repositoryViews()).filter((v) => v.kind === 'view').map((v) => `${v.schema}.${v.name}`);
  [broken, clean] = await Promise.all([startPipeline(path.join(root, 'broken'), strictGuestsDomain()), startPipeline(path.join(root, 'clean'), fixedDomain)]);
  await Promise.all([sendAll(broken), sendAll(clean)]);
  broken.deploy(fixedDomain);
  first = await replayOnce();
  await broken.settle();
}, 120_000);

afterAll(async () => {
  await Promise.all([broken?.stop(), clean?.stop()]);
  await broken?.warehouse.close();
  await clean?.warehouse.close();
  if (root !== undefined) await rm(root, { recursive: true, force: true });
});

describe('replay', () => {
  it('recovers every event of the refused records, and reports the invalid one with its reason', () => {
    const bookingsWithManyGuests = events.filter((e) => e.type === 'booking.requested' && (e.payload as { guests: number }).guests > 4).length;
    expect(bookingsWithManyGuests).toBeGreaterThan(5);
    expect(first.recovered.length).toBeGreaterThan(bookingsWithManyGuests);
    expect(first.recovered.every((e) => e.entity === 'booking')).toBe(true);
    expect(first.stillFailing.map((e) => e.eventId)).toEqual(['0198a0a0-0000-7000-8000-00000000dead']);
    expect(first.stillFailing[0]!.issues.map((i) => i.pointer)).toEqual(expect.arrayContaining(['/payload/accommodationId', '/payload/guests']));
    expect(first).toMatchObject({ notSent: [], alreadyReplayed: 0, dryRun: false });
    expect(first.ledger).toEqual([expect.stringMatching(/^replays\/booking\/\d{8}T\d{9}Z-factline-booking\.json$/)]);
  });

  it('makes the views equal, row for row, to those of a clean run', async () => {
    expect(await views(broken)).toEqual(await views(clean));
  });

  it('sends nothing new the second time, and the views do not change', async () => {
    // Prepare
    const before = await views(broken);
    // Act
    const second = await replayOnce();
    await broken.settle();
    // Assess
    expect(second.recovered).toEqual([]);
    expect(second.alreadyReplayed).toBe(first.recovered.length + first.duplicates);
    expect(second.stillFailing.map((e) => e.eventId)).toEqual(['0198a0a0-0000-7000-8000-00000000dead']);
    expect(await views(broken)).toEqual(before);
  });

  it('sends everything again when forced, and the views still do not change', async () => {
    const before = await views(broken);
    const [rows] = await broken.warehouse.query<{ n: number }>('select count(*)::int as n from factline.booking_facts');
    const forced = await replayOnce(true);
    await broken.settle();
    const [after] = await broken.warehouse.query<{ n: number }>('select count(*)::int as n from factline.booking_facts');
    expect(forced.recovered.length).toBe(first.recovered.length);
    expect(after!.n).toBeGreaterThan(rows!.n);
    expect(await views(broken)).toEqual(before);
  });
});
