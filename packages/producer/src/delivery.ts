// Delivering one batch: send, keep what Firehose acknowledged, resend only what it refused, within the budget.
import { ProducerError, producerErrorCodes, RecordFailedError } from './errors.js';
import { putRecordBatch } from './firehose-call.js';
import type { ResolvedOptions } from './options.js';
import type { PackedRecord } from './packing.js';
import { backoffDelay, classifyCallError, classifyRecordError } from './retry-policy.js';
import type { FailureReason, ProducerMetrics } from './types.js';

export interface FailedRecord<C> {
  record: PackedRecord<C>;
  reason: FailureReason;
}

export interface DeliveryContext<C> {
  options: ResolvedOptions<C>;
  counters: ProducerMetrics;
  now: () => number;
  /** Called after every attempt with the records Firehose acknowledged in it. */
  onDelivered: (records: PackedRecord<C>[]) => void;
}

/**
 * Sends the records of one stream in one call and retries what failed: after a 200 answer only the refused
 * records (matched by index), after a failed call all of them, unless the error is final. Between attempts it
 * waits with full-jitter backoff. A record is given up when it has used `maxAttempts`, or when an attempt (the
 * first included: it may have waited for a call slot) would start more than `maxElapsedMs` after the record was
 * sealed. Resolves with the records given up; never rejects for a fault of the call.
 */
export async function deliverBatch<C>(context: DeliveryContext<C>, streamName: string, records: PackedRecord<C>[]): Promise<FailedRecord<C>[]> {
  const { options, counters } = context;
  const { maxAttempts, maxElapsedMs, baseDelayMs, maxDelayMs } = options.retry;
  const failed: FailedRecord<C>[] = [];
  const withinBudget = (record: PackedRecord<C>, at: number) => {
    if (at <= record.readyAt + maxElapsedMs) return true;
    record.lastError ??= new ProducerError(producerErrorCodes.timeBudgetExhausted, `No call slot freed up for a record of stream "${streamName}" within retry.maxElapsedMs (${maxElapsedMs} ms).`, { streamName });
    failed.push({ record, reason: 'time-exhausted' });
    return false;
  };
  let pending = records.filter((record) => withinBudget(record, context.now()));
  for (let attempt = 1; pending.length > 0; attempt += 1) {
    for (const record of pending) record.attempts += 1;
    counters.calls += 1;
    const delivered: PackedRecord<C>[] = [];
    const refused: PackedRecord<C>[] = [];
    try {
      const entries = await putRecordBatch(options.firehose, streamName, pending, options.requestTimeoutMs);
      pending.forEach((record, index) => {
        const entry = entries[index];
        if (entry?.RecordId && !entry.ErrorCode) {
          delivered.push(record);
          return;
        }
        const errorCode = entry?.ErrorCode ?? 'UnknownError';
        record.lastError = new RecordFailedError(streamName, errorCode, entry?.ErrorMessage ?? 'the answer entry has neither a RecordId nor an ErrorCode');
        if (classifyRecordError(errorCode).throttle) counters.throttles += 1;
        refused.push(record);
      });
    } catch (error) {
      counters.callErrors += 1;
      const verdict = classifyCallError(error);
      const lastError = error instanceof Error ? error : new Error(String(error));
      for (const record of pending) record.lastError = lastError;
      if (verdict.throttle) counters.throttles += pending.length;
      if (!verdict.retryable) {
        for (const record of pending) failed.push({ record, reason: 'not-retryable' });
        return failed;
      }
      refused.push(...pending);
    }
    if (delivered.length > 0) context.onDelivered(delivered);

    const delay = backoffDelay(attempt, baseDelayMs, maxDelayMs);
    const resumeAt = context.now() + delay;
    pending = refused.filter((record) => {
      if (record.attempts < maxAttempts) return withinBudget(record, resumeAt);
      failed.push({ record, reason: 'attempts-exhausted' });
      return false;
    });
    if (pending.length === 0) break;
    counters.retries += pending.length;
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
  return failed;
}
