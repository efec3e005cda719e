// The table `factline sql` prints for people: aligned, values as text, long ones cut, and nothing hidden silently.
import { describe, expect, it } from 'vitest';
import { cellText, formatTable } from '../../src/pipeline/table-format.js';

describe('formatTable', () => {
  it('aligns the columns, right-aligns numbers and counts the rows', () => {
    // Act
    const text = formatTable([
      { entity_id: 'a', nights: 3 },
      { entity_id: 'bbbb', nights: 12 },
    ]);
    // Assess
    expect(text).toBe([' entity_id | nights', '-----------+--------', ' a         |      3', ' bbbb      |     12', '(2 rows)'].join('\n'));
  });

  it('cuts long values with an ellipsis at the cell width', () => {
    // Act
    const text = formatTable([{ title: 'A very long accommodation title indeed' }], { maxCellWidth: 10 });
    // Assess
    expect(text.split('\n')[2]).toBe(' A very lo…');
  });

  it('says how many rows and which columns it left out', () => {
    // Prepare
    const rows = Array.from({ length: 5 }, (_, i) => ({ a: 'x'.repeat(10), b: 'y'.repeat(10), c: i }));
    // Act
    const text = formatTable(rows, { maxRows: 2, maxWidth: 28 });
    // Assess
    expect(text.split('\n')).toHaveLength(5);
    expect(text.split('\n').at(-1)).toBe('(5 rows); 3 more not shown (add a LIMIT, or use --json for every row); column(s) not shown: c');
  });

  it('prints "(0 rows)" for an empty result', () => {
    expect(formatTable([])).toBe('(0 rows)');
  });
});

describe('cellText', () => {
  it.each([
    { value: null, want: 'NULL' },
    { value: new Date('2026-05-01T10:00:00.000Z'), want: '2026-05-01T10:00:00.000Z' },
    { value: ['wifi', 'kitchen'], want: '["wifi","kitchen"]' },
    { value: { n: 12n }, want: '{"n":"12"}' },
    { value: 123n, want: '123' },
    { value: true, want: 'true' },
    { value: 'two\nlines', want: 'two↵lines' },
    { value: new Uint8Array([1, 255]), want: '\\x01ff' },
  ])('shows a value as $want', ({ value, want }) => {
    expect(cellText(value)).toBe(want);
  });
});
