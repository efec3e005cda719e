// anyOf / oneOf. A reader with the new schema accepts an old value when the value's old alternative fits some new
// alternative, so alternatives are paired: identical ones first, then by "old fits new" (a maximum matching), and
// what is left explains itself by comparing leftovers with each other. A schema without a union is treated as a
// union of one alternative. oneOf adds exclusivity: a value that fits two new alternatives is rejected, so a new
// alternative that may overlap an old value's alternative is a breaking change unless the overlap already existed.
import { appendPointer } from '../json/pointer.js';
import type { JsonSchema, JsonSchemaObject } from '../types.js';
import { compareBase } from './compare-base.js';
import { conjoin } from './conjoin.js';
import type { DiffContext } from './context.js';
import { provablyDisjoint } from './disjoint.js';
import { assertionPart, sameSchema, schemaListAt, unionOf } from './keywords.js';
import type { Cursor } from './schema-side.js';

interface Alternative {
  cursor: Cursor;
  pointer: string;
  /** Position in its union; -1 when the schema had no union. */
  index: number;
}

const elsewhere = ['allOf', 'not', 'if', 'then', 'else'];
const label = (alternative: Alternative, side: 'old' | 'new') => (alternative.index < 0 ? `the ${side} schema` : `${side} alternative ${alternative.index}`);

function alternatives(cursor: Cursor, keyword: 'anyOf' | 'oneOf' | undefined, at: string, base: JsonSchema, withBase: boolean): Alternative[] {
  const node = cursor.node as JsonSchemaObject;
  if (keyword === undefined) return [{ cursor: { node: base, side: cursor.side }, pointer: at, index: -1 }];
  return (schemaListAt(node, keyword) ?? []).map((alt, index) => ({
    cursor: { node: withBase ? (conjoin(base, alt) ?? { allOf: [base, alt] }) : alt, side: cursor.side },
    pointer: appendPointer(at, keyword, index),
    index,
  }));
}

export function compareSums(context: DiffContext, o: Cursor, n: Cursor, at: string): void {
  const x = (typeof o.node === 'object' ? o.node : {}) as JsonSchemaObject;
  const y = (typeof n.node === 'object' ? n.node : {}) as JsonSchemaObject;
  const kx = unionOf(x);
  const ky = unionOf(y);
  const baseX = assertionPart(x, [...elsewhere, 'anyOf', 'oneOf']);
  const baseY = assertionPart(y, [...elsewhere, 'anyOf', 'oneOf']);
  // With a union on both sides, the shared keywords are compared once; otherwise each alternative carries them.
  const both = kx !== undefined && ky !== undefined;
  if (both) compareBase(context, { node: baseX, side: o.side }, { node: baseY, side: n.side }, at);
  const olds = alternatives(o, kx, at, baseX, !both);
  const news = alternatives(n, ky, at, baseY, !both);

  const partner = new Map<number, number>(); // old → new, pairs that need no further explanation
  const taken = new Set<number>();
  olds.forEach((old, i) => {
    const j = news.findIndex((next, k) => !taken.has(k) && sameSchema(old.cursor.node, next.cursor.node));
    if (j !== -1) {
      partner.set(i, j);
      taken.add(j);
    }
  });
  const fits = (i: number, j: number) => context.isSubschema(olds[i]!.cursor, news[j]!.cursor);
  const matched = maximumMatching(olds.length, news.length, (i, j) => !partner.has(i) && !taken.has(j) && fits(i, j));
  const target = new Map(partner);
  for (const [i, j] of matched) {
    target.set(i, j);
    taken.add(j);
    context.compare(olds[i]!.cursor, news[j]!.cursor, news[j]!.pointer);
  }
  const leftoverOld: number[] = [];
  olds.forEach((old, i) => {
    if (target.has(i)) return;
    const home = news.findIndex((_, j) => fits(i, j));
    if (home === -1) leftoverOld.push(i);
    else {
      target.set(i, home);
      const where = ky === undefined ? 'the new schema' : `alternative ${news[home]!.index} of the new ${ky}`;
      context.emit('SUM_TYPE_NARROWED', old.pointer, { backward: true, forward: true }, `alternative ${old.index} was dropped; its values fit ${where}`);
    }
  });
  const leftoverNew = news.map((_, j) => j).filter((j) => !taken.has(j));
  // Leftovers explain each other: their differences are the reasons.
  while (leftoverOld.length > 0 && leftoverNew.length > 0) {
    const i = leftoverOld.shift()!;
    const j = leftoverNew.shift()!;
    target.set(i, j);
    context.compare(olds[i]!.cursor, news[j]!.cursor, news[j]!.pointer);
  }
  for (const i of leftoverOld) {
    const reason = context.whyNotSubschema(olds[i]!.cursor, news[0]!.cursor);
    context.emit('SUM_TYPE_NARROWED', olds[i]!.pointer, { backward: false, forward: true, forwardType: 'SUM_TYPE_EXTENDED' }, `alternative ${olds[i]!.index} was removed and no new alternative accepts its values${reason ? ` (${reason})` : ''}`);
  }
  for (const j of leftoverNew) {
    const forward = context.forwardCheck(() => context.isSubschema(news[j]!.cursor, o));
    context.emit('SUM_TYPE_EXTENDED', news[j]!.pointer, { backward: true, forward, forwardType: forward ? undefined : 'SUM_TYPE_NARROWED' }, `alternative ${news[j]!.index} added${forward ? '' : ': readers still on the old schema reject the values only it accepts'}`);
  }
  exclusivity(context, olds, news, target, kx, ky, at);
}

