// Validates concrete values (const, enum members) against a dereferenced schema, with ajv, memoised per schema.
import type { ValidateFunction } from 'ajv';
import { createAjv, Dialect } from '../schema/dialects.js';
import type { JsonSchema } from '../types.js';
import type { ValueCheck } from './assignability.js';

export function createValueChecker(): ValueCheck {
  const ajv = createAjv(Dialect.draft2020, { strict: false, allErrors: false });
  const compiled = new WeakMap<object, ValidateFunction | undefined>();
  return (target, value) => {
    if (typeof target === 'boolean') return target ? undefined : 'nothing is allowed';
    let validate = compiled.get(target);
    if (!compiled.has(target)) {
      try {
        const { $id: _id, $schema: _schema, ...body } = target as Record<string, unknown>;
        validate = ajv.compile(body as JsonSchema as object);
      } catch {
        validate = undefined;
      }
      compiled.set(target, validate);
    }
    if (validate === undefined) return undefined; // cannot prove it wrong
    if (validate(value)) return undefined;
    const error = validate.errors?.[0];
    return error ? `${error.instancePath || 'value'} ${error.message ?? 'is invalid'}` : 'invalid';
  };
}
