// Array constraints. Tuples are compared position by position; a position one side lacks is governed by that
// side's rest keyword (open, closed or a schema), the same content-model reasoning as for object properties.
import { appendPointer } from '../json/pointer.js';
import type { JsonSchema, JsonSchemaObject } from '../types.js';
import type { ChangeType } from './change-types.js';
import { compareLimit } from './compare-limit.js';
import { compareRest } from './compare-rest.js';
import type { DiffContext } from './context.js';
import { covers, within, type Governor } from './content-model.js';
import { isFalse, isTrivial, numberAt, schemaAt, schemaListAt } from './keywords.js';
import { consequence } from './messages.js';
import { sourceKeywordsOf } from './normalize.js';
import type { Cursor } from './schema-side.js';

const asObject = (cursor: Cursor): JsonSchemaObject => (typeof cursor.node === 'object' ? cursor.node : {});

function governorOfRest(schema: JsonSchema | undefined, side: Cursor['side']): Governor {
  if (isTrivial(schema)) return { kind: 'open' };
  if (isFalse(schema)) return { kind: 'closed' };
  return { kind: 'partial', schemas: [{ node: schema!, side }], what: 'the rest of the array' };
}

export function compareArray(context: DiffContext, o: Cursor, n: Cursor, at: string): void {
  const x = asObject(o);
  const y = asObject(n);
  const tx = schemaListAt(x, 'prefixItems');
  const ty = schemaListAt(y, 'prefixItems');
  if (tx === undefined && ty === undefined) compareItems(context, o, n, at, schemaAt(x, 'items'), schemaAt(y, 'items'));
  else compareTuples(context, o, n, at, tx ?? [], ty ?? []);
  compareRest(context, o, n, at, 'unevaluatedItems', 'UNEVALUATED_ITEMS', 'items');
  compareContains(context, o, n, at);
  compareLimit(context, { at, keyword: 'maxItems', prefix: 'MAX_ITEMS', upper: true, old: numberAt(x, 'maxItems'), next: numberAt(y, 'maxItems'), absent: Infinity });
  compareLimit(context, { at, keyword: 'minItems', prefix: 'MIN_ITEMS', upper: false, old: numberAt(x, 'minItems'), next: numberAt(y, 'minItems'), absent: 0 });
  const unique = (node: JsonSchemaObject) => node['uniqueItems'] === true;
  if (unique(x) !== unique(y)) {
    const backward = unique(x);
    context.emit(backward ? 'UNIQUE_ITEMS_REMOVED' : 'UNIQUE_ITEMS_ADDED', appendPointer(at, 'uniqueItems'), { backward, forward: !backward, forwardType: backward ? 'UNIQUE_ITEMS_ADDED' : 'UNIQUE_ITEMS_REMOVED' }, `items ${backward ? 'may repeat now' : 'must be unique now'}${consequence({ backward, forward: !backward })}`);
  }
}

function compareItems(context: DiffContext, o: Cursor, n: Cursor, at: string, before: JsonSchema | undefined, after: JsonSchema | undefined): void {
  const pointer = appendPointer(at, 'items');
  if (isTrivial(before) && isTrivial(after)) return;
  if (isTrivial(before)) {
    context.emit('SCHEMA_ADDED', pointer, { backward: false, forward: true, forwardType: 'SCHEMA_REMOVED' }, 'items must match a schema now (any item was allowed): arrays written with the old schema can be rejected now');
  } else if (isTrivial(after)) {
    context.emit('SCHEMA_REMOVED', pointer, { backward: true, forward: false, forwardType: 'SCHEMA_ADDED' }, 'items may be anything now: readers still on the old schema can reject items the new schema accepts');
  } else {
    context.compare({ node: before!, side: o.side }, { node: after!, side: n.side }, pointer);
  }
}

