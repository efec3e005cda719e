// Options of the transformer and the handler, with their defaults resolved in one place.
import type { RuntimeDomain } from '@factline/events';
import { firehoseTransformLimits, transformerDefaults } from './constants.js';
import { TransformerError, TransformerErrorCode } from './errors.js';
import type { TransformerLogger } from './logger.js';
import type { Transformer } from './transformer.js';

/**
 * Options of `createTransformer`.
 *
 * @example
 * const options: TransformerOptions = { domain, validateDeclaredFacts: false };
 */
export interface TransformerOptions {
  /** The runtime domain: `import { domain } from '@factline/events'`, or a hand-built one in tests. */
  domain: RuntimeDomain;
  /**
   * Validate the facts of declared mappings against the fact schemas too. The catalog already proves at generation
   * time that every declared mapping fits its fact schema; this re-check guards against a stale or hand-built domain.
   * Default `true`. Constants (checked when the domain is compiled) and values the domain marks `provenByPayload`
   * (the payload schema there is the fact schema) are never validated twice. Typed mappers' facts are always
   * validated.
   */
  validateDeclaredFacts?: boolean;
  /** Issues kept in full per failed record (the rest are counted). Default 100. */
  maxIssuesPerRecord?: number;
}

/** The transformer options with every default applied. */
export interface ResolvedTransformerOptions {
  domain: RuntimeDomain;
  validateDeclaredFacts: boolean;
  maxIssuesPerRecord: number;
}

/**
 * Options of `createHandler` (and `transformBatch`).
 *
 * @example
 * createHandler({ transformer, logger, streamEntities: { 'factline-booking': 'booking' } });
 */
export interface HandlerOptions {
  transformer: Transformer;
  /** Where the one log line per batch goes. Default: a Powertools Logger with service name `factline-transformer`. */
  logger?: TransformerLogger;
  /** The response budget in bytes of JSON. Default 6,000,000; at most 6 MiB (Infinity only outside Lambda). */
  maxResponseBytes?: number;
  /**
   * The entity each delivery stream carries, by stream name. When the stream of a batch is listed, events of any other
   * entity fail (`entity-mismatch`) instead of landing in the wrong fact table. Default: no check.
   */
  streamEntities?: Readonly<Record<string, string>>;
  /** How many failures the batch log line quotes in full. Default 10. */
  logSamples?: number;
}

/** The handler options with every default applied. */
export interface ResolvedHandlerOptions {
  transformer: Transformer;
  logger: TransformerLogger | undefined;
  maxResponseBytes: number;
  streamEntities: ReadonlyMap<string, string>;
  logSamples: number;
}

/**
 * Applies the defaults and checks every option; throws `TransformerError` (`INVALID_OPTIONS`).
 *
 * @example
 * resolveTransformerOptions({ domain }).maxIssuesPerRecord; // 100
 */
export function resolveTransformerOptions(options: TransformerOptions): ResolvedTransformerOptions {
  if (options === null || typeof options !== 'object') invalid('options', 'createTransformer needs an options object ({ domain })');
  const validateDeclaredFacts = options.validateDeclaredFacts ?? transformerDefaults.validateDeclaredFacts;
  if (typeof validateDeclaredFacts !== 'boolean') invalid('validateDeclaredFacts', 'must be a boolean');
  return {
    domain: options.domain,
    validateDeclaredFacts,
    maxIssuesPerRecord: positiveInteger('maxIssuesPerRecord', options.maxIssuesPerRecord ?? transformerDefaults.maxIssuesPerRecord),
  };
}

/**
 * Applies the defaults and checks every option; throws `TransformerError` (`INVALID_OPTIONS`).
 *
 * @example
 * resolveHandlerOptions({ transformer }).maxResponseBytes; // 6000000
 */
export function resolveHandlerOptions(options: HandlerOptions): ResolvedHandlerOptions {
  if (options === null || typeof options !== 'object') invalid('options', 'createHandler needs an options object ({ transformer })');
  if (typeof options.transformer?.transformRecord !== 'function') invalid('transformer', 'must come from createTransformer');
  const maxResponseBytes = options.maxResponseBytes ?? transformerDefaults.maxResponseBytes;
  if (typeof maxResponseBytes !== 'number' || !(maxResponseBytes >= 14)) invalid('maxResponseBytes', 'must be a number of bytes (at least 14, the empty response)');
  if (Number.isFinite(maxResponseBytes) && maxResponseBytes > firehoseTransformLimits.hardMaxResponseBytes) {
    invalid('maxResponseBytes', `must not exceed ${firehoseTransformLimits.hardMaxResponseBytes} (6 MiB, the Lambda response limit)`);
  }
  const streamEntities = new Map<string, string>();
  for (const [stream, entity] of Object.entries(options.streamEntities ?? {})) {
    if (typeof entity !== 'string' || entity === '') invalid(`streamEntities/${stream}`, 'must name an entity');
    streamEntities.set(stream, entity);
  }
  return {
    transformer: options.transformer,
    logger: options.logger,
    maxResponseBytes,
    streamEntities,
    logSamples: nonNegativeInteger('logSamples', options.logSamples ?? transformerDefaults.logSamples),
  };
}

function positiveInteger(name: string, value: unknown): number {
  if (!Number.isSafeInteger(value) || (value as number) < 1) invalid(name, `must be a positive integer (got ${JSON.stringify(value)})`);
  return value as number;
}

function nonNegativeInteger(name: string, value: unknown): number {
  if (!Number.isSafeInteger(value) || (value as number) < 0) invalid(name, `must be an integer ≥ 0 (got ${JSON.stringify(value)})`);
  return value as number;
}

function invalid(name: string, message: string): never {
  throw new TransformerError(TransformerErrorCode.InvalidOptions, `Invalid option ${name}: ${message}.`, { key: name, pointer: `/${name}` });
}
