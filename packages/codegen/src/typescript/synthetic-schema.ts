// json-schema-to-typescript sees one synthetic schema whose $defs are every schema of the catalog, named by their
// TypeScript type names, with cross-file $refs rewritten to local ones. Shared definitions (Money, Address) thus
// become one shared type instead of a copy per use.
import { appendPointer, isSchemaObject, resolveRef, type Catalog, type JsonSchema, type JsonSchemaObject, type SchemaDocument } from '@factline/catalog';

const droppedKeywords = new Set(['$id', '$schema', '$comment', 'x-factline-mapping', 'x-factline-entity', 'x-factline-references']);

export function buildSyntheticSchema(catalog: Catalog, names: ReadonlyMap<string, string>): JsonSchemaObject {
  const lookup = (id: string) => catalog.documents.get(id)?.schema;
  const defs: Record<string, JsonSchema> = {};
  for (const document of catalog.documents.values()) {
    const name = names.get(document.id);
    if (name === undefined) continue;
    defs[name] = rewriteDocument(document, name, names, lookup);
  }
  const sorted = Object.fromEntries(Object.entries(defs).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return {
    title: 'FactlineSchemas',
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(Object.keys(sorted).map((name) => [name, { $ref: `#/$defs/${name}` }])),
    $defs: sorted,
  };
}

function rewriteDocument(document: SchemaDocument, name: string, names: ReadonlyMap<string, string>, lookup: (id: string) => JsonSchemaObject | undefined): JsonSchemaObject {
  const rewrite = (node: JsonSchema, isRoot: boolean): JsonSchema => {
    if (!isSchemaObject(node)) return node;
    const out: JsonSchemaObject = {};
    for (const [key, value] of Object.entries(node)) {
      if (droppedKeywords.has(key)) continue;
      if (key === 'title' && !isRoot) continue; // a nested title would become a stray named type
      out[key] = rewriteValue(key, value);
    }
    if (typeof node['$ref'] === 'string') {
      const target = resolveRef(node['$ref'], document.id, lookup);
      const local = target.ok && names.has(target.target.documentId) ? `#/$defs/${names.get(target.target.documentId)}${target.target.pointer === '' ? '' : encodeFragment(target.target.pointer)}` : node['$ref'];
      const { $ref: _ref, ...siblings } = out;
      // `$ref` with siblings becomes allOf:[{$ref}] so that the shared type keeps its name and the siblings (the
      // property's own description) still reach the JSDoc.
      return Object.keys(siblings).length === 0 ? { $ref: local } : { allOf: [{ $ref: local }], ...siblings };
    }
    return out;
  };
  const rewriteValue = (key: string, value: unknown): unknown => {
    if (['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'].includes(key) && isSchemaObject(value)) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewrite(v as JsonSchema, false)]));
    }
    if (['allOf', 'anyOf', 'oneOf', 'prefixItems'].includes(key) && Array.isArray(value)) return value.map((v) => rewrite(v as JsonSchema, false));
    if (['items', 'additionalProperties', 'contains', 'propertyNames', 'not', 'if', 'then', 'else', 'unevaluatedProperties', 'unevaluatedItems'].includes(key) && (isSchemaObject(value) || typeof value === 'boolean')) {
      return rewrite(value, false);
    }
    return value;
  };
  const root = rewrite(document.schema, true) as JsonSchemaObject;
  const summary = [document.title, document.description].filter((s): s is string => typeof s === 'string' && s.length > 0);
  return { ...root, title: name, description: [...summary, `Schema: ${document.file}`].join('\n\n') };
}

function encodeFragment(pointer: string): string {
  return appendPointer('', ...pointer.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))).split('/').map(encodeURIComponent).join('/');
}
