// A small PutRecordBatch endpoint over real HTTP (AWS JSON 1.1) that keeps what it receives, so the tests can read
// exactly what the producer sent. Streams named in `refuse` answer ResourceNotFoundException, as Firehose does.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FirehoseEndpoint {
  endpoint: string;
  /** The event lines received, per delivery stream, in arrival order. */
  lines: Map<string, string[]>;
  stop(): Promise<void>;
}

export async function startFirehoseEndpoint(options: { refuse?: string[] } = {}): Promise<FirehoseEndpoint> {
  const lines = new Map<string, string[]>();
  let nextId = 0;
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { DeliveryStreamName: string; Records: { Data: string }[] };
      const answer = (status: number, payload: unknown, type?: string): void => {
        response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': String(++nextId), ...(type ? { 'x-amzn-errortype': type } : {}) });
        response.end(JSON.stringify(payload));
      };
      if (request.headers['x-amz-target'] !== 'Firehose_20150804.PutRecordBatch') return answer(400, { __type: 'UnknownOperationException' }, 'UnknownOperationException');
      if (options.refuse?.includes(body.DeliveryStreamName)) {
        return answer(400, { __type: 'ResourceNotFoundException', message: `Firehose stream ${body.DeliveryStreamName} under account 000000000000 not found.` }, 'ResourceNotFoundException');
      }
      const received = lines.get(body.DeliveryStreamName) ?? [];
      lines.set(body.DeliveryStreamName, received);
      for (const record of body.Records) received.push(...Buffer.from(record.Data, 'base64').toString('utf8').split('\n').filter((line) => line !== ''));
      answer(200, { FailedPutCount: 0, Encrypted: false, RequestResponses: body.Records.map(() => ({ RecordId: `record-${++nextId}` })) });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    lines,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
