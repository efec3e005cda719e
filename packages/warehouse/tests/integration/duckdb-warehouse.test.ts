import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDuckDbWarehouse, StatementError, WarehouseConfigError, type DuckDbWarehouse } from '@factline/warehouse';

let folder: string;
let warehouse: DuckDbWarehouse;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'factline-duckdb-'));
  warehouse = await createDuckDbWarehouse({ path: join(folder, 'nested', 'warehouse.duckdb') });
  await warehouse.execute('create schema factline; create table factline.t (n integer)');
});

afterAll(async () => {
  await warehouse.close();
  await rm(folder, { recursive: true, force: true });
});

describe('the DuckDB engine', () => {
  it('creates its database file and folder', async () => {
    // Act and assess
    expect(warehouse.path).toBe(join(folder, 'nested', 'warehouse.duckdb'));
    expect((await stat(warehouse.path)).isFile()).toBe(true);
  });

  it('returns typed rows like the Redshift engine: DECIMAL as a string, timestamps as Date, DATE as text, JSON parsed', async () => {
    // Act
    const [row] = await warehouse.query(`select 1::smallint as s, 2::integer as i, 3::bigint as b, 12345678901234567890::hugeint as huge, 1.50::decimal(10,2) as d,
      0.5::double as f, true as ok, 'x' as v, date '2026-05-01' as day, timestamptz '2026-05-01 10:00:00.123456+00' as tz, timestamp '2026-05-01 10:00:00' as ts,
      '{"a":[1]}'::json as doc, null::integer as nothing`);

    // Assess
    expect(row).toEqual({ s: 1, i: 2, b: 3, huge: 12345678901234567890n, d: '1.50', f: 0.5, ok: true, v: 'x', day: '2026-05-01', tz: new Date('2026-05-01T10:00:00.123Z'), ts: new Date('2026-05-01T10:00:00.000Z'), doc: { a: [1] }, nothing: null });
  });

  it('binds :name parameters of every type, and the same name twice', async () => {
    // Act
    const rows = await warehouse.query('select :s as s, :n as n, :b as b, :d as d, :nothing as nothing, :n + 1 as next', { s: "it's", n: 41, b: true, d: new Date('2026-05-01T10:00:00.000Z'), nothing: null });

    // Assess
    expect(rows).toEqual([{ s: "it's", n: 41, b: true, d: new Date('2026-05-01T10:00:00.000Z'), nothing: null, next: 42 }]);
  });

  it('reports rows affected', async () => {
    // Act
    const inserted = await warehouse.execute('insert into factline.t select * from range(5)');
    const deleted = await warehouse.execute('delete from factline.t where n >= :from', { from: 3 });

    // Assess
    expect([inserted.rowsAffected, deleted.rowsAffected]).toEqual([5, 2]);
    await warehouse.execute('delete from factline.t');
  });

  it('fails a statement with the SQL and DuckDB\'s message', async () => {
    // Act
    const error = await warehouse.query('select * from factline.nowhere').catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(StatementError);
    expect(error).toMatchObject({ code: 'STATEMENT_FAILED', sql: 'select * from factline.nowhere' });
    expect((error as StatementError).engineMessage).toMatch(/nowhere/);
  });

  it('commits a transaction, and calls made inside the callback run in it', async () => {
    // Act
    const result = await warehouse.transaction(async (tx) => {
      await tx.execute('insert into factline.t values (1)');
      await warehouse.execute('insert into factline.t values (2)');
      return (await tx.query<{ n: number }>('select count(*)::integer as n from factline.t'))[0]?.n;
    });

    // Assess
    expect(result).toBe(2);
    expect(await warehouse.query('select n from factline.t order by n')).toEqual([{ n: 1 }, { n: 2 }]);
    await warehouse.execute('delete from factline.t');
  });

  it('rolls a transaction back when the callback throws', async () => {
    // Act
    const error = await warehouse
      .transaction(async (tx) => {
        await tx.execute('insert into factline.t values (1)');
        throw new Error('no');
      })
      .catch((e: unknown) => e);

    // Assess
    expect((error as Error).message).toBe('no');
    expect(await warehouse.query('select * from factline.t')).toEqual([]);
  });

  it('makes statements from outside a transaction wait for it', async () => {
    // Prepare
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const order: string[] = [];

    // Act
    const tx = warehouse.transaction(async (t) => {
      await t.execute('insert into factline.t values (1)');
      await gate;
      order.push('transaction');
    });
    const outside = warehouse.query('select count(*)::integer as n from factline.t').then((rows) => {
      order.push('outside');
      return rows;
    });
    release();
    await tx;

    // Assess
    expect(await outside).toEqual([{ n: 1 }]);
    expect(order).toEqual(['transaction', 'outside']);
    await warehouse.execute('delete from factline.t');
  });

  it('runs a batch in one transaction: all or nothing', async () => {
    // Act
    const error = await warehouse.executeBatch(['insert into factline.t values (1)', 'insert into factline.t values (\'x\')']).catch((e: unknown) => e);
    const ok = await warehouse.executeBatch(['insert into factline.t values (1)', 'insert into factline.t values (2)']);

    // Assess
    expect(error).toMatchObject({ sql: "insert into factline.t values ('x')" });
    expect(ok.rowsAffected).toEqual([1, 1]);
    expect(await warehouse.query('select n from factline.t order by n')).toEqual([{ n: 1 }, { n: 2 }]);
    await warehouse.execute('delete from factline.t');
  });

  it('refuses a nested transaction', async () => {
    // Act
    const error = await warehouse.transaction(() => warehouse.transaction(async () => 1)).catch((e: unknown) => e);

    // Assess
    expect(error).toMatchObject({ code: 'NESTED_TRANSACTION' });
  });

  it('shares one file between two warehouses in a process, and releases it when both are closed', async () => {
    // Prepare
    const path = join(folder, 'shared.duckdb');
    const a = await createDuckDbWarehouse({ path });
    const b = await createDuckDbWarehouse({ path });

    // Act
    await a.execute('create table shared (n integer); insert into shared values (7)');
    const seen = await b.query('select n from shared');
    await a.close();
    const stillOpen = await b.query('select count(*)::integer as c from shared');
    await b.close();
    const reopened = await createDuckDbWarehouse({ path });
    const afterReopen = await reopened.query('select n from shared');
    await reopened.close();

    // Assess
    expect(seen).toEqual([{ n: 7 }]);
    expect(stillOpen).toEqual([{ c: 1 }]);
    expect(afterReopen).toEqual([{ n: 7 }]);
  });

  it('refuses calls after close, and invalid options', async () => {
    // Prepare
    const w = await createDuckDbWarehouse({ path: ':memory:' });
    await w.close();

    // Act
    const closed = await Promise.resolve()
      .then(() => w.query('select 1'))
      .catch((e: unknown) => e);
    const invalid = await createDuckDbWarehouse({ threads: 0 }).catch((e: unknown) => e);

    // Assess
    expect(closed).toMatchObject({ code: 'WAREHOUSE_CLOSED' });
    expect(invalid).toBeInstanceOf(WarehouseConfigError);
  });
});
