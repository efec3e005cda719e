// Turns read documents into the typed model: entities, events, facts, with their mappings.
import type { ProjectConfig } from '../config.js';
import { appendPointer } from '../json/pointer.js';
import { parseEntityExtension, parseMapping, type ShapeIssue } from '../mapping/parse-mapping.js';
import { factValueKey } from '../naming.js';
import type { Problem } from '../problems.js';
import { collectRefs, dereference, documentIdOf, resolveRef } from '../schema/refs.js';
import type { Catalog, EntityDefinition, EventDefinition, FactDefinition, SchemaDocument } from '../types.js';
import type { ReadDocument } from './read-documents.js';

export function buildModel(root: string, config: ProjectConfig, read: readonly ReadDocument[], problems: Problem[]): Catalog {
  const report = (file: string, pointer: string, rule: string, message: string) => problems.push({ file, pointer, rule, severity: 'error', message });
  const rawById = new Map(read.map((d) => [d.id, d.schema]));
  const lookup = (id: string) => rawById.get(documentIdOf(id));

  const documents = new Map<string, SchemaDocument>();
  const toDocument = (d: ReadDocument): SchemaDocument => {
    for (const site of collectRefs(d.schema, d.id)) {
      const resolved = resolveRef(site.ref, site.base, lookup);
      if (!resolved.ok) report(d.file, appendPointer(site.pointer, '$ref'), 'ref-unresolved', `$ref "${site.ref}" does not resolve: ${resolved.message}`);
    }
    const resolved = dereference(d.schema, d.id, lookup);
    const document: SchemaDocument = {
      kind: d.placement.kind,
      file: d.file,
      id: d.id,
      schema: d.schema,
      resolved: typeof resolved === 'boolean' ? {} : resolved,
      title: typeof d.schema['title'] === 'string' ? d.schema['title'] : undefined,
      description: typeof d.schema['description'] === 'string' ? d.schema['description'] : undefined,
    };
    documents.set(d.id, document);
    return document;
  };

  let envelope: SchemaDocument | undefined;
  const commons: SchemaDocument[] = [];
  const entities = new Map<string, EntityDefinition>();
  const events: EventDefinition[] = [];
  const facts: FactDefinition[] = [];

  for (const d of read) {
    const document = toDocument(d);
    const placement = d.placement;
    const shapeIssues: ShapeIssue[] = [];
    switch (placement.kind) {
      case 'envelope':
        if (placement.version !== 1) report(d.file, '', 'unexpected-file', 'only schemas/envelope/v1.json is supported; change the envelope by evolving v1 compatibly');
        else envelope = document;
        break;
      case 'common':
        commons.push(document);
        break;
      case 'entity': {
        const { lifecycle } = parseEntityExtension(d.schema['x-factline-entity'], '/x-factline-entity', shapeIssues);
        shapeIssues.forEach((i) => report(d.file, i.pointer, 'entity-invalid', i.message));
        entities.set(placement.entity, { name: placement.entity, document, lifecycle, events: [], facts: [] });
        break;
      }
      case 'event': {
        const raw = d.schema['x-factline-mapping'];
        let mapping: EventDefinition['mapping'];
        if (raw === undefined) report(d.file, '', 'mapping-missing', 'the event has no "x-factline-mapping": declare which facts it produces (see CONTRIBUTING.md, "Add an event")');
        else {
          mapping = parseMapping(raw, '/x-factline-mapping', shapeIssues);
          shapeIssues.forEach((i) => report(d.file, i.pointer, 'mapping-invalid', i.message));
        }
        events.push({ type: `${placement.entity}.${placement.name}`, entity: placement.entity, name: placement.name, version: placement.version, document, mapping });
        break;
      }
      case 'fact': {
        const references = d.schema['x-factline-references'];
        facts.push({
          type: `${placement.entity}.${placement.name}`,
          entity: placement.entity,
          name: placement.name,
          version: placement.version,
          document,
          valueKey: factValueKey(placement.name, placement.version),
          references: typeof references === 'string' ? references : undefined,
        });
        if (references !== undefined && typeof references !== 'string') report(d.file, '/x-factline-references', 'fact-references', 'x-factline-references must be the name of an entity');
        break;
      }
    }
  }

  const byTypeVersion = <T extends { type: string; version: number }>(a: T, b: T) => (a.type < b.type ? -1 : a.type > b.type ? 1 : a.version - b.version);
  events.sort(byTypeVersion);
  facts.sort(byTypeVersion);
  for (const event of events) {
    const entity = entities.get(event.entity);
    if (entity) entity.events.push(event);
    else report(event.document.file, '', 'event-without-entity', `no entity "${event.entity}": add schemas/entities/${event.entity}.json or move the event under an existing entity`);
  }
  for (const fact of facts) {
    const entity = entities.get(fact.entity);
    if (entity) entity.facts.push(fact);
    else report(fact.document.file, '', 'fact-without-entity', `no entity "${fact.entity}": add schemas/entities/${fact.entity}.json or move the fact under an existing entity`);
  }

  return {
    root,
    config,
    envelope,
    commons,
    entities: [...entities.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    events,
    facts,
    documents,
  };
}
