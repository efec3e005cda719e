// The shape of the generated runtime domain (src/generated/domain.ts): the contract between the generator and the
// transformer. See docs/architecture.md, "The runtime domain".

/** An ajv standalone validator: returns whether the data is valid and leaves the errors on `.errors`. */
export type Validator = ((data: unknown) => boolean) & { errors?: ValidationError[] | null };

/** The subset of ajv's ErrorObject that factline reads. */
export interface ValidationError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** Where a declared mapping takes a fact's value from. */
export type ValueSpec = { pointer: string } | { const: unknown } | { object: Record<string, ValueSpec> };

/** What a typed mapper is told about the event besides its payload. */
export interface MapperContext {
  eventId: string;
  eventType: string;
  eventVersion: number;
  /** The envelope's occurred_at, normalised to UTC ISO 8601 with milliseconds. */
  occurredAt: string;
  producer: string;
}

/** One fact a typed mapper produces. */
export interface MappedFactValue {
  fact: string;
  version: number;
  value: unknown;
}

/** A typed mapper's answer: the facts, or why the event cannot be mapped (it becomes ProcessingFailed). */
export type MapperResult<F extends MappedFactValue = MappedFactValue> =
  | { ok: true; facts: F[] }
  | { ok: false; pointer: string; rule: string; message: string };

/** The run-time view of a typed mapper (the typed view is `TypedMapper<Type, Version>` in index.ts). */
export type RuntimeMapper = (payload: unknown, context: MapperContext) => MapperResult;

export interface RuntimeMappedFact {
  fact: string;
  version: number;
  /** The key the fact line carries the value under (also the base of its column names). */
  valueKey: string;
}

/** A fact of a declared mapping: where its value comes from. */
export interface RuntimeDeclaredFact extends RuntimeMappedFact {
  value: ValueSpec;
  /**
   * Set by the generator when the payload schema at `value.pointer` is the fact's schema (annotations aside): a valid
   * payload then proves the value valid, and the transformer does not validate it again.
   */
  provenByPayload?: boolean;
}

/** A fact a typed mapper may return. */
export interface RuntimeTypedFact extends RuntimeMappedFact {
  /**
   * Set by the generator for a fact of a primitive type: the payload pointers whose schema is the fact's schema. A
   * value the mapper returns that equals the payload's value at one of them is valid without a second validation.
   */
  provenByPayloadAt?: string[];
}

export type RuntimeMapping =
  | { kind: 'declared'; entityId: string; facts: RuntimeDeclaredFact[] }
  | { kind: 'typed'; entityId: string; facts: RuntimeTypedFact[]; mapper: RuntimeMapper };

export interface RuntimeEventDefinition {
  type: string;
  version: number;
  entity: string;
  validate: Validator;
  mapping: RuntimeMapping;
}

export interface RuntimeFactDefinition {
  type: string;
  version: number;
  entity: string;
  valueKey: string;
  validate: Validator;
}

/** Everything the transformer needs, keyed `"<type>@<version>"`. */
export interface RuntimeDomain {
  envelope: { validate: Validator };
  events: Record<string, RuntimeEventDefinition>;
  facts: Record<string, RuntimeFactDefinition>;
}

/** One entry of the generated event catalog. */
export interface EventCatalogEntry {
  entity: string;
  versions: readonly number[];
  latestVersion: number;
  deliveryStreamName: string;
}
