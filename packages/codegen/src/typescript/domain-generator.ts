// The runtime domain: the data the transformer runs on (validators, mappings, value keys), keyed "<type>@<version>".
import { deliveryStreamName, parsePointer, pointersProvingFact, provenByPayload, typesOf, versionKey, type Catalog, type DeclaredMappedFact, type EventDefinition, type FactDefinition, type MappedFact, type ValueSpec } from '@factline/catalog';
import type { Generator } from '../generator.js';
import { tsHeader } from '../header.js';
import { eventsGeneratedFolder } from './types-generator.js';
import { envelopeValidatorName, eventValidatorName, factValidatorName } from './type-names.js';

export const domainGenerator: Generator = {
  name: 'domain',
  description: 'the runtime domain table (validators, mappings, value keys) and the event catalog used for routing',
  owns: [],
  generate({ catalog }) {
    return [
      { path: `${eventsGeneratedFolder}/domain.ts`, content: printDomain(catalog) },
      { path: `${eventsGeneratedFolder}/event-catalog.ts`, content: printEventCatalog(catalog) },
    ];
  },
};

const q = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function printValueSpec(spec: ValueSpec): string {
  if ('pointer' in spec) return `{ pointer: ${q(spec.pointer)} }`;
  if ('const' in spec) return `{ const: ${JSON.stringify(spec.const)} }`;
  return `{ object: { ${Object.entries(spec.object).map(([k, v]) => `${q(k)}: ${printValueSpec(v)}`).join(', ')} } }`;
}

/**
 * What the domain says of a mapped fact whose value the payload's validation already proves (see provenByPayload in
 * the catalog), so the transformer does not validate it again: `provenByPayload` for a declared pointer, and for a
 * typed mapper's fact of a primitive type the payload places with the fact's schema (`provenByPayloadAt`). Constants
 * are proven when the transformer compiles the domain.
 */
function printProof(event: EventDefinition, mapped: MappedFact | DeclaredMappedFact, fact: FactDefinition | undefined): string {
  if (fact === undefined) return '';
  if ('value' in mapped) {
    const pointer = 'pointer' in mapped.value ? parsePointer(mapped.value.pointer) : undefined;
    return pointer?.ok === true && provenByPayload(event.document, pointer.tokens, fact.document) ? ', provenByPayload: true' : '';
  }
  const types = typesOf(fact.document.resolved);
  if (types === undefined || types.has('object') || types.has('array')) return '';
  const pointers = pointersProvingFact(event.document, fact.document);
  return pointers.length > 0 ? `, provenByPayloadAt: [${pointers.map(q).join(', ')}]` : '';
}

function printDomain(catalog: Catalog): string {
  const factsByKey = new Map(catalog.facts.map((f) => [versionKey(f.type, f.version), f]));
  const lines = [tsHeader([]), "import type { RuntimeDomain, Validator } from '../runtime-domain.js';", "import { typedMappers } from '../mappers/index.js';", "import * as validators from './validators.js';", ''];
  lines.push('/** Everything the transformer needs to turn events into facts, as data. */');
  lines.push('export const domain: RuntimeDomain = {');
  lines.push(`  envelope: { validate: validators.${envelopeValidatorName} as Validator },`);
  lines.push('  events: {');
  for (const event of catalog.events) {
    const key = versionKey(event.type, event.version);
    const mapping = event.mapping;
    if (!mapping) continue;
    lines.push(`    ${q(key)}: {`);
    lines.push(`      type: ${q(event.type)},`, `      version: ${event.version},`, `      entity: ${q(event.entity)},`);
    lines.push(`      validate: validators.${eventValidatorName(event.type, event.version)} as Validator,`);
    lines.push('      mapping: {');
    lines.push(`        kind: ${q(mapping.kind)},`, `        entityId: ${q(mapping.entityId)},`);
    lines.push('        facts: [');
    for (const fact of mapping.facts) {
      const definition = factsByKey.get(versionKey(fact.fact, fact.version));
      const value = 'value' in fact ? `, value: ${printValueSpec(fact.value)}` : '';
      lines.push(`          { fact: ${q(fact.fact)}, version: ${fact.version}, valueKey: ${q(definition?.valueKey ?? '')}${value}${printProof(event, fact, definition)} },`);
    }
    lines.push('        ],');
    if (mapping.kind === 'typed') lines.push(`        mapper: typedMappers[${q(key)}],`);
    lines.push('      },', '    },');
  }
  lines.push('  },');
  lines.push('  facts: {');
  for (const fact of catalog.facts) {
    lines.push(`    ${q(versionKey(fact.type, fact.version))}: { type: ${q(fact.type)}, version: ${fact.version}, entity: ${q(fact.entity)}, valueKey: ${q(fact.valueKey)}, validate: validators.${factValidatorName(fact.type, fact.version)} as Validator },`);
  }
  lines.push('  },', '};', '');
  return lines.join('\n');
}

function printEventCatalog(catalog: Catalog): string {
  const lines = [tsHeader([]), "import type { EventCatalogEntry } from '../runtime-domain.js';", ''];
  lines.push('/** Every event type: its entity, versions, and the delivery stream that carries it. */');
  lines.push('export const eventCatalog = {');
  const types = [...new Set(catalog.events.map((e) => e.type))];
  for (const type of types) {
    const versions = catalog.events.filter((e) => e.type === type).map((e) => e.version);
    const entity = catalog.events.find((e) => e.type === type)!.entity;
    lines.push(`  ${q(type)}: { entity: ${q(entity)}, versions: [${versions.join(', ')}], latestVersion: ${Math.max(...versions)}, deliveryStreamName: ${q(deliveryStreamName(entity, catalog.config))} },`);
  }
  lines.push('} as const satisfies Record<string, EventCatalogEntry>;', '');
  return lines.join('\n');
}
