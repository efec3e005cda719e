// The JSONPaths file of Redshift COPY (RS-DG copy-usage_notes-copy-from-json): one JSON object whose only key is
// "jsonpaths", an array of non-empty JSONPath strings in dot (`$.a.b[0]`) or bracket (`$['a']['b'][0]`)
// notation, never mixed, with zero-based array indexes and no wildcards or filters.

/**
 * One step of a JSONPath: an object member or an array element.
 *
 * @example
 * const steps: JsonPathStep[] = [{ kind: 'key', name: 'tags' }, { kind: 'index', index: 0 }]; // $.tags[0]
 */
export type JsonPathStep = { kind: 'key'; name: string } | { kind: 'index'; index: number };

/**
 * A parsed JSONPath expression.
 *
 * @example
 * const path: JsonPath = { expression: "$.price.amount", notation: 'dot', steps: [{ kind: 'key', name: 'price' }, { kind: 'key', name: 'amount' }] };
 */
export interface JsonPath {
  /** The expression as written in the file. */
  expression: string;
  /** `root` when the path has no named member (`$` or `$[0]`). */
  notation: 'dot' | 'bracket' | 'root';
  steps: JsonPathStep[];
}

/**
 * A problem in a JSONPaths file: a JSON Pointer into the file and a message.
 *
 * @example
 * const issue: JsonPathsIssue = { pointer: '/jsonpaths/3', message: '"$.a[*]": wildcards are not supported' };
 */
export interface JsonPathsIssue {
  pointer: string;
  message: string;
}

/**
 * What reading a JSONPaths file gives: the paths, or (as Redshift does when the object's key is not "jsonpaths")
 * a fall-back to `'auto'`, or the issues that make COPY fail.
 *
 * @example
 * const result: JsonPathsParseResult = parseJsonPathsFile(text);
 * if (!result.ok) console.error(result.issues);
 */
export type JsonPathsParseResult =
  | { ok: true; kind: 'jsonpaths'; paths: JsonPath[] }
  | { ok: true; kind: 'auto'; reason: string }
  | { ok: false; issues: JsonPathsIssue[] };

/**
 * Parses and validates the text of a JSONPaths file the way Redshift COPY does.
 *
 * @example
 * const result = parseJsonPathsFile('{"jsonpaths": ["$.fact_id", "$[\'value\'][\'amountMinor\']"]}');
 * if (result.ok && result.kind === 'jsonpaths') console.log(result.paths.length); // 2
 */
export function parseJsonPathsFile(text: string): JsonPathsParseResult {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    // JSON.parse also rejects a second object or any non-whitespace after the first one, as COPY does.
    return { ok: false, issues: [{ pointer: '', message: `is not one JSON object: ${(error as Error).message}` }] };
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    return { ok: false, issues: [{ pointer: '', message: 'must be a single JSON object {"jsonpaths": [...]}' }] };
  }
  const keys = Object.keys(document);
  if (keys.length !== 1) return { ok: false, issues: [{ pointer: '', message: `must have exactly one key, "jsonpaths" (found ${keys.length}: ${keys.map((k) => JSON.stringify(k)).join(', ')})` }] };
  const [key] = keys as [string];
  if (key !== 'jsonpaths') {
    // Redshift: "If the name is any string other than "jsonpaths", COPY uses the 'auto' argument".
    return { ok: true, kind: 'auto', reason: `the key is ${JSON.stringify(key)}, not "jsonpaths", so COPY falls back to 'auto' as Redshift does` };
  }
  const expressions = (document as Record<string, unknown>)[key];
  if (!Array.isArray(expressions)) return { ok: false, issues: [{ pointer: '/jsonpaths', message: 'must be an array of JSONPath expressions' }] };
  if (expressions.length === 0) return { ok: false, issues: [{ pointer: '/jsonpaths', message: 'must hold at least one JSONPath expression' }] };
  const issues: JsonPathsIssue[] = [];
  const paths: JsonPath[] = [];
  expressions.forEach((expression, index) => {
    const pointer = `/jsonpaths/${index}`;
    if (typeof expression !== 'string') issues.push({ pointer, message: `must be a string (got ${expression === null ? 'null' : typeof expression})` });
    else if (expression.length === 0) issues.push({ pointer, message: 'must not be empty' });
    else {
      const parsed = parseJsonPath(expression);
      if (parsed.ok) paths.push(parsed.path);
      else issues.push({ pointer, message: `${JSON.stringify(expression)}: ${parsed.message}` });
    }
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, kind: 'jsonpaths', paths };
}

