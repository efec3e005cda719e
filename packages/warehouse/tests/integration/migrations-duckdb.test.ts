import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDuckDbWarehouse, formatMigrationReport, MigrationError, runMigrations, type DuckDbWarehouse } from '@factline/warehouse';

let root: string;
let folder: string;
let warehouse: DuckDbWarehouse;

const initial = `create table factline.booking_facts (
  fact_id varchar not null,
  occurred_at timestamptz not null
);
`;
const addNights = '-- nights of a booking\nalter table factline.booking_facts add column nights smallint;\n';

async function write(name: string, text: string): Promise<void> {
  await writeFile(join(folder, name), text);
}

const columns = async (): Promise<string[]> =>
  (await warehouse.query<{ column_name: string }>("select column_name from information_schema.columns where table_schema = 'factline' and table_name = 'booking_facts' order by ordinal_position")).map((c) => c.column_name);

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'factline-migrations-'));
  folder = join(root, 'generated', 'migrations', 'duckdb');
  await mkdir(folder, { recursive: true });
  warehouse = await createDuckDbWarehouse({ path: join(root, '.factline', 'warehouse.duckdb') });
});

afterEach(async () => {
  await warehouse.close();
  await rm(root, { recursive: true, force: true });
});

describe('runMigrations on DuckDB', () => {
  it('applies the migrations in order and records each with its checksum', async () => {
    // Prepare
    await write('0001-initial.sql', initial);
    await write('0002-add-nights.sql', addNights);

    // Act
    const report = await runMigrations({ warehouse, folder });

    // Assess
    expect(report.migrations.map((m) => [m.name, m.status])).toEqual([['0001-initial.sql', 'applied'], ['0002-add-nights.sql', 'applied']]);
    expect(await columns()).toEqual(['fact_id', 'occurred_at', 'nights']);
    const recorded = await warehouse.query<{ id: number; name: string; checksum: string; applied_at: Date }>('select * from factline.factline_migrations order by id');
    expect(recorded.map((r) => [r.id, r.name, r.checksum])).toEqual(report.migrations.map((m) => [m.id, m.name, m.checksum]));
    expect(recorded[0]?.applied_at).toBeInstanceOf(Date);
  });

  it('skips what is applied and applies only what is new, so running twice changes nothing', async () => {
    // Prepare
    await write('0001-initial.sql', initial);
    await runMigrations({ warehouse, folder });
    await write('0002-add-nights.sql', addNights);

    // Act
    const second = await runMigrations({ warehouse, folder });
    const third = await warehouse.migrate({ folder });

    // Assess
    expect(second.migrations.map((m) => m.status)).toEqual(['already-applied', 'applied']);
    expect([third.applied, third.alreadyApplied]).toEqual([0, 2]);
    expect(await columns()).toEqual(['fact_id', 'occurred_at', 'nights']);
  });

  it('refuses to run when an applied migration was edited, naming the file and both checksums', async () => {
    // Prepare
    await write('0001-initial.sql', initial);
    const first = await runMigrations({ warehouse, folder });
    await write('0001-initial.sql', initial.replace('not null\n', 'not null,\n  extra integer\n'));
    await write('0002-add-nights.sql', addNights);

    // Act
    const error = await runMigrations({ warehouse, folder }).catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(MigrationError);
    expect(error).toMatchObject({ code: 'MIGRATION_CHECKSUM_MISMATCH', file: '0001-initial.sql', checksums: { recorded: first.migrations[0]?.checksum } });
    expect((error as Error).message).toContain(first.migrations[0]?.checksum as string);
    expect((error as MigrationError).checksums?.current).not.toBe(first.migrations[0]?.checksum);
    expect(await columns()).toEqual(['fact_id', 'occurred_at']);
  });

  it('refuses when an applied migration is gone, or a new one is numbered before an applied one', async () => {
    // Prepare
    await write('0001-initial.sql', initial);
    await write('0003-add-nights.sql', addNights);
    await runMigrations({ warehouse, folder });
    await write('0002-late.sql', 'alter table factline.booking_facts add column late integer;\n');

    // Act
    const outOfOrder = await runMigrations({ warehouse, folder }).catch((e: unknown) => e);
    await rm(join(folder, '0002-late.sql'));
    await rm(join(folder, '0003-add-nights.sql'));
    const missing = await runMigrations({ warehouse, folder }).catch((e: unknown) => e);

    // Assess
    expect(outOfOrder).toMatchObject({ code: 'MIGRATION_OUT_OF_ORDER', file: '0002-late.sql' });
    expect(missing).toMatchObject({ code: 'MIGRATION_MISSING', file: '0003-add-nights.sql' });
  });

  it('reports what a dry run would do and changes nothing, not even the migrations table', async () => {
    // Prepare
    await write('0001-initial.sql', initial);
    await write('0002-add-nights.sql', addNights);

    // Act
    const report = await runMigrations({ warehouse, folder, dryRun: true });

    // Assess
    expect(report).toMatchObject({ dryRun: true, pending: 2, applied: 0, table: 'factline.factline_migrations', dialect: 'duckdb' });
    expect(await warehouse.query("select * from information_schema.tables where table_schema = 'factline'")).toEqual([]);
    const text = formatMigrationReport(report);
    expect(text).toMatch(/^factline migrate \(dry run\) into factline\.factline_migrations on duckdb: 2 to apply, 0 already applied/);
    expect(text).toContain('→ 0002-add-nights.sql  would apply (1 statement, in one transaction)');
    expect(text).toContain('      alter table factline.booking_facts add column nights smallint;');
  });

  it('rolls a failing migration back entirely and says which statement failed', async () => {
    // Prepare
    await write('0001-initial.sql', initial);
    await write('0002-broken.sql', 'alter table factline.booking_facts add column a integer;\nalter table factline.nowhere add column b integer;\n');

    // Act
    const error = await runMigrations({ warehouse, folder }).catch((e: unknown) => e);

    // Assess
    expect(error).toMatchObject({ code: 'MIGRATION_FAILED', file: '0002-broken.sql' });
    expect((error as Error).message).toMatch(/failed at statement 2 of 2: .*nowhere.*rolled back/s);
    expect(await columns()).toEqual(['fact_id', 'occurred_at']);
    expect((await warehouse.query<{ name: string }>('select name from factline.factline_migrations')).map((r) => r.name)).toEqual(['0001-initial.sql']);
  });

  it('runs a transaction=false migration statement by statement and records it', async () => {
    // Prepare
    await write('0001-initial.sql', initial);
    await write('0002-no-transaction.sql', '-- factline:transaction=false\nalter table factline.booking_facts add column a integer;\nalter table factline.booking_facts add column b integer;\n');

    // Act
    const report = await runMigrations({ warehouse, folder });

    // Assess
    expect(report.migrations[1]).toMatchObject({ status: 'applied', transaction: false, statements: ['alter table factline.booking_facts add column a integer', 'alter table factline.booking_facts add column b integer'] });
    expect(await columns()).toEqual(['fact_id', 'occurred_at', 'a', 'b']);
  });

  it('refuses the Redshift folder on a DuckDB warehouse', async () => {
    // Prepare
    const redshift = join(root, 'generated', 'migrations', 'redshift');
    await mkdir(redshift);

    // Act
    const error = await runMigrations({ warehouse, folder: redshift }).catch((e: unknown) => e);

    // Assess
    expect((error as Error).message).toMatch(/holds redshift migrations, but the warehouse is duckdb/);
  });
});
