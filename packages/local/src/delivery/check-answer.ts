// Firehose's checks of a transformation answer (aws-contracts §2.2): every input record id exactly once, a known
// result, base64 data for `Ok`, at most 6 MB. A failed check fails the whole invocation with Firehose's error code.
import { decodeBase64 } from '../base64.js';
import { firehoseLimits } from '../constants.js';

/** Firehose's error codes and messages for failed invocations and failed records. */
export const lambdaErrors = {
  functionError: { errorCode: 'Lambda.FunctionError', errorMessage: 'The Lambda function was successfully invoked but it returned an error result.' },
  timedOut: { errorCode: 'Lambda.FunctionTimedOut', errorMessage: 'The Lambda function invocation timed out. Increase the Timeout setting in the Lambda function.' },
  invokeLimitExceeded: { errorCode: 'Lambda.InvokeLimitExceeded', errorMessage: 'The Lambda concurrent execution limit is exceeded. Increase the concurrent execution limit.' },
  jsonProcessing: {
    errorCode: 'Lambda.JsonProcessingException',
    errorMessage: 'There was an error parsing returned records from the Lambda function. Ensure that the returned records follow the status model required by Firehose.',
  },
  duplicatedRecordId: {
    errorCode: 'Lambda.DuplicatedRecordId',
    errorMessage: 'Multiple records were returned with the same record ID. Ensure that the Lambda function returns unique record IDs for each record.',
  },
  missingRecordId: {
    errorCode: 'Lambda.MissingRecordId',
    errorMessage: 'One or more record IDs were not returned. Ensure that the Lambda function returns all received record IDs.',
  },
  responseTooLarge: {
    errorCode: 'Lambda.FunctionError',
    errorMessage: `Response payload size exceeded maximum allowed payload size (${firehoseLimits.maxTransformationResponseBytes} bytes).`,
  },
  processingFailedStatus: { errorCode: 'Lambda.ProcessingFailedStatus', errorMessage: 'ProcessingFailed status set for record' },
} as const;

export interface InvocationError {
  errorCode: string;
  errorMessage: string;
  /** What exactly was wrong, for the log (Firehose's message stays generic). */
  detail: string;
}

export type RecordResult = { result: 'Ok'; data: Buffer } | { result: 'Dropped' } | { result: 'ProcessingFailed' };

export type CheckedAnswer = { ok: true; results: Map<string, RecordResult> } | { ok: false; error: InvocationError };

const fail = (kind: keyof typeof lambdaErrors, detail: string): CheckedAnswer => ({ ok: false, error: { ...lambdaErrors[kind], detail } });

/** Checks an answer against the ids of the records the invocation carried. */
export function checkAnswer(answer: unknown, recordIds: readonly string[]): CheckedAnswer {
  let bytes: number | undefined;
  try {
    bytes = serializedBytes(answer);
  } catch (error) {
    return fail('jsonProcessing', `the answer cannot be serialized to JSON: ${(error as Error).message}`);
  }
  if (bytes !== undefined && bytes > firehoseLimits.maxTransformationResponseBytes) return fail('responseTooLarge', `the answer is ${bytes} bytes of JSON`);
  const records = (answer as { records?: unknown } | null | undefined)?.records;
  if (typeof answer !== 'object' || answer === null || !Array.isArray(records)) return fail('jsonProcessing', 'the answer has no "records" array');
  const expected = new Set(recordIds);
  const results = new Map<string, RecordResult>();
  for (const [index, entry] of (records as unknown[]).entries()) {
    const { recordId, result, data } = (entry ?? {}) as { recordId?: unknown; result?: unknown; data?: unknown };
    if (typeof recordId !== 'string') return fail('jsonProcessing', `records[${index}] has no string "recordId"`);
    if (results.has(recordId)) return fail('duplicatedRecordId', `record id ${recordId} is returned more than once`);
    if (!expected.has(recordId)) return fail('missingRecordId', `records[${index}] has record id ${recordId}, which the invocation did not carry`);
    if (result === 'Dropped' || result === 'ProcessingFailed') {
      results.set(recordId, { result });
      continue;
    }
    if (result !== 'Ok') return fail('jsonProcessing', `record ${recordId} has result ${JSON.stringify(result)}; expected Ok, Dropped or ProcessingFailed`);
    const bytes = typeof data === 'string' ? decodeBase64(data) : undefined;
    if (bytes === undefined) return fail('jsonProcessing', `record ${recordId} is Ok but its "data" is ${typeof data === 'string' ? 'not valid base64' : 'missing'}`);
    results.set(recordId, { result: 'Ok', data: bytes });
  }
  const missing = recordIds.filter((recordId) => !results.has(recordId));
  if (missing.length > 0) return fail('missingRecordId', `${missing.length} record id(s) not returned, first ${missing[0]}`);
  return { ok: true, results };
}

// The answer's size as JSON text, in bytes (undefined when it has no JSON form). A base64 `data` string is JSON as
// it is, in quotes, so it is counted by its length instead of copied into the text (building the whole text took
// more than half as long as the transformer itself).
function serializedBytes(answer: unknown): number | undefined {
  let base64Characters = 0;
  const text = JSON.stringify(answer, (key, value: unknown) => {
    if (key !== 'data' || typeof value !== 'string' || decodeBase64(value) === undefined) return value;
    base64Characters += value.length;
    return '';
  });
  return text === undefined ? undefined : Buffer.byteLength(text) + base64Characters;
}
