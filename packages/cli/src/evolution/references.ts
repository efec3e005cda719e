// Which documents a schema reaches through `$ref`, directly or through other documents: a change in any of them is a
// change of the schema.
import { collectRefs, type DocumentLookup, type JsonSchemaObject } from '@factline/catalog';

/** A document's id without its fragment. */
function documentId(ref: string, base: string): string | undefined {
  try {
    const url = new URL(ref, base || undefined);
    url.hash = '';
    return url.href;
  } catch {
    return undefined;
  }
}

/**
 * The ids of every other document a document references, transitively. References that do not resolve are left
 * out (the catalog reports them).
 *
 * @example
 * referenceClosure('https://schemas.factline.dev/events/booking/requested/v1.json', lookup) // Set { '…/common/money.json' }
 */
export function referenceClosure(rootId: string, lookup: DocumentLookup): Set<string> {
  const reached = new Set<string>();
  const pending = [rootId];
  while (pending.length > 0) {
    const id = pending.pop()!;
    const schema: JsonSchemaObject | undefined = lookup(id);
    if (schema === undefined) continue;
    for (const site of collectRefs(schema, id)) {
      const target = documentId(site.ref, site.base);
      if (target === undefined || target === rootId || reached.has(target) || lookup(target) === undefined) continue;
      reached.add(target);
      pending.push(target);
    }
  }
  return reached;
}
