// Errors of the infrastructure app. Every one names what is wrong, where, and the command that fixes it.

/**
 * The stable codes of {@link InfraError}.
 *
 * @example
 * if (error.code === InfraErrorCode.inputMissing) console.error('run pnpm factline generate');
 */
export const InfraErrorCode = {
  /** The infra configuration file (or CDK context) breaks its schema. */
  configInvalid: 'INFRA_CONFIG_INVALID',
  /** A generated input (stream settings, JSONPaths, migrations, warehouse state, transformer bundle) is missing. */
  inputMissing: 'INFRA_INPUT_MISSING',
  /** Generated inputs disagree with each other (stale generation, hand edits). */
  inputInconsistent: 'INFRA_INPUT_INCONSISTENT',
  /** The region has no known Firehose CIDR block and none was configured. */
  regionUnsupported: 'INFRA_REGION_UNSUPPORTED',
} as const;
export type InfraErrorCode = (typeof InfraErrorCode)[keyof typeof InfraErrorCode];

/** One problem with an input: the file, a JSON Pointer into it (empty for the whole file) and what is wrong. */
export interface InfraIssue {
  file: string;
  pointer: string;
  message: string;
}

/**
 * Thrown at synth time when the app cannot be built from what is on disk. `issues` lists every problem found, so
 * one run shows them all.
 *
 * @example
 * try {
 *   await loadProjectInputs(root);
 * } catch (error) {
 *   if (error instanceof InfraError) console.error(error.code, error.issues);
 * }
 */
export class InfraError extends Error {
  constructor(
    readonly code: InfraErrorCode,
    message: string,
    readonly issues: readonly InfraIssue[] = [],
    options?: { cause?: unknown },
  ) {
    super(issues.length === 0 ? message : `${message}\n${issues.map((i) => `  ${i.file}${i.pointer ? ` ${i.pointer}` : ''}: ${i.message}`).join('\n')}`, options);
    this.name = 'InfraError';
  }
}
