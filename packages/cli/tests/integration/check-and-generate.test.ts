import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCaptured } from '../support/capture.js';

const root = path.resolve(import.meta.dirname, '../../../..');
let broken: string;

beforeAll(async () => {
  broken = await mkdtemp(path.join(tmpdir(), 'factline-cli-'));
  await cp(path.join(root, 'schemas'), path.join(broken, 'schemas'), { recursive: true });
  await writeFile(path.join(broken, 'schemas/facts/booking/status/v1.json'), '{\n  "type": \n}');
  const event = path.join(broken, 'schemas/events/booking/cancelled/v1.json');
  await writeFile(event, (await readFile(event, 'utf8')).replace('"/cancelledBy"', '"/cancelledVia"'));
});
afterAll(async () => {
  await rm(broken, { recursive: true, force: true });
});

describe('factline check', () => {
  it('passes on the sample domain', async () => {
    const run = await runCaptured(['check'], root);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/✔ \d+ entities, \d+ event versions, \d+ fact versions: no problems/);
  });

  it('fails with exit code 1 and lists every problem with file, line, pointer and rule, without a stack trace', async () => {
    const run = await runCaptured(['check'], broken);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('schemas/facts/booking/status/v1.json:3:1  error  invalid-json');
    expect(run.stdout).toContain('schemas/events/booking/cancelled/v1.json');
    expect(run.stdout).toContain('mapping-pointer-missing  /x-factline-mapping/facts/1/value');
    expect(run.stdout).toMatch(/✖ \d+ error\(s\)/);
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  it('--json prints the problems for machines', async () => {
    const run = await runCaptured(['check', '--json'], broken);
    const report = JSON.parse(run.stdout) as { ok: boolean; problems: { rule: string; file: string; pointer: string; line?: number }[] };
    expect(run.code).toBe(1);
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.rule)).toEqual(expect.arrayContaining(['invalid-json', 'mapping-pointer-missing']));
  });
});

describe('factline generate', () => {
  it('--check passes when the committed files are up to date', async () => {
    const run = await runCaptured(['generate', '--check'], root);
    expect(run).toMatchObject({ code: 0 });
    expect(run.stdout).toMatch(/generated files are up to date/);
  });

  it('refuses broken schemas with the problems, not a stack trace', async () => {
    const run = await runCaptured(['generate'], broken);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('fix them first (pnpm factline check)');
  });
});

describe('help and usage', () => {
  it.each([[['--help']], [['check', '--help']], [['generate', '--help']]])('%j prints usage', async (argv) => {
    const run = await runCaptured(argv, root);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: factline/m);
  });

  it('an unknown command exits 1 with a hint', async () => {
    const run = await runCaptured(['frobnicate'], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/unknown command 'frobnicate'/);
  });

  it('works as `pnpm factline` from the repository root', () => {
    const output = execFileSync(process.execPath, [path.join(root, 'scripts/factline.mjs'), 'check'], { cwd: root, encoding: 'utf8' });
    expect(output).toMatch(/no problems/);
  });
});
