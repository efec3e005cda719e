// The real FirehoseClient against a local Firehose endpoint over HTTP (AWS JSON 1.1).
import { FirehoseClient, PutRecordBatchCommand } from '@aws-sdk/client-firehose';
import { createProducer, type DeliveryError } from '@factline/producer';
import { afterEach, describe, expect, it } from 'vitest';
import { startLocalFirehose, type LocalFirehose, type Reply } from '../support/firehose-server.js';

const fastRetry = { baseDelayMs: 1, maxDelayMs: 5 };
let firehose: LocalFirehose | undefined;

afterEach(async () => {
  await firehose?.close();
  firehose = undefined;
});

function eventsFor(stream: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) =>
    JSON.stringify({ event_id: `0190f3a2-7c1e-7000-8000-${String(i).padStart(12, '0')}`, event_type: `${stream}.updated`, event_version: 1, occurred_at: '2026-05-01T10:00:00.000Z', producer: 'test-service', payload: { n: i, note: 'ü'.repeat(i % 50) } }),
  );
}

describe('over HTTP with the real FirehoseClient', () => {
  it('delivers every event, packed newline-delimited, within the Firehose limits', async () => {
    // Prepare
    firehose = await startLocalFirehose();
    const producer = createProducer({ firehose: firehose.client(), maxConcurrency: 1 });
    const streams = { 'factline-booking': eventsFor('booking', 3_000), 'factline-accommodation': eventsFor('accommodation', 1_000) };

    // Act
    for (let i = 0; i < 3_000; i += 1) {
      await producer.send('factline-booking', streams['factline-booking'][i]!);
      if (i < 1_000) await producer.send('factline-accommodation', streams['factline-accommodation'][i]!);
    }
    await producer.close();

    // Assess
    expect(firehose.violations).toEqual([]);
    for (const [stream, events] of Object.entries(streams)) {
      const records = firehose.acknowledged.get(stream) ?? [];
      expect(Buffer.concat(records).toString('utf8')).toBe(events.map((e) => `${e}\n`).join(''));
      expect(Math.max(...records.map((r) => r.length))).toBeLessThanOrEqual(5_120);
    }
    const metrics = producer.metrics();
    expect(metrics).toMatchObject({ eventsDelivered: 4_000, eventsFailed: 0, calls: firehose.requests.length });
    expect(metrics.billableUnits).toBe(metrics.recordsDelivered);
    expect(metrics.recordsDelivered).toBeLessThan(4_000 / 10);
  });

  it("turns the SDK's own retries off: each producer attempt is exactly one request", async () => {
    firehose = await startLocalFirehose({ reply: () => ({ kind: 'error', status: 503, type: 'ServiceUnavailableException', message: 'Slow down.' }) });
    const producer = createProducer({ firehose: firehose.client(), retry: { ...fastRetry, maxAttempts: 3 } });
    await producer.send('factline-booking', '{"n":1}');

    const error = await producer.close().catch((e: unknown) => e);

    expect(firehose.requests).toHaveLength(3);
    expect(producer.metrics()).toMatchObject({ calls: 3, callErrors: 3, throttles: 3, retries: 2, eventsFailed: 1 });
    const failure = (error as DeliveryError).failures[0]!;
    expect(failure).toMatchObject({ reason: 'attempts-exhausted', attempts: 3, data: '{"n":1}' });
    expect(failure.error.name).toBe('ServiceUnavailableException');
  });

  it("leaves the SDK's retries on for the caller's own calls with the same client", async () => {
    // Prepare: the server answers 503 to the next `failures` requests.
    let failures = 1;
    firehose = await startLocalFirehose({ reply: () => (failures-- > 0 ? { kind: 'error', status: 503, type: 'ServiceUnavailableException' } : { kind: 'ok' }) });
    const client = firehose.client();
    const producer = createProducer({ firehose: client, retry: fastRetry });
    await producer.send('factline-booking', '{"n":1}');
    await producer.close();
    const producerRequests = firehose.requests.length;

    // Act
    failures = 1;
    const output = await client.send(new PutRecordBatchCommand({ DeliveryStreamName: 'factline-booking', Records: [{ Data: Buffer.from('{"n":2}\n') }] }));

    // Assess
    expect(producerRequests).toBe(2);
    expect(producer.metrics()).toMatchObject({ calls: 2, callErrors: 1 });
    expect(output.$metadata.attempts).toBe(2);
  });

  it.each<[string, Reply]>([
    ['the server resets the connection', { kind: 'destroy' }],
    ['a 500 InternalFailure', { kind: 'error', status: 500, type: 'InternalFailure' }],
    ['records refused with ServiceUnavailableException in a 200 answer', { kind: 'refuse', indexes: [0, 2] }],
  ])('delivers everything after %s on the first attempt', async (_, fault) => {
    firehose = await startLocalFirehose({ reply: (request) => (request.number === 1 ? fault : { kind: 'ok' }) });
    const producer = createProducer({ firehose: firehose.client(), packing: false, retry: fastRetry });
    const events = ['{"n":0}', '{"n":1}', '{"n":2}', '{"n":3}'];

    for (const event of events) await producer.send('factline-booking', event);
    await producer.close();

    const received = (firehose.acknowledged.get('factline-booking') ?? []).map((r) => r.toString().trimEnd());
    expect(received.sort()).toEqual(events);
    expect(producer.metrics()).toMatchObject({ eventsDelivered: 4, calls: 2 });
  });

  it('aborts and retries a call that gets no answer within requestTimeoutMs', async () => {
    firehose = await startLocalFirehose({ reply: (request) => (request.number === 1 ? { kind: 'hang' } : { kind: 'ok' }) });
    const producer = createProducer({ firehose: firehose.client(), requestTimeoutMs: 100, retry: fastRetry });

    await producer.send('factline-booking', '{"n":1}');
    await producer.close();

    expect(firehose.requests).toHaveLength(2);
    expect(firehose.acknowledged.get('factline-booking')?.map((r) => r.toString())).toEqual(['{"n":1}\n']);
    expect(producer.metrics()).toMatchObject({ callErrors: 1, eventsDelivered: 1 });
  });

  it('reports a call that never answers as REQUEST_TIMEOUT once the attempts are spent', async () => {
    firehose = await startLocalFirehose({ reply: () => ({ kind: 'hang' }) });
    const producer = createProducer({ firehose: firehose.client(), requestTimeoutMs: 50, retry: { ...fastRetry, maxAttempts: 2 } });
    await producer.send('factline-booking', '{"n":1}');

    const error = await producer.close().catch((e: unknown) => e);

    expect((error as DeliveryError).failures.map((f) => [f.reason, (f.error as { code?: string }).code])).toEqual([['attempts-exhausted', 'REQUEST_TIMEOUT']]);
  });

  it('hands the events back at once when the stream does not exist', async () => {
    firehose = await startLocalFirehose({ reply: () => ({ kind: 'error', status: 400, type: 'ResourceNotFoundException', message: 'Firehose factline-nope not found.' }) });
    const failures: string[] = [];
    const producer = createProducer({ firehose: firehose.client(), onFailure: (f) => void failures.push(...f.map((x) => String(x.data))) });
    await producer.send('factline-nope', '{"n":1}');

    const error = await producer.close().catch((e: unknown) => e);

    expect(firehose.requests).toHaveLength(1);
    expect(failures).toEqual(['{"n":1}']);
    expect((error as DeliveryError).failures[0]).toMatchObject({ reason: 'not-retryable', streamName: 'factline-nope' });
    expect((error as DeliveryError).failures[0]!.error.name).toBe('ResourceNotFoundException');
  });

  it('hands the events back when nothing listens at the endpoint', async () => {
    // Prepare: a port that was just freed.
    firehose = await startLocalFirehose();
    const { url } = firehose;
    await firehose.close();
    firehose = undefined;
    const client = new FirehoseClient({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    const producer = createProducer({ firehose: client, retry: { ...fastRetry, maxAttempts: 3 } });
    await producer.send('factline-booking', '{"n":1}');

    const error = await producer.close().catch((e: unknown) => e);
    client.destroy();

    expect((error as DeliveryError).failures.map((f) => [f.reason, f.attempts, (f.error as { code?: string }).code])).toEqual([['attempts-exhausted', 3, 'ECONNREFUSED']]);
  });
});
