// The gate against more than one earlier state (the transitive policies walk the base's first-parent history), in
// a project that lives in a subfolder, from a base without schemas, and the errors when there is nothing to compare.
import { cp, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCaptured } from '../support/capture.js';
import { createFixtureRepository, repositoryRoot, type FixtureRepository } from './support/fixture-repository.js';

interface Report {
  ok: boolean;
  evolution: {
    base: { commit: string; short: string };
    schemas: { file: string; status: string; changes: { type: string; verdict: string; against: string; message: string }[] }[];
    changeset: { ok: boolean; required?: string; suggestion?: { path: string } };
    notes: string[];
  };
}

const cancelled = 'schemas/events/booking/cancelled/v1.json';
let repo: FixtureRepository | undefined;
afterEach(async () => {
  await repo?.dispose();
  repo = undefined;
});

async function json(fixture: FixtureRepository, base: string): Promise<{ code: number; report: Report }> {
  const run = await fixture.check(base, '--json');
  return { code: run.code, report: JSON.parse(run.stdout) as Report };
}

describe('factline check --base: every earlier state counts', () => {
  it('refuses a change that matches the base but breaks a state before it (an unchecked narrowing on main)', async () => {
    // Prepare: the reason allowed 500 characters; a later commit narrowed it to 100 without the gate.
    repo = await createFixtureRepository();
    const first = repo.commit('sample domain');
    await repo.editJson(cancelled, (schema) => (schema.properties.reason.maxLength = 100));
    const narrowed = repo.commit('narrow the cancellation reason');
    await repo.editJson(cancelled, (schema) => (schema.properties.reason.description = 'Free-text reason, at most 100 characters.'));
    await repo.write('.changeset/reason.md', '---\n"@factline/events": major\n---\n\nReason.\n');
    // Act
    const { code, report } = await json(repo, narrowed);
    // Assess
    expect(code).toBe(1);
    const changes = report.evolution.schemas.find((s) => s.file === cancelled)!.changes;
    expect(changes.map((c) => `${c.verdict} ${c.type} ${c.against}`)).toEqual(['description DESCRIPTION_CHANGED base', `breaking MAX_LENGTH_DECREASED ${first.slice(0, 7)} "sample domain"`]);
    expect(changes[1]!.message).toContain(`(compared with the state of ${first.slice(0, 7)} "sample domain")`);
    expect(report.evolution.notes.some((note) => note.includes('in the 2 commits that changed schemas/'))).toBe(true);
  });

  it('accepts putting the earlier, wider state back', async () => {
    repo = await createFixtureRepository();
    repo.commit('sample domain');
    await repo.editJson(cancelled, (schema) => (schema.properties.reason.maxLength = 100));
    const narrowed = repo.commit('narrow the cancellation reason');
    await repo.editJson(cancelled, (schema) => (schema.properties.reason.maxLength = 500));
    await repo.write('.changeset/reason.md', '---\n"@factline/events": minor\n---\n\nReason.\n');
    const { code, report } = await json(repo, narrowed);
    expect(code).toBe(0);
    expect(report.evolution.schemas.flatMap((s) => s.changes.map((c) => `${c.verdict} ${c.type}`))).toEqual(['additive MAX_LENGTH_INCREASED']);
  });
});

describe('factline check --base: where the base and the project are', () => {
  it('treats every schema as new when the base has none, and asks for a minor changeset', async () => {
    repo = await createFixtureRepository([]);
    const empty = repo.commit('empty repository');
    for (const file of ['schemas', 'factline.config.json']) await cp(path.join(repositoryRoot, file), path.join(repo.root, file), { recursive: true });
    const { code, report } = await json(repo, empty);
    expect(code).toBe(1);
    expect(new Set(report.evolution.schemas.map((s) => s.status))).toEqual(new Set(['added']));
    expect(report.evolution.schemas.length).toBeGreaterThan(40);
    expect(report.evolution.changeset.required).toBe('minor');
    expect(report.evolution.notes[0]).toMatch(/^there are no schemas at the base \([0-9a-f]+\): every schema is new$/);
  });

  it('judges a shared definition that nothing references on its own: it constrains no data, so nothing breaks', async () => {
    repo = await createFixtureRepository();
    const phone = { $schema: 'https://json-schema.org/draft/2020-12/schema', $id: 'https://schemas.factline.dev/common/phone.json', title: 'Phone', description: 'A phone number.', type: 'string', maxLength: 32 };
    await repo.write('schemas/common/phone.json', `${JSON.stringify(phone, null, 2)}\n`);
    const base = repo.commit('an unused phone definition');
    await repo.editJson('schemas/common/phone.json', (schema) => (schema.maxLength = 16));
    const { report } = await json(repo, base);
    expect(report.evolution.schemas.map((s) => [s.file, s.changes.map((c) => `${c.verdict} ${c.type}`)])).toEqual([['schemas/common/phone.json', ['additive MAX_LENGTH_DECREASED']]]);
    expect(report.evolution.changeset.required).toBe('minor');
  });

  it('finds the changesets at the top of the repository when the project is a subfolder', async () => {
    // Prepare: the project in domain/, .changeset/ at the repository's top level.
    repo = await createFixtureRepository();
    await mkdir(path.join(repo.root, 'domain'));
    for (const file of ['schemas', 'factline.config.json', 'generated']) await rename(path.join(repo.root, file), path.join(repo.root, 'domain', file));
    const base = repo.commit('the domain in a subfolder');
    await repo.editJson('domain/schemas/events/booking/cancelled/v1.json', (schema) => (schema.properties.channel = { description: 'Where it was cancelled.', type: 'string', enum: ['web', 'app'] }));
    const project = path.join(repo.root, 'domain');
    // Act
    const missing = await runCaptured(['check', '--base', base, '--json'], project);
    await repo.write('.changeset/reason.md', '---\n"@factline/events": minor\n---\n\nThe channel a booking was cancelled through.\n');
    const covered = await runCaptured(['check', '--base', base], project);
    // Assess
    expect((JSON.parse(missing.stdout) as Report).evolution.changeset.suggestion?.path).toBe('../.changeset/schemas-booking-cancelled-1.md');
    expect(covered.code).toBe(0);
    expect(covered.stdout).toContain('covered by ../.changeset/reason.md');
  });
});

describe('factline check --base: errors', () => {
  it('names a base that does not exist, without a stack trace', async () => {
    repo = await createFixtureRepository();
    repo.commit('sample domain');
    const run = await repo.check('release-2020');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('factline check --base: the base "release-2020" is not a commit of the repository');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('does not read a base that starts with a dash as an option', async () => {
    repo = await createFixtureRepository();
    repo.commit('sample domain');
    const run = await runCaptured(['check', '--base=--output=/tmp/x'], repo.root);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('the base "--output=/tmp/x" is not a commit');
  });

  it('says so when the project is not in a git repository', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'factline-no-git-'));
    try {
      await cp(path.join(repositoryRoot, 'schemas'), path.join(folder, 'schemas'), { recursive: true });
      const run = await runCaptured(['check', '--base', 'HEAD~1'], folder);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('is not inside a git repository, so there is no commit to compare the schemas with');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('still works without --base, as before', async () => {
    repo = await createFixtureRepository();
    const run = await runCaptured(['check', '--json'], repo.root);
    const report = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(run.code).toBe(0);
    expect(Object.keys(report)).toEqual(['ok', 'counts', 'problems']);
  });
});
