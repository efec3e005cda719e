// The seam for the warehouse: onDelivered is called after each facts object is written, awaited (the next batch is
// written meanwhile, no more), retried until it succeeds (across restarts), and never overlaps itself within a stream.
import { PutRecordBatchCommand } from '@aws-sdk/client-firehose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Delivery } from '@factline/local';
import { identity } from '../fixtures/handlers.js';
import { readFacts, startHarness, text, type Harness } from '../fixtures/harness.js';
import { testStream } from '../fixtures/streams.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.cleanup();
  harness = undefined;
});

async function put(h: Harness, values: string[]): Promise<void> {
  await h.client.send(new PutRecordBatchCommand({ DeliveryStreamName: 'factline-booking', Records: values.map((value) => ({ Data: text(value) })) }));
}

describe('onDelivered', () => {
  it('announces each facts object once it is written: stream settings, bucket, key, record count, compression and size', async () => {
    // Prepare
    const stream = testStream({ compressionFormat: 'GZIP' });
    const seen: { delivery: Delivery; stored: number }[] = [];
    harness = await startHarness({
      streams: [stream],
      transform: identity,
      onDelivered: async (delivery) => {
        seen.push({ delivery, stored: (await harness!.emulator.objectStore.get(delivery.key)).length });
      },
    });
    // Act
    await put(harness, ['{"a":1}\n', '{"b":2}\n', '{"c":3}\n']);
    await harness.emulator.flush();
    // Assess
    const [facts] = await readFacts(harness.emulator.objectStore);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.delivery).toEqual({ stream, bucket: 'factline-local', key: facts?.key, recordCount: 3, compression: 'GZIP', size: seen[0]?.stored });
  });

  it('is not called for a batch without Ok records', async () => {
    const calls: Delivery[] = [];
    harness = await startHarness({ transform: async (event) => ({ records: event.records.map(({ recordId }) => ({ recordId, result: 'Dropped' })) }), onDelivered: (delivery) => void calls.push(delivery) });
    await put(harness, ['x']);
    await harness.emulator.flush();
    expect(calls).toEqual([]);
  });

  it('retries a failed call later until it succeeds, while later batches are delivered and announced', async () => {
    // Prepare: the first object's announcement fails twice.
    const attempts = new Map<string, number>();
    const announced: string[] = [];
    let first: string | undefined;
    harness = await startHarness({
      transform: identity,
      retryDelayMs: 30,
      onDelivered: (delivery) => {
        first ??= delivery.key;
        const attempt = (attempts.get(delivery.key) ?? 0) + 1;
        attempts.set(delivery.key, attempt);
        if (delivery.key === first && attempt <= 2) throw new Error(`warehouse unavailable (${attempt})`);
        announced.push(delivery.key);
      },
    });
    // Act
    await put(harness, ['one\n']);
    await harness.emulator.flush();
    const afterFailure = harness.emulator.status().streams[0];
    await put(harness, ['two\n']);
    await harness.emulator.flush();
    // Assess
    expect(afterFailure).toMatchObject({ pendingNotifications: 1, notificationFailures: 1, lastError: 'onDelivered: warehouse unavailable (1)' });
    await vi.waitFor(() => expect(announced).toHaveLength(2), { timeout: 10_000, interval: 20 });
    expect(announced[1]).toBe(first);
    expect(attempts.get(first!)).toBe(3);
    expect(harness.emulator.status().streams[0]).toMatchObject({ pendingNotifications: 0, notificationFailures: 2 });
  });

  it('keeps an unannounced object across a restart and announces it on the next start, without writing it again', async () => {
    // Prepare
    harness = await startHarness({
      transform: identity,
      onDelivered: () => {
        throw new Error('warehouse down');
      },
    });
    await put(harness, ['kept\n']);
    await harness.emulator.flush();
    const [written] = await readFacts(harness.emulator.objectStore);
    await harness.emulator.close();
    // Act
    const announced: string[] = [];
    const next = await harness.restart({ onDelivered: (delivery) => void announced.push(delivery.key) });
    // Assess
    await vi.waitFor(() => expect(announced).toEqual([written?.key]), { timeout: 10_000, interval: 20 });
    expect((await readFacts(next.objectStore)).map((object) => object.key)).toEqual([written?.key]);
    expect(next.status().streams[0]?.pendingNotifications).toBe(0);
  });

  it('writes the next batch of a stream while a call runs, and none after it until the call resolves', async () => {
    // Prepare: the first call waits until it is released.
    let release: (() => void) | undefined;
    const announced: string[] = [];
    harness = await startHarness({
      transform: identity,
      onDelivered: async (delivery) => {
        announced.push(delivery.key);
        if (announced.length === 1) await new Promise<void>((resolve) => (release = resolve));
      },
    });
    const h = harness;
    const written = (): number => h.emulator.status().streams[0]?.objects.facts.length ?? 0;
    const flushes: Promise<void>[] = [];
    // A failed assertion must not leave the stream waiting at cleanup.
    try {
      await put(h, ['0\n']);
      flushes.push(h.emulator.flush());
      await vi.waitFor(() => expect(release).toBeDefined(), { timeout: 10_000, interval: 10 });
      // Act
      await put(h, ['1\n']);
      flushes.push(h.emulator.flush());
      await vi.waitFor(() => expect(written()).toBe(2), { timeout: 10_000, interval: 10 });
      await put(h, ['2\n']);
      flushes.push(h.emulator.flush());
      await new Promise((resolve) => setTimeout(resolve, 100));
      // Assess
      expect(written()).toBe(2);
      expect(announced).toHaveLength(1);
    } finally {
      release?.();
    }
    await Promise.all(flushes);
    expect(written()).toBe(3);
    expect(announced).toEqual(h.emulator.status().streams[0]?.objects.facts);
  });

  it('never runs two calls of one stream at the same time', async () => {
    let running = 0;
    let most = 0;
    let calls = 0;
    harness = await startHarness({
      transform: identity,
      onDelivered: async () => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 20));
        running -= 1;
        calls += 1;
      },
    });
    // Each flush starts a delivery while the previous announcement may still be running.
    const flushes: Promise<void>[] = [];
    for (let index = 0; index < 6; index += 1) {
      await put(harness, [`${index}\n`]);
      flushes.push(harness.emulator.flush());
    }
    await Promise.all(flushes);
    await harness.emulator.flush();
    expect(calls).toBeGreaterThan(1);
    expect(most).toBe(1);
  });
});
