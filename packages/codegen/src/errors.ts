import type { Problem } from '@factline/catalog';

export const CodegenErrorCode = {
  catalogHasErrors: 'CATALOG_HAS_ERRORS',
  nameCollision: 'GENERATED_NAME_COLLISION',
  generatorFailed: 'GENERATOR_FAILED',
  /** The schemas cannot become warehouse tables: colliding columns, or a change the warehouse cannot follow in place. */
  warehouseRefused: 'WAREHOUSE_REFUSED',
  /** generated/warehouse-state.json or a generated migration is missing or was edited by hand. */
  warehouseStateInvalid: 'WAREHOUSE_STATE_INVALID',
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
