// TypeScript types of every schema (json-schema-to-typescript: string-literal unions, JSDoc from descriptions) and
// the maps that tie event and fact names to them.
import { compile } from 'json-schema-to-typescript';
import type { Catalog } from '@factline/catalog';
import type { GeneratedFile, Generator } from '../generator.js';
import { tsHeader } from '../header.js';
import { buildSyntheticSchema } from './synthetic-schema.js';
import { eventTypeName, factTypeName, typeNamesById } from './type-names.js';

export const eventsGeneratedFolder = 'packages/events/src/generated';

export const typesGenerator: Generator = {
  name: 'types',
  description: 'TypeScript types of the envelope, every event payload and every fact value, with name → type maps',
  owns: [eventsGeneratedFolder],
  async generate({ catalog }) {
    const names = typeNamesById(catalog);
    const compiled = await compile(buildSyntheticSchema(catalog, names), 'FactlineSchemas', {
      bannerComment: '',
      additionalProperties: false,
      unreachableDefinitions: true,
      declareExternallyReferenced: true,
      strictIndexSignatures: true,
      format: true,
      unknownAny: true,
      // Bounded arrays stay arrays: a tuple union per length is unreadable and slow to type-check.
      maxItems: -1,
      ignoreMinAndMaxItems: true,
    });
    const body = compiled
      // json-schema-to-typescript notes where each definition came from; the Schema: line already says it.
      .replace(/\n \*\n \* This interface was referenced by `FactlineSchemas`'s JSON-Schema\n \* via the `definition` "[^"]+"\./g, '')
      .replace(/\n \* This interface was referenced by `FactlineSchemas`'s JSON-Schema\n \* via the `definition` "[^"]+"\./g, '')
      .replace(/export interface FactlineSchemas \{[^}]*\}\n/, '');
    const file: GeneratedFile = { path: `${eventsGeneratedFolder}/types.ts`, content: `${tsHeader([])}\n${body.trim()}\n\n${printNameMaps(catalog)}` };
    return [file];
  },
};

function printNameMaps(catalog: Catalog): string {
  const byType = <T extends { type: string; version: number }>(items: readonly T[]) => {
    const map = new Map<string, T[]>();
    for (const item of items) map.set(item.type, [...(map.get(item.type) ?? []), item]);
    return [...map.entries()];
  };
  const events = byType(catalog.events);
  const facts = byType(catalog.facts);
  const lines: string[] = [];
  lines.push('/** Every event type and version, and the type of its payload. */');
  lines.push('export interface EventPayloads {');
  for (const [type, versions] of events) lines.push(`  '${type}': { ${versions.map((e) => `${e.version}: ${eventTypeName(e.type, e.version)}`).join('; ')} };`);
  lines.push('}', '');
  lines.push('/** The latest version of every event type: what `send(type, payload)` produces by default. */');
  lines.push('export interface LatestEventVersions {');
  for (const [type, versions] of events) lines.push(`  '${type}': ${Math.max(...versions.map((e) => e.version))};`);
  lines.push('}', '');
  lines.push('/** Every fact type and version, and the type of its value. */');
  lines.push('export interface FactValues {');
  for (const [type, versions] of facts) lines.push(`  '${type}': { ${versions.map((f) => `${f.version}: ${factTypeName(f.type, f.version)}`).join('; ')} };`);
  lines.push('}', '');
  lines.push('/** The facts each event version may produce (for typed mappers). */');
  lines.push('export interface EventFacts {');
  for (const [type, versions] of events) {
    const entries = versions.map((e) => {
      const emitted = (e.mapping?.facts ?? []).map((f) => `{ fact: '${f.fact}'; version: ${f.version}; value: ${factTypeName(f.fact, f.version)} }`);
      return `${e.version}: ${emitted.length ? emitted.join(' | ') : 'never'}`;
    });
    lines.push(`  '${type}': { ${entries.join('; ')} };`);
  }
  lines.push('}', '');
  const typed = catalog.events.filter((e) => e.mapping?.kind === 'typed');
  lines.push('/** The event versions whose facts come from a hand-written typed mapper (packages/events/src/mappers/). */');
  lines.push(`export type TypedMapperKeys = ${typed.length ? typed.map((e) => `'${e.type}@${e.version}'`).join(' | ') : 'never'};`);
  return lines.join('\n') + '\n';
}
