import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCaptured } from '../support/capture.js';

const root = path.resolve(import.meta.dirname, '../../../..');
const iglu = path.join(process.env['FACTLINE_CORPORA'] ?? path.resolve(root, '../shared/corpora'), 'iglu-central/schemas');

describe('factline ddl (generic mode)', () => {
  it('prints the CREATE TABLE and the JSONPaths of a schema without a .json extension, lint findings on stderr', async () => {
    const run = await runCaptured(['ddl', path.join(iglu, 'com.snowplowanalytics.snowplow/link_click/jsonschema/1-0-1'), '--dialect', 'duckdb'], root);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('CREATE TABLE com_snowplowanalytics_snowplow_link_click_1');
    expect(run.stdout).toContain('target_url      VARCHAR NOT NULL');
    expect(run.stdout).toContain('"jsonpaths"');
    expect(run.stderr).toContain('string-max-length');
  });

  it('flattens nested objects the Snowplow way with --separator .', async () => {
    const run = await runCaptured(['ddl', path.join(iglu, 'com.olark/offline_message/jsonschema/1-0-0'), '--separator', '.'], root);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('"visitor.phone_number"');
    expect(run.stdout).toContain("$['visitor']['phoneNumber']");
  });

  it('names a missing file without a stack trace', async () => {
    const run = await runCaptured(['ddl', 'no/such/schema.json'], root);
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toBe('cannot read no/such/schema.json: no such file\n');
  });

  it('refuses an unknown dialect with the choices', async () => {
    const run = await runCaptured(['ddl', 'x.json', '--dialect', 'oracle'], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Allowed choices are redshift, duckdb/);
  });
});
