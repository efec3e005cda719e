import { describe, expect, it } from 'vitest';
import { WarehouseError } from '@factline/warehouse';
import { bindParameters, findParameters } from '../../src/sql/parameters.js';
import { parseColumnList, parseQualifiedName, quoteIdentifier } from '../../src/sql/identifiers.js';

describe('findParameters', () => {
  it('finds :name outside strings, quoted identifiers, comments and dollar quotes, and never in a ::cast', () => {
    // Prepare
    const sql = `select :a, ':b', ":c", x::int, :d::date -- :e
      /* :f */ , $$ :g $$, $tag$ :h $tag$, :i_2 from t where y = :a`;

    // Act
    const names = findParameters(sql).map((p) => p.name);

    // Assess
    expect(names).toEqual(['a', 'd', 'i_2', 'a']);
  });

  it('does not take the second half of a word with a colon for a parameter', () => {
    // Act and assess
    expect(findParameters("select arr[1:2], 'x' from t")).toEqual([]);
  });
});

describe('bindParameters', () => {
  it('replaces every use and lists each name once', () => {
    // Act
    const bound = bindParameters('select :a, :b, :a', { a: 1, b: 'x', unused: true }, (use) => `$${use.name}`);

    // Assess
    expect(bound).toEqual({ sql: 'select $a, $b, $a', used: ['a', 'b'] });
  });

  it('fails naming the parameters that have no value', () => {
    // Act
    const error = (() => {
      try {
        bindParameters('select :a, :b, :c', { b: 1 }, () => '?');
      } catch (e) {
        return e;
      }
      return undefined;
    })();

    // Assess
    expect(error).toBeInstanceOf(WarehouseError);
    expect(error).toMatchObject({ code: 'INVALID_PARAMETERS' });
    expect((error as Error).message).toMatch(/:a, :c/);
  });
});

describe('identifiers', () => {
  it('quotes identifiers, doubling inner quotes', () => {
    // Act and assess
    expect(quoteIdentifier('timestamp')).toBe('"timestamp"');
    expect(quoteIdentifier('a"b')).toBe('"a""b"');
  });

  const names: [text: string, expected: ReturnType<typeof parseQualifiedName>][] = [
    ['factline.Booking_Facts', { schema: 'factline', name: 'booking_facts' }],
    ['booking_facts', { schema: undefined, name: 'booking_facts' }],
    ['"Factline"."Odd ""Name"""', { schema: 'Factline', name: 'Odd "Name"' }],
    ['a.b.c', undefined],
    ['a.', undefined],
    ['1abc', undefined],
    ['"open', undefined],
  ];
  for (const [text, expected] of names) {
    it(`reads the table name ${text}`, () => {
      // Act and assess
      expect(parseQualifiedName(text)).toEqual(expected);
    });
  }

  it('splits a column list, keeping quoted names and their commas', () => {
    // Act and assess
    expect(parseColumnList('fact_id, "timestamp","a,b" ,Entity_Id')).toEqual(['fact_id', 'timestamp', 'a,b', 'entity_id']);
    expect(parseColumnList(['fact_id', '"Value"'])).toEqual(['fact_id', 'Value']);
    expect(parseColumnList('a,,b')).toBeUndefined();
  });
});
