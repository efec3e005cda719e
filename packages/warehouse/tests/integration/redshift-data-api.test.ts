import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { StreamSettings } from '@factline/stream-settings';
import { CopyLoadError, copyRequestForStream, createRedshiftWarehouse, StatementError, type RedshiftWarehouse, type RedshiftWarehouseOptions } from '@factline/warehouse';
import { startDataApiServer, type DataApiServer } from '../support/data-api-server.js';
import { createTestStore, type TestStore } from '../support/folder-store.js';
import { fact, factJsonPaths, factTableDdl, jsonPathsKey, lines } from '../support/facts.js';

let folder: string;
let server: DataApiServer;
let store: TestStore;

const cluster = { clusterIdentifier: 'analytics', database: 'dev' } as const;

function connect(options: Partial<RedshiftWarehouseOptions> = {}): RedshiftWarehouse {
  return createRedshiftWarehouse({
    ...cluster,
    initialPollIntervalMs: 2,
    maxPollIntervalMs: 20,
    ...options,
    clientConfig: { endpoint: server.endpoint, region: 'eu-west-1', credentials: { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local-secret' } },
  } as RedshiftWarehouseOptions);
}

const operations = (): string[] => server.requests.map((r) => r.operation);

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'factline-data-api-'));
  store = await createTestStore('factline-bucket');
  server = await startDataApiServer({ path: join(folder, 'redshift.duckdb'), stores: [store], pageSize: 3, executionDelayMs: 5 });
});

afterAll(async () => {
  await server.stop();
  await store.remove();
  await rm(folder, { recursive: true, force: true });
});

beforeEach(async () => {
  server.requests.length = 0;
  await server.warehouse.execute('drop schema if exists factline cascade');
  await server.warehouse.execute('delete from main.stl_load_errors; delete from main.sys_load_error_detail');
});

