// The only faults the checker throws for. Differences between schemas, even unreadable ones, are changes, not errors.

/** Stable codes of `CompatibilityError`. @example if (error.code === CompatibilityErrorCode.lookupFailed) … */
export const CompatibilityErrorCode = {
  /** The `lookup` function passed in threw. */
  lookupFailed: 'compatibility-lookup-failed',
  /** The comparison did not finish within its step budget (a hostile or pathological schema). */
  tooComplex: 'compatibility-too-complex',
} as const;
export type CompatibilityErrorCode = (typeof CompatibilityErrorCode)[keyof typeof CompatibilityErrorCode];

/**
 * Thrown by `diff` and `check` only for faults outside the schemas' content.
 *
 * @example
 * try { diff(a, b, { lookup }) } catch (error) { if (error instanceof CompatibilityError) console.error(error.code, error.message) }
 */
export class CompatibilityError extends Error {
  readonly code: CompatibilityErrorCode;
  /** The document id or pointer involved, when there is one. */
  readonly at: string | undefined;

  constructor(code: CompatibilityErrorCode, message: string, options: { at?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'CompatibilityError';
    this.code = code;
    this.at = options.at;
  }
}
