// The pure core: one Firehose record (or the raw text of some events) in, its result and data out. No clock, no
// randomness, no AWS: the same input always gives byte-identical output.
import { compileDomain } from './compile-domain.js';
import { decodeBase64Into, ScratchBuffer } from './base64.js';
import { failureRules } from './constants.js';
import { processEvent, type EventContext } from './event-processor.js';
import { FactWriter } from './fact-writer.js';
import { IssueCollector } from './issues.js';
import { resolveTransformerOptions, type ResolvedTransformerOptions, type TransformerOptions } from './options.js';
import { decodeUtf8, forEachLine } from './record-text.js';
import { errorText, quote } from './quote.js';
import { parseArrivalTimestamp } from './timestamps.js';
import type { EventsOutcome, FirehoseInputRecord, RecordOutcome, TransformIssue } from './types.js';

/** Per-call context of `transformEvents`. */
export interface TransformEventsContext {
  /** `recorded_at` of every fact: an ISO 8601 timestamp or epoch milliseconds (a re-derivation passes its run's time). */
  recordedAt: string | number;
  /** The entity the events must belong to (the delivery stream's); omit to accept every entity. */
  expectedEntity?: string;
}

/** A transformer bound to one domain. */
export interface Transformer {
  readonly options: ResolvedTransformerOptions;
  /** Transforms newline-delimited event envelopes (raw bytes or text) into fact lines. */
  transformEvents(input: Uint8Array | string, context: TransformEventsContext): EventsOutcome;
  /** Transforms one Firehose record: base64 `data`, `recorded_at` from `approximateArrivalTimestamp`. */
  transformRecord(record: FirehoseInputRecord, context?: { expectedEntity?: string }): RecordOutcome;
}

/**
 * Creates a transformer for a domain. Throws `TransformerError` (`INVALID_DOMAIN`, `INVALID_OPTIONS`) when the domain or
 * an option is malformed; never throws for bad data.
 *
 * @example
 * import { domain } from '@factline/events';
 * const transformer = createTransformer({ domain });
 * const outcome = transformer.transformRecord({ recordId: '1', approximateArrivalTimestamp: 1777629601234, data });
 * if (outcome.result === 'Ok') console.log(Buffer.from(outcome.data, 'base64').toString());
 */
