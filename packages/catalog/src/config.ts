// factline.config.json: the few project-wide settings. Validated once, defaults resolved here and only here.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv } from 'ajv';
import { parseJsonText } from './json/parse-json-file.js';
import type { Problem } from './problems.js';

export const configFileName = 'factline.config.json';

export interface ProjectConfig {
  /** `$id` of every schema = this + its path under `schemas/`. */
  schemaBaseUri: string;
  warehouse: {
    /** The warehouse schema (namespace) that holds fact tables and views. */
    schema: string;
  };
  streams: {
    /** Delivery stream name = prefix + entity with `_` as `-`. */
    namePrefix: string;
    compressionFormat: 'UNCOMPRESSED' | 'GZIP';
    /** S3 buffering hints of the facts destination (Firehose: 1–128 MB, 0–900 s). */
    bufferingHints: { sizeInMBs: number; intervalInSeconds: number };
    /** Lambda processor hints (Firehose: 0.2–3 MB, 0–900 s) and invocation retries. */
    processor: { bufferSizeInMBs: number; bufferIntervalInSeconds: number; numberOfRetries: number };
    /** How long Firehose keeps retrying a failed COPY (0–7200 s). */
    redshiftRetryDurationInSeconds: number;
  };
  lint: {
    /** Per-rule severity override; `off` disables a rule that is not an error by nature. */
    rules: Record<string, 'error' | 'warning' | 'info' | 'off'>;
  };
}

export const defaultConfig: ProjectConfig = {
  schemaBaseUri: 'https://schemas.factline.dev/',
  warehouse: { schema: 'factline' },
  streams: {
    namePrefix: 'factline-',
    compressionFormat: 'GZIP',
    bufferingHints: { sizeInMBs: 64, intervalInSeconds: 300 },
    // Facts are up to ~9× the bytes of the events they come from (booking.requested), and the Lambda response is
    // capped at 6 MB: 0.5 MB of events is the largest request whose facts always fit (see the transformer README).
    processor: { bufferSizeInMBs: 0.5, bufferIntervalInSeconds: 60, numberOfRetries: 3 },
    redshiftRetryDurationInSeconds: 3600,
  },
  lint: { rules: {} },
};

const configSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    schemaBaseUri: { type: 'string', pattern: '^https?://[^\\s]+/$' },
    warehouse: {
      type: 'object',
      additionalProperties: false,
      properties: { schema: { type: 'string', pattern: '^[a-z_][a-z0-9_]{0,126}$' } },
    },
    streams: {
      type: 'object',
      additionalProperties: false,
      properties: {
        namePrefix: { type: 'string', pattern: '^[a-zA-Z0-9_.-]{0,32}$' },
        compressionFormat: { enum: ['UNCOMPRESSED', 'GZIP'] },
        bufferingHints: {
          type: 'object',
          additionalProperties: false,
          required: ['sizeInMBs', 'intervalInSeconds'],
          properties: {
            sizeInMBs: { type: 'integer', minimum: 1, maximum: 128 },
            intervalInSeconds: { type: 'integer', minimum: 0, maximum: 900 },
          },
        },
        processor: {
          type: 'object',
          additionalProperties: false,
          required: ['bufferSizeInMBs', 'bufferIntervalInSeconds', 'numberOfRetries'],
          properties: {
            bufferSizeInMBs: { type: 'number', minimum: 0.2, maximum: 3 },
            bufferIntervalInSeconds: { type: 'integer', minimum: 0, maximum: 900 },
            numberOfRetries: { type: 'integer', minimum: 0, maximum: 300 },
          },
        },
        redshiftRetryDurationInSeconds: { type: 'integer', minimum: 0, maximum: 7200 },
      },
    },
    lint: {
      type: 'object',
      additionalProperties: false,
      properties: { rules: { type: 'object', additionalProperties: { enum: ['error', 'warning', 'info', 'off'] } } },
    },
  },
} as const;

const validateConfig = new Ajv({ allErrors: true, strict: true }).compile(configSchema);

export type ConfigResult = { ok: true; config: ProjectConfig } | { ok: false; problems: Problem[] };

/** Validates a parsed config object and fills in the defaults. */
export function resolveConfig(input: unknown, file = configFileName): ConfigResult {
  if (!validateConfig(input)) {
    return {
      ok: false,
      problems: (validateConfig.errors ?? []).map((e) => ({
        file,
        pointer: e.instancePath,
        rule: 'config',
        severity: 'error' as const,
        message: `${e.instancePath || 'the config'} ${e.message ?? 'is invalid'}${e.params && 'additionalProperty' in e.params ? ` ("${String(e.params.additionalProperty)}")` : ''}`,
      })),
    };
  }
  const given = input as Partial<ProjectConfig>;
  return {
    ok: true,
    config: {
      schemaBaseUri: given.schemaBaseUri ?? defaultConfig.schemaBaseUri,
      warehouse: { ...defaultConfig.warehouse, ...given.warehouse },
      streams: { ...defaultConfig.streams, ...given.streams },
      lint: { rules: { ...defaultConfig.lint.rules, ...given.lint?.rules } },
    },
  };
}

/** Reads `factline.config.json` from the project root; a missing file means all defaults. */
export async function loadProjectConfig(root: string): Promise<ConfigResult> {
  let text: string;
  try {
    text = await readFile(path.join(root, configFileName), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, config: defaultConfig };
    throw error;
  }
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    return { ok: false, problems: [{ file: configFileName, pointer: '', rule: 'invalid-json', severity: 'error', message: parsed.message, ...parsed.position }] };
  }
  return resolveConfig(parsed.json.value);
}
