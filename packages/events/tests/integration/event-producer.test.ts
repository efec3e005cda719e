// The typed producer over real HTTP: the real FirehoseClient talks AWS JSON 1.1 to a minimal local endpoint that
// records every PutRecordBatch it receives.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FirehoseClient } from '@aws-sdk/client-firehose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEventProducer, EventValidationError, type EventEnvelope } from '@factline/events';

interface Received {
  stream: string;
  records: string[];
}
let server: Server;
let received: Received[] = [];
let endpoint = '';

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const input = JSON.parse(body) as { DeliveryStreamName: string; Records: { Data: string }[] };
      received.push({ stream: input.DeliveryStreamName, records: input.Records.map((r) => Buffer.from(r.Data, 'base64').toString()) });
      response.setHeader('content-type', 'application/x-amz-json-1.1');
      response.end(JSON.stringify({ FailedPutCount: 0, Encrypted: false, RequestResponses: input.Records.map((_, i) => ({ RecordId: `r${i}` })) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  received = [];
});

const firehose = () => new FirehoseClient({ endpoint, region: 'eu-west-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
const providerId = '0190f2a4-8b7c-7d3e-9f10-1a2b3c4d5e6f';
const lines = () => received.flatMap((r) => r.records.flatMap((record) => record.split('\n').filter(Boolean).map((line) => ({ stream: r.stream, envelope: JSON.parse(line) as EventEnvelope }))));

describe('createEventProducer', () => {
  it('fills the envelope and routes the event to its entity stream', async () => {
    const producer = createEventProducer({ firehose: firehose(), producer: 'accommodation-service', lingerMs: 0 });
    const envelope = await producer.send('accommodation_provider.basic_info_updated', { providerId, basicInfo: { name: 'Ana', email: 'ana@example.com' } });
    await producer.close();
    expect(envelope).toMatchObject({ event_type: 'accommodation_provider.basic_info_updated', event_version: 1, producer: 'accommodation-service', payload: { providerId } });
    expect(envelope.event_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Date.parse(envelope.occurred_at)).not.toBeNaN();
    expect(lines()).toEqual([{ stream: 'factline-accommodation-provider', envelope }]);
  });

  it('rejects an invalid event at the call site with the pointer and rule, and never sends it', async () => {
    const producer = createEventProducer({ firehose: firehose(), producer: 'booking-service', lingerMs: 0 });
    const error = await producer.send('booking.cancelled', { bookingId: 'not-a-uuid', cancelledBy: 'tenant' }).catch((e: unknown) => e);
    await producer.close();
    expect(error).toBeInstanceOf(EventValidationError);
    expect((error as EventValidationError).issues).toEqual([{ pointer: '/bookingId', rule: 'format', message: '/bookingId must be a valid uuid' }]);
    expect((error as Error).message).toContain('/bookingId must be a valid uuid (format)');
    expect(received).toEqual([]);
  });

  it('takes an explicit occurred_at and event id, and validates them as part of the envelope', async () => {
    const producer = createEventProducer({ firehose: firehose(), producer: 'booking-service', lingerMs: 0 });
    const envelope = await producer.send('booking.confirmed', { bookingId: providerId }, { occurredAt: new Date('2026-03-01T12:00:00Z'), eventId: providerId });
    const bad = await producer.send('booking.confirmed', { bookingId: providerId }, { occurredAt: 'last tuesday' }).catch((e: unknown) => e);
    await producer.close();
    expect(envelope).toMatchObject({ event_id: providerId, occurred_at: '2026-03-01T12:00:00.000Z' });
    expect((bad as EventValidationError).issues[0]).toMatchObject({ pointer: '/occurred_at', rule: 'format' });
  });

  it('packs small events of one stream into one record, newline-delimited', async () => {
    const producer = createEventProducer({ firehose: firehose(), producer: 'booking-service', lingerMs: 50 });
    for (let i = 0; i < 10; i++) await producer.send('booking.confirmed', { bookingId: providerId });
    await producer.close();
    expect(received.flatMap((r) => r.records)).toHaveLength(1);
    expect(lines()).toHaveLength(10);
    expect(producer.metrics()).toMatchObject({ eventsDelivered: 10, recordsDelivered: 1, billableUnits: 1 });
  });

  it('lets a service map stream names, e.g. per stage', async () => {
    const producer = createEventProducer({ firehose: firehose(), producer: 'booking-service', lingerMs: 0, streamName: (name) => `${name}-staging` });
    await producer.sendVersion('booking.confirmed', 1, { bookingId: providerId });
    await producer.close();
    expect(received.map((r) => r.stream)).toEqual(['factline-booking-staging']);
  });

  it('does not compile a payload of the wrong shape', async () => {
    const producer = createEventProducer({ firehose: firehose(), producer: 'booking-service', lingerMs: 0 });
    // @ts-expect-error: cancelledBy must be one of the schema's values
    const error = await producer.send('booking.cancelled', { bookingId: providerId, cancelledBy: 'robot' }).catch((e: unknown) => e);
    await producer.close();
    expect(error).toBeInstanceOf(EventValidationError);
  });
});
