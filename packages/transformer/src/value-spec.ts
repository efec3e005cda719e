// Declared value specs (`/pointer`, `{ const }`, `{ object }`) compiled once into resolvers over the event payload.
import type { ValueSpec } from '@factline/events';
import { absent, parsePointer, resolvePointer } from './json-pointer.js';

/** Resolves a fact value from a payload; `absent` when the pointer's target is missing (the fact is not emitted). */
export type ValueResolver = (payload: unknown) => unknown;

/**
 * Compiles a value spec; `undefined` with the offending pointer when the spec is malformed.
 *
 * @example
 * const resolve = compileValueSpec({ object: { amountMinor: { pointer: '/priceMinor' } } });
 * if (typeof resolve === 'function') resolve({ priceMinor: 12000 }); // { amountMinor: 12000 }
 */
export function compileValueSpec(spec: ValueSpec, at = ''): ValueResolver | { invalidAt: string } {
  if (spec === null || typeof spec !== 'object') return { invalidAt: at };
  if ('pointer' in spec) {
    const tokens = typeof spec.pointer === 'string' ? parsePointer(spec.pointer) : undefined;
    if (tokens === undefined) return { invalidAt: `${at}/pointer` };
    return (payload) => resolvePointer(payload, tokens);
  }
  if ('const' in spec) {
    const value = spec.const;
    const json = JSON.stringify(value);
    if (json === undefined) return { invalidAt: `${at}/const` };
    // Objects are copied each time so that nothing downstream can change the domain's constant.
    return value !== null && typeof value === 'object' ? () => JSON.parse(json) as unknown : () => value;
  }
  if ('object' in spec && spec.object !== null && typeof spec.object === 'object') {
    const children: [string, ValueResolver][] = [];
    for (const [name, child] of Object.entries(spec.object)) {
      const compiled = compileValueSpec(child, `${at}/object/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`);
      if (typeof compiled !== 'function') return compiled;
      children.push([name, compiled]);
    }
    // Absent parts are left out; when every part is absent the whole value is (a partial update that did not touch it).
    return (payload) => {
      const value: Record<string, unknown> = {};
      let present = false;
      for (const [name, resolve] of children) {
        const part = resolve(payload);
        if (part === absent) continue;
        if (name === '__proto__') Object.defineProperty(value, name, { value: part, enumerable: true, writable: true, configurable: true });
        else value[name] = part;
        present = true;
      }
      return present ? value : absent;
    };
  }
  return { invalidAt: at };
}
