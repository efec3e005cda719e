// The evolution policy per kind of schema, applied to edits of the sample domain in schemas/.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bumpFor,
  check,
  ChangeKind,
  evolutionPolicies,
  loadCatalog,
  policyChanges,
  PolicyChangeType,
  policyFor,
  policyLabel,
  requiredBump,
  SchemaKind,
  type Catalog,
  type JsonSchemaObject,
} from '@factline/catalog';

const repositoryRoot = path.resolve(import.meta.dirname, '../../../..');
const base = 'https://schemas.factline.dev/';

let catalog: Catalog;
beforeAll(async () => {
  ({ catalog } = await loadCatalog(repositoryRoot));
});

const lookup = (id: string) => catalog.documents.get(id)?.schema;
/** A private copy of a document of the sample domain, to edit. */
const copy = (file: string) => structuredClone(catalog.documents.get(base + file)!.schema) as JsonSchemaObject & Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
/** The verdict of the kind's policy on an edit. */
const judge = (kind: SchemaKind, previous: JsonSchemaObject | JsonSchemaObject[], next: JsonSchemaObject) => check(previous, next, policyFor(kind).mode, { lookup });

describe('the policy of each kind of schema', () => {
  it('gives every kind of schema a policy with its readers, reasons, deploy order and way out', () => {
    for (const kind of Object.values(SchemaKind)) {
      const policy = policyFor(kind);
      expect(policy.kind).toBe(kind);
      expect([policy.readers, policy.why, policy.deployOrder, policy.wayOut].every((text) => text.length > 20)).toBe(true);
    }
    expect(Object.keys(evolutionPolicies).sort()).toEqual(Object.values(SchemaKind).sort());
  });

  it('names each policy by its kind, mode and extra checks', () => {
    expect(policyLabel('event')).toBe('event: BACKWARD_TRANSITIVE');
    expect(policyLabel('fact')).toBe('fact: BACKWARD_TRANSITIVE + warehouse');
    expect(policyLabel('entity')).toBe('entity: FULL_TRANSITIVE + warehouse');
    expect(policyLabel('envelope')).toBe('envelope: FULL_TRANSITIVE');
    expect(policyLabel('common')).toBe('common: judged where referenced');
  });

  it('lets only events and facts break by publishing a new version', () => {
    const versioned = Object.values(SchemaKind).filter((kind) => policyFor(kind).versioned);
    expect(versioned.sort()).toEqual(['event', 'fact']);
  });
});

describe('events: BACKWARD_TRANSITIVE', () => {
  it('accepts an optional property (minor), though readers on the old schema would reject it', () => {
    const old = copy('events/accommodation_provider/basic_info_updated/v1.json');
    const next = copy('events/accommodation_provider/basic_info_updated/v1.json');
    next.properties.basicInfo.properties.phone = { description: 'Contact phone number.', type: 'string', maxLength: 32 };
    const result = judge('event', old, next);
    expect(result.ok).toBe(true);
    expect(result.comparisons[0]!.changes.map((c) => [c.type, c.forward])).toEqual([['OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL', false]]);
    expect(requiredBump(result.comparisons[0]!.changes, policyFor('event').mode)).toBe('minor');
  });

  it('refuses a new required property: events already written lack it', () => {
    const old = copy('events/booking/cancelled/v1.json');
    const next = copy('events/booking/cancelled/v1.json');
    next.properties.channel = { description: 'Where it was cancelled.', type: 'string', enum: ['web', 'app'] };
    next.required.push('channel');
    const result = judge('event', old, next);
    expect(result.issues.map((i) => `${i.type} ${i.pointer} ${i.direction}`)).toEqual(['REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL /properties/channel backward']);
  });

  it('judges against every earlier state, so a break that slipped in earlier is still refused', () => {
    // Prepare: the reason was 500 characters long, then (unchecked) 100; now it stays 100.
    const first = copy('events/booking/cancelled/v1.json');
    const second = copy('events/booking/cancelled/v1.json');
    second.properties.reason.maxLength = 100;
    const now = structuredClone(second);
    now.properties.reason.description = 'Free-text reason, at most 100 characters.';
    // Act
    const latestOnly = check([first, second], now, 'BACKWARD', { lookup, labels: ['first', 'second'] });
    const transitive = judge('event', [first, second], now);
    // Assess
    expect(latestOnly.ok).toBe(true);
    expect(transitive.issues.map((i) => `${i.type} ${i.against}`)).toEqual(['MAX_LENGTH_DECREASED v1']);
  });
});

