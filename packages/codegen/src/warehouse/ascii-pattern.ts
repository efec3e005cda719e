// Whether a `pattern` admits only ASCII strings, so that its maxLength in characters is also its length in bytes.
// Deliberately conservative: anything it cannot prove (`.`, negated classes, \s, \u escapes, top-level `|`) is
// treated as possibly multibyte.

const asciiEscapes = new Set([...'dwbBntrfv0\\/.-^$*+?()[]{}|', '"', "'", ' ', ',', ':', '=', '!', '<', '>', '#', '&', '~', '%', '@', '`', ';', '_']);

function isAsciiChar(ch: string): boolean {
  return ch.charCodeAt(0) < 0x80;
}

/** Reads an escape at `i` (the backslash); returns the index after it, or -1 when the escape may match non-ASCII. */
function readEscape(pattern: string, i: number): number {
  const next = pattern[i + 1];
  if (next === undefined) return -1;
  if (next === 'x') {
    const hex = pattern.slice(i + 2, i + 4);
    return /^[0-7][0-9a-fA-F]$/.test(hex) ? i + 4 : -1;
  }
  return asciiEscapes.has(next) ? i + 2 : -1;
}

function trailingBackslashes(text: string): number {
  let count = 0;
  while (count < text.length && text[text.length - 1 - count] === '\\') count++;
  return count;
}

/**
 * True when every string the pattern can match as a whole is ASCII: the pattern is anchored with `^…$`, has no
 * top-level alternation, and every atom it consumes with is an ASCII literal, an ASCII class or `\d`/`\w`.
 *
 * @example
 * isAsciiOnlyPattern('^[A-Z]{2}$'); // true: two bytes for two characters
 * isAsciiOnlyPattern('^.{1,10}$'); // false: "." matches any character
 */
export function isAsciiOnlyPattern(pattern: string): boolean {
  if (!pattern.startsWith('^') || !pattern.endsWith('$')) return false;
  const body = pattern.slice(1, -1);
  if (trailingBackslashes(body) % 2 === 1) return false;
  let depth = 0;
  let i = 0;
  while (i < body.length) {
    const ch = body[i]!;
    if (ch === '\\') {
      i = readEscape(body, i);
      if (i < 0) return false;
      continue;
    }
    if (ch === '[') {
      if (body[i + 1] === '^') return false;
      i++;
      while (i < body.length && body[i] !== ']') {
        if (body[i] === '\\') {
          i = readEscape(body, i);
          if (i < 0) return false;
        } else {
          if (!isAsciiChar(body[i]!)) return false;
          i++;
        }
      }
      if (i >= body.length) return false;
      i++;
      continue;
    }
    if (ch === '.') return false;
    if (ch === '|' && depth === 0) return false;
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (!isAsciiChar(ch)) return false;
    i++;
  }
  return depth === 0;
}
