// The public shapes of the compatibility checker: modes, policies, changes, options and results.
import type { DocumentLookup } from '../schema/refs.js';
import type { ChangeType } from './change-types.js';

/**
 * Confluent's compatibility levels. BACKWARD: a reader with the new schema reads data written with the old one.
 * FORWARD: a reader with the old schema reads data written with the new one. FULL: both. The TRANSITIVE forms check
 * against every earlier version instead of the latest only. NONE checks nothing.
 *
 * @example
 * check(v1, v2, CompatibilityMode.BACKWARD).ok
 */
export const CompatibilityMode = {
  BACKWARD: 'BACKWARD',
  BACKWARD_TRANSITIVE: 'BACKWARD_TRANSITIVE',
  FORWARD: 'FORWARD',
  FORWARD_TRANSITIVE: 'FORWARD_TRANSITIVE',
  FULL: 'FULL',
  FULL_TRANSITIVE: 'FULL_TRANSITIVE',
  NONE: 'NONE',
} as const;
export type CompatibilityMode = (typeof CompatibilityMode)[keyof typeof CompatibilityMode];

/**
 * STRICT (default) judges what JSON Schema validation says. LENIENT, like Confluent's, also accepts changes that are
 * only safe when producers never send undeclared properties (adding an optional property to an open object,
 * closing an object, removing a property from a closed one).
 *
 * @example
 * diff(v1, v2, { policy: CompatibilityPolicy.lenient })
 */
export const CompatibilityPolicy = { strict: 'strict', lenient: 'lenient' } as const;
export type CompatibilityPolicy = (typeof CompatibilityPolicy)[keyof typeof CompatibilityPolicy];

/** The direction in which a change is judged. @example const d: Direction = 'backward'; */
export type Direction = 'backward' | 'forward';

/**
 * One change between two schemas.
 *
 * @example
 * { type: 'MAX_LENGTH_DECREASED', pointer: '/properties/name/maxLength', backward: false, forward: true,
 *   message: 'maxLength decreased from 200 to 100: …' }
 */
export interface SchemaChange {
  type: ChangeType;
  /**
   * RFC 6901 JSON Pointer of the change ('' is the root): the path through the schema's structure (a `$ref` is
   * followed, as in the catalog's resolved documents), ending with the keyword that changed where there is one.
   * `required` changes end with the property name (`/required/email`), as Confluent reports them.
   */
  pointer: string;
  /** A reader with the new schema still accepts every value the old schema accepted, as far as this change goes. */
  backward: boolean;
  /** A reader with the old schema accepts every value the new schema accepts, as far as this change goes. */
  forward: boolean;
  /** What changed and what it means, for a reviewer. */
  message: string;
}

/** Everything `diff` found. @example const { changes, backward, forward } = diff(v1, v2); */
export interface DiffResult {
  changes: SchemaChange[];
  /** No change breaks BACKWARD compatibility. */
  backward: boolean;
  /** No change breaks FORWARD compatibility. */
  forward: boolean;
}

/**
 * Options of `diff`. Defaults: no lookup (only references inside the schema itself resolve), STRICT policy.
 *
 * @example
 * diff(base, head, { lookupOld: (id) => baseDocuments.get(id), lookupNew: (id) => headDocuments.get(id) })
 */
export interface DiffOptions {
  /** Finds the documents that `$ref`s point at, by `$id` without fragment, for both schemas. */
  lookup?: DocumentLookup;
  /** Finds documents for the old schema (overrides `lookup`), for when the referenced files changed too. */
  lookupOld?: DocumentLookup;
  /** Finds documents for the new schema (overrides `lookup`). */
  lookupNew?: DocumentLookup;
  /** Default `strict`. */
  policy?: CompatibilityPolicy;
}

/**
 * Options of `check`. `lookupPrevious` is one lookup for every earlier version, or one per version (same order as
 * the versions); `labels` name the earlier versions in messages (default `v1`, `v2`, …).
 *
 * @example
 * check([v1, v2], v3, 'FULL_TRANSITIVE', { lookup: findDocument, labels: ['v1', 'v2'] })
 */
export interface CheckOptions {
  lookup?: DocumentLookup;
  lookupNew?: DocumentLookup;
  lookupPrevious?: DocumentLookup | readonly (DocumentLookup | undefined)[];
  labels?: readonly string[];
  policy?: CompatibilityPolicy;
}

/**
 * A change that breaks the checked mode, in one direction, against one earlier version.
 *
 * @example
 * { type: 'REQUIRED_ATTRIBUTE_ADDED', pointer: '/required/email', direction: 'backward', against: 'v1', … }
 */
export interface CompatibilityIssue {
  type: ChangeType;
  pointer: string;
  direction: Direction;
  /** Label of the earlier version this change was found against. */
  against: string;
  /** The change, why it breaks the mode, and what to do. */
  message: string;
  change: SchemaChange;
}

/** The changes against one earlier version. @example result.comparisons[0].changes */
export interface Comparison {
  against: string;
  changes: SchemaChange[];
}

/**
 * The verdict of `check`: `ok` is false when any change breaks the mode; `issues` say which and why.
 *
 * @example
 * const result = check(v1, v2, 'BACKWARD');
 * if (!result.ok) for (const issue of result.issues) console.log(issue.pointer, issue.message);
 */
export interface CheckResult {
  ok: boolean;
  mode: CompatibilityMode;
  issues: CompatibilityIssue[];
  /** One per earlier version compared, newest first. */
  comparisons: Comparison[];
}
