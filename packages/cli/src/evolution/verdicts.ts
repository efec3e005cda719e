// Verdicts in order of severity, and the bump a set of verdicts needs.
import { bumpFor, ChangeKind, type VersionBump } from '@factline/catalog';

const severity: Record<ChangeKind, number> = { description: 1, additive: 2, breaking: 3 };
const bumpRank: Record<VersionBump | 'none', number> = { none: 0, patch: 1, minor: 2, major: 3 };

/**
 * The worst verdict among changes; undefined when there are none.
 *
 * @example
 * worstVerdict([{ verdict: 'additive' }, { verdict: 'breaking' }]) // 'breaking'
 */
export function worstVerdict(changes: readonly { verdict: ChangeKind }[]): ChangeKind | undefined {
  let worst: ChangeKind | undefined;
  for (const { verdict } of changes) if (worst === undefined || severity[verdict] > severity[worst]) worst = verdict;
  return worst;
}

/**
 * The bump a set of changes needs: breaking → major, additive → minor, description only → patch.
 *
 * @example
 * bumpOf([{ verdict: 'additive' }]) // 'minor'
 */
export function bumpOf(changes: readonly { verdict: ChangeKind; bump?: VersionBump }[]): VersionBump | undefined {
  const worst = worstVerdict(changes);
  if (worst === undefined) return undefined;
  let bump: VersionBump | 'none' = bumpFor(worst);
  for (const change of changes) if (change.bump !== undefined) bump = largerBump(bump, change.bump);
  return bump === 'none' ? undefined : bump;
}

/**
 * Whether a changeset bump covers the required one.
 *
 * @example
 * covers('major', 'minor') // true
 */
export function covers(found: VersionBump | 'none' | undefined, required: VersionBump): boolean {
  return found !== undefined && bumpRank[found] >= bumpRank[required];
}

/**
 * The larger of two bumps.
 *
 * @example
 * largerBump('patch', 'minor') // 'minor'
 */
export function largerBump(a: VersionBump | 'none' | undefined, b: VersionBump | 'none'): VersionBump | 'none' {
  return a === undefined || bumpRank[b] > bumpRank[a] ? b : a;
}

/** Counts of changes by verdict. @example countVerdicts(changes).breaking */
export function countVerdicts(changes: readonly { verdict: ChangeKind }[]): Record<ChangeKind, number> {
  const counts: Record<ChangeKind, number> = { [ChangeKind.breaking]: 0, [ChangeKind.additive]: 0, [ChangeKind.description]: 0 };
  for (const { verdict } of changes) counts[verdict]++;
  return counts;
}
