// A local HTTP endpoint that answers the calls the migrator makes, on the real wire protocols, so that the real
// AWS SDK clients run against it: Redshift Data API and Secrets Manager (AWS JSON 1.1), S3 PutObject (REST).
// Behind the Data API sits a small model of the warehouse: the statements it ran, the migrations table, users and
// grants, with Redshift's transaction behaviour for BatchExecuteStatement and BEGIN … COMMIT sessions.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WarehouseState {
  recorded: { id: number; name: string; checksum: string }[];
  users: Map<string, string>;
  grants: string[];
  /** Statements of migrations that changed the warehouse, in order (committed only). */
  applied: string[];
}

export interface Executed {
  sql: string;
  /** `batch:<id>` for BatchExecuteStatement, `session:<id>` inside a session, undefined otherwise. */
  via?: string;
}

export interface LocalAws {
  endpoint: string;
  state: WarehouseState;
  executed: Executed[];
  objects: Map<string, { body: string; contentType: string | undefined }>;
  /** Statements whose SQL matches fail like Redshift would fail them. */
  failOn: RegExp | undefined;
  /** How many `select 1` probes fail before the warehouse answers. */
  unreachableFor: number;
  /** How many ExecuteStatement calls are refused with ActiveStatementsExceededException first. */
  busyFor: number;
  close(): Promise<void>;
}

interface Statement {
  status: 'FINISHED' | 'FAILED';
  error?: string;
  rows?: unknown[][];
}

const clone = (state: WarehouseState): WarehouseState => ({ recorded: state.recorded.map((r) => ({ ...r })), users: new Map(state.users), grants: [...state.grants], applied: [...state.applied] });

class SqlError extends Error {}