/**
 * Parses one JSONPath expression with Redshift's rules.
 *
 * @example
 * const r = parseJsonPath('$.tags[0]');
 * if (r.ok) console.log(r.path.steps); // [{kind:'key',name:'tags'},{kind:'index',index:0}]
 */
export function parseJsonPath(expression: string): { ok: true; path: JsonPath } | { ok: false; message: string } {
  if (!expression.startsWith('$')) return { ok: false, message: 'must start with "$"' };
  const steps: JsonPathStep[] = [];
  let dot = false;
  let bracket = false;
  let i = 1;
  while (i < expression.length) {
    const char = expression[i];
    if (char === '.') {
      if (expression[i + 1] === '.') return { ok: false, message: 'recursive descent ("..") is not supported' };
      const end = findDotNameEnd(expression, i + 1);
      const name = expression.slice(i + 1, end);
      if (name.length === 0) return { ok: false, message: `expects a member name after "." at position ${i}` };
      if (name === '*') return { ok: false, message: 'wildcards are not supported' };
      if (name.includes("'")) return { ok: false, message: `a name in dot notation cannot contain "'" (${name})` };
      dot = true;
      steps.push({ kind: 'key', name });
      i = end;
    } else if (char === '[') {
      const close = expression.indexOf(']', i);
      if (close < 0) return { ok: false, message: `"[" at position ${i} is never closed` };
      const inside = expression.slice(i + 1, close);
      if (/^\d+$/.test(inside)) steps.push({ kind: 'index', index: Number(inside) });
      else if (inside.startsWith("'")) {
        const end = expression.indexOf("']", i + 2);
        if (end < 0) return { ok: false, message: `quoted name at position ${i} is not closed with "']"` };
        const name = expression.slice(i + 2, end);
        if (name.length === 0) return { ok: false, message: `empty member name at position ${i}` };
        bracket = true;
        steps.push({ kind: 'key', name });
        i = end + 2;
        continue;
      } else if (inside === '*') return { ok: false, message: 'wildcards are not supported' };
      else if (inside.startsWith('?') || inside.startsWith('(')) return { ok: false, message: 'filters and script expressions are not supported' };
      else if (/^-\d+$/.test(inside)) return { ok: false, message: `array indexes must be zero or positive (got ${inside})` };
      else return { ok: false, message: `"[${inside}]" is neither an array index nor a quoted name ['name']` };
      i = close + 1;
    } else return { ok: false, message: `unexpected ${JSON.stringify(char)} at position ${i}` };
  }
  if (dot && bracket) return { ok: false, message: "mixes dot and bracket notation, which Redshift does not allow ($.a.b or $['a']['b'])" };
  return { ok: true, path: { expression, notation: dot ? 'dot' : bracket ? 'bracket' : 'root', steps } };
}

function findDotNameEnd(expression: string, from: number): number {
  let end = from;
  while (end < expression.length && expression[end] !== '.' && expression[end] !== '[') {
    if (expression[end] === ']') return end; // reported by the caller as an unexpected character
    end += 1;
  }
  return end;
}

/**
 * The result of evaluating a JSONPath on one document: a value, a miss (loads NULL), or an error (fails COPY).
 *
 * @example
 * const result: JsonPathValue = { found: false }; // the member is missing: COPY loads NULL
 */
export type JsonPathValue = { found: true; value: unknown } | { found: false } | { found: 'error'; message: string };

/**
 * Evaluates a parsed JSONPath on a parsed JSON document with COPY's semantics: a missing member loads NULL, a
 * missing array element (or an index into something that is not an array) fails.
 *
 * @example
 * const r = parseJsonPath('$.a[1]');
 * if (r.ok) evaluateJsonPath({ a: [1, 2] }, r.path); // { found: true, value: 2 }
 */
export function evaluateJsonPath(document: unknown, path: JsonPath): JsonPathValue {
  let current: unknown = document;
  for (const step of path.steps) {
    if (current === null || current === undefined) return { found: false };
    if (step.kind === 'key') {
      if (typeof current !== 'object' || Array.isArray(current) || !Object.hasOwn(current, step.name)) return { found: false };
      current = (current as Record<string, unknown>)[step.name];
    } else {
      if (!Array.isArray(current) || step.index >= current.length) return { found: 'error', message: 'Invalid JSONPath format: Not an array or index out of range.' };
      current = current[step.index];
    }
  }
  return current === null || current === undefined ? { found: false } : { found: true, value: current };
}
