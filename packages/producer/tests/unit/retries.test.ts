import { createProducer, DeliveryError, RecordFailedError, type FailedEvent } from '@factline/producer';
import { describe, expect, it } from 'vitest';
import { acknowledgeAll, deferred, mockFirehose, networkError, recordsOf, refuse, serviceError, type Answer } from '../support/mock-firehose.js';
import type { PutRecordBatchCommandInput } from '@aws-sdk/client-firehose';

// Tiny waits keep the suite fast; the backoff formula itself does not change with them.
const fastRetry = { baseDelayMs: 1, maxDelayMs: 2 };

/** Sends one event per record (packing off) and closes; returns what close() rejected with, if anything. */
async function run(answer: (input: PutRecordBatchCommandInput, call: number) => Answer, events = ['{"n":0}', '{"n":1}', '{"n":2}'], retry: object = {}) {
  const { client, inputs } = mockFirehose(answer);
  const failures: FailedEvent<string>[] = [];
  const producer = createProducer<string>({ firehose: client, packing: false, retry: { ...fastRetry, ...retry }, onFailure: (f) => void failures.push(...f) });
  for (const [i, event] of events.entries()) await producer.send('stream-a', event, `ctx-${i}`);
  const closeError = await producer.close().then(() => undefined, (error: unknown) => error);
  return { inputs, failures, closeError, metrics: producer.metrics() };
}

const texts = (input: PutRecordBatchCommandInput | undefined) => (input ? recordsOf(input).map((r) => r.toString()) : []);