export function createTransformer(options: TransformerOptions): Transformer {
  const resolved = resolveTransformerOptions(options);
  const domain = compileDomain(resolved.domain);
  const scratch = new ScratchBuffer();
  const writer = new FactWriter();

  /** Transforms the events of `text`; when every one is valid, their fact lines are the writer's record. */
  function transformText(text: string, recordedAt: string, expectedEntity: string | undefined): EventsOutcome {
    writer.beginRecord(recordedAt);
    const issues = new IssueCollector(resolved.maxIssuesPerRecord);
    const context: EventContext = { recordedAt, expectedEntity, validateDeclaredFacts: resolved.validateDeclaredFacts, factCount: 0, writer };
    let failedEvents = 0;
    const events = forEachLine(text, (line, index) => {
      const before = issues.size;
      // Once an event failed, the record fails whole: the others are only checked, for their issues.
      if (!processEvent(domain, line, index, context, issues)) {
        failedEvents += 1;
        if (issues.size === before) issues.add({ index, pointer: '', rule: failureRules.internalError, message: 'the event failed without an issue' });
      }
    });
    if (failedEvents === 0) return { ok: true, facts: '', events, factCount: context.factCount, failedEvents: 0, issues: [], issueCounts: {} };
    writer.discardRecord();
    // One pretty-printed envelope spans several lines; read the record whole before calling its lines bad JSON.
    if (events > 1 && issues.counts[failureRules.json] !== undefined && isJsonObject(text)) {
      const whole: EventContext = { ...context, factCount: 0 };
      if (processEvent(domain, text, 0, whole, new IssueCollector(1))) {
        return { ok: true, facts: '', events: 1, factCount: whole.factCount, failedEvents: 0, issues: [], issueCounts: {} };
      }
      writer.discardRecord();
    }
    return { ok: false, facts: '', events, factCount: 0, failedEvents, issues: issues.list(), issueCounts: issues.counts };
  }

  function transformEvents(input: Uint8Array | string, context: TransformEventsContext): EventsOutcome {
    const recordedAt = parseArrivalTimestamp(context.recordedAt);
    const text = typeof input === 'string' ? input : decodeUtf8(input);
    if (recordedAt === undefined) return failedEvents({ pointer: '', rule: failureRules.arrivalTimestamp, message: `recorded_at cannot be read from ${quote(context.recordedAt)}` });
    if (text === undefined) return failedEvents({ pointer: '', rule: failureRules.utf8, message: 'the events are not valid UTF-8' });
    writer.clear();
    const outcome = transformText(text, recordedAt, context.expectedEntity);
    if (outcome.ok) outcome.facts = writer.toText(writer.recordStart, writer.length);
    return outcome;
  }

  function transformRecord(record: FirehoseInputRecord, context: { expectedEntity?: string } = {}): RecordOutcome {
    writer.clear();
    const data: unknown = record?.data;
    if (typeof data !== 'string') return failedRecord('', 0, { pointer: '/data', rule: failureRules.base64, message: 'the record has no data string' });
    const decoded = decodeBase64Into(data, scratch);
    if (decoded === undefined) {
      // Firehose never sends this; return the text as received so the error output still holds it.
      const received = Buffer.from(data, 'utf8');
      return failedRecord(received.toString('base64'), received.length, { pointer: '/data', rule: failureRules.base64, message: 'data is not padded standard base64 (RFC 4648 §4)' });
    }
    const inputBytes = decoded.length;
    // A failed record answers with its own data: valid base64 of the original bytes.
    const fail = (issue: TransformIssue) => failedRecord(data, inputBytes, issue);
    const arrival = record.approximateArrivalTimestamp;
    const recordedAt = parseArrivalTimestamp(arrival) ?? parseArrivalTimestamp(record.kinesisRecordMetadata?.approximateArrivalTimestamp);
    if (recordedAt === undefined) {
      return fail({ pointer: '/approximateArrivalTimestamp', rule: failureRules.arrivalTimestamp, message: `recorded_at cannot be read from ${quote(arrival)}` });
    }
    const text = decodeUtf8(decoded.buffer.subarray(0, inputBytes));
    if (text === undefined) return fail({ pointer: '/data', rule: failureRules.utf8, message: 'the record is not valid UTF-8' });
    let outcome: EventsOutcome;
    try {
      outcome = transformText(text, recordedAt, context.expectedEntity);
    } catch (error) {
      // A bug, not bad data: keep the record for replay instead of failing the whole batch.
      writer.discardRecord();
      return fail({ pointer: '', rule: failureRules.internalError, message: `the transformer failed on this record: ${errorText(error)}` });
    }
    const { events, factCount, failedEvents, issues, issueCounts } = outcome;
    // A literal rather than a spread of the counts: this runs for every record.
    if (!outcome.ok) return { result: 'ProcessingFailed', data, outputBytes: inputBytes, inputBytes, events, factCount, failedEvents, issues, issueCounts };
    if (factCount === 0) return { result: 'Dropped', data: '', outputBytes: 0, inputBytes, events, factCount, failedEvents, issues, issueCounts };
    const output = writer.toBase64(writer.recordStart, writer.length);
    return { result: 'Ok', data: output, outputBytes: writer.length - writer.recordStart, inputBytes, events, factCount, failedEvents, issues, issueCounts };
  }

  return { options: resolved, transformEvents, transformRecord };
}

function failedEvents(issue: TransformIssue): EventsOutcome {
  return { ok: false, facts: '', events: 0, factCount: 0, failedEvents: 0, issues: [issue], issueCounts: { [issue.rule]: 1 } };
}

function failedRecord(data: string, bytes: number, issue: TransformIssue): RecordOutcome {
  return { result: 'ProcessingFailed', data, outputBytes: bytes, inputBytes: bytes, events: 0, factCount: 0, failedEvents: 0, issues: [issue], issueCounts: { [issue.rule]: 1 } };
}

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  } catch {
    return false;
  }
}
