import { describe, expect, it } from 'vitest';
import { changeTypeInfo, changeTypes, diff, type SchemaChange } from '@factline/catalog';
import { tables } from './cases/index.js';
import { mirror, verdictOf } from './cases/row.js';

const listed = (changes: readonly SchemaChange[]) => changes.map((c) => `${c.type} ${c.pointer}`).sort();

describe.each(Object.entries(tables))('%s', (_, rows) => {
  it.each(rows)('$name', (row) => {
    // Prepare / Act
    const forward = diff(row.old, row.new);
    const reverse = diff(row.new, row.old);
    // Assess: both directions, and the verdicts mirror each other.
    expect(listed(forward.changes)).toEqual([...row.changes].sort());
    expect(verdictOf(forward)).toBe(row.verdict);
    expect(listed(reverse.changes)).toEqual([...row.reverse].sort());
    expect(verdictOf(reverse)).toBe(mirror(row.verdict));
  });
});

describe('the change-type table', () => {
  it('has a given/want row for every change type', () => {
    const seen = new Set(Object.values(tables).flatMap((rows) => rows.flatMap((row) => [...row.changes, ...row.reverse].map((c) => c.split(' ')[0]))));
    expect(changeTypes().filter((type) => !seen.has(type))).toEqual([]);
  });

  it('gives every change that can break a mode a piece of advice', () => {
    const silent = changeTypes().filter((type) => changeTypeInfo(type).category === 'validation' && !changeTypeInfo(type).advice && !changeTypeInfo(type).backward);
    expect(silent).toEqual([]);
  });

  it('says what each reported change means in words', () => {
    const all = Object.values(tables).flatMap((rows) => rows.flatMap((row) => [...diff(row.old, row.new).changes, ...diff(row.new, row.old).changes]));
    const vague = all.filter((change) => change.message.length < 12 || /undefined|\[object Object\]|NaN/.test(change.message));
    expect(vague).toEqual([]);
  });
});
