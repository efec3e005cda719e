// Shared wording, so that every message says what changed and, when it breaks something, for whom.
import type { Verdict } from './context.js';

/** "; …" explaining who is affected, or '' when the change is safe both ways. */
export function consequence(verdict: Pick<Verdict, 'backward' | 'forward'>, detail?: { backward?: string; forward?: string }): string {
  const backward = detail?.backward ?? 'values the old schema accepted can be rejected now';
  const forward = detail?.forward ?? 'readers still on the old schema can reject values the new schema accepts';
  if (!verdict.backward && !verdict.forward) return `; ${backward}, and ${forward}`;
  if (!verdict.backward) return `; ${backward}`;
  if (!verdict.forward) return `; ${forward}`;
  return '';
}
