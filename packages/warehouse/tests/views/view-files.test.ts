// The generated view files of this repository, read back and deployed on a DuckDB warehouse built by the generated
// migrations; and what a malformed file is told.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDuckDbWarehouse, deployViews, parseViewFile, readViewFiles, ViewsError, type DuckDbWarehouse } from '@factline/warehouse';

const repository = path.resolve(import.meta.dirname, '../../../..');

describe('readViewFiles', () => {
  let warehouse: DuckDbWarehouse;
  beforeAll(async () => {
    warehouse = await createDuckDbWarehouse({ path: ':memory:' });
    await warehouse.migrate({ folder: path.join(repository, 'generated/migrations/duckdb') });
  });
  afterAll(async () => warehouse?.close());

  it('reads every generated view and macro of a dialect, with its dependencies, but not the queries', async () => {
    // Act
    const views = await readViewFiles(path.join(repository, 'generated/views/duckdb'));
    // Assess
    expect(views.map((v) => `${v.schema}.${v.name} ${v.kind}`)).toEqual([
      'factline.accommodation_as_of macro',
      'factline.accommodation_current view',
      'factline.accommodation_history view',
      'factline.accommodation_provider_as_of macro',
      'factline.accommodation_provider_current view',
      'factline.accommodation_provider_history view',
      'factline.booking_as_of macro',
      'factline.booking_current view',
      'factline.booking_history view',
    ]);
    expect(views.find((v) => v.name === 'booking_current')).toMatchObject({ dependsOn: ['factline.booking_facts'], source: path.join(repository, 'generated/views/duckdb/booking_current.sql') });
  });

  it('gives views that deploy on the migrated warehouse and answer queries', async () => {
    // Prepare
    const views = await readViewFiles(path.join(repository, 'generated/views/duckdb'));
    await warehouse.execute(`insert into factline.booking_facts (fact_id, entity_id, fact_type, fact_version, occurred_at, recorded_at, event_id, event_type, event_version, guests)
      values ('f1', 'b1', 'booking.guests', 1, '2026-01-01T10:00:00Z', '2026-01-01T10:00:01Z', 'e1', 'booking.requested', 1, 2)`);
    // Act
    const report = await deployViews({ warehouse, views });
    // Assess
    expect(report.created).toBe(9);
    expect(await warehouse.query('select entity_id, guests, first_occurred_at from factline.booking_current')).toEqual([{ entity_id: 'b1', guests: 2, first_occurred_at: new Date('2026-01-01T10:00:00Z') }]);
    expect(await warehouse.query("select count(*)::int as n from factline.booking_as_of(timestamptz '2026-01-01 09:00:00+00')")).toEqual([{ n: 0 }]);
  });

  it('refuses a folder that is not there, naming the command that makes it', async () => {
    await expect(readViewFiles(path.join(repository, 'generated/views/oracle'))).rejects.toMatchObject({ code: 'VIEW_FILE_INVALID', message: expect.stringContaining('pnpm factline generate') });
  });
});

describe('parseViewFile', () => {
  it.each([
    ['-- no directive\nCREATE VIEW factline.x AS SELECT 1;', 'has no "-- factline:view'],
    ['-- factline:view factline.x table\nCREATE VIEW factline.x AS SELECT 1;', 'has no "-- factline:view'],
    ['-- factline:view factline.x view\nCREATE MACRO factline.x() AS TABLE SELECT 1;', 'does not hold one CREATE VIEW'],
    ['-- factline:view factline.x view\nCREATE VIEW factline.x AS SELECT 1', 'does not hold one CREATE VIEW'],
  ])('refuses %j', (text, message) => {
    expect(() => parseViewFile('x.sql', text)).toThrow(ViewsError);
    expect(() => parseViewFile('x.sql', text)).toThrow(message);
  });
});
