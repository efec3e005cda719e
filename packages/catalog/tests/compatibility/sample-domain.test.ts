// The worked examples of docs/evolving-schemas.md, on the real schemas of the sample domain in schemas/.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { check, diff, loadCatalog, requiredBump, type Catalog, type JsonSchemaObject } from '@factline/catalog';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const base = 'https://schemas.factline.dev/';

let catalog: Catalog;
beforeAll(async () => {
  ({ catalog } = await loadCatalog(repositoryRoot));
});

const lookup = (id: string) => catalog.documents.get(id)?.schema;
/** A private copy of a document to edit. */
const copy = (file: string) => structuredClone(catalog.documents.get(base + file)!.schema) as JsonSchemaObject & Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('evolving the sample domain', () => {
  it('finds no change in any schema compared with itself', () => {
    const noisy = [...catalog.documents.values()].filter((d) => diff(d.schema, d.schema, { lookup }).changes.length > 0).map((d) => d.file);
    expect(catalog.documents.size).toBeGreaterThan(40);
    expect(noisy).toEqual([]);
  });

  it('adding an optional property to a closed payload is backward compatible (minor)', () => {
    const old = copy('events/accommodation_provider/basic_info_updated/v1.json');
    const next = copy('events/accommodation_provider/basic_info_updated/v1.json');
    next.properties.basicInfo.properties.phone = { description: 'New contact phone number.', type: 'string', maxLength: 32 };
    const result = diff(old, next, { lookup });
    expect(result.changes.map((c) => `${c.type} ${c.pointer}`)).toEqual(['OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL /properties/basicInfo/properties/phone']);
    expect(result).toMatchObject({ backward: true, forward: false });
    expect(requiredBump(result.changes, 'BACKWARD')).toBe('minor');
  });

  it('adding a fact to an event mapping changes generated code, not validation (minor)', () => {
    const old = copy('events/accommodation_provider/basic_info_updated/v1.json');
    const next = copy('events/accommodation_provider/basic_info_updated/v1.json');
    next['x-factline-mapping'].facts.push({ fact: 'accommodation_provider.phone', version: 1, value: '/basicInfo/phone' });
    const result = diff(old, next, { lookup });
    expect(result.changes.map((c) => [c.type, c.backward, c.forward])).toEqual([['FACTLINE_EXTENSION_CHANGED', true, true]]);
    expect(result.changes[0]!.message).toContain('maps accommodation_provider.phone@1 now');
    expect(requiredBump(result.changes, 'FULL')).toBe('minor');
  });

  it('widening a string is backward compatible, not forward', () => {
    const old = copy('facts/accommodation_provider/email/v1.json');
    const next = { ...old, maxLength: (old['maxLength'] as number) + 66 };
    expect(diff(old, next).changes.map((c) => [c.type, c.backward, c.forward])).toEqual([['MAX_LENGTH_INCREASED', true, false]]);
    expect(check(old, next, 'FULL').issues.map((i) => i.direction)).toEqual(['forward']);
  });

  it('renaming a property breaks BACKWARD and tells the author to keep the old one or make a new version', () => {
    const old = copy('events/accommodation_provider/basic_info_updated/v1.json');
    const next = copy('events/accommodation_provider/basic_info_updated/v1.json');
    const info = next.properties.basicInfo.properties;
    info.displayName = info.name;
    delete info.name;
    const result = check(old, next, 'BACKWARD', { lookup });
    expect(result.issues.map((i) => `${i.type} ${i.pointer}`)).toEqual(['PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL /properties/basicInfo/properties/name']);
    expect(result.issues[0]!.message).toMatch(/mark it "deprecated": true\), or publish the change as a new version/);
  });

  it('changing a type breaks both directions', () => {
    const old = copy('events/booking/requested/v1.json');
    const next = copy('events/booking/requested/v1.json');
    next.properties.guests = { description: 'Number of guests, as text.', type: 'string', maxLength: 3 };
    const result = diff(old, next, { lookup });
    expect(result.changes.filter((c) => !c.backward).map((c) => `${c.type} ${c.pointer}`)).toEqual(['TYPE_CHANGED /properties/guests']);
    expect(result).toMatchObject({ backward: false, forward: false });
  });

  it('sees a change to a shared document in every schema that references it', () => {
    const money = copy('common/money.json');
    money.properties.amountMinor.maximum = 1000;
    const lookupNew = (id: string) => (id === base + 'common/money.json' ? money : lookup(id));
    const requested = copy('events/booking/requested/v1.json');
    const result = diff(requested, requested, { lookupOld: lookup, lookupNew });
    expect(result.changes.map((c) => `${c.type} ${c.pointer}`)).toEqual(['MAXIMUM_DECREASED /properties/totalPrice/properties/amountMinor/maximum']);
  });
});
