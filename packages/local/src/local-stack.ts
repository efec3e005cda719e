// `factline local start`: the local stack in the foreground, with a banner and a graceful stop on SIGINT/SIGTERM.
import { readStreamSettings, type StreamSettings, type StreamSettingsFile } from '@factline/stream-settings';
import { startFirehoseEmulator, type FirehoseEmulator } from './emulator.js';
import type { FirehoseEmulatorOptions } from './options.js';
import type { EmulatorStatus, LogEntry } from './types.js';

/**
 * Options of `startLocalStack`: the emulator's options, with the stream settings given as the generated file.
 *
 * @example
 * const options: LocalStackOptions = { streamSettings: 'generated/stream-settings.json', port: 0, dataDir: '.factline' };
 */
export interface LocalStackOptions extends Omit<FirehoseEmulatorOptions, 'streams'> {
  /** The path of `generated/stream-settings.json`, or its content as `readStreamSettings` returns it. */
  streamSettings: string | StreamSettingsFile;
  /** Stop gracefully (delivering buffered records) on the first SIGINT or SIGTERM. Default true. */
  handleSignals?: boolean;
}

/**
 * The running local stack.
 *
 * @example
 * const stack = await startLocalStack({ streamSettings: 'generated/stream-settings.json' });
 * console.log(formatBanner(stack));
 * await stack.stopped; // until Ctrl+C
 */
export interface LocalStack {
  /** The Firehose endpoint, with the real port. */
  readonly endpoint: string;
  readonly port: number;
  readonly dataDir: string;
  readonly bucket: string;
  /** The bucket's folder, when the bucket is a folder. */
  readonly bucketDirectory: string | undefined;
  readonly streams: readonly StreamSettings[];
  /** The buffering hints in effect (settings or overrides), per delivery stream name. */
  readonly buffering: ReadonlyMap<string, { intervalInSeconds: number; sizeInMBs: number }>;
  readonly emulator: FirehoseEmulator;
  status(): EmulatorStatus;
  /** Delivers what is buffered and stops. Safe to call more than once. */
  stop(): Promise<void>;
  /** Resolves once the stack has stopped, through `stop()` or a signal. */
  readonly stopped: Promise<void>;
}

/**
 * Starts the local stack in the foreground: reads the stream settings, starts the local Firehose, and (unless
 * `handleSignals` is false) stops it on the first SIGINT or SIGTERM after delivering everything buffered. A second
 * signal ends the process at once, which loses nothing acknowledged: it is in the write-ahead log.
 *
 * @example
 * const stack = await startLocalStack({ streamSettings: 'generated/stream-settings.json', port: 0, transform, log: (entry) => console.error(formatLogEntry(entry)) });
 * console.log(formatBanner(stack));
 * await stack.stopped;
 */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const { streamSettings, handleSignals = true, ...emulatorOptions } = options;
  const settings = typeof streamSettings === 'string' ? await readStreamSettings(streamSettings) : streamSettings;
  const emulator = await startFirehoseEmulator({ ...emulatorOptions, streams: settings.streams });
  let resolveStopped: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => {
    resolveStopped = resolve;
  });
  const log = options.log ?? (() => undefined);
  const onSignal = (signal: NodeJS.Signals): void => {
    removeHandlers();
    log({ level: 'info', message: `${signal}: delivering buffered records, then stopping (send ${signal} again to quit at once)` });
    void stop();
  };
  const removeHandlers = (): void => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      removeHandlers();
      try {
        await emulator.close({ flush: true });
        log({ level: 'info', message: 'local stack stopped' });
      } finally {
        resolveStopped();
      }
    })();
    return stopping;
  };
  if (handleSignals) {
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }
  const store = emulator.objectStore as { directory?: unknown };
  return {
    endpoint: emulator.endpoint,
    port: emulator.port,
    dataDir: emulator.dataDir,
    bucket: emulator.objectStore.bucket,
    bucketDirectory: typeof store.directory === 'string' ? store.directory : undefined,
    streams: emulator.streams,
    buffering: new Map(
      settings.streams.map((stream) => [
        stream.deliveryStreamName,
        {
          intervalInSeconds: options.buffering?.intervalInSeconds ?? stream.s3.bufferingHints.intervalInSeconds,
          sizeInMBs: options.buffering?.sizeInMBs ?? stream.s3.bufferingHints.sizeInMBs,
        },
      ]),
    ),
    emulator,
    status: () => emulator.status(),
    stop,
    stopped,
  };
}

/**
 * The banner `factline local start` prints: the endpoint (with the real port), the data folder, the bucket and the
 * streams.
 *
 * @example
 * console.log(formatBanner(await startLocalStack({ streamSettings: 'generated/stream-settings.json', port: 0 })));
 */
export function formatBanner(stack: Pick<LocalStack, 'endpoint' | 'dataDir' | 'bucket' | 'bucketDirectory' | 'streams' | 'buffering'>): string {
  const width = Math.max(0, ...stack.streams.map((stream) => stream.deliveryStreamName.length));
  const lines = [
    'factline local stack',
    '',
    `  Firehose endpoint  ${stack.endpoint}`,
    `  Status             ${stack.endpoint}/_factline/status`,
    `  Data folder        ${stack.dataDir}`,
    `  Bucket             ${stack.bucket}${stack.bucketDirectory === undefined ? '' : `  (${stack.bucketDirectory})`}`,
    `  Streams            ${stack.streams.length}`,
    ...stack.streams.map((stream) => {
      const hints = stack.buffering.get(stream.deliveryStreamName) ?? stream.s3.bufferingHints;
      return `    ${stream.deliveryStreamName.padEnd(width)}  -> ${stream.s3.prefix}  (every ${hints.intervalInSeconds} s or ${hints.sizeInMBs} MiB, ${stream.s3.compressionFormat})`;
    }),
    '',
    `  Point the AWS SDK at it:  new FirehoseClient({ endpoint: '${stack.endpoint}', region: 'us-east-1' })`,
    '  Ctrl+C delivers what is buffered, then stops.',
  ];
  return lines.join('\n');
}

/**
 * One log entry as one line: time, level, stream, message, key.
 *
 * @example
 * const log = (entry: LogEntry) => process.stderr.write(`${formatLogEntry(entry)}\n`);
 */
export function formatLogEntry(entry: LogEntry, now: Date = new Date()): string {
  const stream = entry.stream === undefined ? '' : ` [${entry.stream}]`;
  const key = entry.key === undefined ? '' : ` (${entry.key})`;
  return `${now.toISOString()} ${entry.level.padEnd(5)}${stream} ${entry.message}${key}`;
}
