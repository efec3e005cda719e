// generated/docs/catalog.md: every entity, event and fact, with descriptions and mappings, for people.
import { versionKey, type Catalog, type EventDefinition, type ValueSpec } from '@factline/catalog';
import type { Generator } from '../generator.js';
import { markdownHeader } from '../header.js';
import { describeSchema } from './describe-schema.js';

export const catalogDocsGenerator: Generator = {
  name: 'catalog-docs',
  description: 'generated/docs/catalog.md: the event and fact catalog for people',
  owns: ['generated/docs'],
  generate({ catalog }) {
    return [{ path: 'generated/docs/catalog.md', content: printCatalog(catalog) }];
  },
};

const cell = (text: string | undefined) => (text ?? '').replace(/\|/g, '\\|').replace(/\n+/g, ' ');

function printSpec(spec: ValueSpec): string {
  if ('pointer' in spec) return `\`${spec.pointer}\``;
  if ('const' in spec) return `\`${JSON.stringify(spec.const)}\``;
  return `{ ${Object.entries(spec.object).map(([k, v]) => `${k}: ${printSpec(v)}`).join(', ')} }`;
}

function printMapping(event: EventDefinition): string[] {
  const mapping = event.mapping;
  if (!mapping) return ['No valid mapping.'];
  const lines = [`Entity id: \`${mapping.entityId}\`.${mapping.kind === 'typed' ? ' Facts come from a typed mapper (`packages/events/src/mappers/`).' : ''}`, '', '| fact | version | value |', '|---|---|---|'];
  for (const fact of mapping.facts) lines.push(`| \`${fact.fact}\` | ${fact.version} | ${'value' in fact ? printSpec(fact.value) : 'typed mapper'} |`);
  return lines;
}

function printCatalog(catalog: Catalog): string {
  const out: string[] = [markdownHeader([]), '# The factline catalog', ''];
  out.push(`${catalog.entities.length} entities, ${catalog.events.length} event versions, ${catalog.facts.length} fact versions.`, '');
  for (const entity of catalog.entities) {
    out.push(`## ${entity.name}`, '', cell(entity.document.description), '');
    if (entity.lifecycle) {
      const { fact, inactive, deleted } = entity.lifecycle;
      out.push(`Lifecycle: \`${fact}\`${inactive.length ? `; inactive when ${inactive.map((v) => `\`${v}\``).join(', ')}` : ''}${deleted.length ? `; deleted when ${deleted.map((v) => `\`${v}\``).join(', ')}` : ''}.`, '');
    }
    out.push('### Events', '');
    for (const event of entity.events) {
      out.push(`#### \`${event.type}\` v${event.version}`, '', cell(event.document.description), '', `Schema: [${event.document.file}](../../${event.document.file})`, '');
      out.push(...printMapping(event), '');
    }
    out.push('### Facts', '', '| fact | version | value key | value | description |', '|---|---|---|---|---|');
    for (const fact of entity.facts) {
      const reference = fact.references ? ` References \`${fact.references}\`.` : '';
      out.push(`| \`${fact.type}\` | ${fact.version} | \`${fact.valueKey}\` | ${cell(describeSchema(fact.document.resolved))} | ${cell(fact.document.description)}${reference} |`);
    }
    out.push('');
    const producers = new Map<string, string[]>();
    for (const event of entity.events) for (const f of event.mapping?.facts ?? []) producers.set(versionKey(f.fact, f.version), [...(producers.get(versionKey(f.fact, f.version)) ?? []), `${event.type} v${event.version}`]);
    const orphans = entity.facts.filter((f) => !producers.has(versionKey(f.type, f.version)));
    if (orphans.length) out.push(`Facts no event produces yet: ${orphans.map((f) => `\`${f.type}\` v${f.version}`).join(', ')}.`, '');
  }
  return out.join('\n');
}
