// Schema files that appear or disappear. A new file describes data no one has written yet (additive); a file that
// disappears leaves data behind that nothing can read any more (breaking).
import { policyChanges, PolicyChangeType, policyLabel, type Catalog, type SchemaDocument } from '@factline/catalog';
import type { CatalogPair } from './compare.js';
import type { EvolutionChange, SchemaEvolution } from './report.js';

/**
 * How reports name a schema: `booking.cancelled@2`, the entity, `envelope`, or the definition's file name.
 *
 * @example
 * nameOf(catalog, document) // 'booking.cancelled@2'
 */
export function nameOf(catalog: Catalog, document: SchemaDocument): string {
  const versioned = [...catalog.events, ...catalog.facts].find((definition) => definition.document.file === document.file);
  if (versioned !== undefined) return `${versioned.type}@${versioned.version}`;
  const entity = catalog.entities.find((definition) => definition.document.file === document.file);
  if (entity !== undefined) return entity.name;
  return document.kind === 'envelope' ? 'envelope' : document.file.replace(/^.*\/|\.json$/g, '');
}

function describe(pair: CatalogPair, status: 'added' | 'removed', document: SchemaDocument): string {
  const catalog = status === 'added' ? pair.head : pair.base;
  const definition = [...catalog.events, ...catalog.facts].find((d) => d.document.file === document.file);
  const name = nameOf(catalog, document);
  if (definition !== undefined) {
    const kind = document.kind === 'event' ? 'event' : 'fact';
    const valueKey = 'valueKey' in definition ? ` (values under "${definition.valueKey}")` : '';
    if (status === 'removed') return `version ${definition.version} of ${kind} ${definition.type} removed`;
    const others = (kind === 'event' ? pair.base.events : pair.base.facts).filter((d) => d.type === definition.type).map((d) => d.version);
    if (others.length === 0) return `new ${kind} ${definition.type}, version ${definition.version}${valueKey}`;
    return `new version ${definition.version} of ${kind} ${definition.type}${valueKey}, side by side with version ${others.join(', ')}`;
  }
  const what = document.kind === 'entity' ? `entity ${name}` : document.kind === 'common' ? `shared definition ${name}` : 'the envelope';
  return status === 'added' ? `new ${what}` : `${what} removed`;
}

/**
 * The report of a schema file that was added or removed since the base.
 *
 * @example
 * fileChange(pair, 'added', document) // { status: 'added', verdict: 'additive', changes: [{ type: 'SCHEMA_FILE_ADDED', … }] }
 */
export function fileChange(pair: CatalogPair, status: 'added' | 'removed', document: SchemaDocument): SchemaEvolution {
  const type = status === 'added' ? PolicyChangeType.fileAdded : PolicyChangeType.fileRemoved;
  const policy = policyChanges[type];
  const change: EvolutionChange = {
    type,
    pointer: '',
    message: `${describe(pair, status, document)}: ${policy.why}`,
    backward: undefined,
    forward: undefined,
    verdict: policy.kind,
    judgedBy: 'schema files',
    against: 'base',
    ...(policy.wayOut ? { wayOut: `${policy.wayOut}${document.kind === 'event' || document.kind === 'fact' ? '; to change it, publish a new version next to it' : ''}.` } : {}),
  };
  // A new version of an existing event changes what `send(type, payload)` expects: existing calls must follow (or say
  // `sendVersion(type, <old version>, …)`), so @factline/events needs a major release even though no data breaks.
  if (status === 'added' && document.kind === 'event') {
    const definition = pair.head.events.find((d) => d.document.file === document.file);
    if (definition !== undefined && pair.base.events.some((d) => d.type === definition.type)) {
      change.bump = 'major';
      change.message += `; services that call send('${definition.type}', …) now send version ${definition.version} and must adapt their payload (or keep the old one with sendVersion), so @factline/events needs a major release`;
    }
  }
  const catalog = status === 'added' ? pair.head : pair.base;
  return { file: document.file, kind: document.kind, name: nameOf(catalog, document), status, policy: policyLabel(document.kind), verdict: policy.kind, changes: [change] };
}
