// Fault injection, seeded and per stream: per-record throttling inside 200 answers, whole-call 503s, failing
// transformation invocations, slow answers, and redelivery of delivered objects.
import { PutRecordBatchCommand, PutRecordCommand, type FirehoseServiceException } from '@aws-sdk/client-firehose';
import { afterEach, describe, expect, it } from 'vitest';
import type { Delivery, FirehoseEmulatorOptions } from '@factline/local';
import * as handlers from '../fixtures/handlers.js';
import { clientFor, readFacts, readObjects, startHarness, text, type Harness } from '../fixtures/harness.js';

const stream = 'factline-booking';
const harnesses: Harness[] = [];
afterEach(async () => {
  for (const harness of harnesses.splice(0)) await harness.cleanup();
});

async function start(options: Partial<FirehoseEmulatorOptions>): Promise<Harness> {
  const harness = await startHarness({ transform: handlers.identity, ...options });
  harnesses.push(harness);
  return harness;
}

const records = (count: number, tag = 'r'): { Data: Uint8Array }[] => Array.from({ length: count }, (_, index) => ({ Data: text(`${tag}${index}\n`) }));

describe('per-record failures', () => {
  it('fails a share of the records with ServiceUnavailableException inside a 200 answer, and delivers only the others', async () => {
    // Prepare
    const h = await start({ faults: { [stream]: { recordFailureRate: 0.3 } }, seed: 7 });
    // Act
    const answer = await h.client.send(new PutRecordBatchCommand({ DeliveryStreamName: stream, Records: records(200) }));
    await h.emulator.flush();
    // Assess
    const failed = answer.RequestResponses!.flatMap((entry, index) => (entry.ErrorCode === undefined ? [] : [index]));
    expect(answer.$metadata.httpStatusCode).toBe(200);
    expect(answer.FailedPutCount).toBe(failed.length);
    expect(failed.length).toBeGreaterThan(30);
    expect(failed.length).toBeLessThan(90);
    for (const index of failed) expect(answer.RequestResponses![index]).toEqual({ ErrorCode: 'ServiceUnavailableException', ErrorMessage: 'Slow down.' });
    const delivered = (await readFacts(h.emulator.objectStore))[0]!.body.toString().split('\n').filter(Boolean);
    expect(delivered).toEqual(answer.RequestResponses!.flatMap((entry, index) => (entry.RecordId === undefined ? [] : [`r${index}`])));
    expect(h.emulator.status().streams[0]).toMatchObject({ received: 200 - failed.length, throttled: failed.length });
  });

  it('fails the same records again for the same seed and the same calls, and others for another seed', async () => {
    const pattern = async (seed: number): Promise<number[]> => {
      const h = await start({ faults: { [stream]: { recordFailureRate: 0.5 } }, seed });
      const answers = [];
      for (let call = 0; call < 3; call += 1) answers.push(await h.client.send(new PutRecordBatchCommand({ DeliveryStreamName: stream, Records: records(50) })));
      return answers.flatMap((answer) => answer.RequestResponses!.map((entry) => (entry.ErrorCode === undefined ? 0 : 1)));
    };
    const first = await pattern(42);
    expect(await pattern(42)).toEqual(first);
    expect(await pattern(43)).not.toEqual(first);
  });

  it('fails a PutRecord call whose record is throttled with a 503', async () => {
    const h = await start({ faults: { [stream]: { recordFailureRate: 1 } } });
    const client = clientFor(h.emulator.endpoint, { maxAttempts: 1 });
    const error = (await client.send(new PutRecordCommand({ DeliveryStreamName: stream, Record: { Data: text('x') } })).catch((caught: unknown) => caught)) as FirehoseServiceException;
    client.destroy();
    expect([error.name, error.$metadata.httpStatusCode]).toEqual(['ServiceUnavailableException', 503]);
  });
});

describe('whole-call failures', () => {
  it('answers 503 ServiceUnavailableException, which the SDK retries before giving up, storing nothing', async () => {
    // Prepare
    const h = await start({ faults: { [stream]: { callFailureRate: 1 } } });
    // Act
    const error = (await h.client.send(new PutRecordBatchCommand({ DeliveryStreamName: stream, Records: records(3) })).catch((caught: unknown) => caught)) as FirehoseServiceException;
    await h.emulator.flush();
    // Assess
    expect(error.name).toBe('ServiceUnavailableException');
    expect(error.$metadata).toMatchObject({ httpStatusCode: 503, attempts: 3 });
    expect(h.emulator.status().streams[0]).toMatchObject({ received: 0, throttled: 9 });
    expect(await readObjects(h.emulator.objectStore, '')).toEqual([]);
  });

  it('lets the SDK’s retries get most calls through at a moderate rate', async () => {
    const h = await start({ faults: { [stream]: { callFailureRate: 0.3 } }, seed: 3 });
    const answers = [];
    for (let call = 0; call < 20; call += 1) answers.push(await h.client.send(new PutRecordBatchCommand({ DeliveryStreamName: stream, Records: records(1) })).catch(() => undefined));
    const retried = answers.filter((answer) => (answer?.$metadata.attempts ?? 0) > 1);
    expect(retried.length).toBeGreaterThan(0);
    expect(answers.filter((answer) => answer !== undefined).length).toBeGreaterThan(15);
  });
});

