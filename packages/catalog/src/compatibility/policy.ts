// How each kind of schema may change in place, and why. The modes are Confluent's; what factline adds is who reads
// each kind of schema and for how long, the changes to files and mappings that no JSON Schema diff can see, and the
// warehouse as one more reader of facts. `factline check --base <ref>` applies these decisions.
import type { SchemaKind } from '../types.js';
import { ChangeKind } from './classify.js';
import { CompatibilityMode } from './model.js';

/**
 * The evolution policy of one kind of schema.
 *
 * @example
 * const { mode, warehouse } = policyFor('fact'); // 'BACKWARD_TRANSITIVE', true
 */
export interface EvolutionPolicy {
  kind: SchemaKind;
  /** The mode a change in place must pass; NONE for common definitions, which are judged where they are used. */
  mode: CompatibilityMode;
  /** Changes are judged in every schema that references this one, under that schema's mode. */
  judgedThroughReferences: boolean;
  /** The change must also be one the committed warehouse can follow in place (Redshift). */
  warehouse: boolean;
  /** A breaking change can be published as a new version file next to the old one. */
  versioned: boolean;
  /** Who reads data described by this kind of schema. */
  readers: string;
  /** Why this mode. */
  why: string;
  /** The deployment order the mode implies. */
  deployOrder: string;
  /** What to do with a change the policy refuses. */
  wayOut: string;
}

const readersFirst = 'deploy readers before writers: the transformer (and its generated domain) before any producer sends the new shape';

/**
 * The policy of every kind of schema. See docs/evolving-schemas.md for the reasoning in full.
 *
 * @example
 * evolutionPolicies.event.mode // 'BACKWARD_TRANSITIVE'
 */
export const evolutionPolicies: Readonly<Record<SchemaKind, EvolutionPolicy>> = {
  envelope: {
    kind: 'envelope',
    mode: CompatibilityMode.FULL_TRANSITIVE,
    judgedThroughReferences: false,
    warehouse: false,
    versioned: false,
    readers: 'every transformer version, on arrival and on every replay of the raw backup; written by every producer version of every service',
    why: 'the envelope has no versions (only envelope/v1.json exists) and every event of every service travels in it, while services upgrade @factline/events at their own pace: a change must be readable both ways, against every earlier state, because no new version can sidestep it',
    deployOrder: 'any order: every envelope ever written is read by every transformer, and the other way round',
    wayOut: 'keep the envelope as it is; carry new information in the payloads of new event versions',
  },
  entity: {
    kind: 'entity',
    mode: CompatibilityMode.FULL_TRANSITIVE,
    judgedThroughReferences: false,
    warehouse: true,
    versioned: false,
    readers: 'the entity_id column of <entity>_facts and every view that joins on it; relationship facts of other entities (x-factline-references) that hold the same ids under their own schemas',
    why: 'an entity id is the identity of the aggregate across all of history and has no versions: ids already recorded must stay valid (BACKWARD), and new ids must stay valid for the relationship facts and views written against the old shape (FORWARD)',
    deployOrder: 'any order: the set of valid ids does not change',
    wayOut: 'keep the id schema; a different identity is a new entity (schemas/entities/<new>.json) with its own events and facts',
  },
  common: {
    kind: 'common',
    mode: CompatibilityMode.NONE,
    judgedThroughReferences: true,
    warehouse: false,
    versioned: false,
    readers: 'no one directly: the events, facts and other definitions that $ref it',
    why: 'a shared definition describes data only where it is used, so each change is judged inside every schema that references it, at the place of use, under that schema\'s policy (and the warehouse check, for facts); a definition that nothing references constrains no data',
    deployOrder: 'the order of the strictest schema that references it',
    wayOut: 'make the change in a new common file and reference it from new versions of the events and facts that need it',
  },
  event: {
    kind: 'event',
    mode: CompatibilityMode.BACKWARD_TRANSITIVE,
    judgedThroughReferences: false,
    warehouse: false,
    versioned: true,
    readers: 'the transformer: when the event arrives, and again, months or years later, when the raw backup is replayed to re-derive facts',
    why: 'events are read long after they were written, by the newest transformer: every event written under any earlier state of the version file must still validate (BACKWARD against every earlier state, hence transitive). FORWARD is not required: it only orders deployments, and an event sent too early fails into processing-failed/, from where it is replayed, never lost',
    deployOrder: readersFirst,
    wayOut: 'make the change compatible (an optional property instead of a required one, keep the old property and mark it deprecated), or publish it as a new version v<N+1> next to this one, which the transformer reads side by side',
  },
  fact: {
    kind: 'fact',
    mode: CompatibilityMode.BACKWARD_TRANSITIVE,
    judgedThroughReferences: false,
    warehouse: true,
    versioned: true,
    readers: 'the warehouse columns of <entity>_facts (COPY with JSONPaths, on load and on every recompute from the master dataset), the views and analysts\' queries on them',
    why: 'facts already in the master dataset must stay valid and loadable with the newest schema (BACKWARD against every earlier state); and their column must be able to follow in place: Redshift widens a VARCHAR but changes no type and narrows nothing, so a change JSON Schema calls compatible is still refused when the column cannot follow',
    deployOrder: 'warehouse migrations first, then the transformer, then producers',
    wayOut: 'publish the change as a new fact version v<N+1> (its own value key <name>_v<N+1>, so its own columns) and map events to it; the old version keeps its columns',
  },
};

