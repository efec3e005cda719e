// dependentRequired (draft-07 `dependencies` with arrays) and dependentSchemas (`dependencies` with schemas):
// when a property is present, more required names or a stricter schema narrow what is accepted.
import { appendPointer } from '../json/pointer.js';
import type { JsonSchemaObject } from '../types.js';
import type { ChangeType } from './change-types.js';
import type { DiffContext } from './context.js';
import { isTrivial, schemaMapAt, show } from './keywords.js';
import { consequence } from './messages.js';
import { sourceKeywordsOf } from './normalize.js';
import type { Cursor } from './schema-side.js';

const asObject = (cursor: Cursor): JsonSchemaObject => (typeof cursor.node === 'object' ? cursor.node : {});

function namesMap(node: JsonSchemaObject): Record<string, string[]> {
  const value = node['dependentRequired'];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
  const out: Record<string, string[]> = {};
  for (const [key, names] of Object.entries(value)) if (Array.isArray(names)) out[key] = names.filter((n): n is string => typeof n === 'string');
  return out;
}

export function compareDependencies(context: DiffContext, o: Cursor, n: Cursor, at: string): void {
  const x = asObject(o);
  const y = asObject(n);
  const requiredKeyword = sourceKeywordsOf(y).dependentRequired ?? sourceKeywordsOf(x).dependentRequired ?? 'dependentRequired';
  const schemasKeyword = sourceKeywordsOf(y).dependentSchemas ?? sourceKeywordsOf(x).dependentSchemas ?? 'dependentSchemas';
  const rx = namesMap(x);
  const ry = namesMap(y);
  for (const key of [...new Set([...Object.keys(rx), ...Object.keys(ry)])]) {
    const before = new Set(rx[key] ?? []);
    const after = new Set(ry[key] ?? []);
    const added = [...after].filter((name) => !before.has(name));
    const removed = [...before].filter((name) => !after.has(name));
    if (added.length === 0 && removed.length === 0) continue;
    const backward = added.length === 0;
    const forward = removed.length === 0;
    const [type, reverse] = !Object.hasOwn(rx, key) ? ['ADDED', 'REMOVED'] : !Object.hasOwn(ry, key) ? ['REMOVED', 'ADDED'] : backward ? ['NARROWED', 'EXTENDED'] : forward ? ['EXTENDED', 'NARROWED'] : ['CHANGED', 'CHANGED'];
    const what = `when "${key}" is present, ${[added.length ? `${added.map(show).join(', ')} must be present too` : '', removed.length ? `${removed.map(show).join(', ')} no longer must` : ''].filter(Boolean).join(' and ')}`;
    context.emit(`DEPENDENCY_ARRAY_${type}` as ChangeType, appendPointer(at, requiredKeyword, key), { backward, forward, forwardType: `DEPENDENCY_ARRAY_${reverse}` as ChangeType }, `${what}${consequence({ backward, forward })}`);
  }
  const sx = schemaMapAt(x, 'dependentSchemas');
  const sy = schemaMapAt(y, 'dependentSchemas');
  for (const key of [...new Set([...Object.keys(sx), ...Object.keys(sy)])]) {
    const pointer = appendPointer(at, schemasKeyword, key);
    const before = Object.hasOwn(sx, key) ? sx[key] : undefined;
    const after = Object.hasOwn(sy, key) ? sy[key] : undefined;
    if (before !== undefined && after !== undefined) context.compare({ node: before, side: o.side }, { node: after, side: n.side }, pointer);
    else if (after !== undefined) {
      const backward = isTrivial(after);
      context.emit('DEPENDENCY_SCHEMA_ADDED', pointer, { backward, forward: true, forwardType: 'DEPENDENCY_SCHEMA_REMOVED' }, `a schema now applies when "${key}" is present${consequence({ backward, forward: true })}`);
    } else if (before !== undefined) {
      const forward = isTrivial(before);
      context.emit('DEPENDENCY_SCHEMA_REMOVED', pointer, { backward: true, forward, forwardType: 'DEPENDENCY_SCHEMA_ADDED' }, `the schema that applied when "${key}" is present was removed${consequence({ backward: true, forward })}`);
    }
  }
}
