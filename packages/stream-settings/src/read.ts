// Reading the stream settings: validated once, with errors that name the file and the JSON Pointer.
import { readFile } from 'node:fs/promises';
import { Ajv } from 'ajv';
import { streamSettingsFileSchema } from './schema.js';
import { bucketNamePlaceholder, type StreamSettings, type StreamSettingsFile } from './types.js';

export interface StreamSettingsIssue {
  pointer: string;
  message: string;
}

export type ParseStreamSettingsResult = { ok: true; settings: StreamSettingsFile } | { ok: false; issues: StreamSettingsIssue[] };

const validate = new Ajv({ allErrors: true }).compile(streamSettingsFileSchema);

/** Validates parsed JSON as a stream settings file. */
export function parseStreamSettings(input: unknown): ParseStreamSettingsResult {
  if (validate(input)) return { ok: true, settings: input as unknown as StreamSettingsFile };
  return { ok: false, issues: (validate.errors ?? []).map((e) => ({ pointer: e.instancePath, message: `${e.instancePath || 'the file'} ${e.message ?? 'is invalid'}` })) };
}

export class StreamSettingsError extends Error {
  readonly code = 'STREAM_SETTINGS_INVALID';
  constructor(
    readonly file: string,
    readonly issues: StreamSettingsIssue[],
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${issues.map((i) => i.message).join('; ')} (regenerate it with \`pnpm factline generate\`)`, options);
    this.name = 'StreamSettingsError';
  }
}

/**
 * Reads and validates `generated/stream-settings.json`.
 *
 * @example
 * const settings = await readStreamSettings('generated/stream-settings.json');
 */
export async function readStreamSettings(file: string): Promise<StreamSettingsFile> {
  let input: unknown;
  try {
    input = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new StreamSettingsError(file, [{ pointer: '', message: `cannot be read as JSON: ${(error as Error).message}` }], { cause: error });
  }
  const result = parseStreamSettings(input);
  if (!result.ok) throw new StreamSettingsError(file, result.issues);
  return result.settings;
}

/** The COPY options of a stream with the real bucket name in place of `${BucketName}`. */
export function renderCopyOptions(stream: StreamSettings, bucketName: string): string {
  return stream.redshift.copyCommand.copyOptions.split(bucketNamePlaceholder).join(bucketName);
}

/** The stream that carries an event type, or undefined. */
export function streamForEventType(settings: StreamSettingsFile, eventType: string): StreamSettings | undefined {
  return settings.streams.find((s) => s.eventTypes.includes(eventType));
}
