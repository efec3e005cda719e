// The keywords that decide about everything not declared: additionalProperties and unevaluatedProperties for
// objects, the rest of a tuple (`items` after `prefixItems`, or draft-07 `additionalItems`) and unevaluatedItems.
// Absent or `true` is open, `false` closed, a schema partially open.
import { appendPointer } from '../json/pointer.js';
import type { JsonSchema } from '../types.js';
import type { ChangeType } from './change-types.js';
import type { DiffContext } from './context.js';
import { isFalse, isTrivial, schemaAt } from './keywords.js';
import { consequence } from './messages.js';
import type { Cursor } from './schema-side.js';

type Prefix = 'ADDITIONAL_PROPERTIES' | 'UNEVALUATED_PROPERTIES' | 'ADDITIONAL_ITEMS' | 'UNEVALUATED_ITEMS';

const state = (schema: JsonSchema | undefined) => (isTrivial(schema) ? 'open' : isFalse(schema) ? 'closed' : 'schema');

/**
 * Compares one such keyword. For objects the values are read from the nodes; for tuples the caller passes them
 * (`before`/`after`) with the keyword the file used.
 */
export function compareRest(
  context: DiffContext,
  o: Cursor,
  n: Cursor,
  at: string,
  keyword: string,
  prefix: Prefix,
  noun: 'properties' | 'items',
  values?: { before: JsonSchema | undefined; after: JsonSchema | undefined },
): void {
  const before = values ? values.before : typeof o.node === 'object' ? schemaAt(o.node, keyword) : undefined;
  const after = values ? values.after : typeof n.node === 'object' ? schemaAt(n.node, keyword) : undefined;
  const from = state(before);
  const to = state(after);
  const pointer = appendPointer(at, keyword);
  if (from === to && from !== 'schema') return;
  if (from === 'schema' && to === 'schema') {
    context.compare({ node: before!, side: o.side }, { node: after!, side: n.side }, pointer);
    return;
  }
  const extra = noun === 'properties' ? 'undeclared properties' : 'items beyond the tuple';
  const [suffix, reverse, backward, what]: [string, string, boolean, string] =
    from === 'closed'
      ? ['ADDED', 'REMOVED', true, `${keyword} allows ${extra} now (it was false)`]
      : to === 'closed'
        ? ['REMOVED', 'ADDED', false, `${keyword} is false now: ${extra} are rejected`]
        : from === 'open'
          ? ['NARROWED', 'EXTENDED', false, `${keyword} restricts ${extra} now (they were free)`]
          : ['EXTENDED', 'NARROWED', true, `${keyword} allows any ${extra} now (a schema restricted them)`];
  const forward = !backward;
  context.emit(`${prefix}_${suffix}` as ChangeType, pointer, { backward, forward, forwardType: `${prefix}_${reverse}` as ChangeType }, `${what}${consequence({ backward, forward })}`);
}
