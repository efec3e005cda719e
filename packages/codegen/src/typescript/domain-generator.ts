// The runtime domain: the data the transformer runs on (validators, mappings, value keys), keyed "<type>@<version>".
import { deliveryStreamName, parsePointer, pointersProvingFact, provenByPayload, typesOf, versionKey, type Catalog, type DeclaredMappedFact, type EventDefinition, type MappedFact, type ValueSpec } from '@factline/catalog';
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
 * True when the payload's validation already proves the fact's value valid (see provenByPayload), so the
 * transformer need not validate it again. Constants are proven when the transformer compiles the domain.
 */
function payloadProves(catalog: Catalog, event: EventDefinition, mapped: DeclaredMappedFact): boolean {
  if (!('pointer' in mapped.value)) return false;
  const fact = catalog.facts.find((f) => f.type === mapped.fact && f.version === mapped.version);
  const pointer = parsePointer(mapped.value.pointer);
  return fact !== undefined && pointer.ok && provenByPayload(event.document, pointer.tokens, fact.document);
}

/**
 * For a typed mapper's fact of a primitive type: the payload pointers whose schema is the fact's schema. A value the
 * mapper returns that equals the payload's value at one of them is valid without a second validation.
 */
function pointersProvingTypedFact(catalog: Catalog, event: EventDefinition, mapped: MappedFact): string[] {
  const fact = catalog.facts.find((f) => f.type === mapped.fact && f.version === mapped.version);
  const types = fact === undefined ? undefined : typesOf(fact.document.resolved);
  if (fact === undefined || types === undefined || types.has('object') || types.has('array')) return [];
  return pointersProvingFact(event.document, fact.document);
}

function printDomain(catalog: Catalog): string {
  const valueKeys = new Map(catalog.facts.map((f) => [versionKey(f.type, f.version), f.valueKey]));
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
      const valueKey = valueKeys.get(versionKey(fact.fact, fact.version)) ?? '';
      const value = 'value' in fact ? `, value: ${printValueSpec(fact.value)}` : '';
      const provenAt = mapping.kind === 'typed' ? pointersProvingTypedFact(catalog, event, fact) : [];
      const proven =
        'value' in fact ? (payloadProves(catalog, event, fact) ? ', provenByPayload: true' : '')
        : provenAt.length > 0 ? `, provenByPayloadAt: [${provenAt.map(q).join(', ')}]`
        : '';
      lines.push(`          { fact: ${q(fact.fact)}, version: ${fact.version}, valueKey: ${q(valueKey)}${value}${proven} },`);
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
