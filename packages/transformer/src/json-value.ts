// A typed mapper is hand-written TypeScript: at run time it can return values that JSON.stringify would silently
// change (NaN becomes null, a Date becomes a string, a Map becomes {}). Such a value must fail, not be rewritten.

const maxDepth = 1000;

/**
 * Where `value` stops being plain JSON, as a JSON Pointer with the reason; `undefined` when it is plain JSON.
 * Object properties that are `undefined` are allowed (JSON.stringify and the validators both treat them as absent).
 *
 * @example
 * jsonProblem({ nights: Number.NaN }); // { pointer: '/nights', reason: 'NaN is not a JSON number' }
 */
export function jsonProblem(value: unknown, pointer = '', depth = 0): { pointer: string; reason: string } | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return undefined;
    case 'number':
      return Number.isFinite(value) ? undefined : { pointer, reason: `${value} is not a JSON number` };
    case 'object': {
      if (value === null) return undefined;
      if (depth >= maxDepth) return { pointer, reason: `nested deeper than ${maxDepth} levels` };
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          if (value[i] === undefined) return { pointer: `${pointer}/${i}`, reason: 'undefined is not JSON' };
          const problem = jsonProblem(value[i], `${pointer}/${i}`, depth + 1);
          if (problem !== undefined) return problem;
        }
        return undefined;
      }
      const prototype = Object.getPrototypeOf(value) as unknown;
      if (prototype !== Object.prototype && prototype !== null) return { pointer, reason: 'only plain objects are JSON (no Date, Map, class instances)' };
      for (const [key, child] of Object.entries(value)) {
        if (child === undefined) continue;
        const problem = jsonProblem(child, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, depth + 1);
        if (problem !== undefined) return problem;
      }
      return undefined;
    }
    default:
      return { pointer, reason: `a ${typeof value} is not JSON` };
  }
}
