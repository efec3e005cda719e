// Delivery as Firehose does it: key naming, concatenation without delimiters, GZIP, source backup, the
// processing-failed output, the transformation event and the checks of its answer, and the buffering hints.
import { PutRecordBatchCommand } from '@aws-sdk/client-firehose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FirehoseEmulatorOptions, FirehoseTransform } from '@factline/local';
import * as handlers from '../fixtures/handlers.js';
import { readFacts, readObjects, startHarness, text, type Harness } from '../fixtures/harness.js';
import { testStream } from '../fixtures/streams.js';

const arrival = Date.UTC(2026, 4, 1, 23, 59, 58, 123); // 2026-05-01T23:59:58.123Z
const stream = 'factline-booking';
let harness: Harness | undefined;
afterEach(async () => {
  await harness?.cleanup();
  harness = undefined;
});

async function start(options: Partial<FirehoseEmulatorOptions>): Promise<Harness> {
  harness = await startHarness({ now: () => arrival, ...options });
  return harness;
}

async function put(h: Harness, values: (string | Uint8Array)[]): Promise<string[]> {
  const answer = await h.client.send(new PutRecordBatchCommand({ DeliveryStreamName: stream, Records: values.map((value) => ({ Data: typeof value === 'string' ? text(value) : value })) }));
  return answer.RequestResponses!.map((entry) => entry.RecordId!);
}

const lines = (body: Buffer): string[] => body.toString('utf8').split('\n').filter((line) => line !== '');

describe('object keys', () => {
  it('names objects <prefix>YYYY/MM/DD/HH/<stream>-1-YYYY-MM-DD-HH-MM-SS-<uuid>, in UTC, from the oldest arrival', async () => {
    // Prepare
    const h = await start({ transform: handlers.identity });
    // Act
    await put(h, ['a\n']);
    await h.emulator.flush();
    // Assess
    const keys = (await readObjects(h.emulator.objectStore, '')).map((object) => object.key);
    const suffix = 'factline-booking-1-2026-05-01-23-59-58-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}';
    expect(keys).toHaveLength(2);
    expect(keys.find((key) => key.startsWith('facts/'))).toMatch(new RegExp(`^facts/booking/2026/05/01/23/${suffix}$`));
    expect(keys.find((key) => key.startsWith('raw/'))).toMatch(new RegExp(`^raw/booking/2026/05/01/23/${suffix}$`));
  });

  it('ends GZIP objects in .gz and compresses them', async () => {
    const h = await start({ streams: [testStream({ compressionFormat: 'GZIP', backupCompressionFormat: 'GZIP' })], transform: handlers.uppercase });
    await put(h, ['a\n', 'b\n']);
    await h.emulator.flush();
    const keys: string[] = [];
    for await (const object of h.emulator.objectStore.list('')) keys.push(object.key);
    expect(keys.every((key) => key.endsWith('.gz'))).toBe(true);
    for (const key of keys) expect([...(await h.emulator.objectStore.get(key)).subarray(0, 2)]).toEqual([0x1f, 0x8b]);
    expect((await readFacts(h.emulator.objectStore)).map((object) => object.body.toString())).toEqual(['A\nB\n']);
    expect((await readObjects(h.emulator.objectStore, 'raw/')).map((object) => object.body.toString())).toEqual(['a\nb\n']);
  });
});

describe('object content', () => {
  it('concatenates Ok data exactly as the handler returned it, in arrival order, adding no delimiter', async () => {
    const h = await start({ transform: handlers.identity });
    await put(h, ['{"a":1}', '{"b":2}']);
    await put(h, ['{"c":3}']);
    await h.emulator.flush();
    expect((await readFacts(h.emulator.objectStore)).map((object) => object.body.toString())).toEqual(['{"a":1}{"b":2}{"c":3}']);
  });

  it('backs up the raw records untouched while the facts hold the transformed data', async () => {
    const h = await start({ transform: handlers.uppercase });
    const binary = new Uint8Array([0, 255, 10, 13]);
    await put(h, ['first\n', binary, 'third\n']);
    await h.emulator.flush();
    expect((await readObjects(h.emulator.objectStore, 'raw/booking/'))[0]?.body).toEqual(Buffer.concat([Buffer.from('first\n'), binary, Buffer.from('third\n')]));
    const uppercased = Buffer.from(Buffer.from(binary).toString('utf8').toUpperCase(), 'utf8');
    expect((await readFacts(h.emulator.objectStore))[0]?.body).toEqual(Buffer.concat([Buffer.from('FIRST\n'), uppercased, Buffer.from('THIRD\n')]));
  });

  it('delivers records as they came when no handler is configured', async () => {
    const h = await start({});
    await put(h, ['x\n', 'y\n']);
    await h.emulator.flush();
    expect((await readFacts(h.emulator.objectStore)).map((object) => object.body.toString())).toEqual(['x\ny\n']);
  });

  it('writes no facts object when every record is dropped, but still backs them up', async () => {
    const h = await start({ transform: handlers.byContent });
    await put(h, ['drop-1', 'drop-2']);
    await h.emulator.flush();
    expect(await readFacts(h.emulator.objectStore)).toEqual([]);
    expect(await readObjects(h.emulator.objectStore, 'raw/')).toHaveLength(1);
    expect(h.emulator.status().streams[0]).toMatchObject({ received: 2, delivered: 0, dropped: 2, failed: 0, buffered: 0 });
  });
});

