// The committed warehouse files are exactly what the generators produce from the committed schemas and state.
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '@factline/catalog';
import { findStaleFiles, generateFromCatalog, warehouseGenerators } from '@factline/codegen';
import { parseStreamSettings } from '@factline/stream-settings';
import { repositoryRoot } from '../support/project.js';

describe('the committed warehouse files', () => {
  it('are up to date with schemas/ (run `pnpm factline generate` when this fails)', async () => {
    // Prepare
    const { catalog } = await loadCatalog(repositoryRoot);
    // Act
    const result = await generateFromCatalog(catalog, { generators: warehouseGenerators });
    // Assess
    expect(await findStaleFiles(repositoryRoot, result)).toEqual([]);
    expect(result.files.map((f) => f.path)).toContain('generated/migrations/redshift/0001-initial.sql');
  });

  it('come out byte-identical when generated twice', async () => {
    const { catalog } = await loadCatalog(repositoryRoot);
    const first = await generateFromCatalog(catalog, { generators: warehouseGenerators });
    const second = await generateFromCatalog(catalog, { generators: warehouseGenerators });
    expect(second.files).toEqual(first.files);
  });

  it('include stream settings for every entity that @factline/stream-settings accepts', async () => {
    const { catalog } = await loadCatalog(repositoryRoot);
    const file = (await generateFromCatalog(catalog, { generators: warehouseGenerators })).files.find((f) => f.path === 'generated/stream-settings.json')!;
    const result = parseStreamSettings(JSON.parse(file.content));
    expect(result).toMatchObject({ ok: true });
    expect(result.ok && result.settings.streams.map((s) => [s.entity, s.deliveryStreamName, s.s3.prefix, s.redshift.jsonPathsKey])).toEqual([
      ['accommodation', 'factline-accommodation', 'facts/accommodation/', 'jsonpaths/accommodation_facts.json'],
      ['accommodation_provider', 'factline-accommodation-provider', 'facts/accommodation_provider/', 'jsonpaths/accommodation_provider_facts.json'],
      ['booking', 'factline-booking', 'facts/booking/', 'jsonpaths/booking_facts.json'],
    ]);
  });
});
