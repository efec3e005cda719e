// Reading the header of an analyst's view file: description, depends_on, and dbt-style tests, with line numbers;
// every malformed line is an issue that says how to write it.
import { describe, expect, it } from 'vitest';
import { parseViewHeader } from '@factline/codegen';

describe('parseViewHeader', () => {
  it('reads the description, the dependencies and every kind of test', () => {
    // Prepare
    const text = [
      '-- Booked nights per accommodation and month.',
      '-- Cancelled bookings do not count.',
      '--',
      '-- depends_on: factline.booking_current, Factline.Accommodation_Current',
      '-- test not_null: accommodation_id, month',
      '-- test unique: accommodation_id, month',
      "-- test accepted_values: currency in ('EUR', 'USD')",
      '-- test relationships: accommodation_id -> factline.accommodation_history(entity_id)',
      '-- test expression_is_true: booked_nights >= 0',
      '',
      'select 1 as x',
      'from factline.booking_current;',
      '',
    ].join('\n');
    // Act
    const header = parseViewHeader('views/x.sql', text);
    // Assess
    expect(header).toEqual({
      description: 'Booked nights per accommodation and month. Cancelled bookings do not count.',
      dependsOn: ['factline.booking_current', 'factline.accommodation_current'],
      tests: [
        { kind: 'not_null', columns: ['accommodation_id', 'month'], line: 5 },
        { kind: 'unique', columns: ['accommodation_id', 'month'], line: 6 },
        { kind: 'accepted_values', column: 'currency', values: "'EUR', 'USD'", line: 7 },
        { kind: 'relationships', column: 'accommodation_id', to: 'factline.accommodation_history', field: 'entity_id', line: 8 },
        { kind: 'expression_is_true', expression: 'booked_nights >= 0', line: 9 },
      ],
      sql: 'select 1 as x\nfrom factline.booking_current',
      sqlLine: 11,
      issues: [],
    });
  });

  it.each([
    ['-- test not_nul: a', 'unknown test "not_nul"'],
    ['-- test unique: a b', 'write it as "-- test unique: <column>[, <column>…]'],
    ["-- test accepted_values: currency = 'EUR'", 'write it as "-- test accepted_values:'],
    ['-- test relationships: a -> accommodation_history(entity_id)', 'write it as "-- test relationships:'],
    ['-- test expression_is_true:', 'write it as "-- test expression_is_true:'],
    ['-- test not_null accommodation_id', 'a test line is "-- test <kind>: <arguments>"'],
    ['-- depends_on: booking_current', 'is not a schema-qualified name'],
  ])('reports %j on its line', (line, message) => {
    const header = parseViewHeader('views/x.sql', `-- A view.\n${line}\nselect 1`);
    expect(header.issues).toHaveLength(1);
    expect(header.issues[0]).toMatchObject({ file: 'views/x.sql', line: 2, severity: 'error' });
    expect(header.issues[0]!.message).toContain(message);
  });

  it('refuses a file without a query and a file with two statements', () => {
    expect(parseViewHeader('views/a.sql', '-- only a comment\n').issues.map((i) => i.rule)).toEqual(['views-empty']);
    expect(parseViewHeader('views/b.sql', "select 1;\nselect ';' as x;").issues.map((i) => i.rule)).toEqual(['views-one-statement']);
    expect(parseViewHeader('views/c.sql', "select ';' as x -- ; not a statement\n;").issues).toEqual([]);
  });
});
