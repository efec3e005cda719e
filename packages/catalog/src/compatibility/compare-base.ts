// The keywords of one schema object, without combinators: the type, the enum, then the constraints of each JSON type
// that both schemas admit (a `maxLength` cannot matter where one side admits no strings).
import { appendPointer } from '../json/pointer.js';
import { jsonTypeOf } from '../schema/walk.js';
import type { JsonSchemaObject } from '../types.js';
import { compareArray } from './compare-array.js';
import { compareNumber } from './compare-number.js';
import { compareObject } from './compare-object.js';
import { compareString } from './compare-string.js';
import type { DiffContext } from './context.js';
import { admits, declaredTypes, effectiveTypes, finiteValues, includesValue, listedValues, show, typesWithin } from './keywords.js';
import { consequence } from './messages.js';
import type { Cursor } from './schema-side.js';

const asObject = (cursor: Cursor): JsonSchemaObject => (typeof cursor.node === 'object' ? cursor.node : {});

export function compareBase(context: DiffContext, o: Cursor, n: Cursor, at: string): void {
  const x = asObject(o);
  const y = asObject(n);
  compareType(context, x, y, at);
  compareEnum(context, x, y, at);
  const tx = effectiveTypes(x);
  const ty = effectiveTypes(y);
  const both = (type: string) => admits(tx, type) && admits(ty, type);
  if (both('string')) compareString(context, x, y, at);
  if (both('integer')) compareNumber(context, x, y, at);
  if (both('object')) compareObject(context, o, n, at);
  if (both('array')) compareArray(context, o, n, at);
}

const describe = (types: Set<string> | undefined) => (types === undefined ? 'any type' : types.size === 0 ? 'no type' : [...types].join(' or '));

function compareType(context: DiffContext, x: JsonSchemaObject, y: JsonSchemaObject, at: string): void {
  const tx = declaredTypes(x);
  const ty = declaredTypes(y);
  // An enum's values may all fit the other side's types even when the declared types differ.
  const fits = (values: unknown[] | undefined, types: Set<string> | undefined) => values !== undefined && values.every((v) => admits(types, jsonTypeOf(v)));
  const backward = typesWithin(tx, ty) || fits(listedValues(x), ty);
  const forward = typesWithin(ty, tx) || fits(listedValues(y), tx);
  if (backward && forward) return;
  const type = backward ? 'TYPE_EXTENDED' : forward ? 'TYPE_NARROWED' : 'TYPE_CHANGED';
  const forwardType = forward ? (backward ? undefined : 'TYPE_EXTENDED') : backward ? 'TYPE_NARROWED' : 'TYPE_CHANGED';
  const verb = backward ? 'widened' : forward ? 'narrowed' : 'changed';
  context.emit(type, at, { backward, forward, forwardType }, `type ${verb} from ${describe(tx)} to ${describe(ty)}${consequence({ backward, forward })}`);
}

function compareEnum(context: DiffContext, x: JsonSchemaObject, y: JsonSchemaObject, at: string): void {
  const explicitX = 'const' in x || 'enum' in x;
  const explicitY = 'const' in y || 'enum' in y;
  if (!explicitX && !explicitY) return;
  const vx = finiteValues(x);
  const vy = finiteValues(y);
  const keyword = 'const' in y ? 'const' : 'enum' in y ? 'enum' : 'const' in x ? 'const' : 'enum';
  const pointer = appendPointer(at, keyword);
  if (vx !== undefined && vy !== undefined) {
    const gone = vx.filter((v) => !includesValue(vy, v));
    const added = vy.filter((v) => !includesValue(vx, v));
    if (gone.length === 0 && added.length === 0) return;
    const backward = gone.length === 0;
    const forward = added.length === 0;
    const type = backward ? 'ENUM_ARRAY_EXTENDED' : forward ? 'ENUM_ARRAY_NARROWED' : 'ENUM_ARRAY_CHANGED';
    const parts = [added.length ? `added ${added.map(show).join(', ')}` : '', gone.length ? `removed ${gone.map(show).join(', ')}` : ''].filter(Boolean);
    const message = `allowed values ${parts.join(' and ')}${consequence({ backward, forward }, { backward: `values written as ${gone.map(show).join(', ')} are rejected now`, forward: `readers still on the old schema reject ${added.map(show).join(', ')}` })}`;
    context.emit(type, pointer, { backward, forward, forwardType: backward ? 'ENUM_ARRAY_NARROWED' : forward ? 'ENUM_ARRAY_EXTENDED' : 'ENUM_ARRAY_CHANGED' }, message);
  } else if (vx !== undefined) {
    context.emit('ENUM_ARRAY_REMOVED', pointer, { backward: true, forward: false, forwardType: 'ENUM_ARRAY_ADDED' }, `the ${keyword} ${show(vx.length === 1 ? vx[0] : vx)} was removed: any value of the type is allowed now, which readers still on the old schema reject`);
  } else if (vy !== undefined) {
    context.emit('ENUM_ARRAY_ADDED', pointer, { backward: false, forward: true, forwardType: 'ENUM_ARRAY_REMOVED' }, `only ${show(vy.length === 1 ? vy[0] : vy)} is allowed now: other values the old schema accepted are rejected`);
  }
}
