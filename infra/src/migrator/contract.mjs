// @ts-check
// The warehouse contract, applied on every deploy: migrations, then the loader user and its grants, then the
// JSONPaths files. Safe to run any number of times.
import { setTimeout as delay } from 'node:timers/promises';
import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { createStatementRunner } from './data-api.mjs';
import { planMigrations } from './history.mjs';
import { createMigrationsTable, md5Password, migrationsTable, quoteIdentifier, recordMigration, sqlLiteral } from './sql.mjs';

/**
 * The custom resource properties (CloudFormation passes every scalar as a string).
 * @typedef {{
 *   Target: { WorkgroupName?: string, ClusterIdentifier?: string, Database: string, SecretArn: string },
 *   Schema: string,
 *   Migrations: { Id: string, Name: string, Checksum: string, Transaction: string, Statements: string[] }[],
 *   Loader: { Username: string, SecretArn: string, Tables: string[] },
 *   JsonPaths: { Bucket: string, Objects: { Key: string, Body: string }[] },
 * }} ContractProperties
 * @typedef {{ send(command: any): Promise<any> }} Client
 * @typedef {{ redshiftData: Client, s3: Client, secrets: Client }} Clients
 * @typedef {{ log?: (message: string, details?: Record<string, unknown>) => void, now?: () => Date } & import('./data-api.mjs').RunnerOptions} ContractOptions
 */

/**
 * Waits until the warehouse answers: a workgroup created in the same deploy may refuse statements for a while.
 * @param {ReturnType<typeof createStatementRunner>} runner
 * @param {ContractOptions} options
 */
async function waitUntilReachable(runner, options) {
  const sleep = options.sleep ?? ((ms) => delay(ms).then(() => undefined));
  for (let attempt = 1; ; attempt += 1) {
    try {
      await runner.query('select 1');
      return;
    } catch (error) {
      const late = options.deadline !== undefined && Date.now() + 30_000 > options.deadline;
      if (attempt >= 20 || late) throw error;
      options.log?.('warehouse not reachable yet, retrying', { attempt, error: /** @type {Error} */ (error).message });
      await sleep(Math.min(30_000, 1000 * 2 ** attempt));
    }
  }
}

/**
 * @param {ContractProperties} props
 * @param {Clients} clients
 * @param {ContractOptions} [options]
 * @returns {Promise<{ applied: string[], unknown: string[], jsonPaths: string[] }>}
 */
export async function applyContract(props, clients, options = {}) {
  const log = options.log ?? (() => undefined);
  const now = options.now ?? (() => new Date());
  const runner = createStatementRunner(clients.redshiftData, props.Target, options);
  const schema = props.Schema;
  await waitUntilReachable(runner, options);

  await runner.execute(`create schema if not exists ${quoteIdentifier(schema)}`);
  await runner.execute(createMigrationsTable(schema));
  const rows = await runner.query(`select id, name, checksum from ${migrationsTable(schema)} order by id`);
  const recorded = rows.map(([id, name, checksum]) => ({ id: Number(id), name: String(name), checksum: String(checksum) }));
  const migrations = props.Migrations.map((m) => ({ id: Number(m.Id), name: m.Name, checksum: m.Checksum, transaction: m.Transaction !== 'false', statements: m.Statements })).sort((a, b) => a.id - b.id);
  const { pending, unknown } = planMigrations(migrations, recorded);
  if (unknown.length > 0) log('the warehouse has migrations this deploy does not know (a newer deploy or `factline migrate` applied them); leaving them alone', { migrations: unknown.map((u) => u.name) });
  for (const migration of pending) {
    const record = recordMigration(schema, migration, now());
    if (migration.transaction) await runner.transaction([...migration.statements, record]);
    else {
      // Outside a transaction (ALTER COLUMN … TYPE): one statement at a time, recorded when all succeeded.
      for (const statement of migration.statements) await runner.execute(statement);
      await runner.execute(record);
    }
    log('applied migration', { migration: migration.name, statements: migration.statements.length });
  }

  await syncLoader(runner, clients.secrets, schema, props.Loader);

  for (const object of props.JsonPaths.Objects) {
    await clients.s3.send(new PutObjectCommand({ Bucket: props.JsonPaths.Bucket, Key: object.Key, Body: object.Body, ContentType: 'application/json' }));
  }
  log('uploaded JSONPaths files', { keys: props.JsonPaths.Objects.map((o) => o.Key) });
  return { applied: pending.map((m) => m.name), unknown: unknown.map((u) => u.name), jsonPaths: props.JsonPaths.Objects.map((o) => o.Key) };
}

/**
 * Creates the loader user (or resets its password to the secret's), and grants it INSERT on the fact tables: COPY
 * needs nothing more, so Firehose's credentials cannot read or change anything else.
 * @param {ReturnType<typeof createStatementRunner>} runner
 * @param {Client} secrets
 * @param {string} schema
 * @param {ContractProperties['Loader']} loader
 */
async function syncLoader(runner, secrets, schema, loader) {
  const secret = await secrets.send(new GetSecretValueCommand({ SecretId: loader.SecretArn }));
  const parsed = JSON.parse(secret.SecretString ?? '{}');
  if (parsed.username !== loader.Username || typeof parsed.password !== 'string') {
    throw new Error(`The loader secret ${loader.SecretArn} must hold {"username": "${loader.Username}", "password": "…"}`);
  }
  const user = quoteIdentifier(loader.Username);
  const password = sqlLiteral(md5Password(parsed.password, loader.Username));
  const exists = await runner.query(`select 1 from pg_user where usename = ${sqlLiteral(loader.Username)}`);
  await runner.execute(exists.length > 0 ? `alter user ${user} password ${password}` : `create user ${user} password ${password}`);
  await runner.execute(`grant usage on schema ${quoteIdentifier(schema)} to ${user}`);
  for (const table of loader.Tables) await runner.execute(`grant insert on table ${table} to ${user}`);
}