function compareTuples(context: DiffContext, o: Cursor, n: Cursor, at: string, tx: JsonSchema[], ty: JsonSchema[]): void {
  const names = { ...sourceKeywordsOf(o.node), ...sourceKeywordsOf(n.node) };
  const tupleKeyword = names.tuple ?? 'prefixItems';
  const restKeyword = names.rest ?? (tupleKeyword === 'items' ? 'additionalItems' : 'items');
  const restX = schemaAt(asObject(o), 'items');
  const restY = schemaAt(asObject(n), 'items');
  const oldRest = governorOfRest(restX, o.side);
  const newRest = governorOfRest(restY, n.side);
  for (let i = 0; i < Math.max(tx.length, ty.length); i++) {
    const pointer = appendPointer(at, tupleKeyword, i);
    const before = tx[i];
    const after = ty[i];
    if (before !== undefined && after !== undefined) {
      context.compare({ node: before, side: o.side }, { node: after, side: n.side }, pointer);
    } else if (after !== undefined) {
      const item = { node: after, side: n.side };
      const forward = context.forwardCheck(() => within(context, item, oldRest));
      const forwardType: ChangeType = oldRest.kind === 'open' ? 'ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL' : oldRest.kind === 'closed' ? (forward ? 'ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL' : 'ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL') : forward ? 'ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL' : 'ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL';
      const backward = covers(context, oldRest, item);
      const type: ChangeType =
        oldRest.kind === 'open' ? (backward ? 'ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL' : 'ITEM_ADDED_TO_OPEN_CONTENT_MODEL') : oldRest.kind === 'closed' ? 'ITEM_ADDED_TO_CLOSED_CONTENT_MODEL' : backward ? 'ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL' : 'ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL';
      context.emit(type, pointer, { backward, forward, forwardType }, `tuple item ${i} added where the old ${restKeyword} was ${oldRest.kind}${consequence({ backward, forward }, { backward: `arrays written with the old schema may hold an item at ${i} that the new item schema rejects` })}`);
    } else if (before !== undefined) {
      const item = { node: before, side: o.side };
      const backward = within(context, item, newRest);
      const forward = context.forwardCheck(() => covers(context, newRest, item));
      const forwardType: ChangeType = newRest.kind === 'open' ? (forward ? 'ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL' : 'ITEM_ADDED_TO_OPEN_CONTENT_MODEL') : newRest.kind === 'closed' ? 'ITEM_ADDED_TO_CLOSED_CONTENT_MODEL' : forward ? 'ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL' : 'ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL';
      const type: ChangeType =
        newRest.kind === 'open' ? 'ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL' : newRest.kind === 'closed' ? (backward ? 'ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL' : 'ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL') : backward ? 'ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL' : 'ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL';
      context.emit(type, pointer, { backward, forward, forwardType }, `tuple item ${i} removed; the new ${restKeyword} is ${newRest.kind}${consequence({ backward, forward }, { backward: `arrays written with the old schema hold items at ${i} that the new schema rejects` })}`);
    }
  }
  compareRest(context, o, n, at, restKeyword, 'ADDITIONAL_ITEMS', 'items', { before: restX, after: restY });
}

function compareContains(context: DiffContext, o: Cursor, n: Cursor, at: string): void {
  const x = asObject(o);
  const y = asObject(n);
  const before = schemaAt(x, 'contains');
  const after = schemaAt(y, 'contains');
  const pointer = appendPointer(at, 'contains');
  if (before === undefined && after === undefined) return;
  if (before === undefined) {
    context.emit('SCHEMA_ADDED', pointer, { backward: false, forward: true, forwardType: 'SCHEMA_REMOVED' }, 'arrays must contain a matching item now: arrays written with the old schema can be rejected now');
    return;
  }
  if (after === undefined) {
    context.emit('SCHEMA_REMOVED', pointer, { backward: true, forward: false, forwardType: 'SCHEMA_ADDED' }, 'arrays need not contain a matching item now: readers still on the old schema can reject such arrays');
    return;
  }
  context.compare({ node: before, side: o.side }, { node: after, side: n.side }, pointer);
  compareLimit(context, { at, keyword: 'maxContains', prefix: 'MAX_CONTAINS', upper: true, old: numberAt(x, 'maxContains'), next: numberAt(y, 'maxContains'), absent: Infinity });
  compareLimit(context, { at, keyword: 'minContains', prefix: 'MIN_CONTAINS', upper: false, old: numberAt(x, 'minContains'), next: numberAt(y, 'minContains'), absent: 1 });
}
