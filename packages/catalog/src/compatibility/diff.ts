// The public entry: every change between two schemas, with a BACKWARD and a FORWARD verdict on each.
import type { JsonSchema } from '../types.js';
import { compareNode } from './compare-node.js';
import { DiffContext } from './context.js';
import { CompatibilityPolicy, type DiffOptions, type DiffResult, type SchemaChange } from './model.js';
import { SchemaSide } from './schema-side.js';

interface ResolvedDiffOptions {
  lookupOld: DiffOptions['lookup'];
  lookupNew: DiffOptions['lookup'];
  policy: CompatibilityPolicy;
}

/** The defaults, in one place: no lookup, STRICT policy. */
function resolveOptions(options: DiffOptions): ResolvedDiffOptions {
  return {
    lookupOld: options.lookupOld ?? options.lookup,
    lookupNew: options.lookupNew ?? options.lookup,
    policy: options.policy ?? CompatibilityPolicy.strict,
  };
}

/**
 * Every change from `oldSchema` to `newSchema`. Each change has a type (Confluent's names where one fits), a JSON
 * Pointer, a message, and two verdicts: `backward` (a reader with the new schema still reads what was written with
 * the old one) and `forward` (a reader with the old schema reads what is written with the new one). Both schemas may
 * be any JSON Schema draft from 04 to 2020-12; `$ref`s resolve inside each schema and, through `lookup`, to other
 * documents. Never throws for schema content; an unresolvable reference is an `UNRESOLVED_REFERENCE` change.
 *
 * @example
 * const { changes, backward } = diff(
 *   { type: 'object', additionalProperties: false, properties: { name: { type: 'string', maxLength: 200 } } },
 *   { type: 'object', additionalProperties: false, properties: { name: { type: 'string', maxLength: 100 } } },
 * );
 * // backward === false; changes[0].type === 'MAX_LENGTH_DECREASED'; changes[0].pointer === '/properties/name/maxLength'
 */
export function diff(oldSchema: JsonSchema, newSchema: JsonSchema, options: DiffOptions = {}): DiffResult {
  const resolved = resolveOptions(options);
  const context = DiffContext.start(resolved.policy, compareNode);
  const old = new SchemaSide(oldSchema, resolved.lookupOld, 'old');
  const next = new SchemaSide(newSchema, resolved.lookupNew, 'new');
  context.compare(old.root, next.root, '');
  const changes = unique(context.changes);
  return { changes, backward: changes.every((c) => c.backward), forward: changes.every((c) => c.forward) };
}

// The same change can be reached twice (a shared `$ref` compared from two places reports at each place, but two
// routes to one place report once).
function unique(changes: readonly SchemaChange[]): SchemaChange[] {
  const seen = new Set<string>();
  return changes.filter((change) => {
    const key = `${change.type}\u0000${change.pointer}\u0000${change.message}\u0000${change.backward}\u0000${change.forward}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
