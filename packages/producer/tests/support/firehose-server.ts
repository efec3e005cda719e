// A minimal Firehose endpoint over real HTTP (AWS JSON 1.1, aws-contracts §1.5), with the limits of §1.1 and
// scriptable faults, so the real FirehoseClient can be pointed at it.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FirehoseClient } from '@aws-sdk/client-firehose';

export interface PutRequest {
  streamName: string;
  records: Buffer[];
  /** 1-based number of this PutRecordBatch request. */
  number: number;
}

/** What the server does with one request. */
export type Reply =
  | { kind: 'ok' }
  | { kind: 'refuse'; indexes: readonly number[]; errorCode?: string; errorMessage?: string }
  | { kind: 'error'; status: number; type: string; message?: string }
  | { kind: 'destroy' }
  | { kind: 'hang' };

export interface LocalFirehose {
  url: string;
  /** Records acknowledged with a RecordId, per stream, in acknowledgement order. */
  acknowledged: Map<string, Buffer[]>;
  /** Every PutRecordBatch request received. */
  requests: PutRequest[];
  /** Requests refused before reaching the stream, with the reason (a limit the client broke). */
  violations: string[];
  client(): FirehoseClient;
  close(): Promise<void>;
}

const limits = { maxRecords: 500, maxRecordBytes: 1_024_000, maxBatchBytes: 4 * 1024 * 1024 };

export async function startLocalFirehose(options: { reply?: (request: PutRequest) => Reply | Promise<Reply>; keepRecords?: boolean } = {}): Promise<LocalFirehose> {
  const acknowledged = new Map<string, Buffer[]>();
  const requests: PutRequest[] = [];
  const violations: string[] = [];
  const keep = options.keepRecords ?? true;
  let recordId = 0;

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => sendError(res, 500, 'InternalFailure', String(error)));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== 'POST' || req.url !== '/' || req.headers['content-type'] !== 'application/x-amz-json-1.1') {
      violations.push(`bad request line or content type: ${req.method} ${req.url} ${req.headers['content-type']}`);
      return sendError(res, 400, 'SerializationException', 'expected POST / with application/x-amz-json-1.1');
    }
    if (req.headers['x-amz-target'] !== 'Firehose_20150804.PutRecordBatch') {
      return sendError(res, 400, 'UnknownOperationException', `unknown operation ${String(req.headers['x-amz-target'])}`);
    }
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { DeliveryStreamName: string; Records: { Data: string }[] };
    const records = body.Records.map((r) => Buffer.from(r.Data, 'base64'));
    const total = records.reduce((sum, r) => sum + r.length, 0);
    const broken =
      !/^[a-zA-Z0-9_.-]{1,64}$/.test(body.DeliveryStreamName) ? 'stream name'
      : records.length < 1 || records.length > limits.maxRecords ? `${records.length} records`
      : records.some((r) => r.length > limits.maxRecordBytes) ? 'a record over 1,024,000 bytes'
      : total > limits.maxBatchBytes ? `${total} bytes in one call`
      : undefined;
    if (broken !== undefined) {
      violations.push(broken);
      return sendError(res, 400, 'InvalidArgumentException', `1 validation error detected: ${broken}`);
    }
    const request: PutRequest = { streamName: body.DeliveryStreamName, records, number: requests.length + 1 };
    if (keep) requests.push(request);
    const reply = (await options.reply?.(request)) ?? { kind: 'ok' };
    if (reply.kind === 'hang') return;
    if (reply.kind === 'destroy') return void req.socket.destroy();
    if (reply.kind === 'error') return sendError(res, reply.status, reply.type, reply.message ?? reply.type);
    const refused = new Set(reply.kind === 'refuse' ? reply.indexes : []);
    const stored = acknowledged.get(request.streamName) ?? [];
    acknowledged.set(request.streamName, stored);
    const entries = records.map((record, index) => {
      if (refused.has(index)) {
        return { ErrorCode: reply.kind === 'refuse' ? (reply.errorCode ?? 'ServiceUnavailableException') : '', ErrorMessage: reply.kind === 'refuse' ? (reply.errorMessage ?? 'Slow down.') : '' };
      }
      if (keep) stored.push(record);
      recordId += 1;
      return { RecordId: `record-${recordId}` };
    });
    send(res, 200, { FailedPutCount: refused.size, Encrypted: false, RequestResponses: entries });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clients: FirehoseClient[] = [];
  return {
    url,
    acknowledged,
    requests,
    violations,
    client() {
      const client = new FirehoseClient({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
      clients.push(client);
      return client;
    },
    async close() {
      for (const client of clients) client.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'content-length': Buffer.byteLength(text), 'x-amzn-requestid': 'local' });
  res.end(text);
}

function sendError(res: ServerResponse, status: number, type: string, message: string): void {
  send(res, status, { __type: type, message });
}
