// The mapping of an event, compared fact by fact. A mapping says what recorded events mean: a replay of the raw
// backup must derive the same facts from the same events, so facts may be added but not dropped or reinterpreted
// (decisions in `policyChanges` of @factline/catalog).
import { isDeepStrictEqual } from 'node:util';
import { policyChanges, PolicyChangeType, type EventMapping, type ValueSpec } from '@factline/catalog';
import type { EvolutionChange } from './report.js';

const at = '/x-factline-mapping';

interface Entry {
  key: string;
  index: number;
  value: ValueSpec | undefined;
}

function entries(mapping: EventMapping): Entry[] {
  return mapping.facts.map((fact, index) => ({ key: `${fact.fact}@${fact.version}`, index, value: 'value' in fact ? fact.value : undefined }));
}

function show(spec: ValueSpec | undefined): string {
  if (spec === undefined) return 'the typed mapper';
  if ('pointer' in spec) return `"${spec.pointer}"`;
  if ('const' in spec) return `the constant ${JSON.stringify(spec.const)}`;
  return `{ ${Object.entries(spec.object).map(([name, inner]) => `${name}: ${show(inner)}`).join(', ')} }`;
}

function change(type: PolicyChangeType, pointer: string, message: string): EvolutionChange {
  const policy = policyChanges[type];
  return { type, pointer, message: `${message}: ${policy.why}`, backward: undefined, forward: undefined, verdict: policy.kind, judgedBy: 'event mapping', against: 'base', ...(policy.wayOut ? { wayOut: policy.wayOut } : {}) };
}

/** Pairs the entries of the same fact in order of appearance (a fact can be mapped more than once). */
function pair(before: Entry[], after: Entry[]): { matched: [Entry, Entry][]; removed: Entry[]; added: Entry[] } {
  const pending = new Map<string, Entry[]>();
  for (const entry of after) pending.set(entry.key, [...(pending.get(entry.key) ?? []), entry]);
  const matched: [Entry, Entry][] = [];
  const removed: Entry[] = [];
  for (const entry of before) {
    const next = pending.get(entry.key)?.shift();
    if (next === undefined) removed.push(entry);
    else matched.push([entry, next]);
  }
  return { matched, removed, added: [...pending.values()].flat().sort((a, b) => a.index - b.index) };
}

/**
 * Every change between two mappings of the same event version, judged by the mapping policy.
 *
 * @example
 * mappingChanges(base.mapping, head.mapping) // [{ type: 'MAPPING_FACT_ADDED', pointer: '/x-factline-mapping/facts/3', … }]
 */
export function mappingChanges(before: EventMapping, after: EventMapping): EvolutionChange[] {
  const changes: EvolutionChange[] = [];
  if (before.kind !== after.kind) {
    changes.push(change(PolicyChangeType.mappingKindChanged, `${at}/mapper`, `the mapping changed from ${before.kind} to ${after.kind}`));
  }
  if (before.entityId !== after.entityId) {
    changes.push(change(PolicyChangeType.mappingEntityIdChanged, `${at}/entityId`, `the entity id was read from "${before.entityId}" and would now be read from "${after.entityId}"`));
  }
  const { matched, removed, added } = pair(entries(before), entries(after));
  const lastKept = Math.max(-1, ...matched.map(([, next]) => next.index));
  for (const entry of added) {
    const inserted = entry.index < lastKept ? ' (inserted before facts already mapped: their ids change on a re-derivation; append new facts at the end to keep them)' : '';
    changes.push(change(PolicyChangeType.mappingFactAdded, `${at}/facts/${entry.index}`, `maps ${entry.key} now, from ${show(entry.value)}${inserted}`));
  }
  for (const entry of removed) changes.push(change(PolicyChangeType.mappingFactRemoved, `${at}/facts`, `no longer maps ${entry.key} (was fact ${entry.index}, from ${show(entry.value)})`));
  for (const [old, next] of matched) {
    if (before.kind === after.kind && !isDeepStrictEqual(old.value, next.value)) {
      changes.push(change(PolicyChangeType.mappingValueChanged, `${at}/facts/${next.index}/value`, `${next.key} was derived from ${show(old.value)} and would now be derived from ${show(next.value)}`));
    }
  }
  const order = matched.map(([, next]) => next.index);
  if (order.some((index, i) => i > 0 && index < order[i - 1]!)) {
    changes.push(change(PolicyChangeType.mappingFactsReordered, `${at}/facts`, `the facts already mapped are in a different order (${matched.map(([, next]) => next.key).join(', ')})`));
  }
  return changes;
}