describe('the processing-failed output', () => {
  it('writes each ProcessingFailed record as a Firehose error JSON line under the processing-failed prefix', async () => {
    // Prepare
    const h = await start({ transform: handlers.byContent });
    // Act
    await put(h, ['ok-1', 'fail-1', 'drop-1', 'ok-2', 'fail-2']);
    await h.emulator.flush();
    // Assess
    expect((await readFacts(h.emulator.objectStore)).map((object) => object.body.toString())).toEqual(['OK-1\nOK-2\n']);
    const errors = await readObjects(h.emulator.objectStore, 'facts/booking/processing-failed/');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.key).toMatch(/^facts\/booking\/processing-failed\/2026\/05\/01\/23\/factline-booking-1-2026-05-01-23-59-58-[0-9a-f-]{36}$/);
    const records = lines(errors[0]!.body).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records.map((record) => Object.keys(record))).toEqual(Array(2).fill(['attemptsMade', 'arrivalTimestamp', 'errorCode', 'errorMessage', 'attemptEndingTimestamp', 'rawData', 'lambdaArn']));
    expect(records).toEqual(
      ['fail-1', 'fail-2'].map((raw) => ({
        attemptsMade: 1,
        arrivalTimestamp: arrival,
        errorCode: 'Lambda.ProcessingFailedStatus',
        errorMessage: 'ProcessingFailed status set for record',
        attemptEndingTimestamp: arrival,
        rawData: Buffer.from(raw).toString('base64'),
        lambdaArn: 'arn:aws:lambda:us-east-1:000000000000:function:factline-transformer:$LATEST',
      })),
    );
    expect(h.emulator.status().streams[0]).toMatchObject({ received: 5, delivered: 2, dropped: 1, failed: 2 });
  });

  it('sends the whole batch there after NumberOfRetries when the handler throws', async () => {
    // Prepare: the stream's NumberOfRetries is 3.
    const handler = handlers.recording(handlers.throwing);
    const h = await start({ transform: handler, lambdaArn: 'arn:aws:lambda:eu-west-1:123456789012:function:transformer:live' });
    // Act
    await put(h, ['a', 'b', 'c']);
    await h.emulator.flush();
    // Assess
    expect(handler.events).toHaveLength(4);
    expect(await readFacts(h.emulator.objectStore)).toEqual([]);
    const records = lines((await readObjects(h.emulator.objectStore, 'facts/booking/processing-failed/'))[0]!.body).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records.map((record) => Buffer.from(record.rawData as string, 'base64').toString())).toEqual(['a', 'b', 'c']);
    for (const record of records) {
      expect(record).toMatchObject({
        attemptsMade: 4,
        errorCode: 'Lambda.FunctionError',
        errorMessage: 'The Lambda function was successfully invoked but it returned an error result.',
        lambdaArn: 'arn:aws:lambda:eu-west-1:123456789012:function:transformer:live',
      });
    }
  });

  it('delivers normally when a retry of a failed invocation succeeds', async () => {
    const handler = handlers.flaky(2, handlers.identity);
    const h = await start({ transform: handler });
    await put(h, ['a\n', 'b\n']);
    await h.emulator.flush();
    expect(handler.calls()).toBe(3);
    expect((await readFacts(h.emulator.objectStore)).map((object) => object.body.toString())).toEqual(['a\nb\n']);
    expect(await readObjects(h.emulator.objectStore, 'facts/booking/processing-failed/')).toEqual([]);
  });

  const brokenAnswers: [string, FirehoseTransform, string, string][] = [
    ['leaves out a record id', handlers.missingRecordId, 'Lambda.MissingRecordId', 'One or more record IDs were not returned. Ensure that the Lambda function returns all received record IDs.'],
    ['returns a record id twice', handlers.duplicatedRecordId, 'Lambda.DuplicatedRecordId', 'Multiple records were returned with the same record ID. Ensure that the Lambda function returns unique record IDs for each record.'],
    ['returns an unknown result value', handlers.badResultValue, 'Lambda.JsonProcessingException', 'There was an error parsing returned records'],
    ['returns data that is not base64', handlers.badBase64, 'Lambda.JsonProcessingException', 'There was an error parsing returned records'],
    ['returns Ok without data', handlers.okWithoutData, 'Lambda.JsonProcessingException', 'There was an error parsing returned records'],
    ['returns something that is not an answer', handlers.notAnAnswer, 'Lambda.JsonProcessingException', 'There was an error parsing returned records'],
    ['answers with more than 6 MB', handlers.overflowing, 'Lambda.FunctionError', 'Response payload size exceeded maximum allowed payload size (6291556 bytes).'],
    ['never answers', handlers.neverAnswers, 'Lambda.FunctionTimedOut', 'The Lambda function invocation timed out. Increase the Timeout setting in the Lambda function.'],
  ];
  it.each(brokenAnswers)('fails the whole invocation with Firehose’s code when the handler %s', async (_, transform, errorCode, errorMessage) => {
    // Prepare
    const h = await start({ transform, processor: { numberOfRetries: 1 }, transformTimeoutMs: 50 });
    // Act
    await put(h, ['one', 'two']);
    await h.emulator.flush();
    // Assess
    expect(await readFacts(h.emulator.objectStore)).toEqual([]);
    const records = lines((await readObjects(h.emulator.objectStore, 'facts/booking/processing-failed/'))[0]!.body).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records).toHaveLength(2);
    for (const record of records) {
      expect(record.errorCode).toBe(errorCode);
      expect(record.errorMessage).toContain(errorMessage);
      expect(record.attemptsMade).toBe(2);
    }
  });
});

