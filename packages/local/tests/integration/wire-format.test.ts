// A producer built only from the AWS documentation: raw fetch, AWS JSON 1.1 headers, base64 blobs. It proves the
// wire format itself, not just what the SDK tolerates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFacts, startHarness, type Harness } from '../fixtures/harness.js';
import { testStream } from '../fixtures/streams.js';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ streams: [testStream()], faults: {} });
});
afterAll(async () => {
  await harness.cleanup();
});

interface RawAnswer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

async function call(target: string | undefined, body: string, contentType = 'application/x-amz-json-1.1'): Promise<RawAnswer> {
  const headers: Record<string, string> = { 'Content-Type': contentType };
  if (target !== undefined) headers['X-Amz-Target'] = target;
  const response = await fetch(`${harness.emulator.endpoint}/`, { method: 'POST', headers, body });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

const b64 = (value: string): string => Buffer.from(value, 'utf8').toString('base64');

describe('the wire format, as the AWS documentation specifies it', () => {
  it('answers PutRecordBatch with exactly FailedPutCount, Encrypted and RequestResponses, as application/x-amz-json-1.1', async () => {
    // Act
    const answer = await call('Firehose_20150804.PutRecordBatch', JSON.stringify({ DeliveryStreamName: 'factline-booking', Records: [{ Data: b64('{"n":1}\n') }, { Data: b64('{"n":2}\n') }] }));
    // Assess
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    expect(answer.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(Object.keys(answer.body).sort()).toEqual(['Encrypted', 'FailedPutCount', 'RequestResponses']);
    expect(answer.body.FailedPutCount).toBe(0);
    expect(answer.body.Encrypted).toBe(false);
    expect(answer.body.RequestResponses).toEqual([{ RecordId: expect.any(String) as unknown }, { RecordId: expect.any(String) as unknown }]);
  });

  it('delivers the decoded bytes of Data, not the base64 text', async () => {
    await call('Firehose_20150804.PutRecordBatch', JSON.stringify({ DeliveryStreamName: 'factline-booking', Records: [{ Data: b64('\u00e9\u0000\u00ff-bytes') }] }));
    await harness.emulator.flush();
    const facts = await readFacts(harness.emulator.objectStore);
    expect(Buffer.concat(facts.map((object) => object.body)).toString('utf8')).toContain('\u00e9\u0000\u00ff-bytes');
  });

  it('answers PutRecord with exactly RecordId and Encrypted', async () => {
    const answer = await call('Firehose_20150804.PutRecord', JSON.stringify({ DeliveryStreamName: 'factline-booking', Record: { Data: b64('one') } }));
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body).sort()).toEqual(['Encrypted', 'RecordId']);
  });

  it('serializes DescribeDeliveryStream timestamps as epoch seconds', async () => {
    const answer = await call('Firehose_20150804.DescribeDeliveryStream', JSON.stringify({ DeliveryStreamName: 'factline-booking' }));
    const created = (answer.body.DeliveryStreamDescription as { CreateTimestamp: unknown }).CreateTimestamp;
    expect(typeof created).toBe('number');
    expect(Math.abs((created as number) - Date.now() / 1000)).toBeLessThan(600);
  });

  it('takes an empty JSON object as ListDeliveryStreams input', async () => {
    const answer = await call('Firehose_20150804.ListDeliveryStreams', '{}');
    expect(answer.body).toEqual({ DeliveryStreamNames: ['factline-booking'], HasMoreDeliveryStreams: false });
  });

  it('shapes errors as {__type, message} with the HTTP status and the X-Amzn-ErrorType header', async () => {
    const answer = await call('Firehose_20150804.PutRecordBatch', JSON.stringify({ DeliveryStreamName: 'factline-missing', Records: [{ Data: b64('x') }] }));
    expect(answer.status).toBe(400);
    expect(answer.headers.get('x-amzn-errortype')).toBe('ResourceNotFoundException');
    expect(answer.body).toEqual({ __type: 'ResourceNotFoundException', message: 'Firehose stream factline-missing under account 000000000000 not found.' });
  });

  it('reports every broken constraint of a call in one ValidationException', async () => {
    const answer = await call('Firehose_20150804.PutRecordBatch', JSON.stringify({ DeliveryStreamName: 'bad name', Records: [] }));
    expect(answer.status).toBe(400);
    expect(answer.body.__type).toBe('ValidationException');
    expect(answer.body.message).toMatch(/^2 validation errors detected: Value 'bad name' at 'deliveryStreamName' .*; Value '\[\]' at 'records' /);
  });

  it('refuses required members that are missing with a ValidationException', async () => {
    const answer = await call('Firehose_20150804.PutRecordBatch', JSON.stringify({ Records: [{}] }));
    expect(answer.body).toEqual({
      __type: 'ValidationException',
      message:
        "2 validation errors detected: Value null at 'deliveryStreamName' failed to satisfy constraint: Member must not be null; Value null at 'records.1.member.data' failed to satisfy constraint: Member must not be null",
    });
  });

  it('answers UnknownOperationException for a missing or unknown X-Amz-Target', async () => {
    for (const target of [undefined, 'Firehose_20150804.DeleteEverything', 'Kinesis_20131202.PutRecords']) {
      const answer = await call(target, '{}');
      expect([answer.status, answer.body.__type], String(target)).toEqual([400, 'UnknownOperationException']);
    }
  });

  it('answers SerializationException for a body that is not JSON, Data that is not base64, or a member of the wrong type', async () => {
    const bodies = [
      '{"DeliveryStreamName": "factline-booking", "Records": [',
      JSON.stringify({ DeliveryStreamName: 'factline-booking', Records: [{ Data: 'not base64!' }] }),
      JSON.stringify({ DeliveryStreamName: 'factline-booking', Records: [{ Data: 'YWJj' + 'Z' }] }),
      JSON.stringify({ DeliveryStreamName: 42, Records: [{ Data: b64('x') }] }),
      JSON.stringify({ DeliveryStreamName: 'factline-booking', Records: { Data: b64('x') } }),
      '[]',
    ];
    for (const body of bodies) {
      const answer = await call('Firehose_20150804.PutRecordBatch', body);
      expect([answer.status, answer.body.__type], body).toEqual([400, 'SerializationException']);
    }
  });

  it('refuses a content type other than AWS JSON', async () => {
    const answer = await call('Firehose_20150804.ListDeliveryStreams', '{}', 'text/plain');
    expect([answer.status, answer.body.__type]).toEqual([400, 'SerializationException']);
  });

  it('answers only POST / for the API', async () => {
    const response = await fetch(`${harness.emulator.endpoint}/`, { method: 'GET' });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { __type: string }).__type).toBe('UnknownOperationException');
  });
});

