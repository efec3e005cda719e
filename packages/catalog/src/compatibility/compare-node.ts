// The comparison of two schema nodes: references first, then `false`, annotations, what the checker refuses,
// and finally the assertions, combinator by combinator and type by type.
import { isDeepStrictEqual } from 'node:util';
import { appendPointer } from '../json/pointer.js';
import type { JsonSchema, JsonSchemaObject } from '../types.js';
import { compareAnnotations } from './compare-annotations.js';
import { compareBase } from './compare-base.js';
import { compareAllOf, compareConditional, compareNot } from './compare-logic.js';
import { compareSums } from './compare-sums.js';
import type { CompareFunction, DiffContext } from './context.js';
import { containsRef, isFalse, schemaListAt, unionOf } from './keywords.js';
import { resolveNode } from './resolve-node.js';
import type { Cursor } from './schema-side.js';

const trueKey = {};
const falseKey = {};
const identity = (node: JsonSchema): object => (node === true ? trueKey : node === false ? falseKey : node);

export const compareNode: CompareFunction = (context, old, next, at) => {
  const o = resolveNode(old);
  const n = resolveNode(next);
  if (!o.ok || !n.ok) {
    if (!o.ok && !n.ok && o.ref === n.ref) return; // the same broken reference on both sides
    const broken = !n.ok ? { side: 'new', ...n } : { side: 'old', ...(o as Extract<typeof o, { ok: false }>) };
    context.emit('UNRESOLVED_REFERENCE', at, { backward: false, forward: false }, `the ${broken.side} schema's reference ${JSON.stringify(broken.ref)} does not resolve (${broken.message}), so nothing can be said about this part`);
    return;
  }
  const run = () => compareResolved(context, o.cursor, n.cursor, at);
  if (o.refTarget === undefined && n.refTarget === undefined) run();
  else context.guard(o.refTarget ?? identity(o.cursor.node), n.refTarget ?? identity(n.cursor.node), run);
};

const asObject = (node: JsonSchema): JsonSchemaObject => (node === true ? {} : (node as JsonSchemaObject));

function compareResolved(context: DiffContext, o: Cursor, n: Cursor, at: string): void {
  if (isDeepStrictEqual(o.node, n.node) && !containsRef(o.node)) return;
  const oldFalse = isFalse(o.node);
  const newFalse = isFalse(n.node);
  if (oldFalse && newFalse) return;
  if (oldFalse) {
    context.emit('TYPE_EXTENDED', at, { backward: true, forward: false, forwardType: 'TYPE_NARROWED' }, 'the old schema accepted no value here (false) and the new one accepts some: readers still on the old schema reject them');
    return;
  }
  if (newFalse) {
    context.emit('TYPE_NARROWED', at, { backward: false, forward: true, forwardType: 'TYPE_EXTENDED' }, 'the new schema accepts no value here (false): every value the old schema accepted is rejected now');
    return;
  }
  const x = asObject(o.node);
  const y = asObject(n.node);
  compareAnnotations(context, x, y, at);
  if (refuses(context, x, y, at)) return;
  if (unionOf(x) !== undefined || unionOf(y) !== undefined) compareSums(context, o, n, at);
  else compareBase(context, o, n, at);
  compareAllOf(context, o, n, at);
  compareNot(context, o, n, at);
  compareConditional(context, o, n, at);
}

const dynamic = ['$dynamicRef', '$recursiveRef'];
const collectors = ['allOf', 'anyOf', 'oneOf', 'if', 'dependentSchemas'];

/** Parts of JSON Schema the checker does not reason about: it says so instead of guessing. */
function refuses(context: DiffContext, x: JsonSchemaObject, y: JsonSchemaObject, at: string): boolean {
  const refuse = (keyword: string, why: string) => {
    context.emit('UNSUPPORTED_KEYWORD', appendPointer(at, keyword), { backward: false, forward: false }, `"${keyword}" ${why}; factline does not judge changes here`);
    return true;
  };
  for (const keyword of dynamic) {
    if (keyword in x || keyword in y) return refuse(keyword, 'resolves against the dynamic scope of the instance');
  }
  for (const keyword of ['unevaluatedProperties', 'unevaluatedItems']) {
    const beside = collectors.find((c) => (keyword in x && c in x) || (keyword in y && c in y));
    if (beside !== undefined) return refuse(keyword, `depends on what "${beside}" evaluates for each value`);
  }
  const both = (node: JsonSchemaObject) => (schemaListAt(node, 'anyOf')?.length ?? 0) > 0 && (schemaListAt(node, 'oneOf')?.length ?? 0) > 0;
  if (both(x) || both(y)) return refuse('oneOf', 'appears beside "anyOf" in one schema');
  return false;
}
