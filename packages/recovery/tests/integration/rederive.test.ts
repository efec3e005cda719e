// Re-deriving from the raw source backup: a new generation next to the old facts, recorded at the run's time,
// deterministic, with a manifest; events still refused are listed; a range is honoured; and recordedAt or a later
// generation that would make the views keep the old facts is refused.
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateScenario, type DemoEvent } from '@factline/demo-service';
import { domain } from '@factline/events';
import { createTransformer } from '@factline/transformer';
import { listFactObjects, rederive, RecoveryError, type RederiveOptions } from '@factline/recovery';
import { envelope, testBucket, type TestBucket } from '../support/master-dataset.js';

const events: DemoEvent[] = [...generateScenario({ events: 300, seed: 3 })];
const providerEvents = events.filter((e) => e.type.startsWith('accommodation_provider.')).map(envelope);
const transformer = createTransformer({ domain });
let bucket: TestBucket;

const options = (extra: Partial<RederiveOptions> = {}): RederiveOptions => ({
  store: bucket.store,
  streams: [bucket.stream('accommodation_provider')],
  transformer,
  recordedAt: '2026-06-01T00:00:00.000Z',
  from: '2026-05-01T00:00:00Z',
  to: '2026-05-02T00:00:00Z',
  transformerVersion: 'test-transformer 1',
  ...extra,
});

async function objectText(key: string): Promise<string> {
  const bytes = await bucket.store.get(key);
  return gunzipSync(bytes).toString('utf8');
}

beforeEach(async () => {
  bucket = await testBucket();
});
afterEach(async () => {
  await bucket.dispose();
});

