import { createProducer } from '@factline/producer';
import { describe, expect, it } from 'vitest';
import { eventsOf, line, mockFirehose, recordsOf } from '../support/mock-firehose.js';

const lingerForever = 3_600_000;

async function packed(events: string[], options: { packing?: boolean; maxRecordBytes?: number } = {}): Promise<Buffer[]> {
  const { client, inputs } = mockFirehose();
  const producer = createProducer({ firehose: client, lingerMs: lingerForever, ...options });
  for (const event of events) await producer.send('stream-a', event);
  await producer.close();
  return inputs.flatMap(recordsOf);
}

describe('packing', () => {
  it('packs events into one record of exactly 5,120 bytes when they fill it with their newlines', async () => {
    // Prepare: ten events of 511 bytes, 512 with their newline.
    const events = Array.from({ length: 10 }, (_, i) => line(511, `e${i}`));

    // Act
    const records = await packed(events);

    // Assess
    expect(records.map((r) => r.length)).toEqual([5_120]);
    expect(eventsOf(records[0]!)).toEqual(events);
  });

  it('starts a new record when one more byte would pass the budget', async () => {
    const events = [...Array.from({ length: 9 }, (_, i) => line(511, `e${i}`)), line(512, 'last')];

    const records = await packed(events);

    expect(records.map((r) => r.length)).toEqual([4_608, 513]);
    expect(records.flatMap(eventsOf)).toEqual(events);
  });

  it('puts an event of 5,119 bytes alone in a record of exactly 5,120 bytes', async () => {
    const events = [line(100, 'before'), line(5_119, 'big'), line(100, 'after')];

    const records = await packed(events);

    expect(records.map((r) => r.length)).toEqual([101, 5_120, 101]);
    expect(records.flatMap(eventsOf)).toEqual(events);
  });

  it('sends an event too large to share a record alone, after the events sent before it', async () => {
    const events = [line(200, 'a'), line(300, 'b'), line(5_120, 'too-big'), line(200, 'c')];

    const records = await packed(events);

    expect(records.map((r) => eventsOf(r))).toEqual([[events[0], events[1]], [events[2]], [events[3]]]);
    expect(records[1]!.length).toBe(5_121);
  });

  it('ends every record with a newline, so concatenated records are valid NDJSON', async () => {
    const events = Array.from({ length: 300 }, (_, i) => JSON.stringify({ i, text: 'y'.repeat(i % 97) }));

    const records = await packed(events);

    expect(records.length).toBeGreaterThan(1);
    for (const record of records) expect(record.at(-1)).toBe(0x0a);
    const ndjson = Buffer.concat(records).toString('utf8').split('\n').slice(0, -1);
    expect(ndjson.map((l) => JSON.parse(l) as unknown)).toEqual(events.map((e) => JSON.parse(e) as unknown));
  });

  it('counts the budget in UTF-8 bytes, not characters', async () => {
    // Prepare: 'é' is two bytes; each event is 2,559 bytes, 2,560 with its newline.
    const event = `{"t":"a${'é'.repeat(1_275)}"}`;
    expect(Buffer.byteLength(event)).toBe(2_559);

    const records = await packed([event, event, event]);

    expect(records.map((r) => r.length)).toEqual([5_120, 2_560]);
    expect(records.flatMap(eventsOf)).toEqual([event, event, event]);
  });

  it('keeps the events of different streams in different records and calls', async () => {
    const { client, inputs } = mockFirehose();
    const producer = createProducer({ firehose: client, lingerMs: lingerForever });

    await producer.send('stream-a', '{"s":"a1"}');
    await producer.send('stream-b', '{"s":"b1"}');
    await producer.send('stream-a', '{"s":"a2"}');
    await producer.close();

    const byStream = Object.fromEntries(inputs.map((input) => [input.DeliveryStreamName, recordsOf(input).flatMap(eventsOf)]));
    expect(byStream).toEqual({ 'stream-a': ['{"s":"a1"}', '{"s":"a2"}'], 'stream-b': ['{"s":"b1"}'] });
  });

  it('sends every event as its own newline-terminated record when packing is off', async () => {
    const events = ['{"n":1}', '{"n":2}', '{"n":3}'];

    const records = await packed(events, { packing: false });

    expect(records.map((r) => r.toString('utf8'))).toEqual(['{"n":1}\n', '{"n":2}\n', '{"n":3}\n']);
  });

  it('packs up to a configured budget', async () => {
    const events = Array.from({ length: 20 }, (_, i) => line(1_023, `e${i}`));

    const records = await packed(events, { maxRecordBytes: 10_240 });

    expect(records.map((r) => r.length)).toEqual([10_240, 10_240]);
  });

  it('packs bytes exactly like strings', async () => {
    const events = [line(1_000, 'a'), line(3_000, 'b'), line(2_000, 'c')];
    const { client, inputs } = mockFirehose();
    const producer = createProducer({ firehose: client, lingerMs: lingerForever });

    for (const event of events) await producer.send('stream-a', new TextEncoder().encode(event));
    await producer.close();

    expect(inputs.flatMap(recordsOf)).toEqual(await packed(events));
  });
});
