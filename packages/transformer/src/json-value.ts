// A typed mapper is hand-written TypeScript: at run time it can return values that JSON.stringify would silently
// change (NaN becomes null, a Date becomes a string, a Map becomes {}). Such a value must fail, not be rewritten.

const maxDepth = 1000;

/** Where a value stops being plain JSON: the reference tokens to it (innermost last) and why. */
interface Problem {
  tokens: string[];
  reason: string;
}

/**
 * Where `value` stops being plain JSON, as a JSON Pointer with the reason; `undefined` when it is plain JSON.
 * Object properties that are `undefined` are allowed (JSON.stringify and the validators both treat them as absent).
 *
 * @example
 * jsonProblem({ nights: Number.NaN }); // { pointer: '/nights', reason: 'NaN is not a JSON number' }
 */
export function jsonProblem(value: unknown, pointer = ''): { pointer: string; reason: string } | undefined {
  const problem = problemIn(value, 0);
  if (problem === undefined) return undefined;
  // The pointer is only built for a value that fails: every mapped fact goes through here.
  let path = pointer;
  for (let i = problem.tokens.length - 1; i >= 0; i--) path += `/${(problem.tokens[i] as string).replace(/~/g, '~0').replace(/\//g, '~1')}`;
  return { pointer: path, reason: problem.reason };
}

function problemIn(value: unknown, depth: number): Problem | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return undefined;
    case 'number':
      return Number.isFinite(value) ? undefined : { tokens: [], reason: `${value} is not a JSON number` };
    case 'object': {
      if (value === null) return undefined;
      if (depth >= maxDepth) return { tokens: [], reason: `nested deeper than ${maxDepth} levels` };
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          const item: unknown = value[i];
          const problem = item === undefined ? { tokens: [], reason: 'undefined is not JSON' } : problemIn(item, depth + 1);
          if (problem !== undefined) return within(problem, String(i));
        }
        return undefined;
      }
      const prototype = Object.getPrototypeOf(value) as unknown;
      if (prototype !== Object.prototype && prototype !== null) return { tokens: [], reason: 'only plain objects are JSON (no Date, Map, class instances)' };
      const object = value as Record<string, unknown>;
      for (const key of Object.keys(object)) {
        const child = object[key];
        if (child === undefined) continue;
        const problem = problemIn(child, depth + 1);
        if (problem !== undefined) return within(problem, key);
      }
      return undefined;
    }
    default:
      return { tokens: [], reason: `a ${typeof value} is not JSON` };
  }
}

function within(problem: Problem, token: string): Problem {
  problem.tokens.push(token);
  return problem;
}
