// The runtime domain compiled once into per-event plans: parsed pointers, value resolvers, and the constant parts of
// every fact line, so that transforming an event does no lookups or string building it could have done up front.
import type { RuntimeDomain, RuntimeMapper, Validator } from '@factline/events';
import { TransformerError, TransformerErrorCode } from './errors.js';
import { factKey, type Digest } from './fact-id.js';
import { parsePointer, type PointerTokens } from './json-pointer.js';
import { compileValueSpec, type ValueResolver } from './value-spec.js';

/** A fact an event may produce, with the constant parts of its line. */
export interface FactPlan {
  /** `<type>@<version>` */
  key: string;
  type: string;
  version: number;
  /** `,"fact_type":"…","fact_version":N` */
  typePart: string;
  /** `,"<value key>":` */
  valuePart: string;
  /** `typePart` and `valuePart` as UTF-8, as the fact writer copies them. */
  typeBytes: Uint8Array;
  valueBytes: Uint8Array;
  validate: Validator;
  /** The per-fact half of the fact id at each position (computed on first use). */
  keys: Digest[];
  /** Scratch for the typed path: the stamp of the last event that wrote this fact (finds a fact returned twice). */
  seen: number;
  /** Typed path: indexes into the mapping's `proven` places whose schema is this fact's. */
  provenAt: number[];
}

/**
 * The per-fact half of the fact id of `fact` at `position`, cached on the plan.
 *
 * @example
 * writeFactId(buffer, at, eventDigest, keyAt(fact, 0));
 */
export function keyAt(fact: FactPlan, position: number): Digest {
  return (fact.keys[position] ??= factKey(fact.type, position));
}

/** A declared fact: where its value comes from. */
export interface DeclaredFactPlan extends FactPlan {
  resolve: ValueResolver;
  /** False when its value is valid whenever the payload is: a constant checked here, or `provenByPayload`. */
  needsValidation: boolean;
}

/** Everything needed to turn one event type and version into facts. */
export interface EventPlan {
  key: string;
  entity: string;
  validate: Validator;
  entityId: PointerTokens;
  /** `,"event_type":"…","event_version":N`, as UTF-8. */
  typeBytes: Uint8Array;
  mapping:
    | { kind: 'declared'; facts: DeclaredFactPlan[] }
    /**
     * `facts` by fact type. `proven`: the payload places some fact's schema is identical to; their values are read
     * into `provenValues` before the mapper runs (it could change the payload), for the facts' `provenAt`.
     */
    | { kind: 'typed'; mapper: RuntimeMapper; facts: Map<string, FactPlan>; proven: PointerTokens[]; provenValues: unknown[] };
}

/** The compiled domain. */
export interface CompiledDomain {
  envelope: Validator;
  /** Event plans by type, then version (no key string to build per event). */
  events: Map<string, Map<number, EventPlan>>;
}

// The shared columns of every fact line; a value key equal to one of them would write that key twice.
const sharedKeys = new Set(['fact_id', 'entity_id', 'fact_type', 'fact_version', 'occurred_at', 'recorded_at', 'event_id', 'event_type', 'event_version']);

/**
 * Checks the domain's shape and compiles it; throws `TransformerError` (`INVALID_DOMAIN`) naming the entry.
 *
 * @example
 * const compiled = compileDomain(domain);
 * compiled.events.get('booking.requested@1')?.mapping.kind; // 'typed'
 */
export function compileDomain(domain: RuntimeDomain): CompiledDomain {
  if (domain === null || typeof domain !== 'object') fail('', '', 'the domain must be an object ({ envelope, events, facts })');
  if (typeof domain.envelope?.validate !== 'function') fail('envelope', '/envelope/validate', 'the envelope has no validate function');
  if (domain.events === null || typeof domain.events !== 'object') fail('events', '/events', 'events must be an object keyed "<type>@<version>"');
  if (domain.facts === null || typeof domain.facts !== 'object') fail('facts', '/facts', 'facts must be an object keyed "<type>@<version>"');
  const facts = new Map<string, FactPlan>();
  for (const [key, fact] of Object.entries(domain.facts)) facts.set(key, compileFact(key, fact));
  const events = new Map<string, Map<number, EventPlan>>();
  for (const [key, event] of Object.entries(domain.events)) {
    const plan = compileEvent(key, event, facts);
    const versions = events.get(event.type) ?? new Map<number, EventPlan>();
    events.set(event.type, versions.set(event.version, plan));
  }
  return { envelope: domain.envelope.validate, events };
}

function compileFact(key: string, fact: RuntimeDomain['facts'][string]): FactPlan {
  const at = `/facts/${key}`;
  if (fact === null || typeof fact !== 'object') fail(key, at, 'a fact entry must be an object');
  if (key !== `${fact.type}@${fact.version}`) fail(key, at, `the key must be "<type>@<version>" of the entry ("${fact.type}@${fact.version}")`);
  if (typeof fact.validate !== 'function') fail(key, `${at}/validate`, 'the fact has no validate function');
  if (typeof fact.valueKey !== 'string' || fact.valueKey === '' || sharedKeys.has(fact.valueKey)) {
    fail(key, `${at}/valueKey`, `the value key must be a non-empty string other than the shared columns (got ${JSON.stringify(fact.valueKey)})`);
  }
  const typePart = `,"fact_type":${JSON.stringify(fact.type)},"fact_version":${JSON.stringify(fact.version)}`;
  const valuePart = `,${JSON.stringify(fact.valueKey)}:`;
  return { key, type: fact.type, version: fact.version, typePart, valuePart, typeBytes: Buffer.from(typePart), valueBytes: Buffer.from(valuePart), validate: fact.validate, keys: [], seen: 0, provenAt: [] };
}