describe('the wire format of injected throttling', () => {
  it('answers a whole-call 503 ServiceUnavailableException and per-record ServiceUnavailableException inside a 200', async () => {
    // Prepare
    harness.emulator.setFaults('factline-booking', { callFailureRate: 1 });
    // Act
    const whole = await call('Firehose_20150804.PutRecordBatch', JSON.stringify({ DeliveryStreamName: 'factline-booking', Records: [{ Data: b64('x') }] }));
    harness.emulator.setFaults('factline-booking', { recordFailureRate: 1 });
    const perRecord = await call('Firehose_20150804.PutRecordBatch', JSON.stringify({ DeliveryStreamName: 'factline-booking', Records: [{ Data: b64('x') }, { Data: b64('y') }] }));
    harness.emulator.setFaults('factline-booking', undefined);
    // Assess
    expect(whole.status).toBe(503);
    expect(whole.body).toEqual({ __type: 'ServiceUnavailableException', message: 'Slow down.' });
    expect(perRecord.status).toBe(200);
    expect(perRecord.body).toEqual({
      FailedPutCount: 2,
      Encrypted: false,
      RequestResponses: [
        { ErrorCode: 'ServiceUnavailableException', ErrorMessage: 'Slow down.' },
        { ErrorCode: 'ServiceUnavailableException', ErrorMessage: 'Slow down.' },
      ],
    });
  });
});

describe('the status endpoint', () => {
  it('reports per-stream counts and keys as JSON', async () => {
    await call('Firehose_20150804.PutRecordBatch', JSON.stringify({ DeliveryStreamName: 'factline-booking', Records: [{ Data: b64('s') }] }));
    const flushed = await fetch(`${harness.emulator.endpoint}/_factline/flush`, { method: 'POST' });
    expect(flushed.status).toBe(200);
    const response = await fetch(`${harness.emulator.endpoint}/_factline/status`);
    const status = (await response.json()) as { streams: { deliveryStreamName: string; received: number; buffered: number; delivered: number; objects: { facts: string[] } }[] };
    const booking = status.streams.find((entry) => entry.deliveryStreamName === 'factline-booking');
    expect(booking?.buffered).toBe(0);
    expect(booking?.delivered).toBe(booking?.received);
    expect(booking?.objects.facts.length).toBeGreaterThan(0);
    expect(booking?.objects.facts.every((key) => key.startsWith('facts/booking/'))).toBe(true);
  });
});
