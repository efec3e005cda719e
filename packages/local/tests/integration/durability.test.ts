// Durability within one process: what is acknowledged survives a stop without delivery, an interrupted delivery is
// redone under the same keys, failed writes are retried, and one data folder has one emulator.
import { appendFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PutRecordBatchCommand } from '@aws-sdk/client-firehose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startFirehoseEmulator } from '@factline/local';
import { createFolderObjectStore, type ObjectStore } from '@factline/object-store';
import { identity } from '../fixtures/handlers.js';
import { clientFor, readFacts, readObjects, startHarness, text, type Harness } from '../fixtures/harness.js';
import { testStream } from '../fixtures/streams.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.cleanup();
  harness = undefined;
});

async function put(h: Harness, values: string[]): Promise<void> {
  const answer = await h.client.send(new PutRecordBatchCommand({ DeliveryStreamName: 'factline-booking', Records: values.map((value) => ({ Data: text(value) })) }));
  expect(answer.FailedPutCount).toBe(0);
}

async function send(endpoint: string, values: string[]): Promise<void> {
  const client = clientFor(endpoint);
  await client.send(new PutRecordBatchCommand({ DeliveryStreamName: 'factline-booking', Records: values.map((value) => ({ Data: text(value) })) }));
  client.destroy();
}

/** A folder store whose puts fail while `failing` returns true for the key. */
function flakyStore(root: string, failing: (key: string) => boolean): ObjectStore & { attempts: string[] } {
  const store = createFolderObjectStore({ bucket: 'factline-local', root });
  const attempts: string[] = [];
  return {
    bucket: store.bucket,
    attempts,
    get: (key) => store.get(key),
    list: (prefix) => store.list(prefix),
    async put(key, body) {
      attempts.push(key);
      if (failing(key)) throw new Error(`disk refused ${key}`);
      await store.put(key, body);
    },
  };
}

describe('durability', () => {
  it('delivers on the next start what was acknowledged but not delivered', async () => {
    // Prepare
    harness = await startHarness({ transform: identity });
    await put(harness, ['one\n', 'two\n']);
    await put(harness, ['three\n']);
    // Act
    await harness.emulator.close({ flush: false });
    expect(await readObjects(harness.emulator.objectStore, '')).toEqual([]);
    const next = await harness.restart();
    await next.flush();
    // Assess
    expect(next.status().streams[0]).toMatchObject({ recovered: 3, received: 0, delivered: 3, buffered: 0 });
    expect((await readFacts(next.objectStore)).map((object) => object.body.toString())).toEqual(['one\ntwo\nthree\n']);
  });

  it('redoes an interrupted delivery under the keys it had chosen, so nothing is written twice', async () => {
    // Prepare: the facts write fails (after the source backup was written), then the emulator stops.
    harness = await startHarness({ transform: identity });
    await harness.emulator.close();
    const root = join(harness.dataDir, 'elsewhere');
    const broken = flakyStore(root, (key) => key.startsWith('facts/'));
    const first = await harness.restart({ objectStore: broken });
    await send(first.endpoint, ['kept\n']);
    void first.flush();
    await vi.waitFor(() => expect(broken.attempts.some((key) => key.startsWith('facts/'))).toBe(true), { timeout: 10_000, interval: 10 });
    await first.close({ flush: false });
    const plannedKeys = new Set(broken.attempts);
    // Act
    const healthy = flakyStore(root, () => false);
    const second = await harness.restart({ objectStore: healthy });
    await second.flush();
    // Assess
    expect(plannedKeys.size).toBe(2);
    expect(new Set(healthy.attempts)).toEqual(plannedKeys);
    expect(await readObjects(healthy, 'raw/')).toHaveLength(1);
    expect((await readFacts(healthy)).map((object) => [object.key, object.body.toString()])).toEqual([[[...plannedKeys].find((key) => key.startsWith('facts/')), 'kept\n']]);
  });

  it('retries a failed object write until the store accepts it, reporting the error meanwhile', async () => {
    let refuse = true;
    harness = await startHarness({ transform: identity });
    await harness.emulator.close();
    const store = flakyStore(join(harness.dataDir, 'other'), () => refuse);
    const emulator = await harness.restart({ objectStore: store, retryDelayMs: 10 });
    await send(emulator.endpoint, ['later\n']);
    void emulator.flush();
    await vi.waitFor(() => expect(emulator.status().streams[0]?.lastError).toMatch(/^write batch \d+: disk refused/), { timeout: 10_000, interval: 10 });
    refuse = false;
    await vi.waitFor(() => expect(emulator.status().streams[0]).toMatchObject({ delivered: 1, buffered: 0 }), { timeout: 10_000, interval: 10 });
    expect((await readFacts(store)).map((object) => object.body.toString())).toEqual(['later\n']);
  });

  it('ignores a torn write at the end of the log: it was never acknowledged', async () => {
    // Prepare
    harness = await startHarness({ transform: identity });
    await put(harness, ['acknowledged\n']);
    await harness.emulator.close({ flush: false });
    const segments = join(harness.dataDir, 'firehose', 'factline-booking', 'segments');
    const [segment] = await readdir(segments);
    await appendFile(join(segments, segment!), Buffer.from([40, 0, 0, 0, 1, 2, 3, 4, 1, 0, 0]));
    // Act
    const next = await harness.restart();
    await next.flush();
    // Assess
    expect((await readFacts(next.objectStore)).map((object) => object.body.toString())).toEqual(['acknowledged\n']);
  });

  it('refuses a second emulator on a data folder that one is using', async () => {
    harness = await startHarness({});
    const error = await startFirehoseEmulator({ streams: [testStream()], port: 0, dataDir: harness.dataDir }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'DATA_DIR_LOCKED', name: 'LocalStackError' });
  });

  it('leaves nothing of a delivered batch in the log', async () => {
    harness = await startHarness({ transform: identity });
    await put(harness, ['x\n']);
    await harness.emulator.flush();
    const stream = join(harness.dataDir, 'firehose', 'factline-booking');
    expect(await readdir(join(stream, 'segments'))).toEqual([]);
    expect(await readdir(join(stream, 'batches'))).toEqual([]);
  });
});
