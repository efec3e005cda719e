// Follows a JSON Pointer into the data through a (dereferenced) schema: which schema describes the value there,
// and is the value always present?
import { isSchemaObject, typesOf } from '../schema/walk.js';
import type { JsonSchema } from '../types.js';

export type SchemaAtPointer =
  | { ok: true; schema: JsonSchema; alwaysPresent: boolean }
  | { ok: false; message: string; depth: number };

export function schemaAtPointer(root: JsonSchema, tokens: readonly string[]): SchemaAtPointer {
  let current: JsonSchema = root;
  let alwaysPresent = true;
  for (let depth = 0; depth < tokens.length; depth++) {
    const token = tokens[depth]!;
    const here = '/' + tokens.slice(0, depth).join('/');
    if (current === true) return { ok: false, depth, message: `${here === '/' ? 'the payload' : here} accepts anything, so "${token}" has no declared type` };
    if (current === false || !isSchemaObject(current)) return { ok: false, depth, message: `nothing can be at "${token}"` };
    if (Array.isArray(current['anyOf']) || Array.isArray(current['oneOf'])) {
      return { ok: false, depth, message: `cannot follow the pointer through anyOf/oneOf at ${here}; map it with a typed mapper` };
    }
    const types = typesOf(current);
    if (types?.has('null')) alwaysPresent = false;
    const properties = isSchemaObject(current['properties']) ? current['properties'] : undefined;
    if (types === undefined || types.has('object') || properties) {
      const property = properties?.[token];
      if (property !== undefined && (typeof property === 'boolean' || isSchemaObject(property))) {
        const required = Array.isArray(current['required']) && current['required'].includes(token);
        alwaysPresent &&= required;
        current = property;
        continue;
      }
      const additional = current['additionalProperties'];
      if (isSchemaObject(additional)) {
        alwaysPresent = false;
        current = additional;
        continue;
      }
      const declared = properties ? Object.keys(properties) : [];
      return {
        ok: false,
        depth,
        message: `the payload has no property "${token}" at ${here}${declared.length ? ` (declared: ${declared.join(', ')})` : ''}`,
      };
    }
    if (types.has('array')) {
      if (!/^(0|[1-9][0-9]*)$/.test(token)) return { ok: false, depth, message: `"${token}" is not an array index at ${here}` };
      const index = Number(token);
      const prefix = Array.isArray(current['prefixItems']) ? (current['prefixItems'] as JsonSchema[]) : [];
      const minItems = typeof current['minItems'] === 'number' ? current['minItems'] : 0;
      alwaysPresent &&= index < minItems;
      const item = index < prefix.length ? prefix[index] : current['items'];
      if (item === undefined) return { ok: false, depth, message: `the array at ${here} declares no items schema` };
      current = item as JsonSchema;
      continue;
    }
    return { ok: false, depth, message: `${here} is a ${[...types].join(' or ')}, so it has no "${token}"` };
  }
  return { ok: true, schema: current, alwaysPresent };
}
