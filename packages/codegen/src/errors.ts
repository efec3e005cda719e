import type { Problem } from '@factline/catalog';

export const CodegenErrorCode = {
  catalogHasErrors: 'CATALOG_HAS_ERRORS',
  nameCollision: 'GENERATED_NAME_COLLISION',
  generatorFailed: 'GENERATOR_FAILED',
} as const;
export type CodegenErrorCode = (typeof CodegenErrorCode)[keyof typeof CodegenErrorCode];

export class CodegenError extends Error {
  constructor(
    readonly code: CodegenErrorCode,
    message: string,
    readonly problems: readonly Problem[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'CodegenError';
  }
}