describe('facts: BACKWARD_TRANSITIVE plus the warehouse', () => {
  it('accepts integer → number as far as JSON Schema goes; the warehouse check is what refuses it', () => {
    const old = copy('facts/booking/guests/v1.json');
    const next = { ...old, type: 'number' };
    expect(judge('fact', old, next).ok).toBe(true);
    expect(policyFor('fact').warehouse).toBe(true);
  });
});

describe('the envelope: FULL_TRANSITIVE', () => {
  it('refuses even an optional property, which producers on the old envelope could never send to older transformers', () => {
    const old = copy('envelope/v1.json');
    const next = copy('envelope/v1.json');
    next.properties.trace_id = { description: 'Distributed trace id.', type: 'string', maxLength: 64 };
    const result = judge('envelope', old, next);
    expect(result.issues.map((i) => `${i.type} ${i.direction}`)).toEqual(['OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL forward']);
  });

  it('accepts a clearer description as a patch', () => {
    const old = copy('envelope/v1.json');
    const next = copy('envelope/v1.json');
    next.properties.producer.description = 'The service that emitted the event (its deployment name).';
    const result = judge('envelope', old, next);
    expect(result.ok).toBe(true);
    expect(requiredBump(result.comparisons[0]!.changes, policyFor('envelope').mode)).toBe('patch');
  });
});

describe('entities: FULL_TRANSITIVE plus the warehouse', () => {
  it('refuses widening the id: relationship facts of other entities still expect a UUID', () => {
    const old = copy('entities/accommodation_provider.json');
    const next = copy('entities/accommodation_provider.json');
    delete next.format;
    const result = judge('entity', old, next);
    expect(result.issues.map((i) => `${i.type} ${i.direction}`)).toEqual(['FORMAT_REMOVED forward']);
  });
});

describe('common definitions: judged where referenced', () => {
  it('never breaks on its own (NONE), whatever the change', () => {
    const old = copy('common/money.json');
    const next = copy('common/money.json');
    next.properties.amountMinor.maximum = 1000;
    const result = judge('common', old, next);
    expect(result.ok).toBe(true);
    expect(policyFor('common').judgedThroughReferences).toBe(true);
  });

  it('breaks the event that references it, under the event policy', () => {
    const money = copy('common/money.json');
    money.properties.amountMinor.maximum = 1000;
    const event = copy('events/booking/requested/v1.json');
    const result = check(event, event, policyFor('event').mode, { lookupPrevious: lookup, lookupNew: (id) => (id === base + 'common/money.json' ? money : lookup(id)) });
    expect(result.issues.map((i) => `${i.type} ${i.pointer}`)).toEqual(['MAXIMUM_DECREASED /properties/totalPrice/properties/amountMinor/maximum']);
  });
});

describe('files, mappings and the warehouse', () => {
  it.each([
    [PolicyChangeType.fileAdded, 'minor'],
    [PolicyChangeType.fileRemoved, 'major'],
    [PolicyChangeType.mappingFactAdded, 'minor'],
    [PolicyChangeType.mappingFactsReordered, 'minor'],
    [PolicyChangeType.mappingFactRemoved, 'major'],
    [PolicyChangeType.mappingValueChanged, 'major'],
    [PolicyChangeType.mappingEntityIdChanged, 'major'],
    [PolicyChangeType.mappingKindChanged, 'major'],
    [PolicyChangeType.warehouseRefused, 'major'],
  ] as const)('%s needs a %s bump', (type, bump) => {
    expect(bumpFor(policyChanges[type].kind)).toBe(bump);
  });

  it('gives every breaking policy change a way out', () => {
    const breaking = Object.values(policyChanges).filter((p) => p.kind === ChangeKind.breaking);
    expect(breaking.length).toBeGreaterThan(3);
    expect(breaking.every((p) => (p.wayOut ?? '').length > 10)).toBe(true);
  });
});
