// The Lambda entry (nodejs22.x, handler `index.handler` in the bundle). Configuration is read once, at cold start:
// an invalid environment fails the init with one error that lists every problem.
import { loadConfig } from './env.js';
import { createLambdaHandler } from './lambda.js';

/**
 * The Firehose data-transformation handler.
 *
 * @example
 * // infra: lambda.Code.fromAsset('apps/transformer-lambda/dist/bundle'), handler: 'index.handler'
 * const response = await handler(firehoseEvent, context);
 */
export const handler = createLambdaHandler(loadConfig(process.env));
