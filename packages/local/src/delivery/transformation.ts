// Running the transformation as Firehose does: records grouped into invocations within the processor's buffer hint
// and Lambda's 6 MB request limit, each invocation retried NumberOfRetries times, then its records failed as a whole.
import { randomUUID } from 'node:crypto';
import { base64Length } from '../base64.js';
import { firehoseLimits } from '../constants.js';
import type { FaultInjector } from '../faults.js';
import type { FirehoseTransform, FirehoseTransformationEvent } from '../transformation-types.js';
import type { Logger } from '../types.js';
import type { StoredRecord } from '../wal/frame.js';
import { checkAnswer, lambdaErrors, type InvocationError, type RecordResult } from './check-answer.js';
import type { RecordFailure } from './error-records.js';

export interface TransformationContext {
  streamName: string;
  transform: FirehoseTransform | undefined;
  deliveryStreamArn: string;
  region: string;
  /** The processor's BufferSizeInMBs, in bytes of record data per invocation. */
  invocationBytes: number;
  numberOfRetries: number;
  retryDelayMs: number;
  timeoutMs: number;
  faults: FaultInjector;
  now: () => number;
  log: Logger;
}

export type RecordOutcome = { kind: 'ok'; data: Buffer } | { kind: 'dropped' } | { kind: 'failed'; failure: RecordFailure };

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Splits records into invocations: within the buffer hint and the request limit, at least one record each. */
export function invocationBatches(records: readonly StoredRecord[], context: Pick<TransformationContext, 'invocationBytes' | 'deliveryStreamArn' | 'region'>): StoredRecord[][] {
  const envelope = JSON.stringify({ invocationId: randomUUID(), deliveryStreamArn: context.deliveryStreamArn, region: context.region, records: [] }).length;
  const batches: StoredRecord[][] = [];
  let batch: StoredRecord[] = [];
  let dataBytes = 0;
  let requestBytes = envelope;
  for (const record of records) {
    const entryBytes = JSON.stringify({ recordId: record.recordId, approximateArrivalTimestamp: record.arrival, data: '' }).length + base64Length(record.data.length) + 1;
    if (batch.length > 0 && (dataBytes + record.data.length > context.invocationBytes || requestBytes + entryBytes > firehoseLimits.maxTransformationRequestBytes)) {
      batches.push(batch);
      batch = [];
      dataBytes = 0;
      requestBytes = envelope;
    }
    batch.push(record);
    dataBytes += record.data.length;
    requestBytes += entryBytes;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

async function invokeOnce(transform: FirehoseTransform, event: FirehoseTransformationEvent, timeoutMs: number): Promise<{ answer: unknown } | { error: InvocationError }> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = Symbol('timed out');
  try {
    const answer = await Promise.race([
      Promise.resolve().then(() => transform(event)),
      new Promise<typeof timedOut>((resolve) => {
        timer = setTimeout(() => resolve(timedOut), timeoutMs);
      }),
    ]);
    if (answer === timedOut) return { error: { ...lambdaErrors.timedOut, detail: `no answer within ${timeoutMs} ms` } };
    return { answer };
  } catch (error) {
    return { error: { ...lambdaErrors.functionError, detail: `the handler threw: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}` } };
  } finally {
    clearTimeout(timer);
  }
}

async function runInvocation(records: StoredRecord[], context: TransformationContext, transform: FirehoseTransform): Promise<RecordOutcome[]> {
  const recordIds = records.map((record) => record.recordId);
  for (let attempt = 1; ; attempt += 1) {
    let error: InvocationError;
    if (context.faults.failInvocation()) {
      error = { ...lambdaErrors.invokeLimitExceeded, detail: 'injected transformation failure' };
    } else {
      // A fresh event per attempt: a handler may mutate what it receives.
      const event: FirehoseTransformationEvent = {
        invocationId: randomUUID(),
        deliveryStreamArn: context.deliveryStreamArn,
        region: context.region,
        records: records.map((record) => ({ recordId: record.recordId, approximateArrivalTimestamp: record.arrival, data: record.data.toString('base64') })),
      };
      const invoked = await invokeOnce(transform, event, context.timeoutMs);
      const checked = 'error' in invoked ? { ok: false as const, error: invoked.error } : checkAnswer(invoked.answer, recordIds);
      if (checked.ok) return records.map((record) => outcomeOf(checked.results.get(record.recordId) as RecordResult, attempt, context.now()));
      error = checked.error;
    }
    const last = attempt > context.numberOfRetries;
    context.log({
      level: last ? 'error' : 'warn',
      stream: context.streamName,
      message: `transformation of ${records.length} record(s) failed (attempt ${attempt} of ${context.numberOfRetries + 1}): ${error.errorCode}: ${error.detail}${last ? '; the records go to processing-failed' : ''}`,
    });
    if (last) {
      const failure: RecordFailure = { errorCode: error.errorCode, errorMessage: error.errorMessage, attemptsMade: attempt, attemptEndingTimestamp: context.now() };
      return records.map(() => ({ kind: 'failed', failure }));
    }
    await sleep(context.retryDelayMs);
  }
}

function outcomeOf(result: RecordResult, attempt: number, now: number): RecordOutcome {
  if (result.result === 'Ok') return { kind: 'ok', data: result.data };
  if (result.result === 'Dropped') return { kind: 'dropped' };
  return { kind: 'failed', failure: { ...lambdaErrors.processingFailedStatus, attemptsMade: attempt, attemptEndingTimestamp: now } };
}

/** The outcome of every record, in order. Without a handler every record is delivered as it came. */
export async function transformRecords(records: readonly StoredRecord[], context: TransformationContext): Promise<RecordOutcome[]> {
  const transform = context.transform;
  if (transform === undefined) return records.map((record) => ({ kind: 'ok', data: record.data }));
  const outcomes: RecordOutcome[] = [];
  for (const batch of invocationBatches(records, context)) outcomes.push(...(await runInvocation(batch, context, transform)));
  return outcomes;
}
