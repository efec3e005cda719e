// Turns ajv's errors into issues a person can act on: the JSON Pointer, the rule (the JSON Schema keyword that
// failed) and a sentence. Used by validateEvent here and by the transformer for ProcessingFailed reasons.
import type { ValidationError } from './runtime-domain.js';

export interface ValidationIssue {
  /** JSON Pointer into the validated value ('' for the value itself). */
  pointer: string;
  /** The JSON Schema keyword that failed (`required`, `maxLength`, `format`, …) or a factline rule id. */
  rule: string;
  message: string;
}

/**
 * @example
 * if (!validate(payload)) return toValidationIssues(validate.errors);
 */
export function toValidationIssues(errors: readonly ValidationError[] | null | undefined): ValidationIssue[] {
  return (errors ?? []).map((error) => {
    const params = error.params;
    let pointer = error.instancePath;
    let message = error.message ?? 'is invalid';
    if (error.keyword === 'required' && typeof params['missingProperty'] === 'string') {
      pointer = `${pointer}/${escape(params['missingProperty'])}`;
      message = 'is required';
    } else if (error.keyword === 'additionalProperties' && typeof params['additionalProperty'] === 'string') {
      pointer = `${pointer}/${escape(params['additionalProperty'])}`;
      message = 'is not allowed (the schema does not define this property)';
    } else if (error.keyword === 'enum' && Array.isArray(params['allowedValues'])) {
      message = `must be one of ${(params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    } else if (error.keyword === 'format') {
      message = `must be a valid ${String(params['format'])}`;
    }
    return { pointer, rule: error.keyword, message: `${pointer === '' ? 'the value' : pointer} ${message}` };
  });
}

function escape(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}
