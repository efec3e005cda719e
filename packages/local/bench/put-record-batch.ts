// Throughput of PutRecordBatch through the real SDK: the emulator (validation, durable group-committed log, delivery
// running alongside) against a floor measured in the same run: the same calls to an HTTP server that answers at once.
// Run: node --conditions=@factline/source --import tsx bench/put-record-batch.ts
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FirehoseClient, PutRecordBatchCommand } from '@aws-sdk/client-firehose';
import { startFirehoseEmulator } from '@factline/local';
import { testStream } from '../tests/fixtures/streams.js';

const seconds = Number(process.env.BENCH_SECONDS ?? '5');
const producers = 8;
const records = Array.from({ length: 500 }, (_, index) => ({ Data: Buffer.from(`{"event_id":"${index}","payload":"${'x'.repeat(180)}"}\n`) }));

async function measure(endpoint: string): Promise<number> {
  const client = new FirehoseClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' } });
  const until = Date.now() + seconds * 1000;
  let sent = 0;
  await Promise.all(
    Array.from({ length: producers }, async () => {
      while (Date.now() < until) {
        await client.send(new PutRecordBatchCommand({ DeliveryStreamName: 'factline-booking', Records: records }));
        sent += records.length;
      }
    }),
  );
  client.destroy();
  return sent / seconds;
}

const canned = JSON.stringify({ FailedPutCount: 0, Encrypted: false, RequestResponses: records.map((_, index) => ({ RecordId: String(index).padStart(56, '0') })) });
const floorServer = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
    response.end(canned);
  });
});
await new Promise<void>((resolve) => floorServer.listen(0, '127.0.0.1', resolve));
const floor = await measure(`http://127.0.0.1:${(floorServer.address() as AddressInfo).port}`);
floorServer.close();

const dataDir = await mkdtemp(join(tmpdir(), 'factline-bench-'));
const emulator = await startFirehoseEmulator({ streams: [testStream()], port: 0, dataDir, buffering: { intervalInSeconds: 1 } });
const emulated = await measure(emulator.endpoint);
await emulator.close();
await rm(dataDir, { recursive: true, force: true });

console.log(`floor (HTTP server answering at once): ${Math.round(floor)} records/s`);
console.log(`emulator (validated, fsynced, delivered): ${Math.round(emulated)} records/s`);
console.log(JSON.stringify({ bench: 'local.put-record-batch', producers, recordsPerCall: records.length, floorRecordsPerSecond: Math.round(floor), emulatorRecordsPerSecond: Math.round(emulated), ratio: Number((emulated / floor).toFixed(3)) }));
