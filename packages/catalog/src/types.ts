// The catalog model: what `schemas/` says, as one typed object that every generator reads.
import type { ProjectConfig } from './config.js';

/** A JSON Schema node as found in a file (2020-12; booleans are schemas too). */
export type JsonSchema = boolean | JsonSchemaObject;
export interface JsonSchemaObject {
  [keyword: string]: unknown;
}

export const SchemaKind = {
  envelope: 'envelope',
  common: 'common',
  entity: 'entity',
  event: 'event',
  fact: 'fact',
} as const;
export type SchemaKind = (typeof SchemaKind)[keyof typeof SchemaKind];

/** One schema file. `file` is relative to the project root, with POSIX separators. */
export interface SchemaDocument {
  kind: SchemaKind;
  file: string;
  id: string;
  schema: JsonSchemaObject;
  /** The schema with every `$ref` inlined (cycles stay as `$ref`). */
  resolved: JsonSchemaObject;
  title: string | undefined;
  description: string | undefined;
}

export interface EntityLifecycle {
  /** The fact (type) whose value says whether the entity is active. */
  fact: string;
  /** Values of that fact that make the entity inactive (kept in `<entity>_current`, `is_active = false`). */
  inactive: string[];
  /** Values of that fact that delete the entity (dropped from `<entity>_current`, kept in history). */
  deleted: string[];
}

export interface EntityDefinition {
  name: string;
  document: SchemaDocument;
  lifecycle: EntityLifecycle | undefined;
  /** Every version of every event of this entity, sorted by type then version. */
  events: EventDefinition[];
  /** Every version of every fact of this entity, sorted by type then version. */
  facts: FactDefinition[];
}

/** A value spec in a declared mapping: a pointer into the payload, a constant, or an object built from specs. */
export type ValueSpec = { pointer: string } | { const: unknown } | { object: Record<string, ValueSpec> };

export interface MappedFact {
  fact: string;
  version: number;
}
export interface DeclaredMappedFact extends MappedFact {
  value: ValueSpec;
}

export type EventMapping =
  | { kind: 'declared'; entityId: string; facts: DeclaredMappedFact[] }
  | { kind: 'typed'; entityId: string; facts: MappedFact[] };

export interface EventDefinition {
  /** `<entity>.<name>` */
  type: string;
  entity: string;
  name: string;
  version: number;
  document: SchemaDocument;
  /** Absent only when the schema's mapping is invalid (reported as a problem). */
  mapping: EventMapping | undefined;
}

export interface FactDefinition {
  /** `<entity>.<name>` */
  type: string;
  entity: string;
  name: string;
  version: number;
  document: SchemaDocument;
  /** The key under which a fact line carries the value, and the base of its column names. */
  valueKey: string;
  /** The entity this fact points at, for relationship facts (`x-factline-references`). */
  references: string | undefined;
}

export interface Catalog {
  /** Absolute path of the project root (the folder with `factline.config.json` and `schemas/`). */
  root: string;
  config: ProjectConfig;
  envelope: SchemaDocument | undefined;
  commons: SchemaDocument[];
  entities: EntityDefinition[];
  events: EventDefinition[];
  facts: FactDefinition[];
  /** Every document by `$id`. */
  documents: ReadonlyMap<string, SchemaDocument>;
}

/** `"<type>@<version>"`, the key of an event or fact version everywhere at run time. */
export function versionKey(type: string, version: number): string {
  return `${type}@${version}`;
}
