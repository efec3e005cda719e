// A small, valid example value for a (dereferenced) fact schema, for facts that have no hand-written sample yet (a
// fact just added by following CONTRIBUTING.md). The schema's own `examples` come first; otherwise a deliberately
// simple value is built. The test validates what it gets, and a schema it cannot satisfy (a `pattern` without
// `examples`) makes the test ask for an example instead.
import { isSchemaObject, typesOf, type JsonSchema } from '@factline/catalog';

const byFormat: Record<string, string> = {
  'date-time': '2026-05-01T10:00:00.000Z',
  date: '2026-05-01',
  time: '10:00:00Z',
  uuid: '0196a1b0-0000-7000-8000-00000000e1e1',
  email: 'someone@example.com',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
  uri: 'https://example.com/',
  hostname: 'example.com',
};

export function exampleValue(schema: JsonSchema): unknown {
  if (!isSchemaObject(schema)) return null;
  if ('const' in schema) return schema['const'];
  if (Array.isArray(schema['examples']) && schema['examples'].length > 0) return schema['examples'][0];
  if (Array.isArray(schema['enum'])) return (schema['enum'] as unknown[]).find((v) => v !== null) ?? null;
  const types = typesOf(schema) ?? new Set(['string']);
  if (types.has('object') || isSchemaObject(schema['properties'])) {
    const properties = isSchemaObject(schema['properties']) ? schema['properties'] : {};
    return Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, exampleValue(property as JsonSchema)]));
  }
  if (types.has('array')) {
    const count = typeof schema['minItems'] === 'number' ? schema['minItems'] : 1;
    return Array.from({ length: count }, () => exampleValue((schema['items'] as JsonSchema | undefined) ?? true));
  }
  if (types.has('integer') || types.has('number')) return typeof schema['minimum'] === 'number' ? schema['minimum'] : typeof schema['maximum'] === 'number' ? Math.min(0, schema['maximum']) : 0;
  if (types.has('boolean')) return true;
  if (types.has('string')) {
    if (typeof schema['format'] === 'string' && byFormat[schema['format']]) return byFormat[schema['format']];
    const length = typeof schema['minLength'] === 'number' ? Math.max(1, schema['minLength']) : 1;
    return 'x'.repeat(length);
  }
  return null;
}
