// A local server that answers the Redshift Data API's operations over real HTTP (AWS JSON 1.1,
// `X-Amz-Target: RedshiftData.<Operation>`), backed by DuckDB for the SQL it can run. Statements are asynchronous
// (SUBMITTED → STARTED → FINISHED/FAILED), results are paged, sessions keep a connection (and its transaction),
// and COPY … FROM 's3://…' MANIFEST is loaded with the DuckDB engine, recording STL_LOAD_ERRORS when it fails.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ObjectStore } from '@factline/object-store';
import { createDuckDbWarehouse, type DuckDbWarehouse } from '@factline/warehouse';
import { loadErrorTables, runCopyStatement } from './data-api-copy.js';
import { columnOf, toRecord, type Column, type Field } from './data-api-fields.js';

export interface DataApiServerOptions {
  /** The DuckDB file behind the server (sessions open their own connections on it). */
  path: string;
  /** The buckets COPY can read. */
  stores?: ObjectStore[];
  /** Rows per GetStatementResult page (default 1,000). */
  pageSize?: number;
  /** How long a statement stays SUBMITTED, then STARTED, before it runs (default 0). */
  executionDelayMs?: number;
}

export interface DataApiServer {
  endpoint: string;
  /** Every request received: its operation and body. */
  requests: { operation: string; body: Record<string, unknown> }[];
  /** The warehouse the server runs non-session statements on (to prepare or inspect state). */
  warehouse: DuckDbWarehouse;
  stop(): Promise<void>;
}

interface Statement {
  Id: string; Status: 'SUBMITTED' | 'STARTED' | 'FINISHED' | 'FAILED' | 'ABORTED'; QueryString: string; CreatedAt: number; UpdatedAt: number;
  HasResultSet: boolean; ResultRows: number; ResultSize: number; Duration: number; RedshiftQueryId: number; RedshiftPid: number; Error?: string;
  SubStatements?: Statement[]; target: Record<string, unknown>; SessionId?: string; columns?: Column[]; records?: Field[][];
}

class ApiError extends Error {
  constructor(readonly type: string, message: string, readonly status = 400) {
    super(message);
  }
}

