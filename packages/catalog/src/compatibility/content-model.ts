// Content models: what an object says about a property name it does not declare. Open (anything goes), closed
// (`false`: no such property), or partially open (a `patternProperties` entry or an `additionalProperties` /
// `unevaluatedProperties` schema decides). Adding a property is judged by the old model, removing one by the new.
import type { JsonSchemaObject } from '../types.js';
import type { DiffContext } from './context.js';
import { compilePattern, isFalse, isTrivial, schemaAt, schemaMapAt } from './keywords.js';
import type { Cursor } from './schema-side.js';

export type Governor = { kind: 'open' } | { kind: 'closed' } | { kind: 'partial'; schemas: Cursor[]; what: string };

const asObject = (cursor: Cursor): JsonSchemaObject => (typeof cursor.node === 'object' ? cursor.node : {});

/** What governs undeclared names that match no pattern: additionalProperties, else unevaluatedProperties. */
export function restGovernor(cursor: Cursor, keywords: readonly string[] = ['additionalProperties', 'unevaluatedProperties']): Governor {
  const node = asObject(cursor);
  for (const keyword of keywords) {
    const schema = schemaAt(node, keyword);
    if (schema === undefined || isTrivial(schema)) continue;
    if (isFalse(schema)) return { kind: 'closed' };
    return { kind: 'partial', schemas: [{ node: schema, side: cursor.side }], what: `"${keyword}"` };
  }
  return { kind: 'open' };
}

/** What the object says about a property `name` that it does not declare. */
export function governorOf(cursor: Cursor, name: string): Governor {
  const matched = Object.entries(schemaMapAt(asObject(cursor), 'patternProperties')).filter(([source]) => compilePattern(source)?.test(name) ?? false);
  if (matched.length === 0) return restGovernor(cursor);
  if (matched.every(([, schema]) => isFalse(schema))) return { kind: 'closed' };
  const schemas = matched.map(([, schema]): Cursor => ({ node: schema, side: cursor.side }));
  return { kind: 'partial', schemas, what: matched.map(([source]) => `patternProperties ${JSON.stringify(source)}`).join(' and ') };
}

/** Does every value `inner` accepts satisfy the governor (all its schemas)? */
export function within(context: DiffContext, inner: Cursor, governor: Governor): boolean {
  if (governor.kind === 'open') return true;
  if (governor.kind === 'closed') return isFalse(inner.node);
  return governor.schemas.every((schema) => context.isSubschema(inner, schema));
}

/** Does every value the governor accepts satisfy `outer`? (a conjunction is within `outer` when one part is) */
export function covers(context: DiffContext, governor: Governor, outer: Cursor): boolean {
  if (governor.kind === 'closed') return true;
  if (governor.kind === 'open') return isTrivial(outer.node);
  return governor.schemas.some((schema) => context.isSubschema(schema, outer));
}

/** Why `inner` does not fit the governor, for messages. */
export function whyNotWithin(context: DiffContext, inner: Cursor, governor: Governor): string {
  if (governor.kind !== 'partial') return '';
  for (const schema of governor.schemas) {
    const reason = context.whyNotSubschema(inner, schema);
    if (reason !== undefined) return ` (${reason})`;
  }
  return '';
}

/**
 * Could two `patternProperties` regexes match a common name? Only anchored literal prefixes are told apart
 * (`^S_` and `^I_` never overlap); anything else might.
 */
export function mayOverlap(a: string, b: string): boolean {
  const prefix = (source: string) => {
    const match = /^\^([^\\.[\]()*+?{}|$^]*)(.?)/.exec(source);
    if (!match) return undefined;
    // In `^ab*` the `b` is optional: only `a` is certain.
    return '*?{'.includes(match[2] ?? '') && match[2] !== '' ? match[1]!.slice(0, -1) : match[1];
  };
  const pa = prefix(a);
  const pb = prefix(b);
  if (pa === undefined || pb === undefined) return true;
  return pa.startsWith(pb) || pb.startsWith(pa);
}

