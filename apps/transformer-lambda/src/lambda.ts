// Wires the transformer to the generated sample domain, the Powertools logger and the configuration.
import { Logger } from '@aws-lambda-powertools/logger';
import { domain, eventCatalog } from '@factline/events';
import { createHandler, createTransformer, type FirehoseTransformationEvent, type FirehoseTransformationResponse, type TransformerLogger } from '@factline/transformer';
import type { Context } from 'aws-lambda';
import type { TransformerLambdaConfig } from './env.js';

/** The Lambda entry's shape: a Firehose transformation event (and the Lambda context) in, the response out. */
export type LambdaHandler = (event: FirehoseTransformationEvent, context?: Context) => Promise<FirehoseTransformationResponse>;

/**
 * Each delivery stream carries one entity: the generated event catalog names the stream of every event type, so a
 * batch from `factline-booking` may only hold booking events.
 *
 * @example
 * streamEntities()['factline-booking']; // 'booking'
 */
export function streamEntities(): Record<string, string> {
  return Object.fromEntries(Object.values(eventCatalog).map((entry) => [entry.deliveryStreamName, entry.entity]));
}

/**
 * Builds the handler for a configuration. The logger defaults to a Powertools Logger configured from it.
 *
 * @example
 * const handler = createLambdaHandler(loadConfig(process.env));
 */
export function createLambdaHandler(config: TransformerLambdaConfig, logger?: TransformerLogger & Partial<Pick<Logger, 'addContext'>>): LambdaHandler {
  const log = logger ?? new Logger({ serviceName: config.serviceName, logLevel: config.logLevel });
  const transform = createHandler({
    transformer: createTransformer({ domain, validateDeclaredFacts: config.validateDeclaredFacts }),
    logger: log,
    maxResponseBytes: config.maxResponseBytes,
    logSamples: config.logSamples,
    ...(config.checkStreamEntity ? { streamEntities: streamEntities() } : {}),
  });
  return async (event, context) => {
    // Puts the request id, function name and cold-start flag on the batch log line.
    if (context !== undefined) log.addContext?.(context);
    return transform(event);
  };
}
