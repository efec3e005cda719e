import { createHash } from 'node:crypto';
import { RedshiftDataClient } from '@aws-sdk/client-redshift-data';
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { contractProperties, loadProjectInputs, parseMigrationText, type MigrationInput } from '@factline/infra';
import { applyContract } from '../../src/migrator/contract.mjs';
import { handler } from '../../src/migrator/index.mjs';
import { generatedProject, transformerBundleDir } from '../support/project.js';
import { startLocalAws, type LocalAws } from '../support/local-aws.js';

const adminSecretArn = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:admin-AbCdEf';
const loaderSecretArn = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:loader-GhIjKl';
const loaderPassword = 'Lo4der-Pa55word!';

let local: LocalAws;
let generatedMigrations: MigrationInput[];
let jsonPaths: { key: string; body: string }[];
let tables: string[];

beforeAll(async () => {
  const inputs = await loadProjectInputs(await generatedProject(), { transformerBundleDir });
  generatedMigrations = inputs.migrations;
  jsonPaths = inputs.entities.map((e) => e.jsonPaths);
  tables = inputs.entities.map((e) => e.stream.redshift.copyCommand.dataTableName);
});
beforeEach(async () => {
  local = await startLocalAws({ [adminSecretArn]: JSON.stringify({ username: 'factline_admin', password: 'x' }), [loaderSecretArn]: JSON.stringify({ username: 'factline_loader', password: loaderPassword }) });
});
afterEach(async () => local.close());

