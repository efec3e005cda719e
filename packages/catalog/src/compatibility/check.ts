// The verdict for a mode: compare the new schema with the latest earlier version (or every earlier version for the
// transitive modes) and report each change that breaks the mode, in the direction it breaks, with advice.
import type { JsonSchema } from '../types.js';
import { adviceFor } from './change-types.js';
import { breaks, isTransitive } from './classify.js';
import { diff } from './diff.js';
import { CompatibilityMode, type CheckOptions, type CheckResult, type CompatibilityIssue, type Comparison, type Direction, type SchemaChange } from './model.js';

/**
 * Judges `next` against earlier versions under a mode. `previous` is the one earlier version, or every earlier
 * version oldest first: BACKWARD, FORWARD and FULL compare with the last of them, their TRANSITIVE forms with each
 * (newest first). BACKWARD: a reader with `next` reads data written with an earlier version. FORWARD: readers with
 * an earlier version read data written with `next`. FULL: both. NONE: always ok.
 *
 * @example
 * const result = check([v1, v2], v3, 'BACKWARD_TRANSITIVE', { labels: ['v1', 'v2'] });
 * if (!result.ok) for (const issue of result.issues) console.log(`${issue.pointer}: ${issue.message}`);
 */
export function check(previous: JsonSchema | readonly JsonSchema[], next: JsonSchema, mode: CompatibilityMode, options: CheckOptions = {}): CheckResult {
  const versions: readonly JsonSchema[] = Array.isArray(previous) ? previous : [previous as JsonSchema];
  const labels = versions.map((_, i) => options.labels?.[i] ?? (versions.length === 1 ? 'the previous version' : `v${i + 1}`));
  const newestFirst = versions.map((_, i) => versions.length - 1 - i);
  const compared = mode === CompatibilityMode.NONE ? [] : isTransitive(mode) ? newestFirst : newestFirst.slice(0, 1);
  const comparisons: Comparison[] = [];
  const issues: CompatibilityIssue[] = [];
  for (const index of compared) {
    const lookupOld = Array.isArray(options.lookupPrevious) ? options.lookupPrevious[index] : (options.lookupPrevious ?? options.lookup);
    const result = diff(versions[index]!, next, { lookupOld: lookupOld ?? options.lookup, lookupNew: options.lookupNew ?? options.lookup, policy: options.policy });
    const against = labels[index]!;
    comparisons.push({ against, changes: result.changes });
    for (const change of result.changes) {
      for (const direction of breaks(change, mode)) issues.push({ type: change.type, pointer: change.pointer, direction, against, message: explain(change, direction, against), change });
    }
  }
  return { ok: issues.length === 0, mode, issues, comparisons };
}

function explain(change: SchemaChange, direction: Direction, against: string): string {
  const who = direction === 'backward' ? `data written with ${against} cannot all be read with the new schema` : `readers on ${against} cannot read all data written with the new schema`;
  const advice = adviceFor(change.type, direction);
  return `${change.message}. Not ${direction} compatible (${who}). ${advice}`;
}
