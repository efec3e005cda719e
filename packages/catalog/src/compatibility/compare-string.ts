// String constraints: lengths, pattern, format and content keywords. A pattern can only be compared for equality
// (regular-expression inclusion is undecidable in general), so any other pattern change counts as breaking unless
// every listed value of the enum still matches.
import { appendPointer } from '../json/pointer.js';
import type { JsonSchemaObject } from '../types.js';
import { compareLimit } from './compare-limit.js';
import type { ChangeType } from './change-types.js';
import type { DiffContext } from './context.js';
import { compilePattern, listedValues, numberAt, show, stringLength } from './keywords.js';
import { consequence } from './messages.js';

// Formats whose values are all valid values of a wider format.
const widerFormats: Record<string, readonly string[]> = {
  uri: ['uri-reference', 'iri', 'iri-reference'],
  'uri-reference': ['iri-reference'],
  iri: ['iri-reference'],
  email: ['idn-email'],
  hostname: ['idn-hostname'],
};
const formatWithin = (inner: string, outer: string) => inner === outer || (widerFormats[inner]?.includes(outer) ?? false);

const stringsOf = (node: JsonSchemaObject) => listedValues(node)?.filter((v): v is string => typeof v === 'string');

export function compareString(context: DiffContext, x: JsonSchemaObject, y: JsonSchemaObject, at: string): void {
  const sx = stringsOf(x);
  const sy = stringsOf(y);
  const all = (values: string[] | undefined, test: (s: string) => boolean) => values !== undefined && values.every(test);
  compareLimit(context, {
    at, keyword: 'maxLength', prefix: 'MAX_LENGTH', upper: true, old: numberAt(x, 'maxLength'), next: numberAt(y, 'maxLength'), absent: Infinity,
    oldValuesFit: (max) => all(sx, (s) => stringLength(s) <= max),
    newValuesFit: (max) => all(sy, (s) => stringLength(s) <= max),
  });
  compareLimit(context, {
    at, keyword: 'minLength', prefix: 'MIN_LENGTH', upper: false, old: numberAt(x, 'minLength'), next: numberAt(y, 'minLength'), absent: 0,
    oldValuesFit: (min) => all(sx, (s) => stringLength(s) >= min),
    newValuesFit: (min) => all(sy, (s) => stringLength(s) >= min),
  });
  const matches = (values: string[] | undefined, pattern: unknown) => {
    const regex = typeof pattern === 'string' ? compilePattern(pattern) : undefined;
    return regex !== undefined && all(values, (s) => regex.test(s));
  };
  compareText(context, x, y, at, 'pattern', 'PATTERN', (inner, outer) => inner === outer, (p) => matches(sx, p), (p) => matches(sy, p));
  compareText(context, x, y, at, 'format', 'FORMAT', formatWithin);
  compareText(context, x, y, at, 'contentEncoding', 'CONTENT_ENCODING', (a, b) => a === b);
  compareText(context, x, y, at, 'contentMediaType', 'CONTENT_MEDIA_TYPE', (a, b) => a === b);
}

/** A keyword whose value is a string that either holds (narrows) or not: added, removed or changed. */
function compareText(
  context: DiffContext,
  x: JsonSchemaObject,
  y: JsonSchemaObject,
  at: string,
  keyword: string,
  prefix: 'PATTERN' | 'FORMAT' | 'CONTENT_ENCODING' | 'CONTENT_MEDIA_TYPE',
  within: (inner: string, outer: string) => boolean,
  oldValuesFit?: (value: unknown) => boolean,
  newValuesFit?: (value: unknown) => boolean,
): void {
  const before = typeof x[keyword] === 'string' ? (x[keyword] as string) : undefined;
  const after = typeof y[keyword] === 'string' ? (y[keyword] as string) : undefined;
  if (before === after) return;
  const backward = after === undefined || (before !== undefined && within(before, after)) || (oldValuesFit?.(after) ?? false);
  const forward = before === undefined || (after !== undefined && within(after, before)) || (newValuesFit?.(before) ?? false);
  const suffix = before === undefined ? 'ADDED' : after === undefined ? 'REMOVED' : 'CHANGED';
  const reverse = before === undefined ? 'REMOVED' : after === undefined ? 'ADDED' : 'CHANGED';
  const what = before === undefined ? `${keyword} ${show(after)} added` : after === undefined ? `${keyword} ${show(before)} removed` : `${keyword} changed from ${show(before)} to ${show(after)}`;
  context.emit(`${prefix}_${suffix}` as ChangeType, appendPointer(at, keyword), { backward, forward, forwardType: `${prefix}_${reverse}` as ChangeType }, `${what}${consequence({ backward, forward })}`);
}
