import { createProducer, DeliveryError, type FailedEvent } from '@factline/producer';
import { describe, expect, it } from 'vitest';
import { acknowledgeAll, deferred, mockFirehose, recordsOf, serviceError } from '../support/mock-firehose.js';

const lingerForever = 3_600_000;
const missing = () => serviceError('ResourceNotFoundException', 400, 'Firehose stream not found');

describe('flush and close', () => {
  it('close() rejects with DELIVERY_FAILED carrying every failed event with its stream, data and context', async () => {
    // Prepare
    const { client } = mockFirehose((input) => (input.DeliveryStreamName === 'gone' ? missing() : acknowledgeAll(input)));
    const producer = createProducer<{ id: number }>({ firehose: client, lingerMs: lingerForever });
    await producer.send('gone', '{"id":1}', { id: 1 });
    await producer.send('kept', '{"id":2}', { id: 2 });
    await producer.send('gone', new TextEncoder().encode('{"id":3}'), { id: 3 });

    // Act
    const error = await producer.close().catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(DeliveryError);
    const failures = (error as DeliveryError<{ id: number }>).failures;
    expect(failures.map((f) => [f.streamName, f.data, f.context])).toEqual([
      ['gone', '{"id":1}', { id: 1 }],
      ['gone', new TextEncoder().encode('{"id":3}'), { id: 3 }],
    ]);
    expect((error as DeliveryError).code).toBe('DELIVERY_FAILED');
    expect((error as DeliveryError).message).toMatch(/2 event\(s\) could not be delivered.*"gone".*ResourceNotFoundException/);
    expect(producer.metrics()).toMatchObject({ eventsAccepted: 3, eventsDelivered: 1, eventsFailed: 2, eventsBuffered: 0 });
  });

  it('awaits onFailure before close() settles, so the hook can persist the events', async () => {
    const persisted: FailedEvent[] = [];
    const { client } = mockFirehose(missing);
    const producer = createProducer({
      firehose: client,
      onFailure: async (failures) => {
        await new Promise((resolve) => setTimeout(resolve, 10));
        persisted.push(...failures);
      },
    });
    await producer.send('gone', '{"id":1}');

    const error = await producer.close().catch((e: unknown) => e);

    expect(persisted.map((f) => f.data)).toEqual(['{"id":1}']);
    expect((error as DeliveryError).failures).toEqual(persisted);
  });

  it('loses nothing when onFailure throws: the events are still in the close() error', async () => {
    const { client } = mockFirehose(missing);
    const producer = createProducer({
      firehose: client,
      onFailure: () => {
        throw new Error('disk full');
      },
    });
    await producer.send('gone', '{"id":1}');

    const error = await producer.close().catch((e: unknown) => e);

    expect((error as DeliveryError).failures.map((f) => f.data)).toEqual(['{"id":1}']);
  });

  it('reports each failure once: a flush after a rejected flush resolves', async () => {
    const { client } = mockFirehose((input) => (input.DeliveryStreamName === 'gone' ? missing() : acknowledgeAll(input)));
    const producer = createProducer({ firehose: client, lingerMs: lingerForever });
    await producer.send('gone', '{"id":1}');

    const first = await producer.flush().catch((e: unknown) => e);
    await producer.send('kept', '{"id":2}');
    const second = await producer.flush().then(() => 'resolved');

    expect((first as DeliveryError).failures).toHaveLength(1);
    expect(second).toBe('resolved');
    await producer.close();
  });

  it('flush() waits for the events sent before it, not for those sent after it began', async () => {
    // Prepare: calls for 'later' are held until the test lets them go.
    const releaseLater = deferred();
    const { client } = mockFirehose(async (input) => {
      if (input.DeliveryStreamName === 'later') await releaseLater.promise;
      return acknowledgeAll(input);
    });
    const producer = createProducer({ firehose: client, lingerMs: lingerForever });
    await producer.send('earlier', '{"id":1}');

    // Act
    const flushed = producer.flush();
    await producer.send('later', '{"id":2}');
    await flushed;
    const afterFlush = producer.metrics();
    releaseLater.resolve();
    await producer.close();

    // Assess
    expect(afterFlush).toMatchObject({ eventsDelivered: 1, eventsBuffered: 1 });
    expect(producer.metrics()).toMatchObject({ eventsDelivered: 2, eventsBuffered: 0 });
  });

  it('close() delivers what is buffered, refuses later sends, and returns the same promise when called again', async () => {
    const { client, inputs } = mockFirehose();
    const producer = createProducer({ firehose: client, lingerMs: lingerForever });
    await producer.send('stream-a', '{"id":1}');

    const first = producer.close();
    const second = producer.close();
    const late = producer.send('stream-a', '{"id":2}');
    await first;

    expect(second).toBe(first);
    await expect(late).rejects.toMatchObject({ code: 'PRODUCER_CLOSED' });
    expect(inputs.flatMap(recordsOf).map((r) => r.toString())).toEqual(['{"id":1}\n']);
  });

  it('close() delivers the sends still waiting for buffer room when it was called', async () => {
    const { client, inputs } = mockFirehose();
    const producer = createProducer({ firehose: client, maxBufferedBytes: 10, lingerMs: lingerForever });

    const sends = [producer.send('stream-a', '{"id":1}'), producer.send('stream-a', '{"id":2}'), producer.send('stream-a', '{"id":3}')];
    await producer.close();
    await Promise.all(sends);

    expect(inputs.flatMap(recordsOf).map((r) => r.toString())).toEqual(['{"id":1}\n', '{"id":2}\n', '{"id":3}\n']);
  });

  it('flush() also waits for a send that was still waiting for buffer room when it was called', { timeout: 5_000 }, async () => {
    // Prepare: the buffer holds two events; the first call is held, so the third send waits.
    const release = deferred();
    const { client } = mockFirehose(async (input, call) => {
      if (call === 1) await release.promise;
      return acknowledgeAll(input);
    });
    const producer = createProducer({ firehose: client, maxBufferedBytes: 20, lingerMs: lingerForever });
    await producer.send('stream-a', '{"id":0}');
    await producer.send('stream-a', '{"id":1}');
    const waiting = producer.send('stream-a', '{"id":2}');

    // Act
    const flushed = producer.flush();
    const later = producer.send('stream-a', '{"id":3}');
    release.resolve();
    await flushed;
    const afterFlush = producer.metrics();
    await Promise.all([waiting, later]);
    await producer.close();

    // Assess: the three events sent before flush() are delivered when it resolves.
    expect(afterFlush.eventsDelivered).toBeGreaterThanOrEqual(3);
    expect(producer.metrics()).toMatchObject({ eventsDelivered: 4, eventsBuffered: 0 });
  });
});
