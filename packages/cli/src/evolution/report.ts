// What the evolution gate reports: every schema that changed since the base, each change with its verdict and the
// policy that judged it, the changeset the change needs, and the overall verdict. `--json` prints this object.
import type { ChangeKind, ChangeType, PolicyChangeType, SchemaKind, VersionBump } from '@factline/catalog';

/**
 * One change of one schema, judged.
 *
 * @example
 * { type: 'MAX_LENGTH_DECREASED', pointer: '/maxLength', backward: false, forward: true, verdict: 'breaking',
 *   judgedBy: 'fact: BACKWARD_TRANSITIVE + warehouse', against: 'base', message: 'maxLength decreased from 254 to 100; …' }
 */
export interface EvolutionChange {
  /** A change type of the compatibility checker (Confluent's names), or one of the policy's own (files, mappings, warehouse). */
  type: ChangeType | PolicyChangeType;
  /** JSON Pointer into the schema file ('' for the whole file). */
  pointer: string;
  message: string;
  /** Whether a reader with the new schema reads what was written with the earlier one; undefined when the change is not about validation. */
  backward: boolean | undefined;
  /** Whether a reader with the earlier schema reads what is written with the new one; undefined when not about validation. */
  forward: boolean | undefined;
  verdict: ChangeKind;
  /** The policy that judged it: `event: BACKWARD_TRANSITIVE`, `event mapping`, `schema files`, `warehouse`. */
  judgedBy: string;
  /** The state compared with: `base`, or the commit of an earlier state (transitive policies). */
  against: string;
  /** The referenced definitions the change came through, when it is not in the file itself. */
  through?: string[];
  /** What to do instead, for a breaking change. */
  wayOut?: string;
  /**
   * The package bump the change needs when it is larger than its verdict's: a new version of an existing event is
   * additive for data but major for `@factline/events`, whose typed `send(type, payload)` takes the latest version.
   */
  bump?: VersionBump;
}

/**
 * A schema file that changed since the base.
 *
 * @example
 * { file: 'schemas/events/booking/cancelled/v2.json', kind: 'event', name: 'booking.cancelled@2', status: 'added', verdict: 'additive', … }
 */
export interface SchemaEvolution {
  file: string;
  /** The kind of schema; `config` for a refusal about factline.config.json. */
  kind: SchemaKind | 'config';
  /** `booking.cancelled@2`, the entity name, `envelope`, or the definition's file name. */
  name: string;
  status: 'added' | 'removed' | 'changed';
  /** The policy of the file's kind (see policyLabel in @factline/catalog). */
  policy: string;
  /** The worst verdict of its changes; undefined for a definition judged only where it is referenced. */
  verdict: ChangeKind | undefined;
  changes: EvolutionChange[];
  /** For a common definition: the schemas its changes are judged in. */
  judgedIn?: string[];
}

/**
 * A changeset file added (or edited) since the base.
 *
 * @example
 * { file: '.changeset/phone-number.md', releases: [{ package: '@factline/events', bump: 'minor' }] }
 */
export interface ChangesetFile {
  file: string;
  releases: { package: string; bump: VersionBump | 'none' }[];
  /** Why the front matter could not be read, when it could not. */
  problem?: string;
}

/**
 * Whether the changesets since the base cover the schema changes.
 *
 * @example
 * if (!verdict.ok) console.log(verdict.suggestion?.path, verdict.suggestion?.content);
 */
export interface ChangesetVerdict {
  ok: boolean;
  /** The bump the schema changes need; undefined when nothing changed. */
  required: VersionBump | undefined;
  /** The packages whose generated code follows the schemas. */
  packages: string[];
  found: ChangesetFile[];
  /** Each package whose bump is missing or too small, with the largest bump found for it. */
  missing: { package: string; required: VersionBump; found: VersionBump | 'none' | undefined }[];
  /** The changeset to add when one is missing (and no change breaks): its path (relative to the project root) and full content. */
  suggestion: { path: string; content: string } | undefined;
}

/**
 * The whole verdict of `factline check --base <ref>`.
 *
 * @example
 * const report = await runEvolutionGate(root, { base: 'HEAD~1' });
 * process.exitCode = report.ok ? 0 : 1;
 */
export interface EvolutionReport {
  /** No breaking change, and the changesets cover the changes. */
  ok: boolean;
  base: { ref: string; commit: string; short: string; subject: string };
  /** Every schema file that changed, in file order. */
  schemas: SchemaEvolution[];
  /** Changes by verdict. */
  counts: Record<ChangeKind, number>;
  changeset: ChangesetVerdict;
  /** What the reader should know about how the comparison ran (a broken base, history walked, warehouse skipped). */
  notes: string[];
}