describe('Redshift engine over the Data API (real HTTP)', () => {
  it('submits a statement, then polls DescribeStatement until it is FINISHED', async () => {
    // Prepare
    const warehouse = connect();

    // Act
    const result = await warehouse.execute('create schema factline');

    // Assess
    expect(result.statementId).toMatch(/^[0-9a-f-]{36}$/);
    expect(operations()[0]).toBe('ExecuteStatement');
    expect(operations().filter((o) => o === 'DescribeStatement').length).toBeGreaterThanOrEqual(2);
    expect(await server.warehouse.query("select schema_name from information_schema.schemata where schema_name = 'factline'")).toHaveLength(1);
    await warehouse.close();
  });

  it('reads every page of a result into typed rows (DECIMAL as a string, timestamps as Date, SUPER parsed)', async () => {
    // Prepare
    await server.warehouse.execute(`create schema factline; create table factline.t (n integer, big bigint, price decimal(10,2), ratio double, ok boolean, label varchar, created timestamptz, day date, doc json);
      insert into factline.t select i, i * 10000000000, i + 0.25, i / 4, i % 2 = 0, 'row ' || i, timestamptz '2026-05-01 10:00:00.123+00' + to_seconds(i), date '2026-05-01', '{"i":' || i || '}' from range(1, 8) r(i)`);
    const warehouse = connect();

    // Act
    const rows = await warehouse.query('select * from factline.t order by n');

    // Assess
    expect(operations().filter((o) => o === 'GetStatementResult')).toHaveLength(3);
    expect(rows).toHaveLength(7);
    expect(rows[0]).toEqual({ n: 1, big: 10000000000, price: '1.25', ratio: 0.25, ok: false, label: 'row 1', created: new Date('2026-05-01T10:00:01.123Z'), day: '2026-05-01', doc: { i: 1 } });
    expect(rows[6]).toMatchObject({ n: 7, price: '7.25', ok: false });
  });

  it('sends named parameters as strings, and writes NULL and empty strings into the SQL', async () => {
    // Prepare
    const warehouse = connect();

    // Act
    const rows = await warehouse.query<{ a: string; b: unknown; c: string; d: string }>('select :a as a, :b as b, :c as c, :d::varchar as d', { a: 'x', b: null, c: '', d: 42 });

    // Assess
    expect(rows).toEqual([{ a: 'x', b: null, c: '', d: '42' }]);
    const sent = server.requests.find((r) => r.operation === 'ExecuteStatement')?.body;
    expect(sent?.Parameters).toEqual([{ name: 'a', value: 'x' }, { name: 'd', value: '42' }]);
    expect(sent?.Sql).toBe("select :a as a, NULL as b, '' as c, :d::varchar as d");
  });

  const modes: { mode: string; options: Partial<RedshiftWarehouseOptions>; sent: Record<string, unknown> }[] = [
    { mode: 'secret', options: { clusterIdentifier: 'analytics', secretArn: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:factline-AbCdEf' }, sent: { ClusterIdentifier: 'analytics', SecretArn: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:factline-AbCdEf', Database: 'dev' } },
    { mode: 'serverless-iam', options: { clusterIdentifier: undefined, workgroupName: 'analytics-wg' }, sent: { WorkgroupName: 'analytics-wg', Database: 'dev' } },
    { mode: 'cluster-iam', options: {}, sent: { ClusterIdentifier: 'analytics', Database: 'dev' } },
    { mode: 'cluster-db-user', options: { dbUser: 'loader' }, sent: { ClusterIdentifier: 'analytics', DbUser: 'loader', Database: 'dev' } },
  ];
  for (const m of modes) {
    it(`authenticates in ${m.mode} mode with exactly the members the Data API expects`, async () => {
      // Prepare
      const warehouse = connect(m.options);

      // Act
      await warehouse.query('select 1 as one');

      // Assess
      expect(warehouse.authMode).toBe(m.mode);
      const body = server.requests.find((r) => r.operation === 'ExecuteStatement')?.body ?? {};
      const { Sql: _sql, StatementName, Parameters: _p, ClientToken: _t, ...target } = body;
      expect(target).toEqual(m.sent);
      expect(StatementName).toBe('factline');
    });
  }

  it('runs up to 40 statements as one BatchExecuteStatement, all or nothing', async () => {
    // Prepare
    const warehouse = connect();
    await warehouse.executeBatch(['create schema factline', 'create table factline.b (n integer)']);
    server.requests.length = 0;

    // Act
    const error = await warehouse.executeBatch(['insert into factline.b values (1)', 'insert into factline.b values (2)', 'insert into factline.missing values (3)']).catch((e: unknown) => e);

    // Assess
    expect(operations()[0]).toBe('BatchExecuteStatement');
    expect(error).toBeInstanceOf(StatementError);
    expect(error).toMatchObject({ code: 'STATEMENT_FAILED', status: 'FAILED', sql: 'insert into factline.missing values (3)' });
    expect((error as StatementError).statementId).toMatch(/:3$/);
    expect((error as StatementError).engineMessage).toMatch(/missing/);
    expect(await server.warehouse.query('select * from factline.b')).toEqual([]);
  });

  it('runs a batch of more than 40 statements in one session transaction instead, still all or nothing', async () => {
    // Prepare
    const warehouse = connect();
    await warehouse.executeBatch(['create schema factline', 'create table factline.b (n integer)']);
    const inserts = Array.from({ length: 45 }, (_, i) => `insert into factline.b values (${i})`);
    server.requests.length = 0;

    // Act
    const ok = await warehouse.executeBatch(inserts);
    const failed = await warehouse.executeBatch([...inserts, 'insert into factline.b values (\'not a number\')']).catch((e: unknown) => e);

    // Assess
    expect(ok.rowsAffected).toHaveLength(45);
    expect(operations()).not.toContain('BatchExecuteStatement');
    const sessions = new Set(server.requests.filter((r) => r.operation === 'ExecuteStatement').map((r) => r.body.SessionId).filter(Boolean));
    expect(sessions.size).toBe(2);
    expect(failed).toBeInstanceOf(StatementError);
    expect(await server.warehouse.query<{ n: number }>('select count(*) as n from factline.b')).toEqual([{ n: 45 }]);
  });

  it('commits a transaction through one Data API session, and rolls it back when the callback throws', async () => {
    // Prepare
    const warehouse = connect();
    await warehouse.executeBatch(['create schema factline', 'create table factline.tx (n integer)']);

    // Act
    await warehouse.transaction(async (tx) => {
      await tx.execute('insert into factline.tx values (1)');
      await warehouse.execute('insert into factline.tx values (2)');
    });
    const error = await warehouse
      .transaction(async (tx) => {
        await tx.execute('insert into factline.tx values (3)');
        throw new Error('changed my mind');
      })
      .catch((e: unknown) => e);

    // Assess
    expect((error as Error).message).toBe('changed my mind');
    expect(await server.warehouse.query<{ n: number }>('select n from factline.tx order by n')).toEqual([{ n: 1 }, { n: 2 }]);
    const begins = server.requests.filter((r) => r.operation === 'ExecuteStatement' && r.body.Sql === 'begin');
    expect(begins.every((r) => r.body.SessionKeepAliveSeconds === 300 && r.body.ClusterIdentifier === 'analytics')).toBe(true);
    const inSession = server.requests.filter((r) => r.operation === 'ExecuteStatement' && r.body.SessionId !== undefined);
    expect(inSession.every((r) => r.body.ClusterIdentifier === undefined && r.body.Database === undefined)).toBe(true);
  });

  it('COPYs with a manifest and the stream settings\' COPY options, as Firehose does', async () => {
    // Prepare
    await server.warehouse.execute(factTableDdl);
    await store.put(jsonPathsKey, JSON.stringify(factJsonPaths));
    await store.put('facts/provider/2026/05/01/10/a.json', lines(fact(), fact({ email: 'b@x.io' })));
    const warehouse = connect({ iamRole: 'arn:aws:iam::123456789012:role/factline-copy' });
    const stream = streamSettings();

    // Act
    const result = await warehouse.copy(copyRequestForStream(stream, store, ['facts/provider/2026/05/01/10/a.json']));

    // Assess
    expect(result.rowsLoaded).toBe(2);
    const sql = String(server.requests.find((r) => r.operation === 'ExecuteStatement')?.body.Sql);
    expect(sql).toMatch(/^COPY "factline"\."provider_facts" \("fact_id", .*"timestamp"\) FROM 's3:\/\/factline-bucket\/manifests\/factline\.provider_facts\/\d{8}T\d{6}Z-[0-9a-f-]+\.manifest' IAM_ROLE 'arn:aws:iam::123456789012:role\/factline-copy' MANIFEST JSON 's3:\/\/factline-bucket\/jsonpaths\/provider_facts\.json' TIMEFORMAT 'auto'$/);
    const manifestKey = /manifests\/[^']+/.exec(sql)?.[0] as string;
    expect(JSON.parse(new TextDecoder().decode(await store.get(manifestKey)))).toEqual({ entries: [{ url: 's3://factline-bucket/facts/provider/2026/05/01/10/a.json', mandatory: true }] });
    expect(await server.warehouse.query<{ n: number }>('select count(*) as n from factline.provider_facts')).toEqual([{ n: 2 }]);
  });

  it('reports a failed COPY with the load error Redshift recorded in STL_LOAD_ERRORS', async () => {
    // Prepare
    await server.warehouse.execute(factTableDdl);
    await store.put(jsonPathsKey, JSON.stringify(factJsonPaths));
    await store.put('facts/provider/bad.json', lines(fact(), fact({ fact_version: 'two' })));
    const warehouse = connect();

    // Act
    const error = await warehouse.copy(copyRequestForStream(streamSettings(), store, ['facts/provider/bad.json'])).catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(CopyLoadError);
    expect((error as CopyLoadError).loadError).toMatchObject({ key: 'facts/provider/bad.json', url: 's3://factline-bucket/facts/provider/bad.json', line: 2, column: 'fact_version', rawValue: 'two', errorCode: 1207 });
    expect((error as CopyLoadError).statementId).toMatch(/^[0-9a-f-]{36}$/);
    expect(server.requests.some((r) => /from stl_load_errors where query = :query/.test(String(r.body.Sql)))).toBe(true);
  });

  it('reads SYS_LOAD_ERROR_DETAIL instead on a serverless workgroup', async () => {
    // Prepare
    await server.warehouse.execute(factTableDdl);
    await store.put(jsonPathsKey, JSON.stringify(factJsonPaths));
    await store.put('facts/provider/bad2.json', lines(fact({ email: 'far-too-long-for-sixteen@x.io' })));
    const warehouse = connect({ clusterIdentifier: undefined, workgroupName: 'analytics-wg' });

    // Act
    const error = await warehouse.copy(copyRequestForStream(streamSettings(), store, ['facts/provider/bad2.json'])).catch((e: unknown) => e);

    // Assess
    expect((error as CopyLoadError).loadError).toMatchObject({ key: 'facts/provider/bad2.json', line: 1, column: 'email', errorCode: 1204 });
    expect(server.requests.some((r) => /sys_load_error_detail/.test(String(r.body.Sql)))).toBe(true);
  });

  it('fails a statement with the SQL, the statement id and Redshift\'s message', async () => {
    // Prepare
    const warehouse = connect();

    // Act
    const error = await warehouse.query('select * from factline.nowhere').catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(StatementError);
    expect(error).toMatchObject({ code: 'STATEMENT_FAILED', sql: 'select * from factline.nowhere', status: 'FAILED' });
    expect((error as StatementError).engineMessage).toMatch(/nowhere/);
    expect((error as StatementError).message).toContain((error as StatementError).statementId);
  });

  it('applies migrations through the Data API, each with its record in one batch', async () => {
    // Prepare
    const migrations = join(folder, 'migrations', 'redshift');
    await mkdir(migrations, { recursive: true });
    await writeFile(join(migrations, '0001-initial.sql'), 'create table factline.m (a integer);\n');
    await writeFile(join(migrations, '0002-add-b.sql'), '-- a second column\nalter table factline.m add column b varchar(10);\n');
    const warehouse = connect();

    // Act
    const report = await warehouse.migrate({ folder: migrations });
    const again = await warehouse.migrate({ folder: migrations });

    // Assess
    expect([report.applied, again.applied, again.alreadyApplied]).toEqual([2, 0, 2]);
    expect(operations().filter((o) => o === 'BatchExecuteStatement')).toHaveLength(2);
    expect(await server.warehouse.query('select id, name from factline.factline_migrations order by id')).toEqual([{ id: 1, name: '0001-initial.sql' }, { id: 2, name: '0002-add-b.sql' }]);
  });
});

function streamSettings(): StreamSettings {
  const columns = ['fact_id', 'entity_id', 'fact_type', 'fact_version', 'occurred_at', 'recorded_at', 'event_id', 'event_type', 'event_version', 'email', 'nightly_price_amount_minor', 'nightly_price_currency', 'rating', 'score', 'active', 'tags', 'details', '"timestamp"'];
  return {
    entity: 'provider',
    deliveryStreamName: 'factline-provider',
    eventTypes: ['provider.updated'],
    s3: { prefix: 'facts/provider/', processingFailedPrefix: 'facts/provider/processing-failed/', bufferingHints: { sizeInMBs: 64, intervalInSeconds: 300 }, compressionFormat: 'UNCOMPRESSED' },
    sourceBackup: { prefix: 'raw/provider/', errorOutputPrefix: 'raw-errors/provider/!{firehose:error-output-type}/', bufferingHints: { sizeInMBs: 64, intervalInSeconds: 300 }, compressionFormat: 'UNCOMPRESSED' },
    processor: { bufferSizeInMBs: 3, bufferIntervalInSeconds: 60, numberOfRetries: 3 },
    redshift: {
      table: { schema: 'factline', name: 'provider_facts' },
      jsonPathsKey,
      copyCommand: { dataTableName: 'factline.provider_facts', dataTableColumns: columns.join(','), copyOptions: `JSON 's3://\${BucketName}/${jsonPathsKey}' TIMEFORMAT 'auto'` },
      retryDurationInSeconds: 3600,
    },
  };
}
