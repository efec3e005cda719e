// One Firehose transformation event in, the response out: every recordId exactly once, valid base64, and a response
// that fits the Lambda limit even when the facts are several times larger than the events they come from.
import { SummaryBuilder, type BatchSummary } from './batch-summary.js';
import { failureRules } from './constants.js';
import { TransformerError, TransformerErrorCode } from './errors.js';
import { resolveHandlerOptions, type HandlerOptions, type ResolvedHandlerOptions } from './options.js';
import type { FirehoseInputRecord, FirehoseOutputRecord, FirehoseTransformationResponse, RecordOutcome } from './types.js';

/** The response and what the batch did. */
export interface BatchResult {
  response: FirehoseTransformationResponse;
  summary: BatchSummary;
}

// JSON.stringify({ recordId, result, data }) is `{"recordId":` + id + `,"result":"` + result + `","data":"` + data + `"}`.
const entryOverhead = '{"recordId":,"result":"","data":""}'.length;
const emptyResponse = '{"records":[]}'.length;

/**
 * Transforms a whole Firehose transformation event. Pure (no logging, no clock): `createHandler` adds the log line.
 * Throws `TransformerError` only when the event cannot be answered at all (`INVALID_FIREHOSE_EVENT`,
 * `RESPONSE_TOO_LARGE`); then Firehose retries and finally sends the whole batch to its error output.
 *
 * @example
 * const { response, summary } = transformBatch(event, { transformer: createTransformer({ domain }) });
 */
export function transformBatch(event: unknown, options: HandlerOptions): BatchResult {
  return runBatch(event, resolveHandlerOptions(options));
}

/** `transformBatch` with options already resolved (the handler resolves them once). */
export function runBatch(event: unknown, options: ResolvedHandlerOptions): BatchResult {
  const records = checkEvent(event);
  const arn = (event as { deliveryStreamArn?: unknown }).deliveryStreamArn;
  const expectedEntity = typeof arn === 'string' ? options.streamEntities.get(arn.slice(arn.lastIndexOf('/') + 1)) : undefined;
  const summary = new SummaryBuilder(event as object, expectedEntity, options.logSamples);
  const context = expectedEntity === undefined ? {} : { expectedEntity };

  // Transform every record once; a repeated recordId is the same record to Firehose, so it is answered once.
  const seen = new Set<string>();
  const answers: { record: FirehoseInputRecord; outcome: RecordOutcome; idBytes: number }[] = [];
  for (const record of records) {
    summary.summary.records += 1;
    if (seen.has(record.recordId)) {
      summary.summary.duplicateRecordIds += 1;
      continue;
    }
    seen.add(record.recordId);
    const outcome = options.transformer.transformRecord(record, context);
    answers.push({ record, outcome, idBytes: jsonBytes(record.recordId) });
  }

  // Size guard. A failed record echoes its input, so the answer with every record failed is no larger than the
  // request; Ok records whose facts do not fit are turned into such failures, first come first served.
  const size = (a: (typeof answers)[number], result: string, data: string) => entryOverhead + a.idBytes + result.length + data.length;
  const fallback = answers.map((a) => (a.outcome.result === 'Ok' ? size(a, 'ProcessingFailed', a.record.data) : size(a, a.outcome.result, a.outcome.data)));
  const wanted = answers.map((a, i) => (a.outcome.result === 'Ok' ? size(a, 'Ok', a.outcome.data) : (fallback[i] as number)));
  const keep = answers.map((_, i) => (wanted[i] as number) <= (fallback[i] as number));
  let total = emptyResponse + Math.max(0, answers.length - 1) + answers.reduce((sum, _, i) => sum + ((keep[i] ? wanted[i] : fallback[i]) as number), 0);
  if (total > options.maxResponseBytes) {
    throw new TransformerError(
      TransformerErrorCode.ResponseTooLarge,
      `The response would be ${total} bytes even with every record answered ProcessingFailed (limit ${options.maxResponseBytes}); lower the processor's BufferSizeInMBs.`,
    );
  }
  answers.forEach((_, i) => {
    if (keep[i]) return;
    const extra = (wanted[i] as number) - (fallback[i] as number);
    if (total + extra <= options.maxResponseBytes) {
      keep[i] = true;
      total += extra;
    }
  });

  const out: FirehoseOutputRecord[] = answers.map(({ record, outcome }, i) => {
    const s = summary.summary;
    s.events += outcome.events;
    s.inputBytes += outcome.inputBytes;
    if (outcome.result === 'Ok' && !keep[i]) {
      s.oversizeRecords += 1;
      s.results.ProcessingFailed += 1;
      const message = `the record's ${outcome.factCount} facts (${outcome.outputBytes} bytes) did not fit in the response with the rest of the batch; replay it`;
      summary.addIssues(record.recordId, [{ pointer: '', rule: failureRules.responseSize, message }], { [failureRules.responseSize]: 1 });
      // Known to be valid base64: it decoded strictly.
      return { recordId: record.recordId, result: 'ProcessingFailed', data: record.data };
    }
    s.results[outcome.result] += 1;
    s.failedEvents += outcome.failedEvents;
    s.facts += outcome.factCount;
    if (outcome.result === 'Ok') s.outputBytes += outcome.outputBytes;
    if (outcome.result === 'ProcessingFailed') summary.addIssues(record.recordId, outcome.issues, outcome.issueCounts);
    return { recordId: record.recordId, result: outcome.result, data: outcome.data };
  });
  return { response: { records: out }, summary: summary.finish(total) };
}

// Printable ASCII but `"` and `\`: the JSON of such a string is the string in quotes.
const plainAscii = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** Bytes of `text` as a JSON string. */
function jsonBytes(text: string): number {
  return plainAscii.test(text) ? text.length + 2 : Buffer.byteLength(JSON.stringify(text));
}

function checkEvent(event: unknown): FirehoseInputRecord[] {
  const records = event !== null && typeof event === 'object' ? (event as { records?: unknown }).records : undefined;
  if (!Array.isArray(records)) {
    throw new TransformerError(TransformerErrorCode.InvalidFirehoseEvent, 'The Lambda input is not a Firehose transformation event: it has no records array.', { pointer: '/records' });
  }
  records.forEach((record: unknown, i) => {
    const id = record !== null && typeof record === 'object' ? (record as { recordId?: unknown }).recordId : undefined;
    if (typeof id !== 'string' || id === '') {
      // A record without an id cannot be answered, and leaving it out is a contract violation: refuse the batch.
      throw new TransformerError(TransformerErrorCode.InvalidFirehoseEvent, `Record ${i} of the Firehose event has no recordId string, so it cannot be answered.`, { pointer: `/records/${i}/recordId` });
    }
  });
  return records as FirehoseInputRecord[];
}
