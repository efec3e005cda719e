// The Firehose transformation handler: transformBatch plus one structured log line per batch.
import { runBatch } from './batch.js';
import { createDefaultLogger, type TransformerLogger } from './logger.js';
import { resolveHandlerOptions, type HandlerOptions } from './options.js';
import type { FirehoseTransformationEvent, FirehoseTransformationResponse } from './types.js';

/** A Lambda handler for Firehose data transformation. */
export type FirehoseTransformationHandler = (event: FirehoseTransformationEvent) => Promise<FirehoseTransformationResponse>;

/**
 * Creates the Lambda handler. It answers every record (Ok, Dropped or ProcessingFailed) and logs one line per batch:
 * `info` when every record is Ok or Dropped, `warn` when some failed, with counts by result and by rule. It throws only
 * when it cannot answer at all (an input that is not a Firehose event, a response that cannot fit), after an `error` line.
 *
 * @example
 * import { domain } from '@factline/events';
 * export const handler = createHandler({ transformer: createTransformer({ domain }) });
 */
export function createHandler(options: HandlerOptions): FirehoseTransformationHandler {
  const resolved = resolveHandlerOptions(options);
  let logger: TransformerLogger | undefined = resolved.logger;
  const log = () => (logger ??= createDefaultLogger());
  return async (event) => {
    try {
      const { response, summary } = runBatch(event, resolved);
      if (summary.results.ProcessingFailed > 0) log().warn('Transformed a Firehose batch; some records failed', { batch: summary });
      else log().info('Transformed a Firehose batch', { batch: summary });
      return response;
    } catch (error) {
      log().error('Could not answer the Firehose batch', { error: describeError(error), records: Array.isArray(event?.records) ? event.records.length : null });
      throw error;
    }
  };
}

function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const code = (error as { code?: unknown }).code;
  return { name: error.name, message: error.message, ...(typeof code === 'string' ? { code } : {}) };
}
