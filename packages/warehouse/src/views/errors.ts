// The errors of deploying views and reading view files, with a stable `code` and the file or view they are about.

/**
 * The stable codes of `ViewsError`.
 *
 * @example
 * if (error instanceof ViewsError && error.code === viewsErrorCodes.dependencyCycle) console.error(error.message);
 */
export const viewsErrorCodes = {
  /** A generated view file lacks its `-- factline:view` directive or its CREATE statement. */
  fileInvalid: 'VIEW_FILE_INVALID',
  /** Two definitions have the same name. */
  duplicate: 'VIEW_DUPLICATE',
  /** Definitions depend on each other in a circle. */
  dependencyCycle: 'VIEW_DEPENDENCY_CYCLE',
  /** A view's CREATE statement failed; the views before it are deployed, the ones after it are not. */
  deployFailed: 'VIEW_DEPLOY_FAILED',
} as const;

/**
 * One of {@link viewsErrorCodes}.
 *
 * @example
 * const code: ViewsErrorCode = 'VIEW_DEPLOY_FAILED';
 */
export type ViewsErrorCode = (typeof viewsErrorCodes)[keyof typeof viewsErrorCodes];

/**
 * An error while reading or deploying views. `view` is the qualified name, `source` the file it came from.
 *
 * @example
 * try { await deployViews({ warehouse, views }); }
 * catch (error) { if (error instanceof ViewsError) console.error(error.code, error.source, error.message); }
 */
export class ViewsError extends Error {
  readonly code: ViewsErrorCode;
  readonly view: string | undefined;
  readonly source: string | undefined;

  constructor(code: ViewsErrorCode, message: string, context: { view?: string; source?: string; cause?: unknown } = {}) {
    super(message, context.cause === undefined ? undefined : { cause: context.cause });
    this.name = 'ViewsError';
    this.code = code;
    this.view = context.view;
    this.source = context.source;
  }
}
