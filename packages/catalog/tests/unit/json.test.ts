import { describe, expect, it } from 'vitest';
import { getAtPointer, parseJsonText, parsePointer, toPointer } from '@factline/catalog';

describe('JSON Pointers', () => {
  it.each([
    ['', []],
    ['/a/b', ['a', 'b']],
    ['/a~1b/c~0d', ['a/b', 'c~d']],
    ['#/a%20b', ['a b']],
  ])('parses %j', (pointer, tokens) => {
    expect(parsePointer(pointer)).toEqual({ ok: true, tokens });
  });

  it('refuses a pointer that does not start with a slash, and a bad escape', () => {
    expect(parsePointer('a/b').ok).toBe(false);
    expect(parsePointer('/a~2').ok).toBe(false);
  });

  it('round-trips tokens that need escaping', () => {
    expect(parsePointer(toPointer(['x/y', '~z', '0']))).toEqual({ ok: true, tokens: ['x/y', '~z', '0'] });
  });

  it('reads values through objects and arrays, and says when a step is missing', () => {
    const doc = { a: [{ b: 1 }] };
    expect(getAtPointer(doc, ['a', '0', 'b'])).toEqual({ found: true, value: 1 });
    expect(getAtPointer(doc, ['a', '1'])).toEqual({ found: false });
    expect(getAtPointer(doc, ['a', '01'])).toEqual({ found: false });
  });
});

describe('parsing JSON files', () => {
  it('reports the line and column of a syntax error', () => {
    const result = parseJsonText('{\n  "a": 1,\n  "b": \n}');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.position).toEqual({ line: 4, column: 1 });
    expect(!result.ok && result.message).toMatch(/value was expected/);
  });

  it('rejects trailing commas and comments, as JSON.parse does', () => {
    expect(parseJsonText('{"a": 1,}').ok).toBe(false);
    expect(parseJsonText('{"a": 1 // no\n}').ok).toBe(false);
  });

  it('finds the position of the node at a pointer', () => {
    const result = parseJsonText('{\n  "properties": {\n    "name": { "type": "string" }\n  }\n}');
    expect(result.ok && result.json.positionOf('/properties/name')).toEqual({ line: 3, column: 5 });
    expect(result.ok && result.json.positionOf('/properties/missing')).toEqual({ line: 2, column: 3 });
  });
});
