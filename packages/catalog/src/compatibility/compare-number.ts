// Numeric constraints. Each side's lower and upper bound is one value with an inclusive/exclusive flag, however it
// was written (minimum, exclusiveMinimum, draft-04's boolean form), so `exclusiveMinimum: 10` and draft-04's
// `minimum: 10, exclusiveMinimum: true` are the same bound. For integer-only schemas bounds are rounded to whole
// numbers first (`exclusiveMinimum: 0` is `minimum: 1`).
import { appendPointer } from '../json/pointer.js';
import type { JsonSchemaObject } from '../types.js';
import type { ChangeType } from './change-types.js';
import type { DiffContext } from './context.js';
import { declaredTypes, integerOnly, listedValues, numberAt } from './keywords.js';
import { consequence } from './messages.js';

interface Bound {
  value: number;
  exclusive: boolean;
}

function boundOf(node: JsonSchemaObject, lower: boolean): Bound | undefined {
  const inclusive = numberAt(node, lower ? 'minimum' : 'maximum');
  const exclusive = numberAt(node, lower ? 'exclusiveMinimum' : 'exclusiveMaximum');
  if (exclusive !== undefined && (inclusive === undefined || (lower ? exclusive >= inclusive : exclusive <= inclusive))) return { value: exclusive, exclusive: true };
  return inclusive === undefined ? undefined : { value: inclusive, exclusive: false };
}

function rounded(bound: Bound | undefined, lower: boolean, integer: boolean): Bound | undefined {
  if (bound === undefined || !integer) return bound;
  if (lower) return { value: bound.exclusive ? Math.floor(bound.value) + 1 : Math.ceil(bound.value), exclusive: false };
  return { value: bound.exclusive ? Math.ceil(bound.value) - 1 : Math.floor(bound.value), exclusive: false };
}

/** Does the `outer` bound admit every number the `inner` bound admits? */
function within(inner: Bound | undefined, outer: Bound | undefined, lower: boolean): boolean {
  if (outer === undefined) return true;
  if (inner === undefined) return false;
  if (inner.value !== outer.value) return lower ? outer.value < inner.value : outer.value > inner.value;
  return !outer.exclusive || inner.exclusive;
}

const satisfies = (value: number, bound: Bound, lower: boolean) =>
  lower ? (bound.exclusive ? value > bound.value : value >= bound.value) : bound.exclusive ? value < bound.value : value <= bound.value;

const show = (bound: Bound, lower: boolean) => `${lower ? (bound.exclusive ? '>' : '≥') : bound.exclusive ? '<' : '≤'} ${bound.value}`;

/** Is `a` a whole multiple of `b`? (with a tolerance for binary fractions such as 0.1) */
export function isMultipleOf(a: number, b: number): boolean {
  if (b === 0) return false;
  const ratio = a / b;
  return Math.round(ratio) >= 1 && Math.abs(ratio - Math.round(ratio)) < 1e-9 * Math.max(1, Math.abs(ratio));
}

export function compareNumber(context: DiffContext, x: JsonSchemaObject, y: JsonSchemaObject, at: string): void {
  const ix = integerOnly(declaredTypes(x));
  const iy = integerOnly(declaredTypes(y));
  const nx = listedValues(x)?.filter((v): v is number => typeof v === 'number');
  const ny = listedValues(y)?.filter((v): v is number => typeof v === 'number');
  for (const lower of [true, false]) {
    const before = boundOf(x, lower);
    const after = boundOf(y, lower);
    const widens = within(rounded(before, lower, ix), after, lower);
    const narrows = within(rounded(after, lower, iy), before, lower);
    if (widens && narrows) continue; // the same bound, spelled differently
    // A bound every listed value of the enum meets changes nothing for those values.
    const backward = widens || (after !== undefined && nx !== undefined && nx.every((v) => satisfies(v, after, lower)));
    const forward = narrows || (before !== undefined && ny !== undefined && ny.every((v) => satisfies(v, before, lower)));
    const name = (bound: Bound) => `${bound.exclusive ? 'EXCLUSIVE_' : ''}${lower ? 'MINIMUM' : 'MAXIMUM'}`;
    const keyword = (bound: Bound) => `${bound.exclusive ? 'exclusive' : ''}${lower ? (bound.exclusive ? 'Minimum' : 'minimum') : bound.exclusive ? 'Maximum' : 'maximum'}`;
    let type: string;
    let reverse: string;
    let pointer: string;
    let what: string;
    if (before === undefined && after !== undefined) {
      [type, reverse, pointer, what] = [`${name(after)}_ADDED`, `${name(after)}_REMOVED`, keyword(after), `a bound ${show(after, lower)} was added`];
    } else if (after === undefined && before !== undefined) {
      [type, reverse, pointer, what] = [`${name(before)}_REMOVED`, `${name(before)}_ADDED`, keyword(before), `the bound ${show(before, lower)} was removed`];
    } else {
      const b = before!;
      const a = after!;
      const wider = within(b, a, lower);
      const direction = lower === wider ? 'DECREASED' : 'INCREASED';
      const opposite = direction === 'DECREASED' ? 'INCREASED' : 'DECREASED';
      [type, reverse, pointer, what] = [`${name(a)}_${direction}`, `${name(b)}_${opposite}`, keyword(a), `the ${lower ? 'lower' : 'upper'} bound changed from ${show(b, lower)} to ${show(a, lower)}`];
    }
    context.emit(type as ChangeType, appendPointer(at, pointer), { backward, forward, forwardType: reverse as ChangeType }, `${what}${consequence({ backward, forward })}`);
  }
  compareMultipleOf(context, x, y, at, ix, iy, nx, ny);
}

function compareMultipleOf(context: DiffContext, x: JsonSchemaObject, y: JsonSchemaObject, at: string, ix: boolean, iy: boolean, nx: number[] | undefined, ny: number[] | undefined): void {
  const before = numberAt(x, 'multipleOf');
  const after = numberAt(y, 'multipleOf');
  if (before === after) return;
  // Integers are multiples of 1 (and of any 1/k).
  const stepX = before ?? (ix ? 1 : undefined);
  const stepY = after ?? (iy ? 1 : undefined);
  const widens = after === undefined || (stepX !== undefined && isMultipleOf(stepX, after));
  const narrows = before === undefined || (stepY !== undefined && isMultipleOf(stepY, before));
  if (widens && narrows) return;
  const backward = widens || (nx !== undefined && nx.every((v) => v === 0 || isMultipleOf(Math.abs(v), after!)));
  const forward = narrows || (ny !== undefined && ny.every((v) => v === 0 || isMultipleOf(Math.abs(v), before!)));
  const [type, reverse] =
    before === undefined ? ['ADDED', 'REMOVED'] : after === undefined ? ['REMOVED', 'ADDED'] : isMultipleOf(before, after) ? ['REDUCED', 'EXPANDED'] : isMultipleOf(after, before) ? ['EXPANDED', 'REDUCED'] : ['CHANGED', 'CHANGED'];
  const what = before === undefined ? `multipleOf ${after} added` : after === undefined ? `multipleOf ${before} removed` : `multipleOf changed from ${before} to ${after}`;
  context.emit(`MULTIPLE_OF_${type}` as ChangeType, appendPointer(at, 'multipleOf'), { backward, forward, forwardType: `MULTIPLE_OF_${reverse}` as ChangeType }, `${what}${consequence({ backward, forward })}`);
}
