// The transformer logs one structured line per batch. Any logger with these methods will do; the default is the
// Powertools Logger, which writes JSON lines to stdout where CloudWatch Logs picks them up.
import { Logger } from '@aws-lambda-powertools/logger';
import { transformerDefaults } from './constants.js';

/**
 * The logger the handler writes to: structurally the Powertools `Logger`.
 *
 * @example
 * const lines: unknown[] = [];
 * const logger: TransformerLogger = { info: (m, ...a) => lines.push([m, ...a]), warn: () => {}, error: () => {} };
 */
export interface TransformerLogger {
  info(message: string, ...attributes: Record<string, unknown>[]): void;
  warn(message: string, ...attributes: Record<string, unknown>[]): void;
  error(message: string, ...attributes: Record<string, unknown>[]): void;
}

/**
 * The default logger: Powertools, service `factline-transformer` (Powertools reads its own level from
 * `POWERTOOLS_LOG_LEVEL`).
 *
 * @example
 * const logger = createDefaultLogger();
 */
export function createDefaultLogger(): TransformerLogger {
  return new Logger({ serviceName: transformerDefaults.serviceName });
}
