import { createProducer, type ProducerMetrics } from '@factline/producer';
import { describe, expect, it } from 'vitest';
import { line, mockFirehose } from '../support/mock-firehose.js';

async function sendAll(sizes: number[], packing: boolean): Promise<ProducerMetrics> {
  const { client } = mockFirehose();
  const producer = createProducer({ firehose: client, packing, lingerMs: 3_600_000 });
  for (const [i, size] of sizes.entries()) await producer.send('stream-a', line(size, `e${i}`));
  await producer.close();
  return producer.metrics();
}

describe('metrics', () => {
  it('bills each record rounded up to 5,120 bytes', async () => {
    // Prepare: records of 5,120, 5,121 and 10,241 bytes bill 1, 2 and 3 units.
    const sizes = [5_119, 5_120, 10_240];

    // Act
    const metrics = await sendAll(sizes, true);

    // Assess
    expect(metrics).toMatchObject({ recordsDelivered: 3, bytesDelivered: 5_120 + 5_121 + 10_241, billableUnits: 6 });
  });

  it('bills ten times less when ten small events share each record', async () => {
    const sizes = Array.from({ length: 100 }, () => 511);

    const packed = await sendAll(sizes, true);
    const unpacked = await sendAll(sizes, false);

    expect(packed).toMatchObject({ eventsDelivered: 100, recordsDelivered: 10, billableUnits: 10, calls: 1 });
    expect(unpacked).toMatchObject({ eventsDelivered: 100, recordsDelivered: 100, billableUnits: 100, calls: 1 });
  });

  it('starts at zero and counts accepted, delivered and buffered events', async () => {
    const { client } = mockFirehose();
    const producer = createProducer({ firehose: client, lingerMs: 3_600_000 });
    const initial = producer.metrics();

    await producer.send('stream-a', '{"a":1}');
    const buffered = producer.metrics();
    await producer.close();

    expect(Object.values(initial).every((value) => value === 0)).toBe(true);
    expect(buffered).toMatchObject({ eventsAccepted: 1, eventsBuffered: 1, bytesBuffered: 8, calls: 0 });
    expect(producer.metrics()).toMatchObject({ eventsAccepted: 1, eventsDelivered: 1, eventsBuffered: 0, bytesBuffered: 0, calls: 1 });
  });

  it('returns a snapshot that later activity does not change', async () => {
    const { client } = mockFirehose();
    const producer = createProducer({ firehose: client });
    const before = producer.metrics();

    await producer.send('stream-a', '{"a":1}');
    await producer.close();

    expect(before.eventsAccepted).toBe(0);
  });
});
