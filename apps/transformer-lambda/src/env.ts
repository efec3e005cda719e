// The Lambda's configuration, read from the environment once at cold start and validated as a whole. Only this file
// reads process.env; everything else receives the resulting object.
import { firehoseTransformLimits, transformerDefaults } from '@factline/transformer';
import { ConfigError, type EnvIssue } from './errors.js';

const logLevels = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'CRITICAL', 'SILENT'] as const;

/** What the handler needs to know. */
export interface TransformerLambdaConfig {
  /** `POWERTOOLS_SERVICE_NAME`, default `factline-transformer`. */
  serviceName: string;
  /** `POWERTOOLS_LOG_LEVEL` (or Lambda's `AWS_LAMBDA_LOG_LEVEL`), default `INFO`. */
  logLevel: (typeof logLevels)[number];
  /** `FACTLINE_MAX_RESPONSE_BYTES`, default 6,000,000, at most 6 MiB. */
  maxResponseBytes: number;
  /** `FACTLINE_VALIDATE_DECLARED_FACTS` (`true`/`false`), default `true`. */
  validateDeclaredFacts: boolean;
  /** `FACTLINE_CHECK_STREAM_ENTITY` (`true`/`false`), default `true`: events of another entity than the stream's fail. */
  checkStreamEntity: boolean;
  /** `FACTLINE_LOG_SAMPLES`, default 10: failures quoted in full in the batch log line. */
  logSamples: number;
}

/**
 * Reads and validates the configuration; returns every problem rather than the first.
 *
 * @example
 * const result = readConfig({ FACTLINE_MAX_RESPONSE_BYTES: '5000000' });
 * if (result.ok) console.log(result.config.maxResponseBytes); // 5000000
 */
export function readConfig(env: Readonly<Record<string, string | undefined>>): { ok: true; config: TransformerLambdaConfig } | { ok: false; issues: EnvIssue[] } {
  const issues: EnvIssue[] = [];
  const value = (name: string) => {
    const raw = env[name]?.trim();
    return raw === undefined || raw === '' ? undefined : raw;
  };
  const integer = (name: string, fallback: number, min: number, max: number) => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    const parsed = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
    if (Number.isSafeInteger(parsed) && parsed >= min && parsed <= max) return parsed;
    issues.push({ variable: name, message: `must be an integer from ${min} to ${max} (got "${raw}")` });
    return fallback;
  };
  const flag = (name: string, fallback: boolean) => {
    const raw = value(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (raw === 'true' || raw === 'false') return raw === 'true';
    issues.push({ variable: name, message: `must be "true" or "false" (got "${String(value(name))}")` });
    return fallback;
  };
  const levelName = value('POWERTOOLS_LOG_LEVEL') === undefined ? 'AWS_LAMBDA_LOG_LEVEL' : 'POWERTOOLS_LOG_LEVEL';
  const level = (value(levelName) ?? 'INFO').toUpperCase();
  if (!(logLevels as readonly string[]).includes(level)) issues.push({ variable: levelName, message: `must be one of ${logLevels.join(', ')} (got "${String(value(levelName))}")` });
  const serviceName = value('POWERTOOLS_SERVICE_NAME') ?? transformerDefaults.serviceName;

  const config: TransformerLambdaConfig = {
    serviceName,
    logLevel: (logLevels as readonly string[]).includes(level) ? (level as TransformerLambdaConfig['logLevel']) : 'INFO',
    maxResponseBytes: integer('FACTLINE_MAX_RESPONSE_BYTES', transformerDefaults.maxResponseBytes, 100_000, firehoseTransformLimits.hardMaxResponseBytes),
    validateDeclaredFacts: flag('FACTLINE_VALIDATE_DECLARED_FACTS', transformerDefaults.validateDeclaredFacts),
    checkStreamEntity: flag('FACTLINE_CHECK_STREAM_ENTITY', true),
    logSamples: integer('FACTLINE_LOG_SAMPLES', transformerDefaults.logSamples, 0, 1_000),
  };
  return issues.length === 0 ? { ok: true, config } : { ok: false, issues };
}

/**
 * Reads the configuration or throws one `ConfigError` listing every problem (at cold start, before any batch).
 *
 * @example
 * const config = loadConfig(process.env);
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): TransformerLambdaConfig {
  const result = readConfig(env);
  if (!result.ok) throw new ConfigError(result.issues);
  return result.config;
}
