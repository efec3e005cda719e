// `factline local start`: the stack in the foreground, its banner, and its graceful stop.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutRecordBatchCommand } from '@aws-sdk/client-firehose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatBanner, formatLogEntry, startLocalStack } from '@factline/local';
import { createFolderObjectStore } from '@factline/object-store';
import { spawnEmulator } from '../fixtures/child.js';
import { identity } from '../fixtures/handlers.js';
import { clientFor, readFacts } from '../fixtures/harness.js';
import { testSettingsFile, testStream } from '../fixtures/streams.js';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'factline-stack-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function putRecords(endpoint: string, values: string[]): Promise<void> {
  const client = clientFor(endpoint);
  await client.send(new PutRecordBatchCommand({ DeliveryStreamName: 'factline-booking', Records: values.map((value) => ({ Data: Buffer.from(value) })) }));
  client.destroy();
}

describe('startLocalStack', () => {
  it('reads the stream settings file, serves on a free port, and prints it in the banner', async () => {
    // Prepare
    const settingsFile = join(dataDir, 'stream-settings.json');
    await writeFile(settingsFile, JSON.stringify(testSettingsFile([testStream({ entity: 'booking' }), testStream({ entity: 'accommodation', compressionFormat: 'GZIP' })])));
    // Act
    const stack = await startLocalStack({ streamSettings: settingsFile, port: 0, dataDir, handleSignals: false, buffering: { intervalInSeconds: 5 } });
    const banner = formatBanner(stack);
    await stack.stop();
    // Assess
    expect(stack.port).toBeGreaterThan(0);
    expect(stack.endpoint).toBe(`http://127.0.0.1:${stack.port}`);
    expect(banner).toContain(`Firehose endpoint  http://127.0.0.1:${stack.port}\n`);
    expect(banner).toContain(`Status             http://127.0.0.1:${stack.port}/_factline/status`);
    expect(banner).toContain(`Data folder        ${dataDir}\n`);
    expect(banner).toContain(`Bucket             factline-local  (${join(dataDir, 's3', 'factline-local')})`);
    expect(banner).toMatch(/factline-accommodation +-> facts\/accommodation\/ {2}\(every 5 s or 64 MiB, GZIP\)/);
    expect(banner).toMatch(/factline-booking +-> facts\/booking\/ {2}\(every 5 s or 64 MiB, UNCOMPRESSED\)/);
  });

  it('delivers what is buffered when stopped, and stops once however often it is asked', async () => {
    const stack = await startLocalStack({ streamSettings: testSettingsFile([testStream()]), port: 0, dataDir, transform: identity, handleSignals: false });
    await putRecords(stack.endpoint, ['buffered\n']);
    expect(stack.status().streams[0]?.buffered).toBe(1);
    await Promise.all([stack.stop(), stack.stop()]);
    await stack.stopped;
    const store = createFolderObjectStore({ bucket: 'factline-local', root: join(dataDir, 's3') });
    expect((await readFacts(store)).map((object) => object.body.toString())).toEqual(['buffered\n']);
  });

  it('refuses a stream settings file that does not validate, naming the file', async () => {
    const settingsFile = join(dataDir, 'broken.json');
    await writeFile(settingsFile, JSON.stringify({ formatVersion: 2 }));
    await expect(startLocalStack({ streamSettings: settingsFile, port: 0, dataDir, handleSignals: false })).rejects.toMatchObject({ code: 'STREAM_SETTINGS_INVALID', file: settingsFile });
  });

  it('stops gracefully on SIGTERM in the foreground, delivering what is buffered', async () => {
    // Prepare: a five-minute interval, so only the stop can deliver.
    const stack = await spawnEmulator({ mode: 'stack', dataDir, intervalSeconds: 300 });
    await putRecords(stack.endpoint, ['before the signal\n']);
    // Act
    stack.child.kill('SIGTERM');
    const exit = await stack.exited;
    // Assess
    expect(exit.code).toBe(0);
    expect(stack.output()).toContain('STOPPED');
    const store = createFolderObjectStore({ bucket: 'factline-local', root: join(dataDir, 's3') });
    expect((await readFacts(store)).map((object) => object.body.toString())).toEqual(['before the signal\n']);
  }, 30_000);
});

describe('formatLogEntry', () => {
  it('writes one line: time, level, stream, message and key', () => {
    const line = formatLogEntry({ level: 'warn', stream: 'factline-booking', message: 'onDelivered failed', key: 'facts/booking/x' }, new Date('2026-05-01T10:00:00Z'));
    expect(line).toBe('2026-05-01T10:00:00.000Z warn  [factline-booking] onDelivered failed (facts/booking/x)');
  });
});