/** oneOf: a value must match exactly one alternative. */
function exclusivity(context: DiffContext, olds: Alternative[], news: Alternative[], target: Map<number, number>, kx: string | undefined, ky: string | undefined, at: string): void {
  // Overlap that also existed between two alternatives of a oneOf on the other side was rejected there already.
  const oldHas = (node: JsonSchema, except: number) => kx === 'oneOf' && olds.some((old, m) => m !== except && sameSchema(old.cursor.node, node));
  const newHas = (node: JsonSchema, except: number) => ky === 'oneOf' && news.some((next, k) => k !== except && sameSchema(next.cursor.node, node));
  let backward = true;
  let forward = true;
  if (ky === 'oneOf') {
    for (const [i, j] of target) {
      for (let k = 0; k < news.length; k++) {
        if (k === j || oldHas(news[k]!.cursor.node, i) || provablyDisjoint(olds[i]!.cursor, news[k]!.cursor)) continue;
        backward = false;
        if (kx !== 'anyOf') context.emit('COMBINED_TYPE_SUBSCHEMAS_CHANGED', news[k]!.pointer, { backward: false, forward: true }, `values of ${label(olds[i]!, 'old')} may match both new alternatives ${news[j]!.index} and ${news[k]!.index}, and oneOf rejects a value that matches two`);
      }
    }
  }
  if (kx === 'oneOf' && context.needForward) {
    for (const [i, j] of target) {
      for (let m = 0; m < olds.length; m++) {
        if (m === i || newHas(olds[m]!.cursor.node, j) || provablyDisjoint(news[j]!.cursor, olds[m]!.cursor)) continue;
        forward = false;
        if (ky !== 'anyOf') context.emit('COMBINED_TYPE_SUBSCHEMAS_CHANGED', olds[m]!.pointer, { backward: true, forward: false }, `values of ${label(news[j]!, 'new')} may match both old alternatives ${olds[i]!.index} and ${olds[m]!.index}, so readers still on the old schema (oneOf) reject them`);
      }
    }
  }
  if (kx === 'oneOf' && ky === 'anyOf') {
    context.emit('COMBINED_TYPE_EXTENDED', appendPointer(at, 'anyOf'), { backward: true, forward, forwardType: 'COMBINED_TYPE_CHANGED' }, `oneOf became anyOf: a value may now match several alternatives${forward ? '' : ', which readers still on the old schema (oneOf) reject'}`);
  } else if (kx === 'anyOf' && ky === 'oneOf') {
    context.emit('COMBINED_TYPE_CHANGED', appendPointer(at, 'oneOf'), { backward, forward: true, forwardType: 'COMBINED_TYPE_EXTENDED' }, `anyOf became oneOf: a value must match exactly one alternative now${backward ? '' : ', and the alternatives may overlap, so some old values are rejected'}`);
  }
}

/** Kuhn's augmenting paths: a maximum set of pairs (i, j) with `edge(i, j)`, each i and j used once. */
function maximumMatching(left: number, right: number, edge: (i: number, j: number) => boolean): Map<number, number> {
  const ownerOf = new Map<number, number>(); // j → i
  const tryAssign = (i: number, visited: Set<number>): boolean => {
    for (let j = 0; j < right; j++) {
      if (visited.has(j) || !edge(i, j)) continue;
      visited.add(j);
      const owner = ownerOf.get(j);
      if (owner === undefined || tryAssign(owner, visited)) {
        ownerOf.set(j, i);
        return true;
      }
    }
    return false;
  };
  for (let i = 0; i < left; i++) tryAssign(i, new Set());
  return new Map([...ownerOf].map(([j, i]) => [i, j]));
}
