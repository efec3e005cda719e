// The faults that stop the evolution gate before it can compare anything. Schema changes are never errors: they are
// the report.

/** Stable codes of `EvolutionError`. @example if (error.code === EvolutionErrorCode.unknownRef) … */
export const EvolutionErrorCode = {
  /** git is not installed or not on the PATH. */
  gitUnavailable: 'evolution-git-unavailable',
  /** The project folder is not inside a git repository. */
  notARepository: 'evolution-not-a-git-repository',
  /** The base ref names no commit of the repository. */
  unknownRef: 'evolution-unknown-ref',
  /** A git command failed for another reason. */
  gitFailed: 'evolution-git-failed',
} as const;
export type EvolutionErrorCode = (typeof EvolutionErrorCode)[keyof typeof EvolutionErrorCode];

/**
 * Thrown when the gate cannot run: no git, no repository, a base that does not exist.
 *
 * @example
 * try { await runEvolutionGate(root, { base: 'main' }) } catch (error) { if (error instanceof EvolutionError) console.error(error.message) }
 */
export class EvolutionError extends Error {
  readonly code: EvolutionErrorCode;
  /** The folder git ran in. */
  readonly cwd: string;

  constructor(code: EvolutionErrorCode, message: string, options: { cwd: string; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.name = 'EvolutionError';
    this.code = code;
    this.cwd = options.cwd;
  }
}
