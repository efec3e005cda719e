// One PutRecordBatch call: the SDK's own retries off, a deadline on the answer, the answer matched by index.
import { PutRecordBatchCommand, type FirehoseClient, type PutRecordBatchResponseEntry } from '@aws-sdk/client-firehose';
import { ProducerError, producerErrorCodes } from './errors.js';

/**
 * Sends one PutRecordBatch call and returns one answer entry per record, in request order.
 *
 * The SDK's retry layer is replaced, for this command only, by a pass-through under the same middleware name:
 * with both layers a throttled call would be attempted up to 3 × maxAttempts times, the SDK's waits (up to 20 s)
 * would not count against the producer's retry budget, so close() would have no bound, and the throttles the SDK
 * absorbed would never reach the metrics. The SDK never retries refused records inside a 200 answer anyway,
 * which is where Firehose reports most throttling, so one policy now covers both. The caller's client is not changed.
 */
export async function putRecordBatch(client: FirehoseClient, streamName: string, records: readonly { data: Uint8Array }[], timeoutMs: number): Promise<PutRecordBatchResponseEntry[]> {
  const command = new PutRecordBatchCommand({ DeliveryStreamName: streamName, Records: records.map((r) => ({ Data: r.data })) });
  command.middlewareStack.add((next) => (args) => next(args), {
    name: 'retryMiddleware',
    step: 'finalizeRequest',
    priority: 'high',
    tags: ['RETRY'],
    override: true,
  });
  // The SDK's default Node handler has no request timeout: without this a silent connection would hang close().
  const signal = AbortSignal.timeout(timeoutMs);
  let output;
  try {
    output = await client.send(command, { abortSignal: signal });
  } catch (error) {
    if (signal.aborted) {
      throw new ProducerError(producerErrorCodes.requestTimeout, `PutRecordBatch to stream "${streamName}" got no answer within ${timeoutMs} ms.`, { cause: error, streamName });
    }
    throw error;
  }
  const entries = output?.RequestResponses;
  if (!Array.isArray(entries) || entries.length !== records.length) {
    throw new ProducerError(
      producerErrorCodes.malformedResponse,
      `PutRecordBatch to stream "${streamName}" answered ${Array.isArray(entries) ? entries.length : 'no'} RequestResponses for ${records.length} records; they cannot be matched, so all are retried.`,
      { streamName },
    );
  }
  return entries;
}