export async function startLocalAws(secrets: Record<string, string>): Promise<LocalAws> {
  const statements = new Map<string, Statement>();
  const sessions = new Map<string, { snapshot?: WarehouseState; aborted: boolean }>();
  const local: LocalAws = {
    endpoint: '',
    state: { recorded: [], users: new Map(), grants: [], applied: [] },
    executed: [],
    objects: new Map(),
    failOn: undefined,
    unreachableFor: 0,
    busyFor: 0,
    close: async () => undefined,
  };

  // Runs one statement against the model; returns rows for queries, throws SqlError like a failed statement.
  function run(sql: string, via: string | undefined): unknown[][] | undefined {
    local.executed.push({ sql, via });
    const text = sql.trim().toLowerCase();
    if (text === 'select 1') {
      if (local.unreachableFor > 0) {
        local.unreachableFor -= 1;
        throw new SqlError('connection to the workgroup failed: the workgroup is not available');
      }
      return [[1]];
    }
    if (local.failOn?.test(sql)) throw new SqlError(`syntax error at or near "${sql.slice(0, 20)}"`);
    const state = local.state;
    if (/^select id, name, checksum from "[^"]+"\."factline_migrations" order by id$/.test(text)) return state.recorded.map((r) => [r.id, r.name, r.checksum]);
    const insert = /^insert into "[^"]+"\."factline_migrations" \(id, name, checksum, applied_at\) values \((\d+), '([^']+)', '([0-9a-f]{64})', cast\('[^']+' as timestamptz\)\)$/.exec(sql);
    if (insert) {
      if (state.recorded.some((r) => r.id === Number(insert[1]))) throw new SqlError('duplicate key');
      state.recorded.push({ id: Number(insert[1]), name: insert[2]!, checksum: insert[3]! });
      return undefined;
    }
    const userExists = /^select 1 from pg_user where usename = '([^']+)'$/.exec(sql);
    if (userExists) return state.users.has(userExists[1]!) ? [[1]] : [];
    const createUser = /^create user "([^"]+)" password '([^']+)'$/.exec(sql);
    if (createUser) {
      if (state.users.has(createUser[1]!)) throw new SqlError(`user "${createUser[1]}" already exists`);
      state.users.set(createUser[1]!, createUser[2]!);
      return undefined;
    }
    const alterUser = /^alter user "([^"]+)" password '([^']+)'$/.exec(sql);
    if (alterUser) {
      if (!state.users.has(alterUser[1]!)) throw new SqlError(`user "${alterUser[1]}" does not exist`);
      state.users.set(alterUser[1]!, alterUser[2]!);
      return undefined;
    }
    // The runner's own bookkeeping (schema and migrations table), not part of any migration.
    if (/^create (schema|table) if not exists "[^"]+"(\."factline_migrations")?( |$)/.test(text)) return undefined;
    if (text.startsWith('grant ')) {
      state.grants.push(sql);
      return undefined;
    }
    state.applied.push(sql);
    return undefined;
  }

  function finish(result: unknown[][] | undefined): Statement {
    return { status: 'FINISHED', rows: result };
  }

  function executeStatement(input: Record<string, unknown>): Record<string, unknown> {
    if (local.busyFor > 0) {
      local.busyFor -= 1;
      throw new ApiError('ActiveStatementsExceededException', 'Active statements exceeded the allowed quota.');
    }
    const id = randomUUID();
    const sql = String(input.Sql);
    let sessionId = input.SessionId as string | undefined;
    if (sessionId !== undefined) {
      // The Data API refuses a request that names both a session and a target.
      for (const key of ['WorkgroupName', 'ClusterIdentifier', 'Database', 'SecretArn']) if (key in input) throw new ApiError('ValidationException', `${key} can't be specified with SessionId`);
      if (!sessions.has(sessionId)) throw new ApiError('ValidationException', `Session ${sessionId} is not available`);
    } else if (input.SessionKeepAliveSeconds !== undefined) {
      sessionId = randomUUID();
      sessions.set(sessionId, { aborted: false });
    }
    const session = sessionId === undefined ? undefined : sessions.get(sessionId)!;
    const text = sql.trim().toLowerCase();
    try {
      if (session !== undefined && text === 'begin') {
        local.executed.push({ sql, via: `session:${sessionId}` });
        session.snapshot = clone(local.state);
        statements.set(id, finish(undefined));
      } else if (session !== undefined && (text === 'commit' || text === 'rollback')) {
        local.executed.push({ sql, via: `session:${sessionId}` });
        // COMMIT of an aborted transaction rolls it back, as in PostgreSQL and Redshift.
        if ((text === 'rollback' || session.aborted) && session.snapshot !== undefined) local.state = clone(session.snapshot);
        session.snapshot = undefined;
        session.aborted = false;
        statements.set(id, finish(undefined));
      } else if (session?.aborted) {
        local.executed.push({ sql, via: `session:${sessionId}` });
        throw new SqlError('current transaction is aborted, commands ignored until end of transaction block');
      } else {
        statements.set(id, finish(run(sql, session === undefined ? undefined : `session:${sessionId}`)));
      }
    } catch (error) {
      if (!(error instanceof SqlError)) throw error;
      if (session?.snapshot !== undefined) session.aborted = true;
      statements.set(id, { status: 'FAILED', error: `ERROR: ${error.message}` });
    }
    if (session !== undefined && input.SessionKeepAliveSeconds === undefined && session.snapshot === undefined) sessions.delete(sessionId!);
    return sessionId === undefined ? { Id: id } : { Id: id, SessionId: sessionId };
  }

  function batchExecuteStatement(input: Record<string, unknown>): Record<string, unknown> {
    const sqls = input.Sqls as string[];
    if (sqls.length < 1 || sqls.length > 40) throw new ApiError('ValidationException', "1 validation error detected: Value at 'sqls' failed to satisfy constraint: Member must have length less than or equal to 40");
    const id = randomUUID();
    const snapshot = clone(local.state);
    try {
      for (const sql of sqls) run(sql, `batch:${id}`);
      statements.set(id, finish(undefined));
    } catch (error) {
      if (!(error instanceof SqlError)) throw error;
      local.state = snapshot;
      statements.set(id, { status: 'FAILED', error: `ERROR: ${error.message}` });
    }
    return { Id: id };
  }

  const field = (value: unknown) => (value === null ? { isNull: true } : typeof value === 'number' ? { longValue: value } : { stringValue: String(value) });

  function dataApi(operation: string, input: Record<string, unknown>): Record<string, unknown> {
    switch (operation) {
      case 'ExecuteStatement':
        return executeStatement(input);
      case 'BatchExecuteStatement':
        return batchExecuteStatement(input);
      case 'DescribeStatement': {
        const statement = statements.get(String(input.Id));
        if (statement === undefined) throw new ApiError('ResourceNotFoundException', `Query ${String(input.Id)} does not exist`);
        return { Id: input.Id, Status: statement.status, Error: statement.error, HasResultSet: statement.rows !== undefined };
      }
      case 'GetStatementResult': {
        const rows = statements.get(String(input.Id))?.rows ?? [];
        // Two rows per page, so that a client that ignores NextToken loses rows.
        const start = input.NextToken === undefined ? 0 : Number(input.NextToken);
        const page = rows.slice(start, start + 2);
        return { Records: page.map((row) => row.map(field)), TotalNumRows: rows.length, ColumnMetadata: [], ...(start + 2 < rows.length ? { NextToken: String(start + 2) } : {}) };
      }
      default:
        throw new ApiError('UnknownOperationException', operation);
    }
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const target = request.headers['x-amz-target'];
    const reply = (status: number, payload: Record<string, unknown>) => {
      response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
      response.end(JSON.stringify(payload));
    };
    try {
      if (typeof target === 'string') {
        const [service, operation] = target.split('.') as [string, string];
        const input = JSON.parse(body || '{}') as Record<string, unknown>;
        if (service === 'RedshiftData') return reply(200, dataApi(operation, input));
        if (service === 'secretsmanager' && operation === 'GetSecretValue') {
          const secret = secrets[String(input.SecretId)];
          if (secret === undefined) throw new ApiError('ResourceNotFoundException', "Secrets Manager can't find the specified secret.");
          return reply(200, { ARN: input.SecretId, Name: 'secret', SecretString: secret, VersionId: randomUUID() });
        }
        throw new ApiError('UnknownOperationException', target);
      }
      if (request.method === 'PUT') {
        local.objects.set(decodeURIComponent(new URL(request.url ?? '/', 'http://local').pathname.slice(1)), { body, contentType: request.headers['content-type'] });
        response.writeHead(200, { etag: '"etag"' });
        return void response.end();
      }
      response.writeHead(405);
      response.end();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      reply(400, { __type: error.type, message: error.message });
    }
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'application/x-amz-json-1.1' });
      response.end(JSON.stringify({ __type: 'InternalServerException', message: String(error) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  local.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  local.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return local;
}

class ApiError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}
