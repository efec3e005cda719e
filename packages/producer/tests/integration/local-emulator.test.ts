// The producer against the project's Firehose emulator (@factline/local) with injected faults, down to the objects
// it writes: the source backup, Firehose's concatenation of the raw records, must be valid NDJSON holding every event.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { FirehoseClient } from '@aws-sdk/client-firehose';
import { startFirehoseEmulator, type FirehoseEmulator, type StreamFaults } from '@factline/local';
import { createProducer, type ProducerOptions } from '@factline/producer';
import { readStreamSettings, type StreamSettings } from '@factline/stream-settings';
import { afterEach, describe, expect, it } from 'vitest';

const settingsFile = fileURLToPath(new URL('../../../../generated/stream-settings.json', import.meta.url));
let cleanup: (() => Promise<void>) | undefined;

afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

async function emulatorWith(faults: StreamFaults): Promise<{ emulator: FirehoseEmulator; streams: readonly StreamSettings[]; client: FirehoseClient }> {
  const { streams } = await readStreamSettings(settingsFile);
  const dataDir = await mkdtemp(join(tmpdir(), 'factline-producer-'));
  const emulator = await startFirehoseEmulator({
    streams,
    port: 0,
    dataDir,
    buffering: { intervalInSeconds: 900 },
    faults: Object.fromEntries(streams.map((s) => [s.deliveryStreamName, faults])),
    seed: 7,
  });
  const client = new FirehoseClient({ endpoint: emulator.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  cleanup = async () => {
    client.destroy();
    await emulator.close();
    await rm(dataDir, { recursive: true, force: true });
  };
  return { emulator, streams, client };
}

/** Sends `count` events spread over the streams; returns the lines sent per stream. */
async function produce(client: FirehoseClient, streams: readonly StreamSettings[], count: number, options: Partial<ProducerOptions> = {}) {
  const producer = createProducer({ firehose: client, retry: { baseDelayMs: 1, maxDelayMs: 10, maxAttempts: 20 }, ...options });
  const sent = new Map<string, string[]>(streams.map((s) => [s.deliveryStreamName, []]));
  for (let i = 0; i < count; i += 1) {
    const stream = streams[i % streams.length]!.deliveryStreamName;
    const line = JSON.stringify({ event_id: `evt-${i}`, event_type: 'test.sent', payload: { i, text: 'ß'.repeat(i % 300) } });
    sent.get(stream)!.push(line);
    await producer.send(stream, line);
  }
  await producer.close();
  return { sent, metrics: producer.metrics() };
}

/** The lines of a stream's source backup objects; each object must be newline-terminated NDJSON. */
async function sourceBackupLines(emulator: FirehoseEmulator, streamName: string): Promise<string[]> {
  await emulator.flush();
  const keys = emulator.status().streams.find((s) => s.deliveryStreamName === streamName)!.objects.sourceBackup;
  const lines: string[] = [];
  for (const key of keys) {
    const stored = Buffer.from(await emulator.objectStore.get(key));
    const text = (key.endsWith('.gz') ? gunzipSync(stored) : stored).toString('utf8');
    expect(text.endsWith('\n')).toBe(true);
    for (const line of text.slice(0, -1).split('\n')) {
      expect(() => JSON.parse(line) as unknown).not.toThrow();
      lines.push(line);
    }
  }
  return lines;
}

describe('with the local Firehose emulator', () => {
  it('lands every event exactly once in the source backup, as valid NDJSON, through refused records and 503s', async () => {
    // Prepare: a fifth of the records refused inside 200 answers, a tenth of the calls refused with 503.
    const { emulator, streams, client } = await emulatorWith({ recordFailureRate: 0.2, callFailureRate: 0.1 });

    // Act
    const { sent, metrics } = await produce(client, streams, 3_000);

    // Assess
    for (const [stream, lines] of sent) expect((await sourceBackupLines(emulator, stream)).sort()).toEqual([...lines].sort());
    expect(metrics).toMatchObject({ eventsDelivered: 3_000, eventsFailed: 0 });
    expect(metrics.throttles).toBeGreaterThan(0);
    expect(metrics.callErrors).toBeGreaterThan(0);
    expect(metrics.recordsDelivered).toBe(emulator.status().streams.reduce((sum, s) => sum + s.received, 0));
  });

  it('loses nothing when answers come after the request timeout: late calls are retried, at least once', async () => {
    // Prepare: a quarter of the calls answered 300 ms late, after their records were stored.
    const { emulator, streams, client } = await emulatorWith({ slowResponseRate: 0.25, slowResponseMs: 300 });

    // Act
    const { sent, metrics } = await produce(client, streams, 600, { requestTimeoutMs: 100, maxBatchRecords: 5, lingerMs: 0 });

    // Assess: every event is there; any extra line is a copy of an event sent, from a retried late call.
    for (const [stream, lines] of sent) {
      const stored = await sourceBackupLines(emulator, stream);
      expect(new Set(stored)).toEqual(new Set(lines));
    }
    expect(metrics).toMatchObject({ eventsDelivered: 600, eventsFailed: 0 });
    expect(metrics.callErrors).toBeGreaterThan(0);
  });
});