function clients() {
  const config = { endpoint: local.endpoint, region: 'eu-west-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 };
  return { redshiftData: new RedshiftDataClient(config), secrets: new SecretsManagerClient(config), s3: new S3Client({ ...config, forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED' as const }) };
}

function properties(migrations: readonly MigrationInput[]) {
  const secret = (arn: string) => ({ secretArn: arn }) as never;
  const target = { jdbcUrl: '', copyRole: undefined as never, ready: [], dataApi: { workgroupName: 'factline', database: 'factline', adminSecret: secret(adminSecretArn), resourceArn: '' } };
  return contractProperties({ target, schema: 'factline', migrations, jsonPaths, loader: { username: 'factline_loader', secret: secret(loaderSecretArn), tables }, bucketName: 'master-dataset' }) as never;
}

const options = { sleep: async () => undefined, pollIntervalMs: 1, now: () => new Date('2026-05-01T10:00:00.000Z') };
const migration = (id: number, statements: string[], transaction = true): MigrationInput => {
  const text = `${transaction ? '' : '-- factline:transaction=false\n'}${statements.map((st) => `${st};`).join('\n')}\n`;
  const parsed = parseMigrationText(`${String(id).padStart(4, '0')}-step-${id}.sql`, text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.migration;
};

describe('the migrator custom resource', () => {
  it('applies the generated migrations once, recording each with its checksum', async () => {
    const first = await applyContract(properties(generatedMigrations), clients(), options);
    expect(first.applied).toEqual(generatedMigrations.map((m) => m.name));
    expect(local.state.recorded).toEqual(generatedMigrations.map((m) => ({ id: m.id, name: m.name, checksum: m.checksum })));
    expect(local.state.applied).toEqual(expect.arrayContaining(generatedMigrations.flatMap((m) => m.statements)));
    const second = await applyContract(properties(generatedMigrations), clients(), options);
    expect(second.applied).toEqual([]);
    expect(local.state.recorded).toHaveLength(generatedMigrations.length);
  });

  it('runs a migration of more than 40 statements as one BEGIN … COMMIT in a single Data API session', async () => {
    const long = migration(1, Array.from({ length: 45 }, (_, i) => `comment on table factline.t is 'step ${i}'`));
    await applyContract(properties([long]), clients(), options);
    const inSession = local.executed.filter((e) => e.via?.startsWith('session:'));
    expect(new Set(inSession.map((e) => e.via)).size).toBe(1);
    expect(inSession.map((e) => e.sql)).toEqual(['begin', ...long.statements, expect.stringContaining('insert into "factline"."factline_migrations"'), 'commit']);
  });

  it('runs a short migration and its record in one BatchExecuteStatement', async () => {
    const short = migration(1, ['alter table factline.t add column c int']);
    await applyContract(properties([short]), clients(), options);
    const batched = local.executed.filter((e) => e.via?.startsWith('batch:'));
    expect(batched.map((e) => e.sql)).toEqual([short.statements[0], expect.stringContaining("values (1, '0001-step-1.sql'")]);
  });

  it('rolls back a failed migration entirely, in a batch and in a session, and reports the statement', async () => {
    local.failOn = /broken/;
    const short = migration(1, ['alter table factline.t add column c int', 'alter table broken add column d int']);
    await expect(applyContract(properties([short]), clients(), options)).rejects.toThrow(/FAILED|failed/);
    expect(local.state.recorded).toEqual([]);
    expect(local.state.applied).toEqual([]);
    const long = migration(1, [...Array.from({ length: 41 }, (_, i) => `comment on table factline.t is '${i}'`), 'alter table broken add column d int']);
    await expect(applyContract(properties([long]), clients(), options)).rejects.toThrow(/alter table broken/);
    expect(local.state.recorded).toEqual([]);
    expect(local.state.applied).toEqual([]);
  });

  it('refuses to go on when an applied migration was edited, before running anything of it', async () => {
    const original = migration(1, ['create table factline.t (a int)']);
    await applyContract(properties([original]), clients(), options);
    const edited = migration(1, ['create table factline.t (a bigint)']);
    const appliedBefore = [...local.state.applied];
    await expect(applyContract(properties([edited, migration(2, ['alter table factline.t add column b int'])]), clients(), options)).rejects.toThrow(/was edited after it was applied/);
    expect(local.state.applied).toEqual(appliedBefore);
  });

  it('refuses a new migration numbered below one already applied', async () => {
    await applyContract(properties([migration(1, ['create table a (x int)']), migration(3, ['create table c (x int)'])]), clients(), options);
    await expect(applyContract(properties([migration(1, ['create table a (x int)']), migration(2, ['create table b (x int)']), migration(3, ['create table c (x int)'])]), clients(), options)).rejects.toThrow(/numbered below/);
  });

  it('leaves alone a migration applied by a newer deploy, as when CloudFormation rolls an update back', async () => {
    const one = migration(1, ['create table a (x int)']);
    await applyContract(properties([one, migration(2, ['alter table a add column y int'])]), clients(), options);
    const result = await applyContract(properties([one]), clients(), options);
    expect(result).toMatchObject({ applied: [], unknown: ['0002-step-2.sql'] });
  });

  it('runs a non-transactional migration statement by statement, recording it last', async () => {
    const widen = migration(2, ['alter table factline.t alter column c type varchar(20)'], false);
    await applyContract(properties([widen]), clients(), options);
    const statements = local.executed.filter((e) => !e.sql.startsWith('select') && !e.sql.startsWith('create schema') && !e.sql.startsWith('create table if not exists'));
    expect(statements.slice(0, 2).map((e) => [e.sql.slice(0, 30), e.via])).toEqual([
      ['alter table factline.t alter c', undefined],
      [expect.stringContaining('insert into'), undefined],
    ]);
  });

  it('creates the loader user with a hashed password and grants it INSERT on the fact tables only', async () => {
    await applyContract(properties(generatedMigrations), clients(), options);
    const hash = `md5${createHash('md5').update(`${loaderPassword}factline_loader`).digest('hex')}`;
    expect(local.state.users.get('factline_loader')).toBe(hash);
    expect(local.executed.some((e) => e.sql.includes(loaderPassword))).toBe(false);
    expect(local.state.grants).toEqual(['grant usage on schema "factline" to "factline_loader"', ...tables.map((t) => `grant insert on table ${t} to "factline_loader"`)]);
  });

  it('resets an existing loader user’s password to the secret’s on the next deploy', async () => {
    local.state.users.set('factline_loader', 'md5stale');
    await applyContract(properties(generatedMigrations), clients(), options);
    expect(local.state.users.get('factline_loader')).toBe(`md5${createHash('md5').update(`${loaderPassword}factline_loader`).digest('hex')}`);
  });

  it('uploads every JSONPaths file to its key after the migrations', async () => {
    await applyContract(properties(generatedMigrations), clients(), options);
    expect([...local.objects.keys()].sort()).toEqual(jsonPaths.map((j) => `master-dataset/${j.key}`).sort());
    for (const file of jsonPaths) expect(local.objects.get(`master-dataset/${file.key}`)).toEqual({ body: file.body, contentType: 'application/json' });
  });

  it('waits for a workgroup that does not answer yet', async () => {
    local.unreachableFor = 2;
    const result = await applyContract(properties(generatedMigrations), clients(), options);
    expect(result.applied).toHaveLength(generatedMigrations.length);
  });

  it('submits again when the warehouse has too many active statements', async () => {
    local.busyFor = 3;
    const result = await applyContract(properties([migration(1, ['create table a (x int)'])]), clients(), options);
    expect(result.applied).toEqual(['0001-step-1.sql']);
    expect(local.busyFor).toBe(0);
  });

  it('does nothing on Delete: fact tables are never dropped by a deploy', async () => {
    const result = await handler({ RequestType: 'Delete', PhysicalResourceId: 'factline-warehouse-contract-factline', ResourceProperties: properties(generatedMigrations) }, { getRemainingTimeInMillis: () => 60_000 });
    expect(result).toEqual({ PhysicalResourceId: 'factline-warehouse-contract-factline' });
    expect(local.executed).toEqual([]);
  });
});
