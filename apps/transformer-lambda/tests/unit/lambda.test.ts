// The deployable handler on realistic traffic of the sample domain.
import { describe, expect, it } from 'vitest';
import { eventCatalog } from '@factline/events';
import { createLambdaHandler, readConfig, streamEntities, type TransformerLambdaConfig } from '@factline/transformer-lambda';
import type { Context } from 'aws-lambda';
import { firehoseEvent, sampleBatch } from '../../bench/sample-batch.js';
import { packRecords, SampleEvents } from '../../bench/sample-events.js';

const defaults = (readConfig({}) as { ok: true; config: TransformerLambdaConfig }).config;
const silent = { info: () => {}, warn: () => {}, error: () => {} };

function contractHolds(event: { records: { recordId: string }[] }, response: { records: { recordId: string; result: string; data: string }[] }) {
  expect(response.records.map((r) => r.recordId)).toEqual(event.records.map((r) => r.recordId));
  for (const r of response.records) {
    expect(['Ok', 'Dropped', 'ProcessingFailed']).toContain(r.result);
    expect(Buffer.from(r.data, 'base64').toString('base64')).toBe(r.data);
  }
  expect(Buffer.byteLength(JSON.stringify(response))).toBeLessThanOrEqual(6_000_000);
}

describe('the transformer Lambda', () => {
  it('transforms a realistic packed batch of every event type: every record Ok', async () => {
    // Prepare
    const handler = createLambdaHandler({ ...defaults, checkStreamEntity: false }, silent);
    const { event, events } = sampleBatch({ targetBytes: 300_000, seed: 3 });

    // Act
    const response = await handler(event);

    // Assess
    contractHolds(event, response);
    expect(events).toBeGreaterThan(500);
    expect(new Set(response.records.map((r) => r.result))).toEqual(new Set(['Ok']));
  });

  it("fails events whose entity is not the delivery stream's", async () => {
    // Prepare
    const handler = createLambdaHandler(defaults, silent);
    const generator = new SampleEvents(5);
    const lines = [JSON.stringify(generator.envelope('booking.requested')), JSON.stringify(generator.envelope('accommodation.listed'))];
    const event = firehoseEvent(packRecords(lines, 1), eventCatalog['booking.requested'].deliveryStreamName, Date.UTC(2026, 4, 1));

    // Act
    const response = await handler(event);

    // Assess
    expect(response.records.map((r) => r.result)).toEqual(['Ok', 'ProcessingFailed']);
  });

  it('maps every delivery stream to its entity', () => {
    // Act
    const map = streamEntities();

    // Assess
    expect(map).toEqual({ 'factline-accommodation': 'accommodation', 'factline-accommodation-provider': 'accommodation_provider', 'factline-booking': 'booking' });
  });

  it('puts the Lambda context on the logger', async () => {
    // Prepare
    const contexts: unknown[] = [];
    const handler = createLambdaHandler(defaults, { ...silent, addContext: (context: Context) => contexts.push(context) });
    const context = { awsRequestId: 'req-1' } as Context;

    // Act
    await handler(firehoseEvent([], 'factline-booking', 0), context);

    // Assess
    expect(contexts).toEqual([context]);
  });

  it('keeps the response under 6 MB for a 3 MB batch of the stream that expands most (booking)', async () => {
    // Prepare
    const handler = createLambdaHandler(defaults, silent);
    const { event } = sampleBatch({ targetBytes: 3 * 1024 * 1024, seed: 9, mix: { 'booking.requested': 5, 'booking.confirmed': 4, 'booking.cancelled': 1 }, streamName: 'factline-booking' });

    // Act
    const response = await handler(event);

    // Assess
    contractHolds(event, response);
    const results = response.records.map((r) => r.result);
    expect(results).toContain('Ok');
    // 3 MB of booking events makes far more than 6 MB of facts: the rest is failed whole, for replay.
    expect(results).toContain('ProcessingFailed');
  });
});
