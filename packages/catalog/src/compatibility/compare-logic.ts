// allOf parts that could not be flattened, `not`, and if/then/else. `not` reverses the direction: excluding fewer
// values accepts more. if/then/else is judged only while `if` stays the same (then each branch must not narrow);
// a changed condition moves values between branches, which the checker does not try to follow.
import { appendPointer } from '../json/pointer.js';
import type { JsonSchema, JsonSchemaObject } from '../types.js';
import { conjoin } from './conjoin.js';
import type { DiffContext } from './context.js';
import { provablyDisjoint } from './disjoint.js';
import { assertionPart, sameSchema, schemaAt, schemaListAt } from './keywords.js';
import { consequence } from './messages.js';
import type { Cursor } from './schema-side.js';

const asObject = (cursor: Cursor): JsonSchemaObject => (typeof cursor.node === 'object' ? cursor.node : {});

export function compareAllOf(context: DiffContext, o: Cursor, n: Cursor, at: string): void {
  const ax = schemaListAt(asObject(o), 'allOf') ?? [];
  const ay = schemaListAt(asObject(n), 'allOf') ?? [];
  ay.forEach((part, j) => {
    if (ax.some((other) => sameSchema(other, part))) return;
    const backward = context.isSubschema(o, { node: part, side: n.side });
    context.emit('PRODUCT_TYPE_EXTENDED', appendPointer(at, 'allOf', j), { backward, forward: true, forwardType: 'PRODUCT_TYPE_NARROWED' }, `allOf part ${j} added or changed${backward ? ': the old schema already implied it' : ': values the old schema accepted can be rejected now'}`);
  });
  ax.forEach((part, i) => {
    if (ay.some((other) => sameSchema(other, part))) return;
    const forward = context.forwardCheck(() => context.isSubschema(n, { node: part, side: o.side }));
    context.emit('PRODUCT_TYPE_NARROWED', appendPointer(at, 'allOf', i), { backward: true, forward, forwardType: 'PRODUCT_TYPE_EXTENDED' }, `allOf part ${i} removed or changed${forward ? '' : ': readers still on the old schema apply it and can reject new values'}`);
  });
}

export function compareNot(context: DiffContext, o: Cursor, n: Cursor, at: string): void {
  const before = schemaAt(asObject(o), 'not');
  const after = schemaAt(asObject(n), 'not');
  if (before === undefined && after === undefined) return;
  const pointer = appendPointer(at, 'not');
  if (before !== undefined && after !== undefined) {
    const oldNot = { node: before, side: o.side };
    const newNot = { node: after, side: n.side };
    const backward = context.isSubschema(newNot, oldNot);
    const forward = context.forwardCheck(() => context.isSubschema(oldNot, newNot));
    if (backward && forward) return;
    const type = backward ? 'NOT_TYPE_NARROWED' : 'NOT_TYPE_EXTENDED';
    context.emit(type, pointer, { backward, forward, forwardType: forward ? 'NOT_TYPE_NARROWED' : 'NOT_TYPE_EXTENDED' }, `"not" excludes ${backward ? 'fewer' : 'other'} values now${consequence({ backward, forward }, { backward: 'it excludes values the old schema accepted' })}`);
  } else if (after !== undefined) {
    const backward = provablyDisjoint(o, { node: after, side: n.side });
    context.emit('NOT_TYPE_EXTENDED', pointer, { backward, forward: true, forwardType: 'NOT_TYPE_NARROWED' }, `"not" added${backward ? ': it excludes nothing the old schema accepted' : ': it may exclude values the old schema accepted'}`);
  } else if (before !== undefined) {
    const forward = context.forwardCheck(() => provablyDisjoint(n, { node: before, side: o.side }));
    context.emit('NOT_TYPE_NARROWED', pointer, { backward: true, forward, forwardType: 'NOT_TYPE_EXTENDED' }, `"not" removed${forward ? '' : ': readers still on the old schema exclude values the new schema accepts'}`);
  }
}

const conditionKeywords = ['if', 'then', 'else'];

export function compareConditional(context: DiffContext, o: Cursor, n: Cursor, at: string): void {
  const x = asObject(o);
  const y = asObject(n);
  const ifX = schemaAt(x, 'if');
  const ifY = schemaAt(y, 'if');
  if (ifX === undefined && ifY === undefined) return;
  const branch = (node: JsonSchemaObject, keyword: string): JsonSchema => schemaAt(node, keyword) ?? true;
  if (ifX !== undefined && ifY !== undefined) {
    const conditionX = { node: ifX, side: o.side };
    const conditionY = { node: ifY, side: n.side };
    if (!(sameSchema(ifX, ifY) || (context.isSubschema(conditionX, conditionY) && context.isSubschema(conditionY, conditionX)))) {
      context.emit('IF_SCHEMA_CHANGED', appendPointer(at, 'if'), { backward: false, forward: false, forwardType: 'IF_SCHEMA_CHANGED' }, 'the "if" condition changed: values may now take the other branch, which factline cannot judge');
      return;
    }
    // Each branch applies together with the rest of its schema; comparing them in that context avoids false alarms.
    const baseX = assertionPart(x, [...conditionKeywords, 'allOf', 'anyOf', 'oneOf', 'not']);
    const baseY = assertionPart(y, [...conditionKeywords, 'allOf', 'anyOf', 'oneOf', 'not']);
    for (const keyword of ['then', 'else']) {
      const before = branch(x, keyword);
      const after = branch(y, keyword);
      if (sameSchema(before, after)) continue;
      context.compare({ node: conjoin(baseX, before) ?? before, side: o.side }, { node: conjoin(baseY, after) ?? after, side: n.side }, appendPointer(at, keyword));
    }
  } else if (ifY !== undefined) {
    const backward = ['then', 'else'].every((keyword) => context.isSubschema(o, { node: branch(y, keyword), side: n.side }));
    context.emit('CONDITIONAL_ADDED', appendPointer(at, 'if'), { backward, forward: true, forwardType: 'CONDITIONAL_REMOVED' }, `an if/then/else was added${backward ? ': every old value satisfies both branches' : ': values the old schema accepted can fail a branch now'}`);
  } else {
    const forward = context.forwardCheck(() => ['then', 'else'].every((keyword) => context.isSubschema(n, { node: branch(x, keyword), side: o.side })));
    context.emit('CONDITIONAL_REMOVED', appendPointer(at, 'if'), { backward: true, forward, forwardType: 'CONDITIONAL_ADDED' }, `the if/then/else was removed${forward ? '' : ': readers still on the old schema apply it and can reject new values'}`);
  }
}
