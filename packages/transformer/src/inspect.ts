// Finding and replaying what failed. Firehose writes a ProcessingFailed record to its error output as
// `{attemptsMade, arrivalTimestamp, errorCode, errorMessage, attemptEndingTimestamp, rawData, lambdaArn}` with its own
// fixed message, so the reasons are recomputed here: the transformer is a pure function of the raw bytes.
import { decodeBase64Strict } from './base64.js';
import { failureRules } from './constants.js';
import { decodeUtf8, forEachLine } from './record-text.js';
import { parseArrivalTimestamp } from './timestamps.js';
import type { Transformer } from './transformer.js';
import type { TransformIssue } from './types.js';

/** One event of a failed record: its exact text (what to re-send) and, if it fails, why. */
export interface InspectedEvent {
  index: number;
  eventId: string | undefined;
  /** The event's line, exactly as received: re-send it on its own to replay it. */
  text: string;
  ok: boolean;
  issues: TransformIssue[];
}

/** A failed record taken apart. */
export interface FailedRecordReport {
  errorCode: string | undefined;
  errorMessage: string | undefined;
  /** When Firehose received the record (UTC ISO 8601), when the error record says. */
  arrivalTimestamp: string | undefined;
  /** Problems of the record as a whole (rawData not base64 or not UTF-8); then `events` is empty. */
  issues: TransformIssue[];
  events: InspectedEvent[];
}

/**
 * Takes apart one line of Firehose's error output (`processing-failed/…`), or a bare base64 `rawData`: every event with
 * its exact text and, for the bad ones, the JSON Pointer, rule and message. Replay re-sends the events one by one
 * (good ones too: their facts carry the same fact_id as before, so views collapse any copy).
 *
 * @example
 * for (const line of errorObject.split('\n').filter(Boolean)) {
 *   const report = inspectFailedRecord(transformer, line);
 *   for (const event of report.events) if (!event.ok) console.log(event.index, event.eventId, event.issues);
 * }
 */
export function inspectFailedRecord(transformer: Transformer, errorRecord: string | Record<string, unknown>): FailedRecordReport {
  const parsed = readErrorRecord(errorRecord);
  const report: FailedRecordReport = {
    errorCode: typeof parsed['errorCode'] === 'string' ? parsed['errorCode'] : undefined,
    errorMessage: typeof parsed['errorMessage'] === 'string' ? parsed['errorMessage'] : undefined,
    arrivalTimestamp: parseArrivalTimestamp(parsed['arrivalTimestamp']),
    issues: [],
    events: [],
  };
  const bytes = typeof parsed['rawData'] === 'string' ? decodeBase64Strict(parsed['rawData']) : undefined;
  const text = bytes === undefined ? undefined : decodeUtf8(bytes);
  if (text === undefined) {
    report.issues.push(
      bytes === undefined
        ? { pointer: '/rawData', rule: failureRules.base64, message: 'rawData is missing or not padded standard base64' }
        : { pointer: '/rawData', rule: failureRules.utf8, message: 'the record is not valid UTF-8' },
    );
    return report;
  }
  // The reasons do not depend on recorded_at; the arrival time is used when known so the run is the original one.
  const recordedAt = report.arrivalTimestamp ?? '1970-01-01T00:00:00.000Z';
  const lines: string[] = [];
  forEachLine(text, (line) => lines.push(line));
  const whole = lines.length > 1 ? transformer.transformEvents(text, { recordedAt }) : undefined;
  // A pretty-printed envelope spans several lines but is one event (transformEvents reads it whole).
  const events = whole !== undefined && whole.ok && whole.events === 1 ? [text] : lines;
  report.events = events.map((line, index) => {
    const outcome = transformer.transformEvents(line, { recordedAt });
    const issues = outcome.issues.map((issue) => ({ ...issue, index }));
    const eventId = issues.find((issue) => issue.eventId !== undefined)?.eventId ?? readEventId(line);
    return { index, eventId, text: line, ok: outcome.ok, issues };
  });
  return report;
}

function readErrorRecord(errorRecord: string | Record<string, unknown>): Record<string, unknown> {
  if (typeof errorRecord !== 'string') return errorRecord;
  const trimmed = errorRecord.trim();
  if (!trimmed.startsWith('{')) return { rawData: trimmed };
  try {
    const value: unknown = JSON.parse(trimmed);
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function readEventId(line: string): string | undefined {
  try {
    const id = (JSON.parse(line) as { event_id?: unknown } | null)?.event_id;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}
