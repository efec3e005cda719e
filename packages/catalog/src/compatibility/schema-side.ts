// One side of a comparison (the old or the new schema) with the documents its references reach. References are
// resolved with the catalog's `resolveRef` on the original documents, then mapped to their normalized copies.
import { documentIdOf, resolveRef, type DocumentLookup } from '../schema/refs.js';
import { dialectOf, type Dialect } from '../schema/dialects.js';
import { isSchemaObject, walkSchema } from '../schema/walk.js';
import type { JsonSchema, JsonSchemaObject } from '../types.js';
import { CompatibilityError, CompatibilityErrorCode } from './errors.js';
import { normalizeDocument, type NormalizedDocument } from './normalize.js';

export type Resolution = { ok: true; node: JsonSchema } | { ok: false; message: string };

/** A node of one side: the normalized schema and the side whose documents its references resolve in. */
export interface Cursor {
  node: JsonSchema;
  side: SchemaSide;
}

export class SchemaSide {
  readonly root: Cursor;
  private readonly rootId: string;
  private readonly original: JsonSchema;
  private readonly dialect: Dialect | undefined;
  private readonly documents = new Map<string, NormalizedDocument>();

  constructor(
    schema: JsonSchema,
    private readonly lookup: DocumentLookup | undefined,
    readonly name: 'old' | 'new',
  ) {
    this.original = schema;
    const id = isSchemaObject(schema) ? (typeof schema['$id'] === 'string' ? schema['$id'] : typeof schema['id'] === 'string' ? schema['id'] : '') : '';
    this.rootId = documentIdOf(id);
    this.dialect = isSchemaObject(schema) ? dialectOf(schema['$schema']) : undefined;
    const normalized = normalizeDocument(schema, this.rootId, this.dialect);
    this.documents.set(this.rootId, normalized);
    this.root = { node: normalized.root, side: this };
  }

  cursor(node: JsonSchema): Cursor {
    return { node, side: this };
  }

  /** Resolves an (absolute, or fragment-only for a root without `$id`) reference to a normalized node. */
  resolve(ref: string): Resolution {
    const result = resolveRef(ref, '', (id) => this.findOriginal(id));
    let documentId: string;
    let target: JsonSchema;
    if (result.ok) {
      documentId = result.target.documentId;
      target = result.target.schema;
    } else {
      const anchored = this.findLegacyAnchor(ref);
      if (anchored === undefined) {
        const hint = this.rootId === '' && !ref.startsWith('#') && !/^[a-z][a-z0-9+.-]*:/i.test(ref) ? ' (the schema has no $id to resolve a relative reference against)' : '';
        return { ok: false, message: `${result.message}${hint}` };
      }
      ({ documentId, target } = anchored);
    }
    if (typeof target === 'boolean') return { ok: true, node: target };
    const document = this.document(documentId === '' ? this.rootId : documentId);
    const mapped = document?.byOriginal.get(target);
    return { ok: true, node: mapped ?? normalizeDocument(target, documentId, this.dialect).root };
  }

  private findOriginal(id: string): JsonSchemaObject | undefined {
    if ((id === '' || id === this.rootId) && isSchemaObject(this.original)) return this.original;
    if (this.lookup === undefined) return undefined;
    try {
      return this.lookup(id);
    } catch (error) {
      throw new CompatibilityError(CompatibilityErrorCode.lookupFailed, `looking up "${id}" for the ${this.name} schema failed: ${(error as Error).message}`, { at: id, cause: error });
    }
  }

  private document(id: string): NormalizedDocument | undefined {
    const known = this.documents.get(id);
    if (known) return known;
    const original = this.findOriginal(id);
    if (original === undefined) return undefined;
    const normalized = normalizeDocument(original, id, this.dialect);
    this.documents.set(id, normalized);
    return normalized;
  }

  // draft-06/07 name anchors with `"$id": "#name"`, which resolveRef does not know.
  private findLegacyAnchor(ref: string): { documentId: string; target: JsonSchema } | undefined {
    const hash = ref.indexOf('#');
    const name = hash === -1 ? '' : ref.slice(hash + 1);
    if (name === '' || name.startsWith('/')) return undefined;
    const documentId = documentIdOf(ref);
    const document = this.findOriginal(documentId === '' ? this.rootId : documentId);
    if (document === undefined) return undefined;
    let found: JsonSchema | undefined;
    walkSchema(document, (node) => {
      if (found === undefined && isSchemaObject(node) && typeof node['$id'] === 'string' && node['$id'].endsWith(`#${name}`)) found = node;
    });
    return found === undefined ? undefined : { documentId, target: found };
  }
}
