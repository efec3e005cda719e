// Deploying views to Redshift through the Data API: over real HTTP against the local Data API server (each view and
// its ledger row in one BatchExecuteStatement, nothing sent again when nothing changed), and, with
// aws-sdk-client-mock, Redshift's refusal to CREATE OR REPLACE a view whose columns changed.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BatchExecuteStatementCommand, DescribeStatementCommand, ExecuteStatementCommand, GetStatementResultCommand, RedshiftDataClient } from '@aws-sdk/client-redshift-data';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedshiftWarehouse, deployViews, type RedshiftWarehouse, type ViewDefinition } from '@factline/warehouse';
import { startDataApiServer, type DataApiServer } from '../support/data-api-server.js';

const view = (name: string, select: string): ViewDefinition => ({ schema: 'factline', name, kind: 'view', dependsOn: [], create: `CREATE VIEW factline.${name} AS\n${select};`, source: `views/${name}.sql` });

describe('deployViews on Redshift over the Data API (real HTTP)', () => {
  let folder: string;
  let server: DataApiServer;
  let warehouse: RedshiftWarehouse;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'factline-views-data-api-'));
    server = await startDataApiServer({ path: join(folder, 'redshift.duckdb') });
    warehouse = createRedshiftWarehouse({
      workgroupName: 'analytics',
      database: 'dev',
      initialPollIntervalMs: 2,
      maxPollIntervalMs: 20,
      clientConfig: { endpoint: server.endpoint, region: 'eu-west-1', credentials: { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local-secret' } },
    });
  });
  afterAll(async () => {
    await warehouse?.close();
    await server?.stop();
    await rm(folder, { recursive: true, force: true });
  });

  it('creates each view together with its ledger row, then sends no DDL when nothing changed', async () => {
    // Prepare
    const views = [view('one', 'SELECT 1 AS n'), view('two', 'SELECT 2 AS n')];
    // Act
    const first = await deployViews({ warehouse, views });
    const batches = server.requests.filter((r) => r.operation === 'BatchExecuteStatement').map((r) => r.body['Sqls'] as string[]);
    server.requests.length = 0;
    const second = await deployViews({ warehouse, views });
    // Assess
    expect(first).toMatchObject({ dialect: 'redshift', created: 2 });
    expect(batches).toHaveLength(2);
    expect(batches[0]![0]).toBe('CREATE OR REPLACE VIEW factline.one AS\nSELECT 1 AS n;');
    expect(batches[0]!.slice(1).map((s) => s.split(' ')[0])).toEqual(['delete', 'insert']);
    expect(second).toMatchObject({ created: 0, replaced: 0, unchanged: 2 });
    expect(server.requests.map((r) => r.operation)).not.toContain('BatchExecuteStatement');
    expect(await server.warehouse.query('select n from factline.two')).toEqual([{ n: 2 }]);
  });
});

describe('deployViews on Redshift when a view changes its columns', () => {
  it('drops and creates the view after CREATE OR REPLACE is refused, in one batch with its ledger row', async () => {
    // Prepare: a Data API that has the view and its ledger, and refuses to replace it with other columns.
    const mock = mockClient(RedshiftDataClient);
    const sql = new Map<string, string>();
    let next = 0;
    const started = (text: string) => {
      const id = `00000000-0000-4000-8000-${String(++next).padStart(12, '0')}`;
      sql.set(id, text);
      return { Id: id };
    };
    mock.on(ExecuteStatementCommand).callsFake(async (input: { Sql: string }) => started(input.Sql));
    mock.on(BatchExecuteStatementCommand).callsFake(async (input: { Sqls: string[] }) => started(input.Sqls.join('\n;\n')));
    mock.on(DescribeStatementCommand).callsFake(async (input: { Id: string }) => {
      const text = sql.get(input.Id) ?? '';
      if (text.startsWith('CREATE OR REPLACE VIEW')) return { Id: input.Id, Status: 'FAILED', Error: 'ERROR: cannot change number of columns in view', SubStatements: [{ Id: `${input.Id}:1`, Status: 'FAILED', Error: 'ERROR: cannot change number of columns in view' }] };
      return { Id: input.Id, Status: 'FINISHED', HasResultSet: /^\s*select/i.test(text), ResultRows: 1 };
    });
    mock.on(GetStatementResultCommand).callsFake(async (input: { Id: string }) => {
      const text = sql.get(input.Id) ?? '';
      if (text.includes('count(*)')) return { ColumnMetadata: [{ name: 'n', typeName: 'int8' }], Records: [[{ longValue: 1 }]], TotalNumRows: 1 };
      if (text.includes('from "factline"."factline_views"')) return { ColumnMetadata: [{ name: 'name', typeName: 'varchar' }, { name: 'kind', typeName: 'varchar' }, { name: 'checksum', typeName: 'varchar' }], Records: [[{ stringValue: 'factline.wide' }, { stringValue: 'view' }, { stringValue: 'an-older-checksum' }]], TotalNumRows: 1 };
      return { ColumnMetadata: [{ name: 'name', typeName: 'varchar' }], Records: [[{ stringValue: 'wide' }]], TotalNumRows: 1 };
    });
    const client = new RedshiftDataClient({ region: 'eu-west-1', endpoint: 'http://127.0.0.1:9', credentials: { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local-secret' } });
    const warehouse = createRedshiftWarehouse({ clusterIdentifier: 'analytics', database: 'dev', client, initialPollIntervalMs: 1, maxPollIntervalMs: 5 });
    // Act
    const report = await deployViews({ warehouse, views: [view('wide', 'SELECT 1 AS a, 2 AS b')] });
    // Assess
    const batches = mock.commandCalls(BatchExecuteStatementCommand).map((call) => call.args[0].input.Sqls!);
    expect(report.views).toEqual([{ name: 'factline.wide', kind: 'view', status: 'replaced', source: 'views/wide.sql' }]);
    expect(batches.map((b) => b[0])).toEqual(['CREATE OR REPLACE VIEW factline.wide AS\nSELECT 1 AS a, 2 AS b;', 'DROP VIEW IF EXISTS "factline"."wide"']);
    expect(batches[1]!.slice(1).map((s) => s.split(' ')[0])).toEqual(['CREATE', 'delete', 'insert']);
    mock.restore();
  });
});
