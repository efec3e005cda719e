// Generic mode on schemas no one here wrote: every file of Snowplow's Iglu Central goes through without a crash, the
// JSONPaths match the columns, the DuckDB DDL executes, and column names are compared with Snowplow's own DDL.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { generateGenericDdl, type GenericDdlResult } from '@factline/codegen';
import { createTableColumns } from '../support/pg-parse.js';
import { repositoryRoot } from '../support/project.js';

const corpus = path.join(process.env['FACTLINE_CORPORA'] ?? path.resolve(repositoryRoot, '../shared/corpora'), 'iglu-central');
const snowplowMetadataColumns = new Set(['schema_vendor', 'schema_name', 'schema_format', 'schema_version', 'root_id', 'root_tstamp', 'ref_root', 'ref_tree', 'ref_parent']);

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort();
}

/** `1-0-10` sorts after `1-0-9`. */
const versionOrder = (a: string, b: string) => {
  const pa = path.basename(a).split('-').map(Number);
  const pb = path.basename(b).split('-').map(Number);
  return (pa[0]! - pb[0]!) || (pa[1]! - pb[1]!) || (pa[2]! - pb[2]!);
};

describe('Iglu Central through generic mode', () => {
  it('turns every schema into a table or a list of problems, never a crash', async () => {
    // Prepare
    const files = await filesUnder(path.join(corpus, 'schemas'));
    expect(files.length).toBeGreaterThanOrEqual(200);
    const duckdb = await (await DuckDBInstance.create(':memory:')).connect();
    const results = new Map<string, { redshift: GenericDdlResult; dot: GenericDdlResult }>();
    const refusals = new Map<string, number>();
    let executed = 0;
    // Act / Assess
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      const relative = path.relative(corpus, file);
      const redshift = generateGenericDdl({ text, file: relative, dialect: 'redshift' });
      const duck = generateGenericDdl({ text, file: relative, dialect: 'duckdb' });
      const dot = generateGenericDdl({ text, file: relative, dialect: 'redshift', separator: '.' });
      expect(duck.ok, relative).toBe(redshift.ok);
      if (!redshift.ok || !duck.ok) {
        expect(redshift.problems.length, relative).toBeGreaterThan(0);
        for (const rule of new Set(redshift.problems.filter((p) => p.severity === 'error').map((p) => p.rule))) refusals.set(rule, (refusals.get(rule) ?? 0) + 1);
        continue;
      }
      results.set(relative, { redshift, dot });
      const jsonPaths = (JSON.parse(redshift.jsonPaths) as { jsonpaths: string[] }).jsonpaths;
      expect(jsonPaths, relative).toHaveLength(redshift.table.columns.length);
      expect((await createTableColumns(redshift.sql)).columns, relative).toHaveLength(redshift.table.columns.length);
      await duckdb.run(duck.sql);
      await duckdb.run(`DROP TABLE "${duck.table.name}"`);
      executed++;
    }
    duckdb.closeSync();
    console.log(`iglu-central: ${files.length} files, ${results.size} tables (DuckDB DDL executed for ${executed}), refused by rule: ${JSON.stringify(Object.fromEntries([...refusals].sort()))}`);
    expect(executed).toBe(results.size);
    expect(results.size).toBeGreaterThan(files.length * 0.9);

    // The reference: Snowplow's DDL, one table per vendor/name/model, compared with the latest version of the model.
    const latest = new Map<string, { file: string; redshift: GenericDdlResult; dot: GenericDdlResult }>();
    for (const [file, result] of [...results].sort(([a], [b]) => versionOrder(a, b))) {
      if (result.redshift.ok) latest.set(result.redshift.table.name, { file, ...result });
    }
    let tables = 0;
    let referenceColumns = 0;
    let sameNameDot = 0;
    let sameNameUnderscore = 0;
    for (const sqlFile of await filesUnder(path.join(corpus, 'sql'))) {
      const text = await readFile(sqlFile, 'utf8');
      if (!/CREATE TABLE/i.test(text)) continue;
      const reference = await createTableColumns(text);
      const ours = latest.get(reference.table.split('.').pop()!);
      if (ours === undefined || !ours.redshift.ok || !ours.dot.ok) continue;
      tables++;
      const dotNames = new Set(ours.dot.table.columns.map((c) => c.name));
      const underscoreNames = new Set(ours.redshift.table.columns.map((c) => c.name));
      for (const column of reference.columns.filter((c) => !snowplowMetadataColumns.has(c.name))) {
        referenceColumns++;
        if (dotNames.has(column.name)) sameNameDot++;
        if (underscoreNames.has(column.name.replace(/\./g, '_'))) sameNameUnderscore++;
      }
    }
    console.log(
      `Snowplow reference DDL: ${tables} tables, ${referenceColumns} data columns; names that agree: ${sameNameDot} with separator "." ` +
        `(${((100 * sameNameDot) / referenceColumns).toFixed(1)}%), ${sameNameUnderscore} with factline's "_" once "." is read as "_" (${((100 * sameNameUnderscore) / referenceColumns).toFixed(1)}%)`,
    );
    expect(tables).toBeGreaterThan(0);
  });
});
