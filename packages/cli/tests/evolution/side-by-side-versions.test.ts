// The way out of a breaking change: a new version next to the old one. In a copy of the project, booking.cancelled
// gets a v2 whose `cancelledBy` is an object (a TYPE_CHANGED in place would break every recorded event), mapped to a
// new fact version booking.cancelled_by@2. The gate calls it additive; after `generate`, the transformer built from
// the generated domain reads a v1 and a v2 event side by side.
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateAll, writeGeneratedFiles } from '@factline/codegen';
import { createTransformer } from '@factline/transformer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtureRepository, repositoryRoot, type FixtureRepository } from './support/fixture-repository.js';

const schema = 'https://json-schema.org/draft/2020-12/schema';
const ids = 'https://schemas.factline.dev/';
const party = { description: 'The party that cancelled.', type: 'string', enum: ['tenant', 'provider', 'platform'] };
const actorId = { description: 'The user who acted, when a person did.', type: 'string', format: 'uuid' };

const cancelledByV2 = {
  $schema: schema,
  $id: `${ids}facts/booking/cancelled_by/v2.json`,
  title: 'Cancelled by',
  description: 'Who cancelled the booking: the party, and the acting user when a person did.',
  type: 'object',
  additionalProperties: false,
  required: ['party'],
  properties: { party, actorId },
};

async function cancelledV2(): Promise<Record<string, unknown>> {
  const v1 = JSON.parse(await readFile(path.join(repositoryRoot, 'schemas/events/booking/cancelled/v1.json'), 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  return {
    ...v1,
    $id: `${ids}events/booking/cancelled/v2.json`,
    description: 'The booking was cancelled; version 2 names the cancelling party and the acting user.',
    properties: { ...v1.properties, cancelledBy: { description: 'Who cancelled.', type: 'object', additionalProperties: false, required: ['party'], properties: { party, actorId } } },
    'x-factline-mapping': {
      entityId: '/bookingId',
      facts: [
        { fact: 'booking.status', version: 1, value: { const: 'cancelled' } },
        { fact: 'booking.cancelled_by', version: 2, value: '/cancelledBy' },
        { fact: 'booking.cancellation_reason', version: 1, value: '/reason' },
      ],
    },
  };
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const bookingId = '0196a1b0-0000-7000-8000-000000000001';
const envelope = (version: number, eventId: string, payload: unknown) => JSON.stringify({ event_id: eventId, event_type: 'booking.cancelled', event_version: version, occurred_at: '2026-05-01T12:00:00+02:00', producer: 'booking-service', payload });
const v1Event = envelope(1, '0196a1b0-0000-7000-8000-0000000000a1', { bookingId, cancelledBy: 'tenant', reason: 'Plans changed' });
const v2Event = envelope(2, '0196a1b0-0000-7000-8000-0000000000a2', { bookingId, cancelledBy: { party: 'provider', actorId: '0196a1b0-0000-7000-8000-0000000000ff' }, reason: null });

let repo: FixtureRepository;
let base: string;

beforeAll(async () => {
  // Prepare: the project with its generated files and the hand-written part of the events package.
  repo = await createFixtureRepository(['schemas', 'factline.config.json', 'generated', 'packages/events/package.json', 'packages/events/src']);
  await writeFile(path.join(repo.root, '.gitignore'), 'node_modules\n');
  base = repo.commit('the sample domain, generated');
  await symlink(path.join(repositoryRoot, 'packages/events/node_modules'), path.join(repo.root, 'packages/events/node_modules'), 'dir');
  await mkdir(path.join(repo.root, 'schemas/facts/booking/cancelled_by'), { recursive: true });
  await repo.write('schemas/facts/booking/cancelled_by/v2.json', json(cancelledByV2));
  await repo.write('schemas/events/booking/cancelled/v2.json', json(await cancelledV2()));
});
afterAll(() => repo.dispose());

describe('a breaking change published as a new version, side by side', () => {
  it('is additive for the data, but a major release of @factline/events: send() now takes version 2', async () => {
    const run = await repo.check(base);
    expect(run.stdout).toContain('new version 2 of event booking.cancelled, side by side with version 1');
    expect(run.stdout).toContain("services that call send('booking.cancelled', …) now send version 2");
    expect(run.stdout).toContain('new version 2 of fact booking.cancelled_by (values under "cancelled_by_v2"), side by side with version 1');
    expect(run.stdout).toContain('0 breaking, 2 additive');
    expect(run.stdout).toContain('"@factline/events": major');
  });

  it('generates new columns for the new fact version, and the old column stays', async () => {
    await writeGeneratedFiles(repo.root, await generateAll(repo.root));
    const migrations = await readdir(path.join(repo.root, 'generated/migrations/redshift'));
    const added = await readFile(path.join(repo.root, 'generated/migrations/redshift', migrations.sort().at(-1)!), 'utf8');
    expect(migrations.length).toBeGreaterThan(1);
    expect(added).toMatch(/ADD COLUMN cancelled_by_v2_party /);
    expect(added).toMatch(/ADD COLUMN cancelled_by_v2_actor_id /);
    expect(added).not.toMatch(/DROP|ALTER COLUMN cancelled_by /);
  });

  it('lets the transformer read a v1 and a v2 event, each with its own schema and mapping', async () => {
    // Prepare: the domain generated in the copy, as the Lambda would bundle it.
    const { domain } = (await import(pathToFileURL(path.join(repo.root, 'packages/events/src/generated/domain.ts')).href)) as { domain: Parameters<typeof createTransformer>[0]['domain'] };
    const transformer = createTransformer({ domain });
    // Act
    const outcome = transformer.transformEvents(`${v1Event}\n${v2Event}\n`, { recordedAt: '2026-05-01T10:00:05.000Z', expectedEntity: 'booking' });
    // Assess
    expect(outcome.issues).toEqual([]);
    const facts = outcome.facts.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    const byEvent = (version: number) => facts.filter((fact) => fact['event_version'] === version).map(({ fact_type, fact_version, ...rest }) => ({ fact_type, fact_version, value: Object.entries(rest).at(-1) }));
    expect(byEvent(1)).toEqual([
      { fact_type: 'booking.status', fact_version: 1, value: ['status', 'cancelled'] },
      { fact_type: 'booking.cancelled_by', fact_version: 1, value: ['cancelled_by', 'tenant'] },
      { fact_type: 'booking.cancellation_reason', fact_version: 1, value: ['cancellation_reason', 'Plans changed'] },
    ]);
    expect(byEvent(2)).toEqual([
      { fact_type: 'booking.status', fact_version: 1, value: ['status', 'cancelled'] },
      { fact_type: 'booking.cancelled_by', fact_version: 2, value: ['cancelled_by_v2', { party: 'provider', actorId: '0196a1b0-0000-7000-8000-0000000000ff' }] },
      { fact_type: 'booking.cancellation_reason', fact_version: 1, value: ['cancellation_reason', null] },
    ]);
  });

  it('still validates each event against its own version: a v2 payload sent as version 1 fails', async () => {
    const { domain } = (await import(pathToFileURL(path.join(repo.root, 'packages/events/src/generated/domain.ts')).href)) as { domain: Parameters<typeof createTransformer>[0]['domain'] };
    const outcome = createTransformer({ domain }).transformEvents(`${v2Event.replace('"event_version":2', '"event_version":1')}\n`, { recordedAt: '2026-05-01T10:00:05.000Z' });
    expect(outcome.ok).toBe(false);
    expect(outcome.issues[0]!.pointer).toMatch(/^\/payload\/cancelledBy/);
  });
});
