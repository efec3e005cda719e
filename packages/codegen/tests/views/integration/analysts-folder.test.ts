// The analysts' views folder: views ordered by their declared dependencies, checked against what exists and what
// their queries read, dialect overrides, singular tests; and the compiled statements and tests run in DuckDB.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { compileViewsFolder, loadViewsFolder } from '@factline/codegen';
import { parseRedshift } from '../support/pg-parse.js';

const known = ['factline.booking_current', 'factline.booking_history', 'factline.booking_facts', 'factline.accommodation_current', 'factline.accommodation_history'];
const roots: string[] = [];

async function folder(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'factline-analysts-'));
  roots.push(root);
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, 'views', name)), { recursive: true });
    await writeFile(path.join(root, 'views', name), content);
  }
  return root;
}

afterEach(async () => {
  await Promise.all(roots.splice(0).map((root) => rm(root, { recursive: true, force: true })));
});

describe('loadViewsFolder', () => {
  it('orders views after the views they depend on', async () => {
    // Prepare
    const root = await folder({
      'b_top.sql': '-- depends_on: factline.a_base, factline.c_mid\nselect * from factline.a_base join factline.c_mid using (x)',
      'c_mid.sql': '-- depends_on: factline.a_base\nselect x from factline.a_base',
      'a_base.sql': '-- depends_on: factline.booking_current\nselect entity_id as x from factline.booking_current',
    });
    // Act
    const result = await loadViewsFolder(root, { dialect: 'duckdb', schema: 'factline', known });
    // Assess
    expect(result.issues).toEqual([]);
    expect(result.views.map((v) => v.name)).toEqual(['a_base', 'c_mid', 'b_top']);
  });

  it('reports a cycle, an unknown dependency, an undeclared one and a name taken by a generated view', async () => {
    const root = await folder({
      'one.sql': '-- depends_on: factline.two\nselect * from factline.two',
      'two.sql': '-- depends_on: factline.one\nselect * from factline.one',
      'three.sql': '-- depends_on: factline.nowhere\nselect * from factline.booking_current',
      'booking_current.sql': 'select 1 as x',
    });
    const result = await loadViewsFolder(root, { dialect: 'duckdb', schema: 'factline', known });
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => [i.file, i.rule])).toEqual(
      expect.arrayContaining([
        ['views/booking_current.sql', 'views-name'],
        ['views/three.sql', 'views-unknown-dependency'],
        ['views/three.sql', 'views-undeclared-dependency'],
        ['views/one.sql', 'views-dependency-cycle'],
        ['views/two.sql', 'views-dependency-cycle'],
      ]),
    );
    expect(result.issues.find((i) => i.rule === 'views-undeclared-dependency')!.message).toContain('-- depends_on: factline.nowhere, factline.booking_current');
  });

  it('ignores names in strings and comments when it looks for undeclared dependencies', async () => {
    const root = await folder({ 'quiet.sql': "-- depends_on: factline.booking_current\nselect 'factline.booking_history' as label -- factline.accommodation_current\nfrom factline.booking_current" });
    const result = await loadViewsFolder(root, { dialect: 'duckdb', schema: 'factline', known });
    expect(result.issues).toEqual([]);
  });

  it('uses <name>.<dialect>.sql over <name>.sql in that dialect only', async () => {
    const root = await folder({ 'nights.sql': 'select 1 as nights', 'nights.redshift.sql': 'select 2 as nights', 'bad-name.sql': 'select 1' });
    const duckdb = await loadViewsFolder(root, { dialect: 'duckdb', schema: 'factline' });
    const redshift = await loadViewsFolder(root, { dialect: 'redshift', schema: 'factline' });
    expect(duckdb.views.map((v) => [v.file, v.sql])).toEqual([['views/nights.sql', 'select 1 as nights']]);
    expect(redshift.views.map((v) => [v.file, v.sql])).toEqual([['views/nights.redshift.sql', 'select 2 as nights']]);
    expect(duckdb.issues.map((i) => [i.file, i.rule])).toEqual([['views/bad-name.sql', 'views-file-name']]);
  });

  it('treats a missing folder as an empty one', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'factline-analysts-'));
    roots.push(root);
    expect(await loadViewsFolder(root, { dialect: 'duckdb', schema: 'factline' })).toMatchObject({ ok: true, views: [], tests: [], issues: [] });
  });
});

describe('compileViewsFolder', () => {
  const files = {
    'prices.sql': [
      '-- One row per priced thing.',
      '-- test not_null: item, currency',
      '-- test unique: item',
      "-- test accepted_values: currency in ('EUR', 'USD')",
      '-- test relationships: item -> factline.items(id)',
      '-- test expression_is_true: amount > 0',
      "select * from (values ('a', 'EUR', 10), ('b', 'GBP', 0), ('c', NULL, 5), ('a', 'USD', 3)) as t(item, currency, amount)",
    ].join('\n'),
    'tests/no_free_items.sql': '-- Nothing is free.\nselect item from factline.prices where amount = 0',
  };

  it('makes late-binding views for Redshift that PostgreSQL parses', async () => {
    const compiled = compileViewsFolder(await loadViewsFolder(await folder(files), { dialect: 'redshift', schema: 'factline' }));
    expect(compiled.views[0]!.create).toMatch(/^CREATE VIEW factline\.prices AS\nselect .*\nWITH NO SCHEMA BINDING;$/s);
    expect((await parseRedshift(compiled.views[0]!.create)).map((s) => s.kind)).toEqual(['ViewStmt']);
    for (const test of compiled.tests) expect((await parseRedshift(`${test.sql};`)).map((s) => s.kind), test.name).toEqual(['SelectStmt']);
  });

  it('makes tests whose queries return exactly the rows that break them', async () => {
    // Prepare
    const compiled = compileViewsFolder(await loadViewsFolder(await folder(files), { dialect: 'duckdb', schema: 'factline' }));
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run('CREATE SCHEMA factline');
    await connection.run("CREATE TABLE factline.items AS SELECT * FROM (VALUES ('a'), ('b')) AS t(id)");
    for (const view of compiled.views) await connection.run(view.create);
    // Act
    const failures: Record<string, unknown[]> = {};
    for (const test of compiled.tests) failures[test.name] = (await connection.runAndReadAll(test.sql)).getRowObjectsJson();
    connection.closeSync();
    // Assess
    expect(Object.keys(failures)).toEqual([
      'prices: not_null(item)',
      'prices: not_null(currency)',
      'prices: unique(item)',
      'prices: accepted_values(currency)',
      'prices: relationships(item -> factline.items.id)',
      'prices: expression_is_true(amount > 0)',
      'tests/no_free_items',
    ]);
    expect(failures).toMatchObject({
      'prices: not_null(item)': [],
      'prices: not_null(currency)': [{ item: 'c' }],
      'prices: unique(item)': [{ item: 'a', occurrences: '2' }],
      'prices: accepted_values(currency)': [{ currency: 'GBP', occurrences: '1' }],
      'prices: relationships(item -> factline.items.id)': [{ item: 'c', occurrences: '1' }],
      'prices: expression_is_true(amount > 0)': [{ item: 'b' }],
      'tests/no_free_items': [{ item: 'b' }],
    });
    expect(compiled.tests.find((t) => t.name === 'prices: unique(item)')!.source).toBe('views/prices.sql:3');
  });
});
