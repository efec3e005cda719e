// Durability against a real crash: a producer streams records into an emulator running in its own process, which
// is killed with SIGKILL mid-stream, several times. Every acknowledged record must reach the facts exactly once.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PutRecordBatchCommand } from '@aws-sdk/client-firehose';
import { createFolderObjectStore } from '@factline/object-store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnEmulator } from '../fixtures/child.js';
import { clientFor, readFacts, readObjects } from '../fixtures/harness.js';

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'factline-sigkill-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** Sends batches from several concurrent senders until told to stop; returns the ids the emulator acknowledged. */
async function produce(endpoint: string, cycle: number, until: () => boolean): Promise<{ acknowledged: string[]; sent: number }> {
  const client = clientFor(endpoint, { maxAttempts: 1 });
  const acknowledged: string[] = [];
  let sent = 0;
  const sender = async (senderId: number): Promise<void> => {
    for (let batch = 0; !until(); batch += 1) {
      const ids = Array.from({ length: 40 }, (_, index) => `c${cycle}-s${senderId}-b${batch}-r${index}`);
      sent += ids.length;
      try {
        const answer = await client.send(new PutRecordBatchCommand({ DeliveryStreamName: 'factline-booking', Records: ids.map((id) => ({ Data: Buffer.from(`${id}\n`) })) }));
        answer.RequestResponses?.forEach((entry, index) => {
          if (entry.RecordId !== undefined) acknowledged.push(ids[index] as string);
        });
      } catch {
        return; // the emulator died: nothing of this call was acknowledged
      }
    }
  };
  await Promise.all([0, 1, 2, 3].map(sender));
  client.destroy();
  return { acknowledged, sent };
}

describe('durability across SIGKILL', () => {
  it('delivers every acknowledged record exactly once after the emulator is killed mid-stream, repeatedly', async () => {
    // Prepare / Act: three runs killed while records stream in and batches are being delivered (every 50 ms).
    const acknowledged: string[] = [];
    let sent = 0;
    for (const [cycle, runMs] of [400, 650, 900].entries()) {
      const emulator = await spawnEmulator({ mode: 'emulator', dataDir, intervalSeconds: 0.05 });
      let killed = false;
      const producing = produce(emulator.endpoint, cycle, () => killed);
      await sleep(runMs);
      emulator.child.kill('SIGKILL');
      killed = true;
      expect((await emulator.exited).signal).toBe('SIGKILL');
      const run = await producing;
      acknowledged.push(...run.acknowledged);
      sent += run.sent;
    }
    // A last run delivers what the killed ones left behind, then stops gracefully.
    const last = await spawnEmulator({ mode: 'emulator', dataDir, intervalSeconds: 0.05 });
    const flushed = await fetch(`${last.endpoint}/_factline/flush`, { method: 'POST' });
    const status = (await flushed.json()) as { streams: { recovered: number; buffered: number }[] };
    last.child.kill('SIGTERM');
    expect((await last.exited).code).toBe(0);

    // Assess
    const store = createFolderObjectStore({ bucket: 'factline-local', root: join(dataDir, 's3') });
    const delivered = (await readFacts(store)).flatMap((object) => object.body.toString('utf8').split('\n').filter((line) => line !== ''));
    const counts = new Map<string, number>();
    for (const id of delivered) counts.set(id, (counts.get(id) ?? 0) + 1);
    expect(acknowledged.length).toBeGreaterThan(500);
    expect(acknowledged.filter((id) => counts.get(id) !== 1)).toEqual([]);
    expect([...counts].filter(([, count]) => count > 1)).toEqual([]);
    // Unacknowledged records may have been delivered (their write completed, the answer did not), never invented.
    expect(delivered.length).toBeLessThanOrEqual(sent);
    expect(status.streams[0]?.buffered).toBe(0);
    const backedUp = new Set((await readObjects(store, 'raw/booking/')).flatMap((object) => object.body.toString('utf8').split('\n')));
    expect(acknowledged.filter((id) => !backedUp.has(id))).toEqual([]);
    console.log(`sent ${sent}, acknowledged ${acknowledged.length}, delivered ${delivered.length}, recovered by the last run ${status.streams[0]?.recovered ?? 0}`);
  }, 60_000);
});
