// RFC 6901 JSON Pointers: the one way factline names a place in a document.

/** Escapes one reference token (`~` → `~0`, `/` → `~1`). */
export function escapePointerToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Builds a pointer from tokens: `['properties', 'a/b']` → `/properties/a~1b`. The root is `''`. */
export function toPointer(tokens: readonly (string | number)[]): string {
  return tokens.map((t) => '/' + escapePointerToken(t)).join('');
}

/** Joins tokens onto an existing pointer. */
export function appendPointer(pointer: string, ...tokens: (string | number)[]): string {
  return pointer + toPointer(tokens);
}

export type PointerParseResult = { ok: true; tokens: string[] } | { ok: false; message: string };

/** Parses a pointer into tokens. Accepts the URI-fragment form (`#/a/b`) as well. */
export function parsePointer(pointer: string): PointerParseResult {
  let p = pointer;
  if (p.startsWith('#')) {
    try {
      p = decodeURIComponent(p.slice(1));
    } catch {
      return { ok: false, message: `"${pointer}" is not a valid URI fragment` };
    }
  }
  if (p === '') return { ok: true, tokens: [] };
  if (!p.startsWith('/')) return { ok: false, message: `"${pointer}" must be empty or start with "/"` };
  const tokens: string[] = [];
  for (const raw of p.slice(1).split('/')) {
    if (/~[^01]|~$/.test(raw)) return { ok: false, message: `"${pointer}" has an invalid escape in "${raw}" (only ~0 and ~1 are allowed)` };
    tokens.push(raw.replace(/~1/g, '/').replace(/~0/g, '~'));
  }
  return { ok: true, tokens };
}

/** Reads the value at a pointer; `found: false` when any step is missing. */
export function getAtPointer(document: unknown, tokens: readonly string[]): { found: true; value: unknown } | { found: false } {
  let current: unknown = document;
  for (const token of tokens) {
    if (Array.isArray(current)) {
      if (!/^(0|[1-9][0-9]*)$/.test(token)) return { found: false };
      const index = Number(token);
      if (index >= current.length) return { found: false };
      current = current[index];
    } else if (current !== null && typeof current === 'object') {
      if (!Object.prototype.hasOwnProperty.call(current, token)) return { found: false };
      current = (current as Record<string, unknown>)[token];
    } else {
      return { found: false };
    }
  }
  return { found: true, value: current };
}
