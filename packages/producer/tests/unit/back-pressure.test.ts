import { createProducer } from '@factline/producer';
import { describe, expect, it } from 'vitest';
import { acknowledgeAll, deferred, line, mockFirehose, recordsOf } from '../support/mock-firehose.js';

const lingerForever = 3_600_000;
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('back-pressure', () => {
  it('makes send wait while the buffer is full, and resolves it when a delivery frees room', async () => {
    // Prepare: a 2,000-byte buffer; the first call is held until the test releases it.
    const release = deferred();
    const { client } = mockFirehose(async (input, call) => {
      if (call === 1) await release.promise;
      return acknowledgeAll(input);
    });
    const producer = createProducer({ firehose: client, maxBufferedBytes: 2_000, lingerMs: lingerForever });
    await producer.send('stream-a', line(999, 'a'));
    await producer.send('stream-a', line(999, 'b'));

    // Act
    let accepted = false;
    const third = producer.send('stream-a', line(999, 'c')).then(() => (accepted = true));
    await tick();
    const whileFull = { accepted, metrics: producer.metrics() };
    release.resolve();
    await third;

    // Assess
    expect(whileFull.accepted).toBe(false);
    expect(whileFull.metrics).toMatchObject({ sendsWaiting: 1, bytesBuffered: 2_000, eventsAccepted: 2, callsInFlight: 1 });
    expect(producer.metrics()).toMatchObject({ sendsWaiting: 0, eventsAccepted: 3 });
    await producer.close();
  });

  it('lets an event larger than the whole buffer through, alone', async () => {
    const { client, inputs } = mockFirehose();
    const producer = createProducer({ firehose: client, maxBufferedBytes: 100, lingerMs: lingerForever });

    await producer.send('stream-a', line(50, 'a'));
    const big = producer.send('stream-a', line(500, 'big'));
    await big;
    await producer.close();

    expect(inputs.flatMap(recordsOf).map((r) => r.length)).toEqual([51, 501]);
  });

  it('admits waiting sends in the order they were made', async () => {
    const { client, inputs } = mockFirehose();
    const producer = createProducer({ firehose: client, maxBufferedBytes: 30, packing: false, lingerMs: lingerForever });

    const sends = Array.from({ length: 50 }, (_, i) => producer.send('stream-a', `{"i":${String(i).padStart(3, '0')}}`));
    await Promise.all(sends);
    await producer.close();

    expect(inputs.flatMap(recordsOf).map((r) => r.toString())).toEqual(Array.from({ length: 50 }, (_, i) => `{"i":${String(i).padStart(3, '0')}}\n`));
  });

  it('keeps buffered bytes within maxBufferedBytes while sends outpace delivery', async () => {
    let peak = 0;
    const { client } = mockFirehose(async (input) => {
      await tick();
      return acknowledgeAll(input);
    });
    const producer = createProducer({ firehose: client, maxBufferedBytes: 20_000, lingerMs: lingerForever });

    for (let i = 0; i < 2_000; i += 1) {
      await producer.send('stream-a', line(99, `e${i}`));
      peak = Math.max(peak, producer.metrics().bytesBuffered);
    }
    await producer.close();

    expect(peak).toBeGreaterThan(10_000);
    expect(peak).toBeLessThanOrEqual(20_000);
    expect(producer.metrics()).toMatchObject({ eventsDelivered: 2_000, bytesBuffered: 0 });
  });

  it('sends complete batches before cutting a forming one short while senders wait', async () => {
    // Prepare: one call slot, held; stream-b (visited first) has a forming batch, stream-a complete ones, and
    // senders wait for room.
    const release = deferred();
    const { client, inputs } = mockFirehose(async (input, call) => {
      if (call === 1) await release.promise;
      return acknowledgeAll(input);
    });
    const producer = createProducer({ firehose: client, packing: false, maxBatchRecords: 2, maxConcurrency: 1, maxBufferedBytes: 50, lingerMs: lingerForever });
    await producer.send('stream-b', '{"b":"1"}');
    for (const n of [1, 2, 3, 4]) await producer.send('stream-a', `{"a":"${n}"}`);
    const waiting = [5, 6, 7].map((n) => producer.send('stream-a', `{"a":"${n}"}`));

    // Act
    release.resolve();
    await Promise.all(waiting);
    await producer.close();

    // Assess
    const calls = inputs.map((input) => `${input.DeliveryStreamName}: ${recordsOf(input).map((r) => r.toString().trim()).join(' ')}`);
    expect(calls.slice(0, 3)).toEqual(['stream-a: {"a":"1"} {"a":"2"}', 'stream-a: {"a":"3"} {"a":"4"}', 'stream-a: {"a":"5"} {"a":"6"}']);
    expect(calls.slice(3).sort()).toEqual(['stream-a: {"a":"7"}', 'stream-b: {"b":"1"}']);
  });
});
