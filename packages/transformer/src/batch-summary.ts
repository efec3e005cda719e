// The per-batch numbers the handler logs in one line: results, events, facts, bytes, issues by rule, and a few
// failures quoted in full. Never one line per record.
import type { FirehoseResult, TransformIssue } from './types.js';

/** One failure quoted in the batch log. */
export interface FailureSample extends TransformIssue {
  recordId: string;
}

/**
 * What one batch did.
 *
 * @example
 * const { summary } = transformBatch(event, { transformer });
 * summary.results.ProcessingFailed; // 2
 */
export interface BatchSummary {
  invocationId: string | undefined;
  deliveryStreamArn: string | undefined;
  /** The entity checked against (from `streamEntities`), when the stream is listed. */
  expectedEntity: string | undefined;
  records: number;
  /** Input records whose `recordId` repeated an earlier one (answered once, as Firehose identifies records by id). */
  duplicateRecordIds: number;
  results: Record<FirehoseResult, number>;
  events: number;
  failedEvents: number;
  facts: number;
  /** Issues by rule (JSON Schema keyword or `failureRules` id), keys sorted. */
  issuesByRule: Record<string, number>;
  /** Records that were Ok but did not fit in the response (answered ProcessingFailed, `response-size`). */
  oversizeRecords: number;
  /** Decoded bytes in, fact bytes out (before base64), and the response's JSON size. */
  inputBytes: number;
  outputBytes: number;
  responseBytes: number;
  /** The first failures, in full. */
  samples: FailureSample[];
}

/**
 * Accumulates a `BatchSummary`.
 *
 * @example
 * const summary = new SummaryBuilder(event, 'booking', 10);
 */
export class SummaryBuilder {
  readonly summary: BatchSummary;
  private readonly counts = new Map<string, number>();

  constructor(event: { invocationId?: unknown; deliveryStreamArn?: unknown }, expectedEntity: string | undefined, private readonly maxSamples: number) {
    this.summary = {
      invocationId: typeof event.invocationId === 'string' ? event.invocationId : undefined,
      deliveryStreamArn: typeof event.deliveryStreamArn === 'string' ? event.deliveryStreamArn : undefined,
      expectedEntity,
      records: 0,
      duplicateRecordIds: 0,
      results: { Ok: 0, Dropped: 0, ProcessingFailed: 0 },
      events: 0,
      failedEvents: 0,
      facts: 0,
      issuesByRule: {},
      oversizeRecords: 0,
      inputBytes: 0,
      outputBytes: 0,
      responseBytes: 0,
      samples: [],
    };
  }

  addIssues(recordId: string, issues: readonly TransformIssue[], counts: Readonly<Record<string, number>>): void {
    for (const [rule, count] of Object.entries(counts)) this.counts.set(rule, (this.counts.get(rule) ?? 0) + count);
    for (const issue of issues) {
      if (this.summary.samples.length >= this.maxSamples) break;
      this.summary.samples.push({ recordId, ...issue });
    }
  }

  finish(responseBytes: number): BatchSummary {
    this.summary.responseBytes = responseBytes;
    this.summary.issuesByRule = Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return this.summary;
  }
}
