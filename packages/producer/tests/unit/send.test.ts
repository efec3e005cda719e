import { createProducer, maxEventBytes, ProducerError, producerErrorCodes } from '@factline/producer';
import { describe, expect, it } from 'vitest';
import { line, mockFirehose, recordsOf } from '../support/mock-firehose.js';

describe('send', () => {
  it('accepts an event of 1,023,999 bytes and sends it as a record of exactly 1,024,000 bytes', async () => {
    // Prepare
    const { client, inputs } = mockFirehose();
    const producer = createProducer({ firehose: client });

    // Act
    await producer.send('stream-a', line(maxEventBytes));
    await producer.close();

    // Assess
    expect(maxEventBytes).toBe(1_023_999);
    expect(inputs.flatMap(recordsOf).map((r) => r.length)).toEqual([1_024_000]);
  });

  it('rejects an event of 1,024,000 bytes at once with EVENT_TOO_LARGE and never sends it', async () => {
    const { client, inputs } = mockFirehose();
    const producer = createProducer({ firehose: client });

    const sent = producer.send('stream-a', line(1_024_000));

    await expect(sent).rejects.toMatchObject({ name: 'ProducerError', code: producerErrorCodes.eventTooLarge, streamName: 'stream-a' });
    await expect(sent).rejects.toThrow(/1024000 bytes/);
    await producer.close();
    expect(inputs).toHaveLength(0);
    expect(producer.metrics().eventsAccepted).toBe(0);
  });

  it('rejects the same limit for bytes', async () => {
    const producer = createProducer({ firehose: mockFirehose().client });

    await expect(producer.send('stream-a', new Uint8Array(1_024_000).fill(0x20))).rejects.toMatchObject({ code: 'EVENT_TOO_LARGE' });
  });

  it.each([
    ['an empty name', ''],
    ['a name of 65 characters', 'a'.repeat(65)],
    ['a space', 'my stream'],
    ['an ARN', 'arn:aws:firehose:eu-west-1:123456789012:deliverystream/x'],
    ['a slash', 'team/stream'],
  ])('rejects a stream name with %s with INVALID_STREAM_NAME', async (_, name) => {
    const { client, inputs } = mockFirehose();
    const producer = createProducer({ firehose: client });

    await expect(producer.send(name, '{}')).rejects.toMatchObject({ code: producerErrorCodes.invalidStreamName, streamName: name });
    await producer.close();
    expect(inputs).toHaveLength(0);
  });

  it('accepts a stream name of 64 letters, digits, dots, dashes and underscores', async () => {
    const { client, inputs } = mockFirehose();
    const producer = createProducer({ firehose: client });
    const name = `factline-booking_v1.${'x'.repeat(44)}`;

    await producer.send(name, '{}');
    await producer.close();

    expect(name).toHaveLength(64);
    expect(inputs.map((input) => input.DeliveryStreamName)).toEqual([name]);
  });

  it.each([
    ['an empty string', ''],
    ['a newline inside', '{"a":1}\n{"b":2}'],
    ['a trailing newline', '{"a":1}\n'],
    ['empty bytes', new Uint8Array()],
    ['a newline byte inside', new TextEncoder().encode('{"a":\n1}')],
  ])('rejects %s with INVALID_EVENT_DATA', async (_, data) => {
    const producer = createProducer({ firehose: mockFirehose().client });

    await expect(producer.send('stream-a', data)).rejects.toMatchObject({ code: producerErrorCodes.invalidEventData });
    await producer.close();
  });

  it('rejects data that is neither a string nor bytes', async () => {
    const producer = createProducer({ firehose: mockFirehose().client });

    await expect(producer.send('stream-a', { a: 1 } as unknown as string)).rejects.toThrow(/must be a string or a Uint8Array, not object/);
  });

  it('rejects sends after close() with PRODUCER_CLOSED', async () => {
    const producer = createProducer({ firehose: mockFirehose().client });
    await producer.close();

    const sent = producer.send('stream-a', '{}');

    await expect(sent).rejects.toBeInstanceOf(ProducerError);
    await expect(sent).rejects.toMatchObject({ code: producerErrorCodes.closed });
  });

  it('throws INVALID_OPTIONS naming every option out of range', () => {
    const create = () => createProducer({ firehose: mockFirehose().client, maxRecordBytes: 1_024_001, maxBatchRecords: 501, maxConcurrency: 0, retry: { maxAttempts: 1.5 } });

    expect(create).toThrow(ProducerError);
    expect(create).toThrow(/maxRecordBytes.*maxBatchRecords.*maxConcurrency.*retry\.maxAttempts/);
  });

  it('copies bytes on send, so the caller may reuse its buffer', async () => {
    const { client, inputs } = mockFirehose();
    const producer = createProducer({ firehose: client });
    const buffer = new TextEncoder().encode('{"n":1}');

    await producer.send('stream-a', buffer);
    buffer.set(new TextEncoder().encode('{"n":2}'));
    await producer.close();

    expect(inputs.flatMap(recordsOf).map((r) => r.toString())).toEqual(['{"n":1}\n']);
  });
});
