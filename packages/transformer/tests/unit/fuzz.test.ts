// Property test: batches of random and mutated records (random bytes, truncated JSON, wrong types, huge strings,
// deep nesting, unicode, empty records, broken base64, odd timestamps). For every batch the Firehose contract holds
// and nothing throws. Seeded, so a failure reproduces.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { domain } from '@factline/events';
import { createTransformer, transformBatch, type FirehoseInputRecord } from '@factline/transformer';
import { contractProblems, envelopes, firehoseEvent } from '../fixtures/helpers.js';

const transformer = createTransformer({ domain });
const samples = Object.values(envelopes);
const sharedKeys = ['fact_id', 'entity_id', 'fact_type', 'fact_version', 'occurred_at', 'recorded_at', 'event_id', 'event_type', 'event_version'];

// Every path in a sample envelope, to delete or replace.
function paths(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  return [prefix, ...Object.entries(value).flatMap(([key, child]) => paths(child, [...prefix, key]))].filter((p) => p.length > 0);
}

/** A JSON value as text: plain JSON, unicode, huge strings, deep nesting. */
const jsonText = fc.oneof(
  { weight: 6, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? 'null') },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }).map((s) => JSON.stringify(s)) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }).map((s) => JSON.stringify(s)) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 100_000 }).map((n) => JSON.stringify('é'.repeat(n))) },
  { weight: 1, arbitrary: fc.integer({ min: 50, max: 10_000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`) },
  { weight: 1, arbitrary: fc.integer({ min: 50, max: 3_000 }).map((n) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`) },
  { weight: 1, arbitrary: fc.constantFrom('1e400', '-0', '"\\ud800"', '"\\u0000"', '9007199254740993', 'true', '[]', '{}') },
);

/** A valid sample envelope with its own event id. */
const validLine = fc.record({ sample: fc.nat(samples.length - 1), idSuffix: fc.nat(0xffffff) }).map(({ sample, idSuffix }) => {
  const envelope = samples[sample] as { event_id: string };
  return JSON.stringify({ ...envelope, event_id: `${envelope.event_id.slice(0, 30)}${idSuffix.toString(16).padStart(6, '0')}` });
});

/** One event line: a sample envelope, mutated or not, maybe truncated. */
const eventLine = fc
  .record({
    sample: fc.nat(samples.length - 1),
    mutations: fc.array(fc.record({ path: fc.nat(), remove: fc.boolean(), value: jsonText }), { maxLength: 3 }),
    cut: fc.option(fc.nat(), { freq: 8 }),
    idSuffix: fc.nat(0xffffff),
  })
  .map(({ sample, mutations, cut, idSuffix }) => {
    const envelope = structuredClone(samples[sample]) as unknown as Record<string, unknown>;
    envelope['event_id'] = `${String(envelope['event_id']).slice(0, 30)}${idSuffix.toString(16).padStart(6, '0')}`;
    const replacements: string[] = [];
    for (const mutation of mutations) {
      const all = paths(envelope);
      const path = all[mutation.path % all.length] as string[];
      let parent = envelope;
      for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
      const last = path[path.length - 1] as string;
      if (parent === null || typeof parent !== 'object') continue;
      if (mutation.remove) delete parent[last];
      else {
        parent[last] = `\u0000fuzz${replacements.length}\u0000`;
        replacements.push(mutation.value);
      }
    }
    let line = JSON.stringify(envelope);
    replacements.forEach((text, i) => (line = line.replace(JSON.stringify(`\u0000fuzz${i}\u0000`), () => text)));
    return cut === null ? line : line.slice(0, cut % (line.length + 1));
  });

/** The bytes of one record. */
const lines = (line: fc.Arbitrary<string>) => fc.array(line, { minLength: 1, maxLength: 8 }).map((all) => Buffer.from(all.map((l) => `${l}\n`).join('')));
const recordBytes = fc.oneof(
  { weight: 4, arbitrary: lines(validLine) },
  { weight: 6, arbitrary: lines(eventLine) },
  { weight: 2, arbitrary: fc.uint8Array({ maxLength: 600 }).map((b) => Buffer.from(b)) },
  { weight: 1, arbitrary: fc.constantFrom('', '\n', ' \r\n\t\n', '\uFEFF', 'null\n', '[]\n', '{}\n').map((s) => Buffer.from(s)) },
);

/** The `data` field: base64 of the bytes, or something that is not base64 at all. */
const data = fc.oneof(
  { weight: 12, arbitrary: recordBytes.map((b) => b.toString('base64')) },
  { weight: 1, arbitrary: fc.string({ maxLength: 60 }) },
  { weight: 1, arbitrary: recordBytes.map((b) => b.toString('base64url')) },
);

const arrival = fc.oneof(
  { weight: 10, arbitrary: fc.integer({ min: 1_500_000_000_000, max: 1_900_000_000_000 }) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(undefined, null, 'soon', '2026-05-01T10:00:00Z', '1777629601234', -5, Number.NaN, 1e30) },
);

const batch = fc.array(fc.record({ data, arrival, duplicate: fc.boolean() }), { minLength: 20, maxLength: 60 });

describe('the Firehose contract under random and hostile records', () => {
  it('holds for every batch: each recordId once, valid results and base64, ≤ 6 MB, facts well formed, never throws', () => {
    let records = 0;
    const results = { Ok: 0, Dropped: 0, ProcessingFailed: 0 };
    fc.assert(
      fc.property(batch, (entries) => {
        // Prepare
        const input: FirehoseInputRecord[] = entries.map((entry, i) => ({
          recordId: entry.duplicate && i > 0 ? `record-${i - 1}` : `record-${i}`,
          ...(entry.arrival === undefined ? {} : { approximateArrivalTimestamp: entry.arrival as number }),
          data: entry.data,
        }));
        const event = firehoseEvent(input);
        records += input.length;

        // Act
        const { response } = transformBatch(event, { transformer });

        // Assess
        expect(contractProblems(event, response)).toEqual([]);
        const firstData = new Map<string, string>();
        for (const r of input) if (!firstData.has(r.recordId)) firstData.set(r.recordId, r.data);
        for (const answer of response.records) {
          results[answer.result] += 1;
          const original = firstData.get(answer.recordId) as string;
          if (answer.result === 'Dropped') expect(answer.data).toBe('');
          if (answer.result === 'ProcessingFailed' && Buffer.from(original, 'base64').toString('base64') === original) expect(answer.data).toBe(original);
          if (answer.result !== 'Ok') continue;
          for (const line of Buffer.from(answer.data, 'base64').toString('utf8').slice(0, -1).split('\n')) {
            const fact = JSON.parse(line) as Record<string, unknown>;
            expect(Object.keys(fact).slice(0, 9)).toEqual(sharedKeys);
            expect(Object.keys(fact)).toHaveLength(10);
          }
        }
      }),
      { seed: 20260501, numRuns: 300 },
    );
    expect(records).toBeGreaterThanOrEqual(10_000);
    // Every result kind was exercised, not only failures.
    expect(Math.min(results.Ok, results.Dropped, results.ProcessingFailed)).toBeGreaterThan(100);
  });
});
