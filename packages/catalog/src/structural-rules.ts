// The checks that are not per-node lint rules: file layout, ids, references, mappings. Their ids and rationales
// are listed here so that docs/rules.md documents every rule id a person can see.
import type { Severity } from './problems.js';

export interface StructuralRule {
  id: string;
  severity: Severity;
  summary: string;
  rationale: string;
}

export const structuralRules: readonly StructuralRule[] = [
  { id: 'invalid-json', severity: 'error', summary: 'Every file is valid JSON.', rationale: 'Nothing else can be checked in a file that does not parse. The message gives the line and column of the first syntax error.' },
  { id: 'config', severity: 'error', summary: 'factline.config.json follows its schema.', rationale: 'Stream names, buffering and the warehouse schema come from the config; a typo there would silently fall back to a default.' },
  { id: 'unexpected-file', severity: 'error', summary: 'Every file under schemas/ sits where a schema of its kind belongs.', rationale: 'The folder says what a file is (envelope, common, entity, event, fact) and which entity, name and version it has. A file anywhere else would be ignored by every generator, which is worse than an error.' },
  { id: 'invalid-name', severity: 'error', summary: 'Entity, event and fact names are snake_case ([a-z][a-z0-9_]*).', rationale: 'Names become event types, table and column names and TypeScript identifiers. snake_case is the one form that is valid and unquoted in all of them.' },
  { id: 'missing-id', severity: 'error', summary: 'Every schema has an $id.', rationale: 'The $id is how schemas reference each other and how the catalog knows a schema; without it, a $ref to the file cannot resolve.' },
  { id: 'id-path-mismatch', severity: 'error', summary: "A schema's $id is the base URI plus its path under schemas/.", rationale: 'A file copied or moved without updating its $id claims to be another schema. The path is what reviewers see, the $id is what references resolve: they must agree.' },
  { id: 'duplicate-id', severity: 'error', summary: 'No two files define the same schema (the same $id, event or fact).', rationale: 'Two definitions of one event or fact would make generated types, validators and columns depend on the order files are read.' },
  { id: 'schema-dialect', severity: 'error', summary: 'factline schemas declare "$schema": "https://json-schema.org/draft/2020-12/schema".', rationale: 'Keywords mean different things in different drafts (items, $ref siblings, exclusiveMaximum). One dialect keeps validators, types and compatibility checks in agreement.' },
  { id: 'meta-schema', severity: 'error', summary: 'Every schema is valid against its dialect\'s meta-schema.', rationale: 'A schema that is not valid JSON Schema is interpreted differently by every tool that reads it.' },
  { id: 'ref-unresolved', severity: 'error', summary: 'Every $ref resolves to a schema in the catalog.', rationale: 'An unresolved reference fails at run time in the producer and the transformer; factline finds it before anything is generated.' },
  { id: 'compile', severity: 'error', summary: 'Every schema compiles into a validator.', rationale: 'The producer and the transformer run precompiled validators. A schema that ajv cannot compile (for example an invalid regular expression) cannot be enforced.' },
  { id: 'missing-envelope', severity: 'error', summary: 'schemas/envelope/v1.json exists.', rationale: 'Every event travels in the envelope; producers and the transformer validate it first.' },
  { id: 'event-without-entity', severity: 'error', summary: 'Every event belongs to an entity defined in schemas/entities/.', rationale: 'The entity decides the delivery stream and the fact table; an event of an unknown entity has nowhere to go.' },
  { id: 'fact-without-entity', severity: 'error', summary: 'Every fact belongs to an entity defined in schemas/entities/.', rationale: 'A fact is stored in its entity\'s fact table; without an entity there is no table and no views.' },
  { id: 'entity-invalid', severity: 'error', summary: 'x-factline-entity has the documented shape.', rationale: 'The lifecycle declared there decides which entities the current-state view shows as inactive or deleted.' },
  { id: 'entity-lifecycle', severity: 'error', summary: "An entity's lifecycle names one of its facts, a string enum that contains every inactive and deleted value.", rationale: 'Views filter on these values; a value the fact can never take would make an entity look active forever.' },
  { id: 'fact-references', severity: 'error', summary: 'x-factline-references names an existing entity and the fact value fits its id.', rationale: 'Relationship facts are joined to the referenced entity in views and tested for referential integrity; the target must exist.' },
  { id: 'mapping-missing', severity: 'error', summary: 'Every event declares x-factline-mapping.', rationale: 'An event that maps to no facts never reaches the warehouse: it would be accepted by producers and then disappear.' },
  { id: 'mapping-invalid', severity: 'error', summary: 'x-factline-mapping has the documented shape.', rationale: 'See docs/architecture.md, "Event mapping": entityId, facts with fact, version and value (pointer, const or object).' },
  { id: 'mapping-unknown-fact', severity: 'error', summary: 'Every mapped fact (and version) is defined in schemas/facts/.', rationale: 'The fact schema defines the column the value lands in; a mapping to an undefined fact has no column.' },
  { id: 'mapping-wrong-entity', severity: 'error', summary: "An event maps only to facts of its own entity.", rationale: 'One event changes one entity; its facts go to that entity\'s stream and table. Use separate events for separate entities.' },
  { id: 'mapping-duplicate-fact', severity: 'error', summary: 'An event maps each fact at most once.', rationale: 'Two values of the same fact from one event at the same instant have no order, so views could not say which one is current.' },
  { id: 'mapping-entity-id', severity: 'error', summary: 'entityId points at a property that is always present and fits the entity id schema.', rationale: 'Every fact carries the entity id; an event without it cannot be placed on any entity.' },
  { id: 'mapping-pointer-missing', severity: 'error', summary: 'Every mapping pointer exists in the event schema.', rationale: 'A pointer to a property the event does not declare would silently produce no fact for every event.' },
  { id: 'mapping-type-mismatch', severity: 'error', summary: 'The value a mapping reads fits the fact value schema (type, format, length, enum, bounds).', rationale: 'A value that does not fit its fact would fail in the transformer or in COPY, one event at a time, in production. The check proves at generation time that it cannot.' },
];
