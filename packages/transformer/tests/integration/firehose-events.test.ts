// Real Firehose transformation event shapes (Direct PUT, Kinesis source with numeric, string, ISO and null
// metadata, the "Hello World" documentation example) through the handler, checked against the contract.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { domain, eventCatalog } from '@factline/events';
import { createHandler, createTransformer, type FirehoseTransformationEvent, type TransformerLogger } from '@factline/transformer';
import { contractProblems, facts } from '../fixtures/helpers.js';

const load = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/events/${name}`, import.meta.url), 'utf8')) as FirehoseTransformationEvent;
const silent: TransformerLogger = { info: () => {}, warn: () => {}, error: () => {} };
const streamEntities = Object.fromEntries(Object.values(eventCatalog).map((e) => [e.deliveryStreamName, e.entity]));
const handler = createHandler({ transformer: createTransformer({ domain }), logger: silent, streamEntities });

describe('real Firehose event shapes', () => {
  it.each([
    ['direct-put.json', ['Ok', 'Ok', 'ProcessingFailed'], ['2026-05-01T10:00:01.234Z', '2026-05-01T10:00:01.237Z']],
    ['kinesis-source-numeric-metadata.json', ['Ok', 'Ok'], ['2017-10-05T15:33:44.302Z', '2017-10-05T15:33:44.302Z']],
    ['kinesis-source-string-metadata.json', ['Ok', 'Ok'], ['2017-10-05T15:33:44.302Z', '2017-10-05T15:33:44.302Z']],
    ['kinesis-source-iso-metadata.json', ['Ok', 'Ok'], ['2017-05-18T02:02:29.453Z', '2012-04-23T18:25:43.511Z']],
    ['null-metadata.json', ['Ok'], ['2022-09-24T14:13:40.148Z']],
    ['hello-world.json', ['ProcessingFailed', 'ProcessingFailed'], []],
  ])('answers %s within the contract', async (file, results, recordedAt) => {
    // Prepare
    const event = load(file);

    // Act
    const response = await handler(event);

    // Assess
    expect(contractProblems(event, response)).toEqual([]);
    expect(response.records.map((r) => r.result)).toEqual(results);
    const ok = response.records.filter((r) => r.result === 'Ok');
    expect(ok.map((r) => facts(r.data)[0]?.['recorded_at'])).toEqual(recordedAt);
    response.records.forEach((r, i) => {
      if (r.result === 'ProcessingFailed') expect(r.data).toBe(event.records[i]?.data);
    });
  });
});
