// The deployable artefact: esbuild bundles the entry into one ESM file that a fresh node process imports and runs.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const app = fileURLToPath(new URL('../..', import.meta.url));
const fixture = fileURLToPath(new URL('../../../../packages/transformer/tests/fixtures/events/direct-put.json', import.meta.url));
let outdir = '';

// Runs the bundle in a fresh node process; prints the response on stdout's last line.
function invoke(env: Record<string, string>) {
  const script = `const { handler } = await import(${JSON.stringify(path.join(outdir, 'index.mjs'))});
const event = JSON.parse((await import('node:fs')).readFileSync(${JSON.stringify(fixture)}, 'utf8'));
process.stdout.write('\\n' + JSON.stringify(await handler(event)) + '\\n');`;
  const file = path.join(outdir, 'invoke.mjs');
  writeFileSync(file, script);
  return spawnSync(process.execPath, [file], { encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', ...env } });
}

beforeAll(() => {
  outdir = mkdtempSync(path.join(tmpdir(), 'factline-bundle-'));
  execFileSync(process.execPath, ['scripts/bundle.mjs', '--from-source'], { cwd: app, env: { ...process.env, BUNDLE_OUTDIR: outdir }, stdio: 'pipe' });
});

afterAll(() => {
  rmSync(outdir, { recursive: true, force: true });
});

describe('the bundle', () => {
  it('is one minified ESM file with a source map, under 300 KB', () => {
    // Act
    const bytes = statSync(path.join(outdir, 'index.mjs')).size;
    const map = JSON.parse(readFileSync(path.join(outdir, 'index.mjs.map'), 'utf8')) as { sources: string[] };

    // Assess
    expect(bytes).toBeLessThan(300 * 1024);
    expect(map.sources.some((s) => s.includes('transformer/src/batch.ts'))).toBe(true);
  });

  it('answers a Firehose event in a fresh node process and logs one JSON line', () => {
    // Act
    const run = invoke({});

    // Assess
    expect(run.status).toBe(0);
    const output = run.stdout.trim().split('\n');
    const response = JSON.parse(output[output.length - 1] as string) as { records: { result: string }[] };
    expect(response.records.map((r) => r.result)).toEqual(['Ok', 'Ok', 'ProcessingFailed']);
    const log = JSON.parse(run.stderr.trim()) as { level: string; batch: { results: object } };
    expect(log).toMatchObject({ level: 'WARN', batch: { results: { Ok: 2, Dropped: 0, ProcessingFailed: 1 } } });
  });

  it('fails at cold start with every configuration problem named', () => {
    // Act
    const run = invoke({ FACTLINE_MAX_RESPONSE_BYTES: 'lots', POWERTOOLS_LOG_LEVEL: 'chatty' });

    // Assess
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('ConfigError');
    expect(run.stderr).toContain('FACTLINE_MAX_RESPONSE_BYTES must be an integer');
    expect(run.stderr).toContain('POWERTOOLS_LOG_LEVEL must be one of');
  });
});
