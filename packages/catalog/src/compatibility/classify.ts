// From verdicts to decisions: does a change break a mode, and which version bump does a set of changes need?
import { ChangeCategory, changeTypeInfo } from './change-types.js';
import { CompatibilityMode, type Direction, type SchemaChange } from './model.js';

/**
 * How a change counts for a release: `breaking` (it breaks the mode), `additive` (it changes what validates or
 * what factline generates, compatibly), `description` (annotations only: titles, descriptions, examples…).
 *
 * @example
 * classifyChange(change, 'BACKWARD') === ChangeKind.breaking
 */
export const ChangeKind = { breaking: 'breaking', additive: 'additive', description: 'description' } as const;
export type ChangeKind = (typeof ChangeKind)[keyof typeof ChangeKind];

/** The changeset bump for a kind of change: breaking → major, additive → minor, description → patch. @example bumpFor('additive') // 'minor' */
export const VersionBump = { major: 'major', minor: 'minor', patch: 'patch' } as const;
export type VersionBump = (typeof VersionBump)[keyof typeof VersionBump];

/** The directions a mode checks. @example directionsOf('FULL_TRANSITIVE') // ['backward', 'forward'] */
export function directionsOf(mode: CompatibilityMode): Direction[] {
  switch (mode) {
    case CompatibilityMode.BACKWARD:
    case CompatibilityMode.BACKWARD_TRANSITIVE:
      return ['backward'];
    case CompatibilityMode.FORWARD:
    case CompatibilityMode.FORWARD_TRANSITIVE:
      return ['forward'];
    case CompatibilityMode.FULL:
    case CompatibilityMode.FULL_TRANSITIVE:
      return ['backward', 'forward'];
    default:
      return [];
  }
}

/** Does the mode compare against every earlier version? @example isTransitive('BACKWARD_TRANSITIVE') // true */
export function isTransitive(mode: CompatibilityMode): boolean {
  return mode.endsWith('_TRANSITIVE');
}

/** The directions in which a change breaks the mode (empty when it does not). @example breaks(change, 'FULL') // ['forward'] */
export function breaks(change: SchemaChange, mode: CompatibilityMode): Direction[] {
  return directionsOf(mode).filter((direction) => !change[direction]);
}

/**
 * Classifies one change under a mode. A change that breaks the mode is `breaking` whatever it is about.
 *
 * @example
 * classifyChange({ type: 'DESCRIPTION_CHANGED', pointer: '', backward: true, forward: true, message: '' }, 'BACKWARD') // 'description'
 */
export function classifyChange(change: SchemaChange, mode: CompatibilityMode): ChangeKind {
  if (breaks(change, mode).length > 0) return ChangeKind.breaking;
  return changeTypeInfo(change.type).category === ChangeCategory.annotation ? ChangeKind.description : ChangeKind.additive;
}

/** The bump for one kind. @example bumpFor(ChangeKind.breaking) // 'major' */
export function bumpFor(kind: ChangeKind): VersionBump {
  return kind === ChangeKind.breaking ? VersionBump.major : kind === ChangeKind.additive ? VersionBump.minor : VersionBump.patch;
}

/**
 * The changeset bump a set of changes needs under a mode: the largest over all changes; `undefined` when there is
 * no change at all.
 *
 * @example
 * requiredBump(diff(v1, v2).changes, 'BACKWARD') // 'minor' after adding an optional property to a closed payload
 */
export function requiredBump(changes: readonly SchemaChange[], mode: CompatibilityMode): VersionBump | undefined {
  const kinds = new Set(changes.map((change) => classifyChange(change, mode)));
  if (kinds.has(ChangeKind.breaking)) return VersionBump.major;
  if (kinds.has(ChangeKind.additive)) return VersionBump.minor;
  if (kinds.has(ChangeKind.description)) return VersionBump.patch;
  return undefined;
}