describe('retries', () => {
  it('resends only the records that failed, matched by index', async () => {
    // Prepare: the first answer refuses the middle record.
    const answer = (input: PutRecordBatchCommandInput, call: number) => (call === 1 ? refuse(input, [1]) : acknowledgeAll(input));

    // Act
    const { inputs, closeError, metrics } = await run(answer);

    // Assess
    expect(closeError).toBeUndefined();
    expect(inputs.map(texts)).toEqual([['{"n":0}\n', '{"n":1}\n', '{"n":2}\n'], ['{"n":1}\n']]);
    expect(metrics).toMatchObject({ eventsDelivered: 3, retries: 1, throttles: 1, calls: 2, callErrors: 0 });
  });

  it('resends every record when the answer refuses them all', async () => {
    const answer = (input: PutRecordBatchCommandInput, call: number) => (call === 1 ? refuse(input, [0, 1, 2], 'InternalFailure') : acknowledgeAll(input));

    const { inputs, closeError, metrics } = await run(answer);

    expect(closeError).toBeUndefined();
    expect(inputs.map(texts)).toEqual([texts(inputs[0]), texts(inputs[0])]);
    expect(metrics).toMatchObject({ eventsDelivered: 3, retries: 3, throttles: 0 });
  });

  it.each([
    ['a 503 ServiceUnavailableException', serviceError('ServiceUnavailableException', 503, 'Slow down.'), 3],
    ['an HTTP 429', serviceError('TooManyRequestsException', 429), 3],
    ['a 500 InternalFailure', serviceError('InternalFailure', 500), 0],
    ['a 502 from a proxy', serviceError('Error', 502), 0],
    ['a reset connection', networkError('ECONNRESET'), 0],
    ['a refused connection', networkError('ECONNREFUSED'), 0],
    ['a DNS failure', networkError('EAI_AGAIN'), 0],
  ])('retries the whole call after %s', async (_, error, throttles) => {
    const answer = (input: PutRecordBatchCommandInput, call: number) => (call === 1 ? error : acknowledgeAll(input));

    const { inputs, closeError, metrics } = await run(answer);

    expect(closeError).toBeUndefined();
    expect(inputs).toHaveLength(2);
    expect(texts(inputs[1])).toEqual(texts(inputs[0]));
    expect(metrics).toMatchObject({ eventsDelivered: 3, callErrors: 1, retries: 3, throttles });
  });

  it.each([
    ['ResourceNotFoundException', 400],
    ['InvalidArgumentException', 400],
    ['AccessDeniedException', 400],
    ['InvalidKMSResourceException', 400],
  ])('does not retry a %s: the events are handed back at once', async (name, status) => {
    const error = serviceError(name, status);

    const { inputs, failures, closeError, metrics } = await run(() => error);

    expect(inputs).toHaveLength(1);
    expect(failures.map((f) => [f.data, f.context, f.reason, f.attempts, f.error])).toEqual([
      ['{"n":0}', 'ctx-0', 'not-retryable', 1, error],
      ['{"n":1}', 'ctx-1', 'not-retryable', 1, error],
      ['{"n":2}', 'ctx-2', 'not-retryable', 1, error],
    ]);
    expect(closeError).toBeInstanceOf(DeliveryError);
    expect(metrics).toMatchObject({ eventsFailed: 3, recordsFailed: 3, retries: 0 });
  });

  it('hands a record back after maxAttempts, with the last error Firehose gave for it', async () => {
    // Prepare: record 0 is refused on every attempt; the others pass.
    const answer = (input: PutRecordBatchCommandInput) => refuse(input, recordsOf(input).flatMap((r, i) => (r.toString() === '{"n":0}\n' ? [i] : [])));

    const { inputs, failures, closeError, metrics } = await run(answer, undefined, { maxAttempts: 4 });

    expect(inputs).toHaveLength(4);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ streamName: 'stream-a', data: '{"n":0}', context: 'ctx-0', reason: 'attempts-exhausted', attempts: 4 });
    expect(failures[0]!.error).toBeInstanceOf(RecordFailedError);
    expect(failures[0]!.error).toMatchObject({ code: 'RECORD_FAILED', errorCode: 'ServiceUnavailableException', errorMessage: 'Slow down.' });
    expect((closeError as DeliveryError<string>).failures).toEqual(failures);
    expect(metrics).toMatchObject({ eventsDelivered: 2, eventsFailed: 1, retries: 3, throttles: 4 });
  });

  it('hands the events back once a failure outlasts the time budget', async () => {
    const error = serviceError('ServiceUnavailableException', 503);

    const { inputs, failures, closeError } = await run(() => error, undefined, { maxAttempts: 1_000, maxElapsedMs: 30, baseDelayMs: 5, maxDelayMs: 10 });

    expect(inputs.length).toBeGreaterThan(1);
    expect(inputs.length).toBeLessThan(1_000);
    expect(failures.map((f) => f.reason)).toEqual(['time-exhausted', 'time-exhausted', 'time-exhausted']);
    expect(failures.map((f) => f.error)).toEqual([error, error, error]);
    expect((closeError as DeliveryError).code).toBe('DELIVERY_FAILED');
  });

  it('retries an answer whose RequestResponses do not match the records sent', async () => {
    const answer = (input: PutRecordBatchCommandInput, call: number) => (call === 1 ? { ...acknowledgeAll(input), RequestResponses: [{ RecordId: 'only-one' }] } : acknowledgeAll(input));

    const { inputs, closeError, metrics } = await run(answer);

    expect(closeError).toBeUndefined();
    expect(inputs).toHaveLength(2);
    expect(metrics).toMatchObject({ eventsDelivered: 3, callErrors: 1 });
  });

  it('reports the malformed answer as the error when it persists', async () => {
    const { failures } = await run((input) => ({ ...acknowledgeAll(input), RequestResponses: [] }), ['{"n":0}'], { maxAttempts: 2 });

    expect(failures.map((f) => [f.reason, (f.error as { code?: string }).code])).toEqual([['attempts-exhausted', 'MALFORMED_RESPONSE']]);
  });

  it('treats an answer entry without a RecordId as a failure of that record', async () => {
    const answer = (input: PutRecordBatchCommandInput, call: number) => (call === 1 ? { ...acknowledgeAll(input), RequestResponses: [{ RecordId: 'a' }, {}, { RecordId: 'c' }] } : acknowledgeAll(input));

    const { inputs, closeError } = await run(answer);

    expect(closeError).toBeUndefined();
    expect(inputs.map(texts)[1]).toEqual(['{"n":1}\n']);
  });

  it('hands back every event of a packed record that failed, in send order', async () => {
    const { client } = mockFirehose(() => serviceError('ResourceNotFoundException', 400));
    const producer = createProducer({ firehose: client });
    const events = Array.from({ length: 5 }, (_, i) => `{"n":${i}}`);

    for (const event of events) await producer.send('stream-a', event, { id: event });
    const error = await producer.close().catch((e: unknown) => e);

    expect((error as DeliveryError<{ id: string }>).failures.map((f) => [f.data, f.context?.id])).toEqual(events.map((e) => [e, e]));
  });
});

describe('the time budget', () => {
  it('hands back a record that waited for a call slot past maxElapsedMs, without sending it', async () => {
    // Prepare: one call slot, held by a first call until the budget of the record queued behind it has passed.
    const release = deferred();
    const { client, inputs } = mockFirehose(async (input, call) => {
      if (call === 1) await release.promise;
      return acknowledgeAll(input);
    });
    const producer = createProducer({ firehose: client, packing: false, maxBatchRecords: 1, maxConcurrency: 1, retry: { maxElapsedMs: 20 } });
    await producer.send('stream-a', '{"n":0}');
    await producer.send('stream-a', '{"n":1}');

    // Act
    const closed = producer.close().catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 60));
    release.resolve();
    const error = await closed;

    // Assess
    expect(inputs.map(texts)).toEqual([['{"n":0}\n']]);
    expect((error as DeliveryError).failures.map((f) => [f.data, f.reason, f.attempts, (f.error as { code?: string }).code])).toEqual([['{"n":1}', 'time-exhausted', 0, 'TIME_BUDGET_EXHAUSTED']]);
  });
});