describe('transformation failures', () => {
  it('fails invocations before the handler runs, retries them, then writes the records as Lambda.InvokeLimitExceeded', async () => {
    // Prepare
    const handler = handlers.recording(handlers.identity);
    const h = await start({ transform: handler, faults: { [stream]: { transformFailureRate: 1 } } });
    // Act
    await h.client.send(new PutRecordBatchCommand({ DeliveryStreamName: stream, Records: records(2) }));
    await h.emulator.flush();
    // Assess
    expect(handler.events).toEqual([]);
    const lines = (await readObjects(h.emulator.objectStore, 'facts/booking/processing-failed/'))[0]!.body.toString().split('\n').filter(Boolean);
    expect(lines.map((line) => JSON.parse(line) as { errorCode: string; attemptsMade: number }).map(({ errorCode, attemptsMade }) => [errorCode, attemptsMade])).toEqual([
      ['Lambda.InvokeLimitExceeded', 4],
      ['Lambda.InvokeLimitExceeded', 4],
    ]);
  });

  it('recovers when an injected failure is followed by successful retries', async () => {
    const h = await start({ faults: { [stream]: { transformFailureRate: 0.5 } }, seed: 11 });
    for (let call = 0; call < 10; call += 1) {
      await h.client.send(new PutRecordBatchCommand({ DeliveryStreamName: stream, Records: records(1, `c${call}-`) }));
      await h.emulator.flush();
    }
    const status = h.emulator.status().streams[0]!;
    expect(status.delivered + status.failed).toBe(10);
    expect(status.delivered).toBeGreaterThan(5);
  });
});

describe('slow answers', () => {
  it('answers late after storing the records, so a client that timed out has still been heard', async () => {
    // Prepare
    const h = await start({ faults: { [stream]: { slowResponseRate: 1, slowResponseMs: 1500 } } });
    const impatient = clientFor(h.emulator.endpoint, { maxAttempts: 1, requestHandler: { requestTimeout: 150, throwOnRequestTimeout: true } });
    // Act
    const error = (await impatient.send(new PutRecordBatchCommand({ DeliveryStreamName: stream, Records: records(1, 'late-') })).catch((caught: unknown) => caught)) as Error;
    impatient.destroy();
    await h.emulator.flush();
    // Assess
    expect(error.name).toBe('TimeoutError');
    expect((await readFacts(h.emulator.objectStore)).map((object) => object.body.toString())).toEqual(['late-0\n']);
  });
});

describe('redelivery', () => {
  it('delivers an already delivered object again under a new key, and announces both', async () => {
    // Prepare
    const announced: Delivery[] = [];
    const h = await start({ faults: { [stream]: { redeliveryRate: 1 } }, onDelivered: (delivery) => void announced.push(delivery) });
    // Act
    await h.client.send(new PutRecordBatchCommand({ DeliveryStreamName: stream, Records: records(3) }));
    await h.emulator.flush();
    // Assess
    const facts = await readFacts(h.emulator.objectStore);
    expect(facts).toHaveLength(2);
    expect(facts[0]?.key).not.toBe(facts[1]?.key);
    expect(facts[0]?.body.toString()).toBe('r0\nr1\nr2\n');
    expect(facts[1]?.body).toEqual(facts[0]?.body);
    expect(announced.map((delivery) => delivery.key).sort()).toEqual(facts.map((object) => object.key).sort());
    expect(h.emulator.status().streams[0]).toMatchObject({ delivered: 3, redelivered: 1 });
  });

  it('can be switched on and off while running', async () => {
    const h = await start({});
    h.emulator.setFaults(stream, { redeliveryRate: 1 });
    await h.client.send(new PutRecordBatchCommand({ DeliveryStreamName: stream, Records: records(1, 'a') }));
    await h.emulator.flush();
    h.emulator.setFaults(stream, undefined);
    await h.client.send(new PutRecordBatchCommand({ DeliveryStreamName: stream, Records: records(1, 'b') }));
    await h.emulator.flush();
    expect((await readFacts(h.emulator.objectStore)).map((object) => object.body.toString()).sort()).toEqual(['a0\n', 'a0\n', 'b0\n']);
    expect(() => h.emulator.setFaults(stream, { redeliveryRate: 2 })).toThrow(expect.objectContaining({ code: 'INVALID_OPTIONS' }) as Error);
  });
});
