// The same input gives byte-identical output: no clock, no randomness, no dependence on the transformer instance.
import { describe, expect, it } from 'vitest';
import { domain } from '@factline/events';
import { createTransformer, transformBatch } from '@factline/transformer';
import { envelopes, firehoseEvent, pack, record } from '../fixtures/helpers.js';

describe('determinism', () => {
  it('answers the same batch with byte-identical responses, across runs and transformer instances', async () => {
    // Prepare
    const all = Object.values(envelopes);
    const event = firehoseEvent([record(pack(...all), 'a'), record(pack(all[0]!, '{'), 'b'), record('', 'c')]);

    // Act
    const first = JSON.stringify(transformBatch(event, { transformer: createTransformer({ domain }) }).response);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = JSON.stringify(transformBatch(structuredClone(event), { transformer: createTransformer({ domain }) }).response);

    // Assess
    expect(second).toBe(first);
    expect(first).toContain('"result":"Ok"');
  });

  it('changes recorded_at, and only recorded_at, when the same events arrive again later', () => {
    // Prepare
    const transformer = createTransformer({ domain });
    const data = pack(...Object.values(envelopes));

    // Act
    const early = Buffer.from(transformer.transformRecord(record(data, 'a', 1_000_000_000_000)).data, 'base64').toString();
    const late = Buffer.from(transformer.transformRecord(record(data, 'a', 2_000_000_000_000)).data, 'base64').toString();

    // Assess
    expect(late).not.toBe(early);
    expect(late.replaceAll('"recorded_at":"2033-05-18T03:33:20.000Z"', '')).toBe(early.replaceAll('"recorded_at":"2001-09-09T01:46:40.000Z"', ''));
  });
});
