// Deploying views to DuckDB through the Warehouse interface: in dependency order, idempotently, replacing only what
// changed, dropping what is no longer given, and saying which view failed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDuckDbWarehouse, deployViews, ViewsError, type DuckDbWarehouse, type ViewDefinition } from '@factline/warehouse';

let warehouse: DuckDbWarehouse;

const view = (name: string, select: string, dependsOn: string[] = []): ViewDefinition => ({
  schema: 'factline',
  name,
  kind: 'view',
  dependsOn,
  create: `CREATE VIEW factline.${name} AS\n${select};`,
  source: `views/${name}.sql`,
});
const macro: ViewDefinition = { schema: 'factline', name: 'numbers_up_to', kind: 'macro', dependsOn: [], create: 'CREATE MACRO factline.numbers_up_to(n) AS TABLE SELECT * FROM range(n) AS t(i);', source: 'generated/views/duckdb/numbers_up_to.sql' };
const base = view('base', 'SELECT * FROM factline.numbers');
const doubled = view('doubled', 'SELECT n * 2 AS n FROM factline.base', ['factline.base']);

beforeEach(async () => {
  warehouse = await createDuckDbWarehouse({ path: ':memory:' });
  await warehouse.execute('create schema factline');
  await warehouse.execute('create table factline.numbers as select * from (values (1), (2)) as t(n)');
});
afterEach(async () => {
  await warehouse.close();
});

describe('deployViews on DuckDB', () => {
  it('creates views after the views they read, whatever order they are given in', async () => {
    // Act
    const report = await deployViews({ warehouse, views: [doubled, base, macro] });
    // Assess
    expect(report.views.map((v) => [v.name, v.status])).toEqual([
      ['factline.base', 'created'],
      ['factline.doubled', 'created'],
      ['factline.numbers_up_to', 'created'],
    ]);
    expect(await warehouse.query('select n from factline.doubled order by n')).toEqual([{ n: 2 }, { n: 4 }]);
    expect(await warehouse.query('select count(*)::int as n from factline.numbers_up_to(3)')).toEqual([{ n: 3 }]);
  });

  it('changes nothing the second time', async () => {
    await deployViews({ warehouse, views: [base, doubled, macro] });
    const report = await deployViews({ warehouse, views: [base, doubled, macro] });
    expect(report).toMatchObject({ created: 0, replaced: 0, unchanged: 3, dropped: 0 });
  });

  it('replaces a changed view, and re-creates one dropped behind its back', async () => {
    // Prepare
    await deployViews({ warehouse, views: [base, doubled] });
    await warehouse.execute('drop view factline.base');
    const tripled = view('doubled', 'SELECT n * 3 AS n, n AS original FROM factline.base', ['factline.base']);
    // Act
    const report = await deployViews({ warehouse, views: [base, tripled] });
    // Assess
    expect(report.views.map((v) => [v.name, v.status])).toEqual([
      ['factline.base', 'created'],
      ['factline.doubled', 'replaced'],
    ]);
    expect(await warehouse.query('select n, original from factline.doubled order by n')).toEqual([
      { n: 3, original: 1 },
      { n: 6, original: 2 },
    ]);
  });

  it('drops the views an earlier deployment made that are no longer given, and nothing else', async () => {
    // Prepare
    await deployViews({ warehouse, views: [base, doubled, macro] });
    await warehouse.execute('create view factline.someone_elses as select 1 as x');
    // Act
    const report = await deployViews({ warehouse, views: [base] });
    // Assess
    expect(report.views.filter((v) => v.status === 'dropped').map((v) => v.name).sort()).toEqual(['factline.doubled', 'factline.numbers_up_to']);
    const views = await warehouse.query<{ name: string }>("select table_name as name from information_schema.tables where table_schema = 'factline' and table_type = 'VIEW' order by 1");
    expect(views.map((v) => v.name)).toEqual(['base', 'someone_elses']);
    expect(await warehouse.query("select count(*)::int as n from duckdb_functions() where function_name = 'numbers_up_to'")).toEqual([{ n: 0 }]);
  });

  it('re-creates every view with force, and changes nothing in a dry run', async () => {
    await deployViews({ warehouse, views: [base, doubled] });
    expect((await deployViews({ warehouse, views: [base, doubled], force: true })).replaced).toBe(2);
    const dry = await deployViews({ warehouse, views: [view('fresh', 'SELECT 1 AS x')], dryRun: true });
    expect(dry.views.map((v) => [v.name, v.status])).toEqual([
      ['factline.fresh', 'created'],
      ['factline.doubled', 'dropped'],
      ['factline.base', 'dropped'],
    ]);
    expect(await warehouse.query("select count(*)::int as n from information_schema.tables where table_schema = 'factline' and table_type = 'VIEW'")).toEqual([{ n: 2 }]);
  });

  it('names the view and its file when a statement fails, keeping the views before it', async () => {
    // Prepare
    const broken = view('broken', 'SELECT no_such_column FROM factline.base', ['factline.base']);
    // Act
    const error = await deployViews({ warehouse, views: [base, broken] }).catch((e: unknown) => e);
    // Assess
    expect(error).toBeInstanceOf(ViewsError);
    expect(error).toMatchObject({ code: 'VIEW_DEPLOY_FAILED', view: 'factline.broken', source: 'views/broken.sql' });
    expect((error as Error).message).toMatch(/no_such_column/);
    expect(await warehouse.query('select name from factline.factline_views')).toEqual([{ name: 'factline.base' }]);
  });

  it('refuses views that depend on each other in a circle, before changing anything', async () => {
    const a = view('a', 'SELECT * FROM factline.b', ['factline.b']);
    const b = view('b', 'SELECT * FROM factline.a', ['factline.a']);
    await expect(deployViews({ warehouse, views: [a, b] })).rejects.toMatchObject({ code: 'VIEW_DEPENDENCY_CYCLE', message: expect.stringContaining('factline.a -> factline.b -> factline.a') });
    expect(await warehouse.query("select count(*)::int as n from information_schema.tables where table_schema = 'factline' and table_type = 'VIEW'")).toEqual([{ n: 0 }]);
  });
});
