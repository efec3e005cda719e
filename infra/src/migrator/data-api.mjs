// @ts-check
// Running SQL through the Redshift Data API: submit, poll DescribeStatement until it ends, page through results.
// Transactions: BatchExecuteStatement (one transaction, at most 40 statements), or for longer ones BEGIN … COMMIT
// in one Data API session.
import { setTimeout as delay } from 'node:timers/promises';
import { BatchExecuteStatementCommand, DescribeStatementCommand, ExecuteStatementCommand, GetStatementResultCommand } from '@aws-sdk/client-redshift-data';

/** BatchExecuteStatement takes at most this many statements. */
export const maxBatchStatements = 40;
const sessionKeepAliveSeconds = 300;
// Too many statements or sessions running on the warehouse at once: wait and submit again.
const retryableSubmitErrors = new Set(['ActiveStatementsExceededException', 'ActiveSessionsExceededException']);
const maxSubmitAttempts = 8;

/**
 * @typedef {{ WorkgroupName?: string, ClusterIdentifier?: string, Database: string, SecretArn: string }} Target
 * @typedef {{ send(command: any): Promise<any> }} Client
 * @typedef {{ pollIntervalMs?: number, maxPollIntervalMs?: number, deadline?: number, sleep?: (ms: number) => Promise<void> }} RunnerOptions
 */

export class StatementFailedError extends Error {
  /**
   * @param {string} sql
   * @param {string} statementId
   * @param {string} status
   * @param {string | undefined} reason
   */
  constructor(sql, statementId, status, reason) {
    super(`Statement ${statementId} ${status.toLowerCase()}: ${reason ?? 'no error message'} (SQL: ${sql.slice(0, 300)})`);
    this.name = 'StatementFailedError';
    this.code = 'STATEMENT_FAILED';
    this.sql = sql;
    this.statementId = statementId;
  }
}

/** @param {Record<string, unknown>} field */
function fieldValue(field) {
  if (field.isNull) return null;
  for (const key of ['stringValue', 'longValue', 'doubleValue', 'booleanValue']) if (key in field) return field[key];
  return null;
}

/**
 * @param {Client} client
 * @param {Target} target
 * @param {RunnerOptions} [options]
 */
export function createStatementRunner(client, target, options = {}) {
  const sleep = options.sleep ?? ((ms) => delay(ms).then(() => undefined));
  const first = options.pollIntervalMs ?? 100;
  const max = options.maxPollIntervalMs ?? 2000;
  const connection = target.WorkgroupName !== undefined ? { WorkgroupName: target.WorkgroupName } : { ClusterIdentifier: target.ClusterIdentifier };
  const base = { ...connection, Database: target.Database, SecretArn: target.SecretArn, StatementName: 'factline-migrator' };

  /** @param {() => any} command */
  async function submit(command) {
    for (let attempt = 1, interval = first; ; attempt += 1, interval = Math.min(max, interval * 2)) {
      try {
        return await client.send(command());
      } catch (error) {
        if (!retryableSubmitErrors.has(/** @type {Error} */ (error).name) || attempt >= maxSubmitAttempts) throw error;
        await sleep(interval);
      }
    }
  }

  /** @param {string} id @param {string} sql */
  async function wait(id, sql) {
    for (let interval = first; ; interval = Math.min(max, interval * 2)) {
      if (options.deadline !== undefined && Date.now() > options.deadline) throw new Error(`Statement ${id} did not finish before the migrator's deadline (SQL: ${sql.slice(0, 300)})`);
      await sleep(interval);
      const described = await client.send(new DescribeStatementCommand({ Id: id }));
      if (described.Status === 'FINISHED') return described;
      if (described.Status === 'FAILED' || described.Status === 'ABORTED') throw new StatementFailedError(sql, id, described.Status, described.Error);
    }
  }

  /**
   * Runs one statement; with `session`, inside that Data API session.
   * @param {string} sql
   * @param {{ sessionId?: string, keepSession?: boolean }} [session]
   * @returns {Promise<{ id: string, sessionId?: string, hasResultSet: boolean }>}
   */
  async function execute(sql, session = {}) {
    const keepAlive = session.keepSession ? { SessionKeepAliveSeconds: sessionKeepAliveSeconds } : {};
    // A request that names a session must not name the target again.
    const input = session.sessionId !== undefined ? { Sql: sql, SessionId: session.sessionId, StatementName: base.StatementName, ...keepAlive } : { ...base, Sql: sql, ...keepAlive };
    const started = await submit(() => new ExecuteStatementCommand(input));
    const described = await wait(started.Id, sql);
    return { id: started.Id, sessionId: started.SessionId ?? session.sessionId, hasResultSet: Boolean(described.HasResultSet) };
  }

  /**
   * Runs a query and returns its rows as arrays of plain values.
   * @param {string} sql
   * @returns {Promise<unknown[][]>}
   */
  async function query(sql) {
    const { id } = await execute(sql);
    const rows = [];
    let nextToken;
    do {
      const page = await client.send(new GetStatementResultCommand({ Id: id, NextToken: nextToken }));
      for (const record of page.Records ?? []) rows.push(record.map(fieldValue));
      nextToken = page.NextToken;
    } while (nextToken);
    return rows;
  }

  /**
   * Runs statements as one transaction: all or nothing.
   * @param {string[]} sqls
   */
  async function transaction(sqls) {
    if (sqls.length <= maxBatchStatements) {
      const started = await submit(() => new BatchExecuteStatementCommand({ ...base, Sqls: sqls }));
      await wait(started.Id, sqls.join(';\n'));
      return;
    }
    const { sessionId } = await execute('begin', { keepSession: true });
    try {
      for (const sql of sqls) await execute(sql, { sessionId, keepSession: true });
      await execute('commit', { sessionId });
    } catch (error) {
      await execute('rollback', { sessionId }).catch(() => undefined);
      throw error;
    }
  }

  return { execute, query, transaction };
}
