// aws-sdk-client-mock around a real FirehoseClient, for the fault paths a local server cannot easily produce.
import { FirehoseClient, PutRecordBatchCommand, type PutRecordBatchCommandInput, type PutRecordBatchCommandOutput } from '@aws-sdk/client-firehose';
import { mockClient } from 'aws-sdk-client-mock';

export type Answer = PutRecordBatchCommandOutput | Error;

/** A client whose PutRecordBatch calls are answered by `answer` (all acknowledged by default), with the calls recorded. */
export function mockFirehose(answer?: (input: PutRecordBatchCommandInput, call: number) => Answer | Promise<Answer>) {
  const client = new FirehoseClient({ region: 'us-east-1', endpoint: 'http://127.0.0.1:9', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const mock = mockClient(client);
  const inputs: PutRecordBatchCommandInput[] = [];
  mock.on(PutRecordBatchCommand).callsFake(async (input: PutRecordBatchCommandInput) => {
    inputs.push(input);
    const result = answer === undefined ? acknowledgeAll(input) : await answer(input, inputs.length);
    if (result instanceof Error) throw result;
    return result;
  });
  return { client, mock, inputs };
}

export function acknowledgeAll(input: PutRecordBatchCommandInput): PutRecordBatchCommandOutput {
  return refuse(input, []);
}

/** A 200 answer that refuses the records at `indexes` with ServiceUnavailableException. */
export function refuse(input: PutRecordBatchCommandInput, indexes: readonly number[], errorCode = 'ServiceUnavailableException'): PutRecordBatchCommandOutput {
  const refused = new Set(indexes);
  return {
    $metadata: { httpStatusCode: 200 },
    FailedPutCount: refused.size,
    Encrypted: false,
    RequestResponses: (input.Records ?? []).map((_, index) =>
      refused.has(index) ? { ErrorCode: errorCode, ErrorMessage: errorCode === 'ServiceUnavailableException' ? 'Slow down.' : 'Internal failure.' } : { RecordId: `id-${index}` },
    ),
  };
}

/** An SDK-shaped service error, as the deserializer would throw it. */
export function serviceError(name: string, status: number, message = name): Error {
  return Object.assign(new Error(message), { name, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status } });
}

/** A Node network error. */
export function networkError(code = 'ECONNRESET'): Error {
  return Object.assign(new Error(`socket hang up (${code})`), { code });
}

/** The record payloads of a call, as Buffers. */
export function recordsOf(input: PutRecordBatchCommandInput): Buffer[] {
  return (input.Records ?? []).map((r) => Buffer.from(r.Data ?? new Uint8Array()));
}

/** The events inside one record; asserts nothing, the caller checks the trailing newline. */
export function eventsOf(record: Uint8Array): string[] {
  const text = Buffer.from(record).toString('utf8');
  return text.split('\n').slice(0, -1);
}

/** A JSON line of exactly `bytes` UTF-8 bytes (at least 12). */
export function line(bytes: number, tag = 'e'): string {
  const head = `{"${tag}":"`;
  return `${head}${'x'.repeat(bytes - head.length - 2)}"}`;
}

/** A promise with its resolve function, to hold a call until the test lets it go. */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
