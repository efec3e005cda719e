// `factline demo` (`pnpm demo`): a run, a rerun that starts over instead of doubling, a run killed halfway and run
// again, and a folder the demo did not make.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCaptured } from '../support/capture.js';
import { startFactline, waitUntil } from '../support/child.js';
import { repositoryRoot, temporaryProject } from '../support/local-project.js';

let dataDir: string;
let remove: () => Promise<void>;
beforeEach(async () => {
  ({ dataDir, remove } = await temporaryProject());
});
afterEach(async () => remove());

const cli = (...args: string[]) => runCaptured([...args, '--data-dir', dataDir], repositoryRoot);

interface TableCounts {
  table: string;
  facts: number;
  distinct_facts: number;
  events: number;
  ids: string;
}

/** Per fact table: rows, distinct fact ids, distinct events, and a hash of the sorted fact ids. */
async function counts(): Promise<TableCounts[]> {
  const tables = ['accommodation_provider_facts', 'accommodation_facts', 'booking_facts'];
  const sql = tables
    .map((t) => `select '${t}' as "table", count(*)::int as facts, count(distinct fact_id)::int as distinct_facts, count(distinct event_id)::int as events, md5(string_agg(fact_id, ',' order by fact_id)) as ids from factline.${t}`)
    .join(' union all ');
  const run = await cli('sql', '--json', `${sql} order by 1`);
  if (run.code !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as TableCounts[];
}

describe('factline demo', () => {
  it('sends the events through the local pipeline and summarises them; a second run starts over and gives the same facts, not twice as many', async () => {
    // Act
    const first = await cli('demo', '--events', '400', '--seed', '7');
    const afterFirst = await counts();
    const second = await cli('demo', '--events', '400', '--seed', '7');
    const afterSecond = await counts();
    // Assess
    expect(first).toMatchObject({ code: 0, stderr: expect.not.stringContaining('Error') });
    expect(first.stdout).toMatch(/Events sent +400 +12 event types|Events sent +400 /);
    expect(first.stdout).toContain('Failures: none');
    expect(first.stdout).toMatch(/Time per stage/);
    expect(first.stdout).toMatch(/booking: [\d,]+ entities \(/);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('removed what the previous run left');
    expect(afterSecond).toEqual(afterFirst);
    expect(afterFirst.reduce((n, t) => n + t.events, 0)).toBe(400);
    expect(afterFirst.every((t) => t.facts === t.distinct_facts && t.facts > 0)).toBe(true);
  });

  it('run again after being killed halfway, loads every event exactly once', async () => {
    // Prepare: a demo killed (SIGKILL) once its first facts objects are delivered.
    const killed = startFactline(['demo', '--events', '6000', '--seed', '3', '--data-dir', dataDir]);
    const facts = path.join(dataDir, 's3', 'factline-local', 'facts', 'booking');
    await waitUntil(async () => (await readdir(facts, { recursive: true }).catch(() => [])).some((f) => String(f).endsWith('.gz')), 60_000, 'a first facts object');
    const markerAtKill = JSON.parse(await readFile(path.join(dataDir, 'demo.json'), 'utf8')) as { state: string };
    killed.process.kill('SIGKILL');
    await killed.exited;
    // Act
    const rerun = await cli('demo', '--events', '6000', '--seed', '3');
    // Assess
    expect(rerun.stderr).toBe("");
    expect(rerun.code).toBe(0);
    expect(markerAtKill.state).toBe('running');
    expect(killed.stdout()).not.toContain('Failures:');
    const tables = await counts();
    expect(tables.reduce((n, t) => n + t.events, 0)).toBe(6_000);
    expect(tables.every((t) => t.facts === t.distinct_facts)).toBe(true);
  }, 120_000);

  it('does not delete a folder it did not make, unless told to with --reset', async () => {
    // Prepare: data sent to `factline local start` (no demo marker).
    await mkdir(path.join(dataDir, 's3', 'factline-local'), { recursive: true });
    await writeFile(path.join(dataDir, 's3', 'factline-local', 'mine.txt'), 'keep me');
    // Act
    const refused = await cli('demo', '--events', '50');
    const kept = await readdir(path.join(dataDir, 's3', 'factline-local'));
    const forced = await cli('demo', '--events', '50', '--reset');
    // Assess
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('holds data that `factline demo` did not create');
    expect(refused.stderr).toContain('--reset');
    expect(kept).toEqual(['mine.txt']);
    expect(forced.code).toBe(0);
    expect(await readdir(path.join(dataDir, 's3', 'factline-local'))).not.toContain('mine.txt');
  });

  it('refuses an event count that is not a positive integer', async () => {
    // Act
    const run = await cli('demo', '--events', 'many');
    // Assess
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--events must be an integer from 1 to 100000000 (got many)');
  });
});
