// RFC 6901 JSON Pointers, parsed once when the domain is compiled and then resolved per event.

/** A pointer parsed into its reference tokens. */
export type PointerTokens = readonly string[];

/** What `resolvePointer` returns for a pointer whose target does not exist. */
export const absent: unique symbol = Symbol('absent');

/**
 * Parses a JSON Pointer; `undefined` when it is not one (it must be empty or start with `/`, and `~` must be
 * followed by `0` or `1`).
 *
 * @example
 * parsePointer('/basicInfo/email'); // ['basicInfo', 'email']
 */
export function parsePointer(pointer: string): PointerTokens | undefined {
  if (pointer === '') return [];
  if (pointer[0] !== '/') return undefined;
  const tokens = pointer.slice(1).split('/');
  for (const token of tokens) if (/~(?![01])/.test(token)) return undefined;
  return tokens.map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * The value a pointer designates in parsed JSON, or `absent`. Only own properties count, so `__proto__` or
 * `constructor` in a pointer never reaches into the prototype chain.
 *
 * @example
 * resolvePointer({ a: [10, 20] }, ['a', '1']); // 20
 */
export function resolvePointer(document: unknown, tokens: PointerTokens): unknown {
  let current = document;
  for (const token of tokens) {
    if (Array.isArray(current)) {
      if (!/^(?:0|[1-9]\d*)$/.test(token)) return absent;
      const index = Number(token);
      if (index >= current.length) return absent;
      current = current[index];
    } else if (current !== null && typeof current === 'object') {
      if (!Object.hasOwn(current, token)) return absent;
      current = (current as Record<string, unknown>)[token];
    } else {
      return absent;
    }
  }
  return current;
}

/**
 * Appends reference tokens to a pointer, escaping them.
 *
 * @example
 * joinPointer('/payload', ['a/b']); // '/payload/a~1b'
 */
export function joinPointer(base: string, tokens: PointerTokens): string {
  let pointer = base;
  for (const token of tokens) pointer += `/${token.replace(/~/g, '~0').replace(/\//g, '~1')}`;
  return pointer;
}
