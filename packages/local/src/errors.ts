// Errors of the local stack: infrastructure faults of the emulator itself (bad options, the data folder in use,
// unreadable state). Bad records and failing transformations are never errors: they become Firehose answers and
// processing-failed objects.

/**
 * The stable codes of `LocalStackError`.
 *
 * @example
 * if (error instanceof LocalStackError && error.code === LocalStackErrorCode.DataDirLocked) console.error(error.message);
 */
export const LocalStackErrorCode = {
  /** An option is out of range or inconsistent (see the message). */
  InvalidOptions: 'INVALID_OPTIONS',
  /** Another running emulator holds the data folder. */
  DataDirLocked: 'DATA_DIR_LOCKED',
  /** The write-ahead log or a delivery plan on disk cannot be read. */
  CorruptState: 'CORRUPT_STATE',
  /** The HTTP server could not listen (port in use, permission). */
  ListenFailed: 'LISTEN_FAILED',
  /** The emulator was used after `close()`. */
  Closed: 'CLOSED',
} as const;

export type LocalStackErrorCode = (typeof LocalStackErrorCode)[keyof typeof LocalStackErrorCode];

/**
 * A failure of the local stack itself.
 *
 * @example
 * try {
 *   await startFirehoseEmulator({ streams, port: 4573 });
 * } catch (error) {
 *   if (error instanceof LocalStackError && error.code === 'LISTEN_FAILED') console.error('port 4573 is taken: use --port 0');
 *   else throw error;
 * }
 */
export class LocalStackError extends Error {
  readonly code: LocalStackErrorCode;
  /** The file, folder or option the error is about. */
  readonly subject: string | undefined;

  constructor(code: LocalStackErrorCode, message: string, options: { subject?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'LocalStackError';
    this.code = code;
    this.subject = options.subject;
  }
}
