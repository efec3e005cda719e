// A one-line, human description of a (dereferenced) schema, for docs tables: "string (email, ≤ 254)".
import { isSchemaObject, typesOf, type JsonSchema } from '@factline/catalog';

export function describeSchema(schema: JsonSchema): string {
  if (schema === true) return 'any';
  if (schema === false || !isSchemaObject(schema)) return 'nothing';
  if ('const' in schema) return `constant ${JSON.stringify(schema['const'])}`;
  const nullable = typesOf(schema)?.has('null') ? ', nullable' : '';
  if (Array.isArray(schema['enum'])) return `one of ${(schema['enum'] as unknown[]).filter((v) => v !== null).map((v) => `\`${String(v)}\``).join(', ')}${nullable}`;
  const types = [...(typesOf(schema) ?? new Set(['any']))].filter((t) => t !== 'null');
  const type = types.join(' or ');
  const details: string[] = [];
  if (typeof schema['format'] === 'string') details.push(schema['format']);
  const range = (min: unknown, max: unknown, unit = '') =>
    typeof min === 'number' && typeof max === 'number' ? `${min}–${max}${unit}` : typeof max === 'number' ? `≤ ${max}${unit}` : typeof min === 'number' ? `≥ ${min}${unit}` : undefined;
  const length = range(schema['minLength'], schema['maxLength'], ' chars');
  if (length) details.push(length);
  const numeric = range(schema['minimum'], schema['maximum']);
  if (numeric) details.push(numeric);
  if (typeof schema['multipleOf'] === 'number') details.push(`multiple of ${schema['multipleOf']}`);
  if (type === 'array' && schema['items'] !== undefined) details.push(`items: ${describeSchema(schema['items'] as JsonSchema)}`);
  if (type === 'object' && isSchemaObject(schema['properties'])) details.push(`{ ${Object.keys(schema['properties']).join(', ')} }`);
  return `${type}${details.length ? ` (${details.join(', ')})` : ''}${nullable}`;
}
