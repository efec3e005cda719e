// Errors of the local pipeline that a person can act on (a folder in use, no warehouse yet); the commands turn them
// into a message and exit code 1.

/**
 * The stable codes of `PipelineError`.
 *
 * @example
 * if (error instanceof PipelineError && error.code === PipelineErrorCode.WarehouseBusy) console.error(error.message);
 */
export const PipelineErrorCode = {
  /** Another process holds the DuckDB file (DuckDB allows one process at a time). */
  WarehouseBusy: 'WAREHOUSE_BUSY',
  /** There is no local warehouse file yet. */
  WarehouseMissing: 'WAREHOUSE_MISSING',
  /** A local stack is running on the data folder. */
  DataDirInUse: 'DATA_DIR_IN_USE',
  /** The data folder holds data the demo did not create; the demo will not delete it without `--reset`. */
  DataDirNotDemo: 'DATA_DIR_NOT_DEMO',
  /** A generated file the pipeline needs is missing (run `pnpm factline generate`). */
  GeneratedFileMissing: 'GENERATED_FILE_MISSING',
} as const;

export type PipelineErrorCode = (typeof PipelineErrorCode)[keyof typeof PipelineErrorCode];

/**
 * A problem with the local setup, with a message that says what to do.
 *
 * @example
 * throw new PipelineError(PipelineErrorCode.WarehouseMissing, 'No local warehouse at .factline/warehouse.duckdb: run `pnpm demo` first.', { subject: '.factline/warehouse.duckdb' });
 */
export class PipelineError extends Error {
  readonly code: PipelineErrorCode;
  /** The file or folder it is about. */
  readonly subject: string | undefined;

  constructor(code: PipelineErrorCode, message: string, options: { subject?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PipelineError';
    this.code = code;
    this.subject = options.subject;
  }
}