describe('the transformation event', () => {
  it('hands the handler {invocationId, deliveryStreamArn, region, records[{recordId, approximateArrivalTimestamp, data}]}', async () => {
    // Prepare
    const handler = handlers.recording(handlers.identity);
    const h = await start({ transform: handler, region: 'eu-central-1', accountId: '123456789012' });
    // Act
    const ids = await put(h, ['{"event":1}\n', '{"event":2}\n']);
    await h.emulator.flush();
    // Assess
    expect(handler.events).toHaveLength(1);
    const event = handler.events[0]!;
    expect(Object.keys(event)).toEqual(['invocationId', 'deliveryStreamArn', 'region', 'records']);
    expect(event.invocationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(event.deliveryStreamArn).toBe('arn:aws:firehose:eu-central-1:123456789012:deliverystream/factline-booking');
    expect(event.region).toBe('eu-central-1');
    expect(event.records).toEqual([
      { recordId: ids[0], approximateArrivalTimestamp: arrival, data: Buffer.from('{"event":1}\n').toString('base64') },
      { recordId: ids[1], approximateArrivalTimestamp: arrival, data: Buffer.from('{"event":2}\n').toString('base64') },
    ]);
  });

  it('groups records into invocations within the processor buffer size hint', async () => {
    const handler = handlers.recording(handlers.identity);
    const h = await start({ streams: [testStream({ processor: { bufferSizeInMBs: 0.2, bufferIntervalInSeconds: 60, numberOfRetries: 3 } })], transform: handler });
    await put(h, Array.from({ length: 5 }, () => new Uint8Array(100_000)));
    await h.emulator.flush();
    expect(handler.events.map((event) => event.records.length)).toEqual([2, 2, 1]);
    expect((await readFacts(h.emulator.objectStore))[0]?.body.length).toBe(500_000);
  });

  it('keeps every invocation request within Lambda’s 6 MB limit, however small the records', async () => {
    // Prepare: 60,000 one-byte records fit the 3 MB buffer hint, but their JSON event would not fit 6 MB.
    let largest = 0;
    let invocations = 0;
    const measuring: FirehoseTransform = async (event) => {
      invocations += 1;
      largest = Math.max(largest, Buffer.byteLength(JSON.stringify(event)));
      return handlers.identity(event);
    };
    const h = await start({ transform: measuring });
    // Act
    for (let call = 0; call < 120; call += 1) await put(h, Array.from({ length: 500 }, () => 'x'));
    await h.emulator.flush();
    // Assess
    expect(invocations).toBeGreaterThan(1);
    expect(largest).toBeLessThanOrEqual(6_291_456);
    expect((await readFacts(h.emulator.objectStore))[0]?.body.length).toBe(60_000);
  });
});

describe('buffering hints', () => {
  it('delivers once the buffered size reaches the size hint, without waiting for the interval', async () => {
    const h = await start({ transform: handlers.identity, buffering: { sizeInMBs: 1, intervalInSeconds: 900 } });
    await put(h, [new Uint8Array(600_000), new Uint8Array(600_000)]);
    await vi.waitFor(() => expect(h.emulator.status().streams[0]?.delivered).toBe(2), { timeout: 10_000, interval: 20 });
  });

  it('keeps records buffered below the size hint until the interval passes', async () => {
    const h = await start({ transform: handlers.identity, buffering: { intervalInSeconds: 1 } });
    await put(h, ['a']);
    expect(h.emulator.status().streams[0]).toMatchObject({ received: 1, buffered: 1, delivered: 0 });
    await vi.waitFor(() => expect(h.emulator.status().streams[0]).toMatchObject({ buffered: 0, delivered: 1 }), { timeout: 10_000, interval: 20 });
  });

  it('uses the stream settings’ hints when none are overridden', async () => {
    const h = await start({ streams: [testStream({ bufferingHints: { sizeInMBs: 1, intervalInSeconds: 0 } })], transform: handlers.identity });
    await put(h, ['zero buffering']);
    await vi.waitFor(() => expect(h.emulator.status().streams[0]?.delivered).toBe(1), { timeout: 10_000, interval: 20 });
  });
});
