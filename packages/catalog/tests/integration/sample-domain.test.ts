import { describe, expect, it } from 'vitest';
import { loadCatalog } from '@factline/catalog';
import { repositoryRoot } from '../support/project-copy.js';

describe('the sample domain in schemas/', () => {
  it('loads with no problem at all', async () => {
    const { problems } = await loadCatalog(repositoryRoot);
    expect(problems).toEqual([]);
  });

  it('is a real domain: 3+ entities, 8+ event types, 15+ fact types, with the shapes real domains have', async () => {
    const { catalog } = await loadCatalog(repositoryRoot);
    const facts = new Map(catalog.facts.map((f) => [f.type, f.document.resolved]));
    // The sample domain grows as people follow CONTRIBUTING.md; what it must keep is listed, not what it may add.
    expect(catalog.entities.map((e) => e.name)).toEqual(expect.arrayContaining(['accommodation', 'accommodation_provider', 'booking']));
    expect(new Set(catalog.events.map((e) => e.type)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(catalog.facts.map((f) => f.type)).size).toBeGreaterThanOrEqual(15);
    // a value object, partial updates, enums, money, dates and timestamps, an array, relationships, a lifecycle
    expect(catalog.events.find((e) => e.type === 'accommodation_provider.signed_up')?.document.resolved['properties']).toHaveProperty('basicInfo.required', ['name', 'email']);
    expect(catalog.events.find((e) => e.type === 'accommodation_provider.basic_info_updated')?.document.resolved['properties']).toHaveProperty('basicInfo.minProperties', 1);
    expect(facts.get('booking.status')).toHaveProperty('enum');
    expect(facts.get('accommodation.nightly_price')).toHaveProperty('properties.amountMinor.type', 'integer');
    expect(facts.get('booking.check_in')).toHaveProperty('format', 'date');
    expect(facts.get('booking.expires_at')).toHaveProperty('format', 'date-time');
    expect(facts.get('accommodation.amenities')).toHaveProperty('type', 'array');
    expect(catalog.facts.filter((f) => f.references).map((f) => `${f.type}→${f.references}`)).toEqual(expect.arrayContaining(['accommodation.provider→accommodation_provider', 'booking.accommodation→accommodation']));
    expect(catalog.entities.find((e) => e.name === 'accommodation')?.lifecycle).toEqual({ fact: 'accommodation.status', inactive: ['delisted'], deleted: ['removed'] });
    expect(catalog.events.filter((e) => e.mapping?.kind === 'typed').map((e) => e.type)).toContain('booking.requested');
  });
});