function compileEvent(key: string, event: RuntimeDomain['events'][string], facts: Map<string, FactPlan>): EventPlan {
  const at = `/events/${key}`;
  if (event === null || typeof event !== 'object') fail(key, at, 'an event entry must be an object');
  if (key !== `${event.type}@${event.version}`) fail(key, at, `the key must be "<type>@<version>" of the entry ("${event.type}@${event.version}")`);
  if (typeof event.validate !== 'function') fail(key, `${at}/validate`, 'the event has no validate function');
  const mapping = event.mapping;
  const entityId = typeof mapping?.entityId === 'string' ? parsePointer(mapping.entityId) : undefined;
  if (entityId === undefined) fail(key, `${at}/mapping/entityId`, 'entityId must be a JSON Pointer into the payload');
  if (!Array.isArray(mapping.facts)) fail(key, `${at}/mapping/facts`, 'mapping.facts must be an array');
  const declaredFact = (mapped: { fact: string; version: number; valueKey?: string }, index: number): FactPlan => {
    const fact = facts.get(`${mapped.fact}@${mapped.version}`);
    if (fact === undefined) fail(key, `${at}/mapping/facts/${index}`, `the mapping names ${mapped.fact}@${mapped.version}, which the domain's facts lack`);
    if (mapped.valueKey !== undefined && `,${JSON.stringify(mapped.valueKey)}:` !== fact.valuePart) {
      fail(key, `${at}/mapping/facts/${index}/valueKey`, `value key "${mapped.valueKey}" disagrees with the fact's ("${fact.valuePart.slice(2, -2)}")`);
    }
    return fact;
  };
  const typeBytes = Buffer.from(`,"event_type":${JSON.stringify(event.type)},"event_version":${JSON.stringify(event.version)}`);
  if (mapping.kind === 'typed') {
    if (typeof mapping.mapper !== 'function') fail(key, `${at}/mapping/mapper`, 'a typed mapping needs a mapper function (register it in packages/events/src/mappers/)');
    const allowed = new Map<string, FactPlan>();
    const proven: string[] = [];
    mapping.facts.forEach((mapped, index) => {
      if (allowed.has(mapped.fact)) fail(key, `${at}/mapping/facts/${index}`, `${mapped.fact} is listed twice; an event sets each fact at most once`);
      const pointers = provenPointers(key, `${at}/mapping/facts/${index}/provenByPayloadAt`, mapped.provenByPayloadAt);
      const provenAt = pointers.map((pointer) => (proven.includes(pointer) ? proven.indexOf(pointer) : proven.push(pointer) - 1));
      allowed.set(mapped.fact, { ...declaredFact(mapped, index), provenAt });
    });
    const typed = { kind: 'typed' as const, mapper: mapping.mapper, facts: allowed, proven: proven.map((pointer) => parsePointer(pointer) as PointerTokens), provenValues: proven.map(() => undefined) };
    return { key, entity: event.entity, validate: event.validate, entityId, typeBytes, mapping: typed };
  }
  if (mapping.kind !== 'declared') fail(key, `${at}/mapping/kind`, 'mapping.kind must be "declared" or "typed"');
  const declared = mapping.facts.map((mapped, index): DeclaredFactPlan => {
    const fact = declaredFact(mapped, index);
    const resolve = compileValueSpec(mapped.value, `${at}/mapping/facts/${index}/value`);
    if (typeof resolve !== 'function') fail(key, resolve.invalidAt, 'the value spec must be { pointer }, { const } or { object }, with valid JSON Pointers and JSON constants');
    if ('const' in mapped.value && !fact.validate(mapped.value.const)) {
      fail(key, `${at}/mapping/facts/${index}/value/const`, `the constant ${JSON.stringify(mapped.value.const)} is not a valid ${fact.key}`);
    }
    const proven: unknown = mapped.provenByPayload;
    if ((proven !== undefined && typeof proven !== 'boolean') || (proven === true && !('pointer' in mapped.value))) {
      fail(key, `${at}/mapping/facts/${index}/provenByPayload`, 'provenByPayload must be a boolean, and true only for a { pointer } value');
    }
    // A constant was validated just above; a proven pointer was validated with the payload.
    const needsValidation = !('const' in mapped.value) && proven !== true;
    return { ...fact, resolve, needsValidation };
  });
  return { key, entity: event.entity, validate: event.validate, entityId, typeBytes, mapping: { kind: 'declared', facts: declared } };
}

function provenPointers(key: string, at: string, pointers: unknown): string[] {
  if (pointers === undefined) return [];
  if (!Array.isArray(pointers) || !pointers.every((pointer) => typeof pointer === 'string' && parsePointer(pointer) !== undefined)) {
    fail(key, at, 'provenByPayloadAt must be an array of JSON Pointers into the payload');
  }
  return pointers as string[];
}

function fail(key: string, pointer: string, message: string): never {
  throw new TransformerError(TransformerErrorCode.InvalidDomain, `Invalid runtime domain at ${pointer || '/'}: ${message}.`, { key, pointer });
}
