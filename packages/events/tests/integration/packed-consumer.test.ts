// @factline/events as a service consumes it: packed with `pnpm pack`, installed from the tarball into a scratch
// project outside the workspace, type-checked and run. Proves the published package is complete on its own.
import { execFileSync, execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../../..');
let scratch: string;
let server: Server;
let endpoint = '';
const receivedStreams: string[] = [];

const run = (command: string, args: string[], cwd: string) => execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

beforeAll(async () => {
  // A minimal PutRecordBatch endpoint for the consumer's producer to send to.
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const input = JSON.parse(body) as { DeliveryStreamName: string; Records: unknown[] };
      receivedStreams.push(input.DeliveryStreamName);
      response.setHeader('content-type', 'application/x-amz-json-1.1');
      response.end(JSON.stringify({ FailedPutCount: 0, RequestResponses: input.Records.map((_, i) => ({ RecordId: `r${i}` })) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  scratch = await mkdtemp(path.join(tmpdir(), 'factline-consumer-'));
  run('pnpm', ['turbo', 'run', 'build', '--filter=@factline/events', '--output-logs=errors-only'], root);
  for (const pkg of ['events', 'producer']) run('pnpm', ['pack', '--pack-destination', scratch], path.join(root, 'packages', pkg));
  const tarballs = (await readdir(scratch)).filter((f) => f.endsWith('.tgz')).map((f) => `./${f}`);
  await writeFile(path.join(scratch, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...tarballs, 'typescript@5.9.3', '@types/node@20.19.43', '@aws-sdk/client-firehose@3.1169.0'], scratch);
  await writeFile(
    path.join(scratch, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, outDir: 'out', skipLibCheck: false, types: ['node'] }, include: ['consumer.ts'] }),
  );
  await writeFile(
    path.join(scratch, 'consumer.ts'),
    `import { FirehoseClient } from '@aws-sdk/client-firehose';
import { createEventProducer, eventCatalog, validateEvent, type Booking_CancelledV1, type EventPayloads } from '@factline/events';

const cancelled: Booking_CancelledV1 = { bookingId: '0190f2a4-8b7c-7d3e-9f10-1a2b3c4d5e6f', cancelledBy: 'tenant', reason: null };
// @ts-expect-error: "robot" is not one of the cancelledBy values, so this must not compile
const wrong: EventPayloads['booking.cancelled'][1] = { bookingId: 'x', cancelledBy: 'robot' };

const producer = createEventProducer({
  firehose: new FirehoseClient({ endpoint: process.argv[2], region: 'eu-west-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }),
  producer: 'consumer-service',
});
const envelope = await producer.send('booking.cancelled', cancelled);
await producer.close();

console.log(JSON.stringify({
  valid: validateEvent('booking.cancelled', 1, cancelled),
  invalid: validateEvent('booking.cancelled', 1, wrong),
  stream: eventCatalog['booking.cancelled'].deliveryStreamName,
  sent: envelope.event_type,
  delivered: producer.metrics().eventsDelivered,
}));
`,
  );
}, 300_000);

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('the packed @factline/events', () => {
  // tsc and npm in a scratch project take tens of seconds on a loaded 2-core machine: a generous guard, not a goal.
  it('type-checks a consumer outside the workspace (and rejects a wrong payload at compile time)', { timeout: 240_000 }, () => {
    expect(() => run('npx', ['tsc', '-p', '.'], scratch)).not.toThrow();
  });

  it('runs: validates events with the precompiled validators and sends them to their stream', { timeout: 120_000 }, async () => {
    // Asynchronous, so that this process's endpoint can answer the consumer.
    const { stdout } = await promisify(execFile)('node', ['out/consumer.js', endpoint], { cwd: scratch, encoding: 'utf8' });
    const output = JSON.parse(stdout) as { valid: unknown; invalid: { ok: boolean; issues: { pointer: string }[] }; stream: string; sent: string; delivered: number };
    expect(output.valid).toEqual({ ok: true });
    expect(output.invalid.ok).toBe(false);
    expect(output.invalid.issues.map((i) => i.pointer)).toEqual(['/bookingId', '/cancelledBy']);
    expect(output.stream).toBe('factline-booking');
    expect(output).toMatchObject({ sent: 'booking.cancelled', delivered: 1 });
    expect(receivedStreams).toEqual(['factline-booking']);
  });
});
