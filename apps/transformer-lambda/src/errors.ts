// The app's one error: its configuration (environment variables) is wrong. Thrown once, at cold start.

/**
 * The stable codes of `ConfigError`.
 *
 * @example
 * if (error instanceof ConfigError && error.code === ConfigErrorCode.InvalidEnvironment) console.error(error.issues);
 */
export const ConfigErrorCode = {
  /** One or more environment variables are invalid; `issues` lists each with what is expected. */
  InvalidEnvironment: 'INVALID_ENVIRONMENT',
} as const;

export type ConfigErrorCode = (typeof ConfigErrorCode)[keyof typeof ConfigErrorCode];

/** One invalid environment variable. */
export interface EnvIssue {
  variable: string;
  message: string;
}

/**
 * The environment of the Lambda is invalid. The message lists every problem, so one deploy fixes them all.
 *
 * @example
 * throw new ConfigError([{ variable: 'FACTLINE_MAX_RESPONSE_BYTES', message: 'must be an integer' }]);
 */
export class ConfigError extends Error {
  readonly code: ConfigErrorCode = ConfigErrorCode.InvalidEnvironment;
  readonly issues: readonly EnvIssue[];

  constructor(issues: readonly EnvIssue[], cause?: unknown) {
    super(`Invalid transformer configuration: ${issues.map((i) => `${i.variable} ${i.message}`).join('; ')}.`, cause === undefined ? undefined : { cause });
    this.name = 'ConfigError';
    this.issues = issues;
  }
}
