// Keywords that never change what validates: documentation (title, description, examples…), ids, defaults, unknown
// keywords, and factline's own `x-factline-*` keywords, which change what factline generates.
import { isDeepStrictEqual } from 'node:util';
import { appendPointer } from '../json/pointer.js';
import { factlineKeywords } from '../schema/dialects.js';
import type { JsonSchemaObject } from '../types.js';
import type { ChangeType } from './change-types.js';
import type { DiffContext } from './context.js';
import { assertionKeywords, show, structuralKeywords } from './keywords.js';

const named: Record<string, ChangeType> = { $id: 'ID_CHANGED', title: 'TITLE_CHANGED', description: 'DESCRIPTION_CHANGED', default: 'DEFAULT_CHANGED' };
const factline = new Set<string>(factlineKeywords);

export function compareAnnotations(context: DiffContext, old: JsonSchemaObject, next: JsonSchemaObject, at: string): void {
  const keywords = [...new Set([...Object.keys(old), ...Object.keys(next)])];
  for (const keyword of keywords) {
    if (assertionKeywords.has(keyword) || structuralKeywords.has(keyword)) continue;
    const before = old[keyword];
    const after = next[keyword];
    if (isDeepStrictEqual(before, after)) continue;
    const what = before === undefined ? 'added' : after === undefined ? 'removed' : 'changed';
    const ownName = Object.hasOwn(named, keyword) ? named[keyword] : undefined;
    const type = ownName ?? (factline.has(keyword) ? 'FACTLINE_EXTENSION_CHANGED' : 'ANNOTATION_CHANGED');
    // Confluent reports id, title, description and default at the schema itself; other keywords at the keyword.
    const pointer = ownName ? at : appendPointer(at, keyword);
    const detail = typeof before === 'string' && typeof after === 'string' && keyword !== 'description' ? ` from ${show(before)} to ${show(after)}` : '';
    const effect =
      type === 'FACTLINE_EXTENSION_CHANGED'
        ? `${keyword === 'x-factline-mapping' ? describeMapping(before, after) : ''}: validation is unchanged, but generated code changes (mappings, lifecycle or references)`
        : keyword === 'default'
          ? ': validation is unchanged (factline validators do not fill in defaults)'
          : '';
    const subject = type === 'ANNOTATION_CHANGED' ? `annotation "${keyword}"` : keyword;
    context.emit(type, pointer, { backward: true, forward: true }, `${subject} ${what}${detail}${effect}`);
  }
}

interface MappedFact {
  key: string;
  spec: string;
}

function mappedFacts(mapping: unknown): MappedFact[] {
  const facts = mapping !== null && typeof mapping === 'object' && Array.isArray((mapping as { facts?: unknown }).facts) ? (mapping as { facts: unknown[] }).facts : [];
  return facts.flatMap((fact) => {
    if (fact === null || typeof fact !== 'object') return [];
    const { fact: name, version, ...spec } = fact as Record<string, unknown>;
    return [{ key: `${String(name)}@${String(version)}`, spec: JSON.stringify(spec) }];
  });
}

/** Which facts a mapping change adds, drops or reads differently, for the message. */
function describeMapping(before: unknown, after: unknown): string {
  const old = mappedFacts(before);
  const next = mappedFacts(after);
  const added = next.filter((f) => !old.some((o) => o.key === f.key)).map((f) => f.key);
  const removed = old.filter((f) => !next.some((n) => n.key === f.key)).map((f) => f.key);
  const changed = next.filter((f) => old.some((o) => o.key === f.key && o.spec !== f.spec)).map((f) => f.key);
  const parts = [added.length ? `maps ${added.join(', ')} now` : '', removed.length ? `no longer maps ${removed.join(', ')}` : '', changed.length ? `reads ${changed.join(', ')} differently` : ''].filter(Boolean);
  return parts.length ? ` (${parts.join('; ')})` : '';
}
