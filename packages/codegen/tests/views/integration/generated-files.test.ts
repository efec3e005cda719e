// The committed generated/views/ files are exactly what the views generator prints from the committed schemas.
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '@factline/catalog';
import { findStaleFiles, generateFromCatalog, viewsGenerator } from '@factline/codegen';
import { repositoryRoot } from '../support/project.js';

describe('the committed view files', () => {
  it('are up to date with schemas/ (run `pnpm factline generate` when this fails)', async () => {
    // Prepare
    const { catalog } = await loadCatalog(repositoryRoot);
    // Act
    const result = await generateFromCatalog(catalog, { generators: [viewsGenerator] });
    // Assess
    expect(await findStaleFiles(repositoryRoot, result)).toEqual([]);
    expect(result.files.map((f) => f.path)).toContain('generated/views/redshift/accommodation_current.sql');
  });

  it('come out byte-identical when generated twice', async () => {
    const { catalog } = await loadCatalog(repositoryRoot);
    const [first, second] = [await generateFromCatalog(catalog, { generators: [viewsGenerator] }), await generateFromCatalog(catalog, { generators: [viewsGenerator] })];
    expect(second.files).toEqual(first.files);
  });

  it('give every entity a current view, a history view and an as-of query in both dialects, and a DuckDB macro', async () => {
    const { catalog } = await loadCatalog(repositoryRoot);
    const paths = (await generateFromCatalog(catalog, { generators: [viewsGenerator] })).files.map((f) => f.path);
    for (const entity of catalog.entities.map((e) => e.name)) {
      for (const dialect of ['duckdb', 'redshift']) {
        expect(paths).toEqual(expect.arrayContaining([`generated/views/${dialect}/${entity}_current.sql`, `generated/views/${dialect}/${entity}_history.sql`, `generated/views/${dialect}/queries/${entity}_as_of.sql`]));
      }
      expect(paths).toContain(`generated/views/duckdb/${entity}_as_of.sql`);
      expect(paths).not.toContain(`generated/views/redshift/${entity}_as_of.sql`);
    }
  });

  it('make every Redshift view late-binding and no DuckDB view', async () => {
    const { catalog } = await loadCatalog(repositoryRoot);
    const files = (await generateFromCatalog(catalog, { generators: [viewsGenerator] })).files.filter((f) => /generated\/views\/\w+\/\w+\.sql$/.test(f.path));
    for (const file of files) {
      const lateBinding = file.content.trimEnd().endsWith('WITH NO SCHEMA BINDING;');
      expect(lateBinding, file.path).toBe(file.path.includes('/redshift/'));
    }
  });
});
