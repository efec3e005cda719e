// The transformation the local Firehose invokes: the real Lambda handler (apps/transformer-lambda, with its default
// configuration: the stream entity check, declared facts validated), with its one log line per batch counted and,
// when records fail, passed on.
import { loadConfig, createLambdaHandler } from '@factline/transformer-lambda';
import type { FirehoseTransform, Logger } from '@factline/local';
import type { TransformerLogger } from '@factline/transformer';

/**
 * What the handler's batch log lines added up to.
 *
 * @example
 * const { invocations, facts, failedRecords } = transform.stats();
 */
export interface TransformStats {
  invocations: number;
  records: number;
  events: number;
  facts: number;
  failedRecords: number;
  /** Time spent inside the handler, ms. */
  busyMs: number;
}

/** The handler, and its counters. */
export interface LocalTransform {
  transform: FirehoseTransform;
  stats(): TransformStats;
}

interface BatchLine {
  records?: number;
  events?: number;
  facts?: number;
  results?: { ProcessingFailed?: number };
  issuesByRule?: Record<string, number>;
  deliveryStreamArn?: string;
}

/**
 * The real transformer Lambda handler for the local Firehose. `log` receives a `warn` entry for each batch with
 * failed records (they are in the stream's processing-failed folder) and an `error` entry when a batch cannot be
 * answered.
 *
 * @example
 * const local = createLocalTransform({ log: (entry) => console.error(entry.message) });
 * await startLocalStack({ streamSettings, transform: local.transform });
 */
export function createLocalTransform(options: { log?: Logger } = {}): LocalTransform {
  const log = options.log ?? (() => undefined);
  const stats: TransformStats = { invocations: 0, records: 0, events: 0, facts: 0, failedRecords: 0, busyMs: 0 };
  const count = (attributes: Record<string, unknown>[]): BatchLine => {
    const batch = (attributes.find((a) => 'batch' in a)?.['batch'] ?? {}) as BatchLine;
    stats.invocations += 1;
    stats.records += batch.records ?? 0;
    stats.events += batch.events ?? 0;
    stats.facts += batch.facts ?? 0;
    stats.failedRecords += batch.results?.ProcessingFailed ?? 0;
    return batch;
  };
  const stream = (batch: BatchLine): string | undefined => batch.deliveryStreamArn?.split('/').pop();
  const logger: TransformerLogger = {
    info: (_message, ...attributes) => void count(attributes),
    warn: (message, ...attributes) => {
      const batch = count(attributes);
      const rules = Object.entries(batch.issuesByRule ?? {}).map(([rule, n]) => `${rule} ×${n}`).join(', ');
      const where = stream(batch);
      log({ level: 'warn', ...(where === undefined ? {} : { stream: where }), message: `transformer: ${message} (${batch.results?.ProcessingFailed ?? 0} failed record(s)${rules === '' ? '' : `: ${rules}`}); they go to the processing-failed folder` });
    },
    error: (message, ...attributes) => log({ level: 'error', message: `transformer: ${message} ${JSON.stringify(attributes)}` }),
  };
  const handler = createLambdaHandler(loadConfig({}), logger);
  return {
    transform: async (event) => {
      // The local Firehose invokes the handler for a batch's invocations one after the other, each resolving at
      // once: without a turn of the event loop in between, a large batch would hold up every socket and timer of the
      // process (the Firehose API and the producer's calls) until all of it is transformed.
      await new Promise((resolve) => setImmediate(resolve));
      const started = performance.now();
      try {
        return (await handler(event)) as Awaited<ReturnType<FirehoseTransform>>;
      } finally {
        stats.busyMs += performance.now() - started;
      }
    },
    stats: () => ({ ...stats }),
  };
}