describe('rederive', () => {
  it('writes a generation of facts recorded at its own time, and its manifest, beside the raw object layout', async () => {
    // Prepare
    const source = await bucket.putRaw('accommodation_provider', '2026-05-01T10:15:30Z', providerEvents);
    // Act
    const [manifest] = await rederive(options());
    // Assess
    const key = 'facts/accommodation_provider/generations/20260601T000000000Z/2026/05/01/10/factline-accommodation-provider-1-2026-05-01-10-15-30-0d3c6d0e-0b7e-4bd4-9f0e-5c5e0a2b7d11.gz';
    expect(manifest).toMatchObject({
      formatVersion: 1,
      generation: '20260601T000000000Z',
      entity: 'accommodation_provider',
      deliveryStream: 'factline-accommodation-provider',
      recordedAt: '2026-06-01T00:00:00.000Z',
      range: { from: '2026-05-01T00:00:00.000Z', to: '2026-05-02T00:00:00.000Z' },
      transformerVersion: 'test-transformer 1',
      counts: { rawObjects: 1, events: providerEvents.length, failedEvents: 0, factObjects: 1 },
      objects: [{ key, source, events: providerEvents.length }],
      failures: [],
    });
    const facts = (await objectText(key)).trimEnd().split('\n').map((line) => JSON.parse(line) as { recorded_at: string; fact_type: string });
    expect(facts).toHaveLength(manifest!.counts.facts);
    expect(new Set(facts.map((f) => f.recorded_at))).toEqual(new Set(['2026-06-01T00:00:00.000Z']));
    expect(JSON.parse(new TextDecoder().decode(await bucket.store.get('facts/accommodation_provider/generations/20260601T000000000Z/manifest.json')))).toEqual(manifest);
    expect((await listFactObjects(bucket.store, bucket.stream('accommodation_provider'))).map((o) => [o.key, o.generation])).toEqual([[key, '20260601T000000000Z']]);
  });

  it('gives the same bytes when run again, so a run can be repeated to repair an interrupted one', async () => {
    await bucket.putRaw('accommodation_provider', '2026-05-01T10:15:30Z', providerEvents);
    const [first] = await rederive(options());
    const bytes = await bucket.store.get(first!.objects[0]!.key);
    const [second] = await rederive(options());
    expect(second).toEqual(first);
    expect(await bucket.store.get(first!.objects[0]!.key)).toEqual(bytes);
  });

  it('re-derives only the raw objects that arrived in the range', async () => {
    await bucket.putRaw('accommodation_provider', '2026-04-30T23:59:59Z', providerEvents.slice(0, 5), '00000000-0000-4000-8000-000000000001');
    const inside = await bucket.putRaw('accommodation_provider', '2026-05-01T00:00:00Z', providerEvents.slice(5, 10), '00000000-0000-4000-8000-000000000002');
    await bucket.putRaw('accommodation_provider', '2026-05-02T00:00:00Z', providerEvents.slice(10, 15), '00000000-0000-4000-8000-000000000003');
    const [manifest] = await rederive(options());
    expect(manifest!.objects.map((o) => o.source)).toEqual([inside]);
    expect(manifest!.counts.events).toBe(5);
  });

  it('lists the events the transformer still refuses, and derives the others of the same object', async () => {
    // Prepare
    const bad = JSON.stringify({ ...JSON.parse(providerEvents[0]!), event_id: '0198a0a0-0000-7000-8000-000000000bad', payload: { providerId: 'not-a-uuid' } });
    await bucket.putRaw('accommodation_provider', '2026-05-01T10:00:00Z', [providerEvents[0]!, bad, 'not json at all', providerEvents[1]!]);
    // Act
    const [manifest] = await rederive(options());
    // Assess
    expect(manifest!.counts).toMatchObject({ events: 4, failedEvents: 2, factObjects: 1 });
    expect(manifest!.objects[0]!.facts).toBeGreaterThan(0);
    expect(manifest!.failures.map((f) => [f.index, f.eventId])).toEqual([
      [1, '0198a0a0-0000-7000-8000-000000000bad'],
      [2, undefined],
    ]);
    expect(manifest!.failures[0]!.issues[0]).toMatchObject({ pointer: expect.stringMatching(/^\/payload/) });
  });

  it('refuses a recordedAt that is not after the last arrival of the range', async () => {
    await bucket.putRaw('accommodation_provider', '2026-05-01T23:58:00Z', providerEvents);
    const error = await rederive(options({ recordedAt: '2026-05-02T00:01:00Z' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecoveryError);
    expect(error).toMatchObject({ code: 'RECORDED_AT_TOO_EARLY', entity: 'accommodation_provider' });
    expect(await bucket.store.get('facts/accommodation_provider/generations/20260502T000100000Z/manifest.json').catch((e: { code?: string }) => e.code)).toBe('OBJECT_NOT_FOUND');
  });

  it('refuses to be shadowed by a later generation over the same range, or to rewrite a generation with other settings', async () => {
    await bucket.putRaw('accommodation_provider', '2026-05-01T10:00:00Z', providerEvents);
    await rederive(options({ recordedAt: '2026-07-01T00:00:00Z' }));
    await expect(rederive(options({ recordedAt: '2026-06-01T00:00:00Z' }))).rejects.toMatchObject({ code: 'GENERATION_CONFLICT', message: expect.stringContaining('20260701T000000000Z') });
    await expect(rederive(options({ recordedAt: '2026-07-01T00:00:00Z', transformerVersion: 'another' }))).rejects.toMatchObject({ code: 'GENERATION_CONFLICT' });
  });

  it('refuses an empty range and a time without a zone', async () => {
    await expect(rederive(options({ from: '2026-05-02T00:00:00Z', to: '2026-05-01T00:00:00Z' }))).rejects.toMatchObject({ code: 'INVALID_OPTIONS' });
    await expect(rederive(options({ recordedAt: '2026-06-01T00:00:00' }))).rejects.toMatchObject({ code: 'INVALID_OPTIONS', message: expect.stringContaining('recordedAt') });
  });

  it('ignores a generation without a manifest, and refuses one whose manifest lists a missing object', async () => {
    await bucket.putRaw('accommodation_provider', '2026-05-01T10:00:00Z', providerEvents);
    const stream = bucket.stream('accommodation_provider');
    const [manifest] = await rederive(options());
    await bucket.store.put('facts/accommodation_provider/generations/20260801T000000000Z/2026/05/01/10/part.gz', 'half-written');
    expect((await listFactObjects(bucket.store, stream)).map((o) => o.generation)).toEqual([manifest!.generation]);
    await bucket.store.put('facts/accommodation_provider/generations/20260601T000000000Z/manifest.json', JSON.stringify({ ...manifest, objects: [...manifest!.objects, { key: 'facts/accommodation_provider/generations/20260601T000000000Z/gone.gz', source: 'x', events: 1, facts: 1 }] }));
    await expect(listFactObjects(bucket.store, stream)).rejects.toMatchObject({ code: 'MANIFEST_INVALID', key: 'facts/accommodation_provider/generations/20260601T000000000Z/gone.gz' });
  });
});
