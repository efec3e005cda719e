// The Data API's fault paths that a local server cannot produce on demand, with aws-sdk-client-mock.
import {
  ActiveStatementsExceededException, BatchExecuteStatementCommand, CancelStatementCommand, DescribeStatementCommand, ExecuteStatementCommand,
  ExecuteStatementException, GetStatementResultCommand, RedshiftDataClient, ValidationException,
} from '@aws-sdk/client-redshift-data';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { createRedshiftWarehouse, StatementError, type RedshiftWarehouse } from '@factline/warehouse';

const mock = mockClient(RedshiftDataClient);
const id = '6d1b3a3e-2f7c-4c56-9a55-2b1a1c0d9e11';

function warehouse(extra: Record<string, unknown> = {}): RedshiftWarehouse {
  const client = new RedshiftDataClient({ region: 'eu-west-1', endpoint: 'http://127.0.0.1:9', credentials: { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local-secret' } });
  return createRedshiftWarehouse({ clusterIdentifier: 'analytics', database: 'dev', client, initialPollIntervalMs: 1, maxPollIntervalMs: 5, ...extra });
}

async function failure(promise: Promise<unknown>): Promise<StatementError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StatementError);
  return error as StatementError;
}

afterEach(() => {
  mock.reset();
});

describe('Redshift Data API error paths', () => {
  it('reports a ValidationException with the SQL and the API\'s message', async () => {
    // Prepare
    mock.on(ExecuteStatementCommand).rejects(new ValidationException({ message: 'Sql is too long', $metadata: {} }));

    // Act
    const error = await failure(warehouse().execute('select 1'));

    // Assess
    expect(error).toMatchObject({ code: 'DATA_API_REQUEST_FAILED', sql: 'select 1', engineMessage: 'ValidationException: Sql is too long' });
  });

  it('carries the statement id of an ExecuteStatementException', async () => {
    // Prepare
    mock.on(ExecuteStatementCommand).rejects(new ExecuteStatementException({ message: '', Message: 'could not start', StatementId: id, $metadata: {} }));

    // Act
    const error = await failure(warehouse().execute('select 1'));

    // Assess
    expect(error).toMatchObject({ code: 'DATA_API_REQUEST_FAILED', statementId: id, engineMessage: 'ExecuteStatementException: could not start' });
  });

  it('retries ActiveStatementsExceededException with backoff, then goes on', async () => {
    // Prepare
    const busy = new ActiveStatementsExceededException({ message: 'too many', $metadata: {} });
    mock.on(ExecuteStatementCommand).rejectsOnce(busy).rejectsOnce(busy).resolves({ Id: id });
    mock.on(DescribeStatementCommand).resolves({ Id: id, Status: 'FINISHED', ResultRows: 3 });

    // Act
    const result = await warehouse().execute('delete from t');

    // Assess
    expect(result.rowsAffected).toBe(3);
    expect(mock.commandCalls(ExecuteStatementCommand)).toHaveLength(3);
  });

  it('gives up on ActiveStatementsExceededException after maxSubmitRetries', async () => {
    // Prepare
    mock.on(ExecuteStatementCommand).rejects(new ActiveStatementsExceededException({ message: 'too many', $metadata: {} }));

    // Act
    const error = await failure(warehouse({ maxSubmitRetries: 2 }).execute('select 1'));

    // Assess
    expect(error.engineMessage).toMatch(/^ActiveStatementsExceededException/);
    expect(mock.commandCalls(ExecuteStatementCommand)).toHaveLength(3);
  });

  it('fails a FAILED statement with Redshift\'s error, the statement id and the query id', async () => {
    // Prepare
    mock.on(ExecuteStatementCommand).resolves({ Id: id });
    mock.on(DescribeStatementCommand).resolvesOnce({ Id: id, Status: 'SUBMITTED' }).resolvesOnce({ Id: id, Status: 'PICKED' }).resolves({ Id: id, Status: 'FAILED', Error: 'ERROR: relation "t" does not exist', RedshiftQueryId: 98765, QueryString: 'select * from t' });

    // Act
    const error = await failure(warehouse().query('select * from t'));

    // Assess
    expect(error).toMatchObject({ code: 'STATEMENT_FAILED', status: 'FAILED', statementId: id, redshiftQueryId: 98765, sql: 'select * from t', engineMessage: 'ERROR: relation "t" does not exist' });
    expect(mock.commandCalls(DescribeStatementCommand)).toHaveLength(3);
  });

  it('fails an ABORTED statement with its own code', async () => {
    // Prepare
    mock.on(ExecuteStatementCommand).resolves({ Id: id });
    mock.on(DescribeStatementCommand).resolves({ Id: id, Status: 'ABORTED' });

    // Act
    const error = await failure(warehouse().execute('vacuum'));

    // Assess
    expect(error).toMatchObject({ code: 'STATEMENT_ABORTED', status: 'ABORTED', statementId: id });
  });

  it('cancels a statement that outlives statementTimeoutMs and reports a timeout', async () => {
    // Prepare
    mock.on(ExecuteStatementCommand).resolves({ Id: id });
    mock.on(DescribeStatementCommand).resolves({ Id: id, Status: 'STARTED' });
    mock.on(CancelStatementCommand).resolves({ Status: true });

    // Act
    const error = await failure(warehouse({ statementTimeoutMs: 30 }).execute('select pg_sleep(60)'));

    // Assess
    expect(error).toMatchObject({ code: 'STATEMENT_TIMEOUT', status: 'TIMEOUT', statementId: id });
    expect(mock.commandCalls(CancelStatementCommand)[0]?.args[0].input).toEqual({ Id: id });
  });

  it('names the failing sub-statement of a batch', async () => {
    // Prepare
    mock.on(BatchExecuteStatementCommand).resolves({ Id: id });
    mock.on(DescribeStatementCommand).resolves({
      Id: id, Status: 'FAILED', Error: 'batch failed',
      SubStatements: [
        { Id: `${id}:1`, Status: 'FINISHED', QueryString: 'insert into t values (1)' },
        { Id: `${id}:2`, Status: 'FAILED', Error: 'ERROR: invalid input syntax for integer: "x"', QueryString: "insert into t values ('x')", RedshiftQueryId: 55 },
      ],
    });

    // Act
    const error = await failure(warehouse().executeBatch(['insert into t values (1)', "insert into t values ('x')"]));

    // Assess
    expect(error).toMatchObject({ statementId: `${id}:2`, sql: "insert into t values ('x')", engineMessage: 'ERROR: invalid input syntax for integer: "x"', redshiftQueryId: 55 });
  });

  it('follows NextToken through empty pages and keeps the first page\'s column metadata', async () => {
    // Prepare
    mock.on(ExecuteStatementCommand).resolves({ Id: id });
    mock.on(DescribeStatementCommand).resolves({ Id: id, Status: 'FINISHED', HasResultSet: true });
    mock
      .on(GetStatementResultCommand)
      .resolvesOnce({ Records: [[{ longValue: 1 }, { stringValue: '1.50' }]], ColumnMetadata: [{ name: 'n', typeName: 'int4' }, { name: 'price', typeName: 'numeric' }], NextToken: 'a' })
      .resolvesOnce({ Records: [], NextToken: 'b' })
      .resolvesOnce({ Records: [[{ longValue: 2 }, { isNull: true }]], NextToken: '' });

    // Act
    const rows = await warehouse().query('select n, price from t');

    // Assess
    expect(rows).toEqual([{ n: 1, price: '1.50' }, { n: 2, price: null }]);
    expect(mock.commandCalls(GetStatementResultCommand).map((c) => c.args[0].input.NextToken)).toEqual([undefined, 'a', 'b']);
  });

  it('does not read results of a statement without a result set', async () => {
    // Prepare
    mock.on(ExecuteStatementCommand).resolves({ Id: id });
    mock.on(DescribeStatementCommand).resolves({ Id: id, Status: 'FINISHED', HasResultSet: false, ResultRows: -1 });

    // Act
    const rows = await warehouse().query('create table t (n int)');

    // Assess
    expect(rows).toEqual([]);
    expect(mock.commandCalls(GetStatementResultCommand)).toHaveLength(0);
  });

  it('reports a GetStatementResult failure with the statement id', async () => {
    // Prepare
    mock.on(ExecuteStatementCommand).resolves({ Id: id });
    mock.on(DescribeStatementCommand).resolves({ Id: id, Status: 'FINISHED', HasResultSet: true });
    mock.on(GetStatementResultCommand).rejects(new ValidationException({ message: 'Query result has expired', $metadata: {} }));

    // Act
    const error = await failure(warehouse().query('select 1'));

    // Assess
    expect(error).toMatchObject({ code: 'DATA_API_REQUEST_FAILED', statementId: id, engineMessage: 'ValidationException: Query result has expired' });
  });

  it('refuses a nested transaction and any call after close', async () => {
    // Prepare
    mock.on(ExecuteStatementCommand).resolves({ Id: id, SessionId: 'session-1' });
    mock.on(DescribeStatementCommand).resolves({ Id: id, Status: 'FINISHED' });
    const w = warehouse();

    // Act
    const nested = await w.transaction(() => w.transaction(async () => 1)).catch((e: unknown) => e);
    await w.close();
    const closed = await Promise.resolve()
      .then(() => w.execute('select 1'))
      .catch((e: unknown) => e);

    // Assess
    expect(nested).toMatchObject({ code: 'NESTED_TRANSACTION' });
    expect(closed).toMatchObject({ code: 'WAREHOUSE_CLOSED' });
    expect(mock.commandCalls(ExecuteStatementCommand).map((c) => c.args[0].input.Sql)).toEqual(['begin', 'rollback']);
  });
});