/**
 * The policy of a kind of schema.
 *
 * @example
 * policyFor('event').deployOrder // 'deploy readers before writers: …'
 */
export function policyFor(kind: SchemaKind): EvolutionPolicy {
  return evolutionPolicies[kind];
}

/**
 * A short name of the policy, for reports: `event: BACKWARD_TRANSITIVE`, `fact: BACKWARD_TRANSITIVE + warehouse`.
 *
 * @example
 * policyLabel('common') // 'common: judged where referenced'
 */
export function policyLabel(kind: SchemaKind): string {
  const policy = policyFor(kind);
  if (policy.judgedThroughReferences) return `${kind}: judged where referenced`;
  return `${kind}: ${policy.mode}${policy.warehouse ? ' + warehouse' : ''}`;
}

/**
 * The changes factline judges beyond a JSON Schema diff: whole files, mappings, and the warehouse.
 *
 * @example
 * PolicyChangeType.mappingFactRemoved // 'MAPPING_FACT_REMOVED'
 */
export const PolicyChangeType = {
  fileAdded: 'SCHEMA_FILE_ADDED',
  fileRemoved: 'SCHEMA_FILE_REMOVED',
  mappingFactAdded: 'MAPPING_FACT_ADDED',
  mappingFactsReordered: 'MAPPING_FACTS_REORDERED',
  mappingFactRemoved: 'MAPPING_FACT_REMOVED',
  mappingValueChanged: 'MAPPING_VALUE_CHANGED',
  mappingEntityIdChanged: 'MAPPING_ENTITY_ID_CHANGED',
  mappingKindChanged: 'MAPPING_KIND_CHANGED',
  warehouseRefused: 'WAREHOUSE_REFUSED',
} as const;
export type PolicyChangeType = (typeof PolicyChangeType)[keyof typeof PolicyChangeType];

/**
 * How each policy change counts, and why. A mapping is part of the meaning of recorded history: a replay of the
 * raw backup must derive the same facts from the same events, so a mapping may gain facts but never lose or
 * reinterpret them.
 *
 * @example
 * policyChanges.MAPPING_FACT_ADDED.kind // 'additive'
 */
export const policyChanges: Readonly<Record<PolicyChangeType, { kind: ChangeKind; why: string; wayOut?: string }>> = {
  SCHEMA_FILE_ADDED: { kind: ChangeKind.additive, why: 'a new event, fact, entity, definition or version describes data no one has written yet' },
  SCHEMA_FILE_REMOVED: {
    kind: ChangeKind.breaking,
    why: 'data written with it still exists (raw backup, master dataset, warehouse), and the generated types and validators of @factline/events lose it',
    wayOut: 'keep the file: stop producing it, mark it "deprecated": true and say so in its description',
  },
  MAPPING_FACT_ADDED: { kind: ChangeKind.additive, why: 'new and replayed events derive one more fact; facts already derived stay as they are' },
  MAPPING_FACTS_REORDERED: {
    kind: ChangeKind.additive,
    why: 'the same facts are derived, but a fact id depends on the fact\'s position in the event\'s output, so re-derived facts get new ids (views keep only the latest derivation of each event)',
  },
  MAPPING_FACT_REMOVED: {
    kind: ChangeKind.breaking,
    why: 'a replay of the raw backup would no longer derive facts the master dataset already holds, so views recomputed from it would lose them',
    wayOut: 'keep the fact mapped; map the event\'s new shape in a new event version',
  },
  MAPPING_VALUE_CHANGED: {
    kind: ChangeKind.breaking,
    why: 'a replay would derive a different value from events already recorded: history would change meaning',
    wayOut: 'keep this mapping and map the corrected value to a new fact version (<fact>@<N+1>), or map the new shape in a new event version',
  },
  MAPPING_ENTITY_ID_CHANGED: {
    kind: ChangeKind.breaking,
    why: 'a replay would attribute the facts of recorded events to other entities',
    wayOut: 'keep the entity id pointer; publish a new event version for the new shape',
  },
  MAPPING_KIND_CHANGED: {
    kind: ChangeKind.breaking,
    why: 'factline cannot prove that a typed mapper derives the same facts as a declared mapping (or the other way round)',
    wayOut: 'keep the mapping kind; publish a new event version with the new kind',
  },
  WAREHOUSE_REFUSED: {
    kind: ChangeKind.breaking,
    why: 'Redshift cannot apply the change to the committed fact table in place',
    wayOut: 'publish a new fact version (its own columns), or revert the change',
  },
};
