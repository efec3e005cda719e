// A given/want row: two schemas, the changes `diff(old, new)` must report ("TYPE /pointer"), the changes the
// swapped diff must report, and the verdict of the forward diff. The swapped diff's verdict is the mirror image.
import type { JsonSchema } from '@factline/catalog';

/** both: BACKWARD and FORWARD hold; backward / forward: only that one; none: neither. */
export type Verdict = 'both' | 'backward' | 'forward' | 'none';

export interface Row {
  name: string;
  old: JsonSchema;
  new: JsonSchema;
  changes: string[];
  reverse: string[];
  verdict: Verdict;
}

export function row(name: string, old: JsonSchema, next: JsonSchema, changes: string[], reverse: string[], verdict: Verdict): Row {
  return { name, old, new: next, changes, reverse, verdict };
}

export function mirror(verdict: Verdict): Verdict {
  return verdict === 'backward' ? 'forward' : verdict === 'forward' ? 'backward' : verdict;
}

export function verdictOf(result: { backward: boolean; forward: boolean }): Verdict {
  return result.backward && result.forward ? 'both' : result.backward ? 'backward' : result.forward ? 'forward' : 'none';
}

/** A closed object with these properties (and `required`). */
export function closed(properties: Record<string, JsonSchema>, required: string[] = []): JsonSchema {
  return { type: 'object', additionalProperties: false, properties, ...(required.length ? { required } : {}) };
}

/** An open object with these properties (and `required`). */
export function open(properties: Record<string, JsonSchema>, required: string[] = []): JsonSchema {
  return { type: 'object', properties, ...(required.length ? { required } : {}) };
}
