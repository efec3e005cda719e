import { describe, expect, it } from 'vitest';
import { evaluateJsonPath, parseJsonPath, parseJsonPathsFile, type JsonPath } from '@factline/warehouse';

function path(expression: string): JsonPath {
  const parsed = parseJsonPath(expression);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.path;
}

describe('parseJsonPath', () => {
  const valid: [expression: string, notation: JsonPath['notation'], steps: JsonPath['steps']][] = [
    ['$', 'root', []],
    ['$.fact_id', 'dot', [{ kind: 'key', name: 'fact_id' }]],
    ['$.nightly_price.amountMinor', 'dot', [{ kind: 'key', name: 'nightly_price' }, { kind: 'key', name: 'amountMinor' }]],
    ['$.tags[0]', 'dot', [{ kind: 'key', name: 'tags' }, { kind: 'index', index: 0 }]],
    ["$['nightly_price']['amountMinor']", 'bracket', [{ kind: 'key', name: 'nightly_price' }, { kind: 'key', name: 'amountMinor' }]],
    ["$['a.b'][12]['c d']", 'bracket', [{ kind: 'key', name: 'a.b' }, { kind: 'index', index: 12 }, { kind: 'key', name: 'c d' }]],
    ['$[0]', 'root', [{ kind: 'index', index: 0 }]],
    ['$.é', 'dot', [{ kind: 'key', name: 'é' }]],
  ];
  for (const [expression, notation, steps] of valid) {
    it(`reads ${expression}`, () => {
      // Act
      const result = parseJsonPath(expression);

      // Assess
      expect(result).toEqual({ ok: true, path: { expression, notation, steps } });
    });
  }

  const invalid: [expression: string, message: RegExp][] = [
    ['fact_id', /must start with "\$"/],
    ["$.a['b']", /mixes dot and bracket notation/],
    ["$['a'].b", /mixes dot and bracket notation/],
    ['$.*', /wildcards are not supported/],
    ['$[*]', /wildcards are not supported/],
    ['$..a', /recursive descent/],
    ['$[?(@.a)]', /filters/],
    ['$.a[-1]', /zero or positive/],
    ['$.a[', /never closed/],
    ["$['a", /never closed/],
    ['$.', /expects a member name/],
    ["$.it's", /cannot contain "'"/],
    ['$.a]', /unexpected "]"/],
    ["$['']", /empty member name/],
    ['$["a"]', /neither an array index nor a quoted name/],
  ];
  for (const [expression, message] of invalid) {
    it(`refuses ${expression}`, () => {
      // Act
      const result = parseJsonPath(expression);

      // Assess
      expect(result.ok).toBe(false);
      expect(result.ok ? '' : result.message).toMatch(message);
    });
  }
});

describe('parseJsonPathsFile', () => {
  it('reads the expressions of a valid file in order', () => {
    // Act
    const result = parseJsonPathsFile('{\n  "jsonpaths": ["$.fact_id", "$.value.amount", "$.tags[1]"]\n}\n');

    // Assess
    expect(result.ok && result.kind === 'jsonpaths' ? result.paths.map((p) => p.expression) : []).toEqual(['$.fact_id', '$.value.amount', '$.tags[1]']);
  });

  it('falls back to auto when the only key is not "jsonpaths", as Redshift does', () => {
    // Act
    const result = parseJsonPathsFile('{"paths": ["$.a"]}');

    // Assess
    expect(result).toMatchObject({ ok: true, kind: 'auto' });
  });

  const invalid: [name: string, text: string, pointer: string, message: RegExp][] = [
    ['text that is not JSON', '{"jsonpaths": [', '', /is not one JSON object/],
    ['two objects', '{"jsonpaths": ["$.a"]} {"jsonpaths": ["$.b"]}', '', /is not one JSON object/],
    ['characters after the object', '{"jsonpaths": ["$.a"]} x', '', /is not one JSON object/],
    ['an array instead of an object', '[["$.a"]]', '', /single JSON object/],
    ['a second key', '{"jsonpaths": ["$.a"], "other": 1}', '', /exactly one key/],
    ['jsonpaths that is not an array', '{"jsonpaths": "$.a"}', '/jsonpaths', /must be an array/],
    ['an empty array', '{"jsonpaths": []}', '/jsonpaths', /at least one/],
    ['an element that is not a string', '{"jsonpaths": ["$.a", 3]}', '/jsonpaths/1', /must be a string/],
    ['an empty element', '{"jsonpaths": ["$.a", ""]}', '/jsonpaths/1', /must not be empty/],
    ['an invalid expression', '{"jsonpaths": ["$.a", "$.b[*]"]}', '/jsonpaths/1', /wildcards/],
  ];
  for (const [name, text, pointer, message] of invalid) {
    it(`refuses ${name}`, () => {
      // Act
      const result = parseJsonPathsFile(text);

      // Assess
      expect(result.ok).toBe(false);
      const issue = result.ok ? undefined : result.issues[0];
      expect(issue?.pointer).toBe(pointer);
      expect(issue?.message).toMatch(message);
    });
  }

  it('lists every invalid expression, not only the first', () => {
    // Act
    const result = parseJsonPathsFile('{"jsonpaths": ["$.a", 1, "$..b", "$.c"]}');

    // Assess
    expect(result.ok ? [] : result.issues.map((i) => i.pointer)).toEqual(['/jsonpaths/1', '/jsonpaths/2']);
  });
});

describe('evaluateJsonPath', () => {
  const document = { a: { b: [10, { c: 'deep' }] }, n: null, s: 'text', o: { x: 1 } };
  const cases: [expression: string, expected: ReturnType<typeof evaluateJsonPath>][] = [
    ['$.a.b[0]', { found: true, value: 10 }],
    ["$['a']['b'][1]['c']", { found: true, value: 'deep' }],
    ['$.o', { found: true, value: { x: 1 } }],
    ['$.missing', { found: false }],
    ['$.missing[0]', { found: false }],
    ['$.n', { found: false }],
    ['$.n.x', { found: false }],
    ['$.s.length', { found: false }],
    ['$.a.b[2]', { found: 'error', message: 'Invalid JSONPath format: Not an array or index out of range.' }],
    ['$.o[0]', { found: 'error', message: 'Invalid JSONPath format: Not an array or index out of range.' }],
    ['$', { found: true, value: document }],
  ];
  for (const [expression, expected] of cases) {
    it(`evaluates ${expression} as COPY does`, () => {
      // Act
      const result = evaluateJsonPath(document, path(expression));

      // Assess
      expect(result).toEqual(expected);
    });
  }
});
