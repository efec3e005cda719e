import { describe, expect, it } from 'vitest';
import { maxJsonValueBytes, scanJsonValues } from '../../src/copy/data-scan.js';

describe('scanJsonValues', () => {
  it('finds the last line of every value, across blank lines, pretty printing and back-to-back objects', () => {
    // Act
    const result = scanJsonValues('{"a":1}\n\n{\n  "b": "x}y"\n}{"c":[1,\n2]}\n  [3]\n');

    // Assess
    expect(result).toEqual({ ok: true, endLines: [1, 5, 6, 7] });
  });

  it('keeps braces and escaped quotes inside strings out of the nesting', () => {
    // Act
    const result = scanJsonValues('{"a":"}\\"{"}\n{"b":2}');

    // Assess
    expect(result).toEqual({ ok: true, endLines: [1, 2] });
  });

  it('reports a comma between values with a hint', () => {
    // Act
    const result = scanJsonValues('{"a":1},\n{"a":2}');

    // Assess
    expect(result.ok ? undefined : result.problem).toMatchObject({ kind: 'malformed', line: 1, valueNumber: 2 });
    expect(result.ok ? '' : result.problem.message).toMatch(/only by white space/);
  });

  it('reports an object cut short at the end of the file on the line where it starts', () => {
    // Act
    const result = scanJsonValues('{"a":1}\n{"a":\n');

    // Assess
    expect(result.ok ? undefined : result.problem).toMatchObject({ kind: 'malformed', valueNumber: 2 });
  });

  it('reports the line of a syntax error inside a multi-line object', () => {
    // Act
    const result = scanJsonValues('{"a":1}\n{\n "b": 1,\n "c" 2\n}\n');

    // Assess
    expect(result.ok ? undefined : result.problem).toMatchObject({ kind: 'malformed', line: 4, valueNumber: 2 });
  });

  it('reports a value over 4 MB on its last line', () => {
    // Prepare
    const big = `{"a":"${'x'.repeat(maxJsonValueBytes)}"}`;

    // Act
    const result = scanJsonValues(`{"a":1}\n${big}\n`);

    // Assess
    expect(result.ok ? undefined : result.problem).toMatchObject({ kind: 'too-large', line: 2, valueNumber: 2 });
  });

  it('accepts an empty file', () => {
    // Act and assess
    expect(scanJsonValues('\n \n')).toEqual({ ok: true, endLines: [] });
  });
});
