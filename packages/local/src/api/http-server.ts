// The HTTP front: AWS JSON 1.1 on `POST /` (X-Amz-Target: Firehose_20150804.<Operation>), plus the emulator's own
// endpoints under /_factline/ (status, flush).
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { awsJsonContentType, controlPathPrefix, targetPrefix } from '../constants.js';
import type { EmulatorStatus, Logger } from '../types.js';
import { ApiError, apiErrors } from './api-error.js';
import { operationNames, runOperation, type ApiBackend, type OperationName } from './operations.js';

export interface ControlEndpoints {
  status(): EmulatorStatus;
  flush(streamName: string | undefined): Promise<void>;
}

/** Largest request body read: 4 MiB of records in base64 plus their JSON framing fits well within it. */
const maxBodyBytes = 8 * 1024 * 1024;
const acceptedContentTypes = new Set([awsJsonContentType, 'application/x-amz-json-1.0', 'application/json']);

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': awsJsonContentType,
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': randomUUID(),
    ...headers,
  });
  response.end(text);
}

function sendError(response: ServerResponse, error: ApiError): void {
  send(response, error.status, { __type: error.type, message: error.message }, { 'x-amzn-errortype': error.type });
}

/** The body, or undefined when it is larger than `maxBodyBytes` (the rest is read and discarded). */
async function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= maxBodyBytes) chunks.push(chunk);
  }
  return size <= maxBodyBytes ? Buffer.concat(chunks) : undefined;
}

async function handleApi(request: IncomingMessage, response: ServerResponse, backend: ApiBackend): Promise<void> {
  const target = request.headers['x-amz-target'];
  const operation = typeof target === 'string' && target.startsWith(`${targetPrefix}.`) ? target.slice(targetPrefix.length + 1) : undefined;
  const body = await readBody(request);
  if (operation === undefined || !(operationNames as readonly string[]).includes(operation)) {
    throw apiErrors.unknownOperation(typeof target === 'string' ? target : undefined);
  }
  const contentType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!acceptedContentTypes.has(contentType)) throw apiErrors.serialization(`Unsupported Content-Type '${contentType}': send ${awsJsonContentType}.`);
  if (body === undefined) {
    throw operation === 'PutRecordBatch' ? apiErrors.invalidArgument('Records size exceeds 4 MB limit') : apiErrors.serialization(`Request body exceeds ${maxBodyBytes} bytes.`);
  }
  let input: unknown;
  try {
    input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw apiErrors.serialization(`Request body is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw apiErrors.serialization('Request body must be a JSON object.');
  const answer = await runOperation(operation as OperationName, input as Record<string, unknown>, backend);
  if (answer.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
  send(response, 200, answer.body);
}

async function handleControl(request: IncomingMessage, response: ServerResponse, control: ControlEndpoints): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  await readBody(request);
  const json = (status: number, body: unknown): void => {
    const text = JSON.stringify(body, null, 2);
    response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    response.end(text);
  };
  if (url.pathname === `${controlPathPrefix}status` && request.method === 'GET') return json(200, control.status());
  if (url.pathname === `${controlPathPrefix}flush` && request.method === 'POST') {
    const stream = url.searchParams.get('stream') ?? undefined;
    if (stream !== undefined && !control.status().streams.some((entry) => entry.deliveryStreamName === stream)) return json(404, { message: `Unknown delivery stream ${stream}.` });
    await control.flush(stream);
    return json(200, control.status());
  }
  json(404, { message: `No endpoint ${request.method ?? ''} ${url.pathname}. Try GET ${controlPathPrefix}status or POST ${controlPathPrefix}flush.` });
}

export interface ApiServer {
  server: Server;
  /** Stops accepting connections and waits for the requests in flight. */
  close(): Promise<void>;
}

export function createApiServer(backend: ApiBackend, control: ControlEndpoints, log: Logger): ApiServer {
  const inFlight = new Set<Promise<void>>();
  const server = createServer((request, response) => {
    const handling = (async () => {
      try {
        if ((request.url ?? '/').startsWith(controlPathPrefix)) return await handleControl(request, response, control);
        if (request.method !== 'POST' || (request.url ?? '/').split('?')[0] !== '/') {
          await readBody(request);
          return sendError(response, new ApiError('UnknownOperationException', 404, `The Firehose API answers POST /, not ${request.method ?? ''} ${request.url ?? ''}.`));
        }
        await handleApi(request, response, backend);
      } catch (error) {
        if (error instanceof ApiError) return sendError(response, error);
        log({ level: 'error', message: `request failed: ${(error as Error).message}`, error });
        if (!response.headersSent) sendError(response, new ApiError('InternalFailure', 500, 'The emulator failed to process the request.'));
      }
    })();
    inFlight.add(handling);
    void handling.finally(() => inFlight.delete(handling));
  });
  return {
    server,
    async close(): Promise<void> {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // A keep-alive connection may still bring a request while the others finish.
      while (inFlight.size > 0) await Promise.all([...inFlight]);
      server.closeAllConnections();
      await closed;
    },
  };
}
