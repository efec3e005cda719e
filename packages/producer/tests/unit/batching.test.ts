import { createProducer, firehoseLimits, maxEventBytes } from '@factline/producer';
import { describe, expect, it } from 'vitest';
import { acknowledgeAll, deferred, line, mockFirehose, recordsOf } from '../support/mock-firehose.js';

const lingerForever = 3_600_000;

describe('batching', () => {
  it('puts at most 500 records in one call; the 501st starts the next', async () => {
    // Prepare
    const { client, inputs } = mockFirehose();
    const producer = createProducer({ firehose: client, packing: false, lingerMs: lingerForever });

    // Act
    for (let i = 0; i < 501; i += 1) await producer.send('stream-a', `{"i":${i}}`);
    await producer.close();

    // Assess
    expect(inputs.map((input) => input.Records?.length)).toEqual([500, 1]);
    expect(inputs.flatMap(recordsOf).map((r) => r.toString())).toEqual(Array.from({ length: 501 }, (_, i) => `{"i":${i}}\n`));
  });

  it('sends a full batch at once, without waiting for the linger time or a flush', async () => {
    const called = deferred();
    const { client, inputs } = mockFirehose((input) => {
      called.resolve();
      return acknowledgeAll(input);
    });
    const producer = createProducer({ firehose: client, packing: false, lingerMs: lingerForever });

    for (let i = 0; i < 500; i += 1) await producer.send('stream-a', `{"i":${i}}`);
    await called.promise;

    expect(inputs.map((input) => input.Records?.length)).toEqual([500]);
    await producer.close();
  });

  it('keeps a call within 4 MiB: records of exactly 4 MiB share one call', async () => {
    // Prepare: four records of 1,024,000 bytes and one of 98,304: 4,194,304 bytes in all.
    const { client, inputs } = mockFirehose();
    const producer = createProducer({ firehose: client, lingerMs: lingerForever });
    const sizes = [maxEventBytes, maxEventBytes, maxEventBytes, maxEventBytes, 98_303];

    for (const size of sizes) await producer.send('stream-a', line(size));
    await producer.close();

    expect(inputs.map((input) => recordsOf(input).reduce((sum, r) => sum + r.length, 0))).toEqual([firehoseLimits.maxBatchBytes]);
  });

  it('keeps a call within 4 MiB: one byte more moves the last record to the next call', async () => {
    const { client, inputs } = mockFirehose();
    const producer = createProducer({ firehose: client, lingerMs: lingerForever });
    const sizes = [maxEventBytes, maxEventBytes, maxEventBytes, maxEventBytes, 98_304];

    for (const size of sizes) await producer.send('stream-a', line(size));
    await producer.close();

    expect(inputs.map((input) => recordsOf(input).map((r) => r.length))).toEqual([[1_024_000, 1_024_000, 1_024_000, 1_024_000], [98_305]]);
  });

  it('honours lower limits for records and bytes per call', async () => {
    const { client, inputs } = mockFirehose();
    const producer = createProducer({ firehose: client, packing: false, maxBatchRecords: 3, maxBatchBytes: 25, lingerMs: lingerForever });

    // Each record is 10 bytes: two fit in 25 bytes, a third would not.
    for (let i = 0; i < 5; i += 1) await producer.send('stream-a', `{"n":"${i}"}`);
    await producer.close();

    expect(inputs.map((input) => input.Records?.length)).toEqual([2, 2, 1]);
  });

  it('holds a forming batch until the linger time passes or a flush', async () => {
    const { client, inputs } = mockFirehose();
    const producer = createProducer({ firehose: client, lingerMs: lingerForever });

    await producer.send('stream-a', '{"n":1}');
    await producer.send('stream-a', '{"n":2}');
    await new Promise((resolve) => setImmediate(resolve));
    const beforeFlush = inputs.length;
    await producer.flush();

    expect(beforeFlush).toBe(0);
    expect(inputs.map((input) => recordsOf(input).map((r) => r.toString()))).toEqual([['{"n":1}\n{"n":2}\n']]);
    await producer.close();
  });

  it('sends a forming batch by itself once its linger time has passed', async () => {
    const called = deferred();
    const { client, inputs } = mockFirehose((input) => {
      called.resolve();
      return acknowledgeAll(input);
    });
    const producer = createProducer({ firehose: client, lingerMs: 5 });

    await producer.send('stream-a', '{"n":1}');
    await called.promise;

    expect(recordsOf(inputs[0]!).map((r) => r.toString())).toEqual(['{"n":1}\n']);
    await producer.close();
    expect(producer.metrics().eventsDelivered).toBe(1);
  });

  it('never has more calls in flight than maxConcurrency', async () => {
    // Prepare: every call waits until the test releases it.
    const release = deferred();
    let inFlight = 0;
    let peak = 0;
    const { client, inputs } = mockFirehose(async (input) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await release.promise;
      inFlight -= 1;
      return acknowledgeAll(input);
    });
    const producer = createProducer({ firehose: client, packing: false, maxBatchRecords: 1, maxConcurrency: 3, lingerMs: lingerForever });

    // Act
    for (let i = 0; i < 10; i += 1) await producer.send(`stream-${i % 2}`, `{"i":${i}}`);
    const flushed = producer.flush();
    await new Promise((resolve) => setImmediate(resolve));
    const whileHeld = { calls: inputs.length, inFlight: producer.metrics().callsInFlight };
    release.resolve();
    await flushed;

    // Assess
    expect(whileHeld).toEqual({ calls: 3, inFlight: 3 });
    expect(peak).toBe(3);
    expect(inputs).toHaveLength(10);
    await producer.close();
  });
});
