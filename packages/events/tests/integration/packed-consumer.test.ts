// @factline/events as a service consumes it: packed with `pnpm pack`, installed from the tarball into a scratch
// project outside the workspace, type-checked and run. Proves the published package is complete on its own.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../../..');
let scratch: string;

const run = (command: string, args: string[], cwd: string) => execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

beforeAll(async () => {
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
    `import { eventCatalog, validateEvent, type Booking_CancelledV1, type EventPayloads } from '@factline/events';

const cancelled: Booking_CancelledV1 = { bookingId: '0190f2a4-8b7c-7d3e-9f10-1a2b3c4d5e6f', cancelledBy: 'tenant', reason: null };
// @ts-expect-error: "robot" is not one of the cancelledBy values, so this must not compile
const wrong: EventPayloads['booking.cancelled'][1] = { bookingId: 'x', cancelledBy: 'robot' };

console.log(JSON.stringify({
  valid: validateEvent('booking.cancelled', 1, cancelled),
  invalid: validateEvent('booking.cancelled', 1, wrong),
  stream: eventCatalog['booking.cancelled'].deliveryStreamName,
}));
`,
  );
}, 300_000);

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('the packed @factline/events', () => {
  it('type-checks a consumer outside the workspace (and rejects a wrong payload at compile time)', () => {
    expect(() => run('npx', ['tsc', '-p', '.'], scratch)).not.toThrow();
  });

  it('runs: validates events with the precompiled validators and routes them to their stream', () => {
    const output = JSON.parse(run('node', ['out/consumer.js'], scratch)) as { valid: unknown; invalid: { ok: boolean; issues: { pointer: string }[] }; stream: string };
    expect(output.valid).toEqual({ ok: true });
    expect(output.invalid.ok).toBe(false);
    expect(output.invalid.issues.map((i) => i.pointer)).toEqual(['/bookingId', '/cancelledBy']);
    expect(output.stream).toBe('factline-booking');
  });
});
