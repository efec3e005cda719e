// Errors with a stable `code`, a `cause`, and what a person needs to act: the entity, the object key, the generation.

/**
 * The stable codes of `RecoveryError`.
 *
 * @example
 * if (error instanceof RecoveryError && error.code === RecoveryErrorCode.recordedAtTooEarly) console.error(error.message);
 */
export const RecoveryErrorCode = {
  /** An option is missing or cannot work (an unparseable time, an empty range, an unknown entity). */
  invalidOptions: 'INVALID_OPTIONS',
  /** The re-derivation's recorded_at is not later than every fact it replaces, so views would keep the old facts. */
  recordedAtTooEarly: 'RECORDED_AT_TOO_EARLY',
  /** A generation with the same id but other settings exists, or a later generation covers the same range. */
  generationConflict: 'GENERATION_CONFLICT',
  /** A generation manifest in the bucket is not what factline writes. */
  manifestInvalid: 'MANIFEST_INVALID',
  /** An object of the master dataset cannot be read (not gzip though it says so, not UTF-8). */
  objectUnreadable: 'OBJECT_UNREADABLE',
} as const;
export type RecoveryErrorCode = (typeof RecoveryErrorCode)[keyof typeof RecoveryErrorCode];

/**
 * An error of recompute, replay or re-derive. Only faults and options that cannot work throw; bad events are reported.
 *
 * @example
 * try { await rederive(options); } catch (error) { if (error instanceof RecoveryError) console.error(error.code, error.key ?? '', error.message); }
 */
export class RecoveryError extends Error {
  readonly code: RecoveryErrorCode;
  readonly entity: string | undefined;
  readonly key: string | undefined;

  constructor(code: RecoveryErrorCode, message: string, context: { entity?: string; key?: string; cause?: unknown } = {}) {
    super(message, context.cause === undefined ? undefined : { cause: context.cause });
    this.name = 'RecoveryError';
    this.code = code;
    this.entity = context.entity;
    this.key = context.key;
  }
}
