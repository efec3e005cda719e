// Running statements through the Redshift Data API: submit (ExecuteStatement / BatchExecuteStatement, retrying when
// too many statements or sessions are active), wait (DescribeStatement with backoff until FINISHED, FAILED or
// ABORTED, cancelling after the timeout), and read results (GetStatementResult, every page).
import {
  BatchExecuteStatementCommand, CancelStatementCommand, DescribeStatementCommand, ExecuteStatementCommand, GetStatementResultCommand,
  type ColumnMetadata, type DescribeStatementResponse, type RedshiftDataClient, type SqlParameter,
} from '@aws-sdk/client-redshift-data';
import { StatementError, warehouseErrorCodes } from '../errors.js';
import type { Row } from '../types.js';
import { recordsToRows } from './fields.js';
import type { ResolvedRedshiftOptions } from './options.js';

/** A Data API session (a transaction): empty until its first statement returns the session id. */
export interface DataApiSession {
  id?: string;
}

/** A finished statement, as DescribeStatement describes it. */
export type FinishedStatement = DescribeStatementResponse & { Id: string };

const retryable = new Set(['ActiveStatementsExceededException', 'ActiveSessionsExceededException']);
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Submits statements and waits for them.
 *
 * @example
 * const api = new DataApi(client, options);
 * const done = await api.execute('select 1');
 * const rows = await api.rows(done.Id);
 */
export class DataApi {
  constructor(
    private readonly client: RedshiftDataClient,
    private readonly options: ResolvedRedshiftOptions,
  ) {}

  /** Runs one statement (in `session` when given) and waits until it finishes. */
  async execute(sql: string, parameters?: SqlParameter[], session?: DataApiSession): Promise<FinishedStatement> {
    const id = await this.submit(sql, async () => {
      const output = await this.client.send(new ExecuteStatementCommand({ Sql: sql, Parameters: parameters, StatementName: this.options.statementName, ...this.where(session) }));
      if (session !== undefined && output.SessionId !== undefined) session.id = output.SessionId;
      return output.Id;
    });
    return this.wait(id, sql);
  }

  /** Runs up to 40 statements as one transaction and waits until they finish. */
  async batch(sqls: readonly string[], session?: DataApiSession): Promise<FinishedStatement> {
    const label = sqls.join(';\n');
    const id = await this.submit(label, async () => {
      const output = await this.client.send(new BatchExecuteStatementCommand({ Sqls: [...sqls], StatementName: this.options.statementName, ...this.where(session) }));
      if (session !== undefined && output.SessionId !== undefined) session.id = output.SessionId;
      return output.Id;
    });
    return this.wait(id, label);
  }

  /** Every row of a finished statement's result, page after page. */
  async rows(id: string, sql: string): Promise<Row[]> {
    const rows: Row[] = [];
    let columns: ColumnMetadata[] = [];
    let token: string | undefined;
    do {
      const page = await this.client.send(new GetStatementResultCommand({ Id: id, NextToken: token })).catch((error: unknown) => {
        throw requestFailed(sql, error, id);
      });
      if (page.ColumnMetadata !== undefined && page.ColumnMetadata.length > 0) columns = page.ColumnMetadata;
      rows.push(...recordsToRows(page.Records ?? [], columns));
      token = page.NextToken === '' ? undefined : page.NextToken;
    } while (token !== undefined);
    return rows;
  }

  // Outside a session: the target and credentials. In a session: its id, or the target plus a keep-alive to open it.
  private where(session: DataApiSession | undefined): Record<string, unknown> {
    if (session?.id !== undefined) return { SessionId: session.id, SessionKeepAliveSeconds: this.options.sessionKeepAliveSeconds };
    if (session !== undefined) return { ...this.options.target, SessionKeepAliveSeconds: this.options.sessionKeepAliveSeconds };
    return { ...this.options.target };
  }

  private async submit(sql: string, send: () => Promise<string | undefined>): Promise<string> {
    let delay = Math.max(this.options.initialPollIntervalMs, 1);
    for (let attempt = 0; ; attempt += 1) {
      try {
        const id = await send();
        if (id === undefined) throw new Error('the Data API answered without a statement Id');
        return id;
      } catch (error) {
        if (retryable.has((error as Error).name) && attempt < this.options.maxSubmitRetries) {
          await sleep(delay);
          delay = Math.min(delay * this.options.backoffMultiplier, Math.max(this.options.maxPollIntervalMs, 1));
          continue;
        }
        throw requestFailed(sql, error, (error as { StatementId?: string }).StatementId);
      }
    }
  }

  private async wait(id: string, sql: string): Promise<FinishedStatement> {
    const deadline = Date.now() + this.options.statementTimeoutMs;
    let delay = this.options.initialPollIntervalMs;
    for (;;) {
      const described = await this.client.send(new DescribeStatementCommand({ Id: id })).catch((error: unknown) => {
        throw requestFailed(sql, error, id);
      });
      if (described.Status === 'FINISHED') return { ...described, Id: id };
      if (described.Status === 'FAILED' || described.Status === 'ABORTED') throw statementEnded(sql, id, described);
      if (Date.now() + delay > deadline) {
        await this.client.send(new CancelStatementCommand({ Id: id })).catch(() => undefined);
        throw new StatementError(warehouseErrorCodes.statementTimeout, { sql, statementId: id, status: 'TIMEOUT', engineMessage: `still ${described.Status ?? 'running'} after ${this.options.statementTimeoutMs} ms; cancelled (statementTimeoutMs)` });
      }
      await sleep(delay);
      delay = Math.min(Math.max(delay, 1) * this.options.backoffMultiplier, this.options.maxPollIntervalMs);
    }
  }
}

function statementEnded(sql: string, id: string, described: DescribeStatementResponse): StatementError {
  const failedSub = described.SubStatements?.find((s) => s.Status === 'FAILED' || s.Status === 'ABORTED');
  const status = described.Status === 'ABORTED' ? 'ABORTED' : 'FAILED';
  return new StatementError(status === 'ABORTED' ? warehouseErrorCodes.statementAborted : warehouseErrorCodes.statementFailed, {
    sql: failedSub?.QueryString ?? described.QueryString ?? sql,
    statementId: failedSub?.Id ?? id,
    status,
    engineMessage: failedSub?.Error ?? described.Error ?? (status === 'ABORTED' ? 'The statement was stopped by a user or an operator.' : 'The statement failed.'),
    ...queryIdOf(failedSub?.RedshiftQueryId ?? described.RedshiftQueryId),
  });
}

function queryIdOf(id: number | undefined): { redshiftQueryId?: number } {
  return id === undefined || id <= 0 ? {} : { redshiftQueryId: id };
}

function requestFailed(sql: string, error: unknown, statementId?: string): StatementError {
  const name = (error as Error).name;
  // Some Data API exceptions (ExecuteStatementException) carry their text in `Message` rather than `message`.
  const message = (error as Error).message || ((error as { Message?: string }).Message ?? '');
  return new StatementError(warehouseErrorCodes.dataApiRequestFailed, { sql, ...(statementId === undefined ? {} : { statementId }), engineMessage: `${name}: ${message}`, cause: error });
}