export async function startDataApiServer(options: DataApiServerOptions): Promise<DataApiServer> {
  const warehouse = await createDuckDbWarehouse({ path: options.path });
  await warehouse.execute(loadErrorTables);
  const statements = new Map<string, Statement>();
  const sessions = new Map<string, { warehouse: DuckDbWarehouse; busy: boolean }>();
  const requests: DataApiServer['requests'] = [];
  const pageSize = options.pageSize ?? 1000;
  const delay = options.executionDelayMs ?? 0;
  let queryIds = 1000;
  const stores = new Map((options.stores ?? []).map((s) => [s.bucket, s]));

  async function run(statement: Statement, sqls: string[], on: DuckDbWarehouse, params: Record<string, string> | undefined, session?: { busy: boolean }): Promise<void> {
    const started = performance.now();
    try {
      if (delay > 0) await sleep(delay);
      statement.Status = 'STARTED';
      if (delay > 0) await sleep(delay);
      const subs = statement.SubStatements ?? [statement];
      if (statement.SubStatements !== undefined && session === undefined) await on.execute('begin');
      for (const [index, sql] of sqls.entries()) {
        const sub = subs[index] as Statement;
        try {
          await runOne(sub, sql, on, params);
          sub.Status = 'FINISHED';
        } catch (error) {
          sub.Status = 'FAILED';
          sub.Error = (error as Error).message;
          if (statement.SubStatements !== undefined) {
            if (session === undefined) await on.execute('rollback');
            for (const later of subs.slice(index + 1)) later.Status = 'ABORTED';
          }
          throw error;
        }
      }
      if (statement.SubStatements !== undefined && session === undefined) await on.execute('commit');
      statement.Status = 'FINISHED';
      statement.HasResultSet = subs.some((s) => s.HasResultSet);
      if (statement.SubStatements !== undefined) statement.ResultRows = subs.reduce((n, s) => n + Math.max(0, s.ResultRows), 0);
    } catch (error) {
      statement.Status = 'FAILED';
      statement.Error = (error as Error).message;
    } finally {
      statement.Duration = Math.round((performance.now() - started) * 1e6);
      statement.UpdatedAt = Date.now() / 1000;
      if (session !== undefined) session.busy = false;
    }
  }

  async function runOne(statement: Statement, sql: string, on: DuckDbWarehouse, params: Record<string, string> | undefined): Promise<void> {
    statement.RedshiftQueryId = ++queryIds;
    if (/^\s*copy\s/i.test(sql)) {
      const loaded = await runCopyStatement(sql, on, warehouse, stores, statement.RedshiftQueryId);
      Object.assign(statement, { HasResultSet: false, ResultRows: loaded });
      return;
    }
    const described = await on.query<{ column_name: string; column_type: string }>(`describe ${sql}`, params).catch(() => undefined);
    if (described === undefined) {
      const result = await on.execute(sql, params);
      Object.assign(statement, { HasResultSet: false, ResultRows: result.rowsAffected ?? -1 });
      return;
    }
    const rows = await on.query(sql, params);
    const columns = described.map((d) => columnOf(d.column_name, d.column_type));
    Object.assign(statement, { HasResultSet: true, ResultRows: rows.length, columns, records: rows.map((row) => toRecord(row, described, columns)) });
  }

  function submit(body: Record<string, unknown>, sqls: string[], batch: boolean): Record<string, unknown> {
    let on = warehouse;
    let sessionId = body.SessionId as string | undefined;
    let session: { warehouse: DuckDbWarehouse; busy: boolean } | undefined;
    if (sessionId !== undefined) {
      session = sessions.get(sessionId);
      if (session === undefined) throw new ApiError('ValidationException', `Session ${sessionId} does not exist or has expired.`);
      if (session.busy) throw new ApiError('ValidationException', `Session ${sessionId} is running another statement.`);
    } else {
      checkTarget(body);
    }
    const now = Date.now() / 1000;
    const make = (sql: string, id: string): Statement => ({ Id: id, Status: 'SUBMITTED', QueryString: sql, CreatedAt: now, UpdatedAt: now, HasResultSet: false, ResultRows: -1, ResultSize: 0, Duration: -1, RedshiftQueryId: 0, RedshiftPid: 4242, target: body });
    const id = randomUUID();
    const statement = make(sqls.join(';\n'), id);
    if (batch) statement.SubStatements = sqls.map((sql, i) => make(sql, `${id}:${i + 1}`));
    statements.set(id, statement);
    for (const sub of statement.SubStatements ?? []) statements.set(sub.Id, sub);
    const start = async (): Promise<void> => {
      if (sessionId === undefined && body.SessionKeepAliveSeconds !== undefined) {
        sessionId = randomUUID();
        session = { warehouse: await createDuckDbWarehouse({ path: options.path }), busy: false };
        sessions.set(sessionId, session);
      }
      if (session !== undefined) {
        on = session.warehouse;
        session.busy = true;
        statement.SessionId = sessionId;
      }
    };
    const params = Array.isArray(body.Parameters) ? Object.fromEntries((body.Parameters as { name: string; value: string }[]).map((p) => [p.name, p.value])) : undefined;
    const ready = start();
    void ready.then(() => run(statement, sqls, on, params, session));
    return { Id: id, CreatedAt: now, Database: body.Database, ClusterIdentifier: body.ClusterIdentifier, WorkgroupName: body.WorkgroupName, SecretArn: body.SecretArn, DbUser: body.DbUser, pending: ready };
  }

  const operations: Record<string, (body: Record<string, unknown>) => Promise<Record<string, unknown>> | Record<string, unknown>> = {
    async ExecuteStatement(body) {
      if (typeof body.Sql !== 'string' || body.Sql.length === 0) throw new ApiError('ValidationException', "1 validation error detected: Value null at 'sql' failed to satisfy constraint: Member must not be null");
      for (const p of (body.Parameters as { name?: string; value?: string }[] | undefined) ?? []) {
        if (typeof p.name !== 'string' || !/^[0-9a-zA-Z_]+$/.test(p.name)) throw new ApiError('ValidationException', `Parameter name ${String(p.name)} is invalid.`);
        if (typeof p.value !== 'string' || p.value.length < 1) throw new ApiError('ValidationException', `1 validation error detected: Value '' at 'parameters.member.value' failed to satisfy constraint: Member must have length greater than or equal to 1`);
      }
      const out = submit(body, [body.Sql], false);
      await out.pending;
      delete out.pending;
      return { ...out, SessionId: statements.get(out.Id as string)?.SessionId };
    },
    async BatchExecuteStatement(body) {
      const sqls = body.Sqls as string[] | undefined;
      if (!Array.isArray(sqls) || sqls.length < 1 || sqls.length > 40) throw new ApiError('ValidationException', "1 validation error detected: Value at 'sqls' failed to satisfy constraint: Member must have length less than or equal to 40");
      const out = submit(body, sqls, true);
      await out.pending;
      delete out.pending;
      return { ...out, SessionId: statements.get(out.Id as string)?.SessionId };
    },
    DescribeStatement(body) {
      const statement = find(body.Id);
      const { target, columns: _c, records: _r, SubStatements, ...rest } = statement;
      return {
        ...rest, Database: target.Database, ClusterIdentifier: target.ClusterIdentifier, WorkgroupName: target.WorkgroupName, SecretArn: target.SecretArn, DbUser: target.DbUser,
        ...(SubStatements === undefined ? {} : { SubStatements: SubStatements.map(({ target: _t, columns: _cc, records: _rr, ...s }) => s) }),
      };
    },
    GetStatementResult(body) {
      const statement = find(body.Id);
      if (statement.Status !== 'FINISHED') throw new ApiError('ValidationException', `Query has not finished. Current status is ${statement.Status}.`);
      if (!statement.HasResultSet || statement.records === undefined) throw new ApiError('ValidationException', 'Query does not have result. Please check query status with DescribeStatement.');
      const offset = body.NextToken === undefined ? 0 : Number(Buffer.from(String(body.NextToken), 'base64url').toString());
      const page = statement.records.slice(offset, offset + pageSize);
      const next = offset + pageSize < statement.records.length ? Buffer.from(String(offset + pageSize)).toString('base64url') : undefined;
      return { Records: page, ColumnMetadata: statement.columns, TotalNumRows: statement.records.length, ...(next === undefined ? {} : { NextToken: next }) };
    },
    CancelStatement(body) {
      const statement = find(body.Id);
      if (statement.Status === 'FINISHED' || statement.Status === 'FAILED') return { Status: false };
      statement.Status = 'ABORTED';
      return { Status: true };
    },
  };

  function find(id: unknown): Statement {
    const statement = statements.get(String(id));
    if (statement === undefined) throw new ApiError('ResourceNotFoundException', `Query does not exist: ${String(id)}`);
    return statement;
  }

  const server = createServer((request, response) => void handle(request, response));
  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const target = String(request.headers['x-amz-target'] ?? '');
    const operation = target.startsWith('RedshiftData.') ? target.slice('RedshiftData.'.length) : '';
    const reply = (status: number, body: unknown): void => {
      response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
      response.end(JSON.stringify(body));
    };
    try {
      if (request.method !== 'POST' || request.headers['content-type'] !== 'application/x-amz-json-1.1') throw new ApiError('UnknownOperationException', 'Expected POST with application/x-amz-json-1.1');
      const handler = operations[operation];
      if (handler === undefined) throw new ApiError('UnknownOperationException', `Unknown operation ${target}`);
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      requests.push({ operation, body });
      reply(200, await handler(body));
    } catch (error) {
      if (error instanceof ApiError) reply(error.status, { __type: error.type, message: error.message });
      else reply(500, { __type: 'InternalServerException', message: (error as Error).message });
    }
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    warehouse,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      for (const session of sessions.values()) await session.warehouse.close();
      await warehouse.close();
    },
  };
}

function checkTarget(body: Record<string, unknown>): void {
  const problems: string[] = [];
  if (typeof body.Database !== 'string') problems.push('Database is required');
  if ((body.ClusterIdentifier === undefined) === (body.WorkgroupName === undefined)) problems.push('give exactly one of ClusterIdentifier and WorkgroupName');
  if (body.DbUser !== undefined && body.WorkgroupName !== undefined) problems.push('DbUser is not supported with WorkgroupName');
  if (body.DbUser !== undefined && body.SecretArn !== undefined) problems.push('give DbUser or SecretArn, not both');
  if (problems.length > 0) throw new ApiError('ValidationException', problems.join('; '));
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
