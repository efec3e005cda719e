// Round trip: sample facts (NDJSON, as the transformer writes them) loaded into the generated DuckDB tables through the
// generated JSONPaths, read back equal, column by column.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAjv, Dialect, loadCatalog, versionKey, type Catalog } from '@factline/catalog';
import { generateFromCatalog, planWarehouse, warehouseGenerators, type WarehouseModel } from '@factline/codegen';
import { copyWithJsonPaths, parseBracketJsonPath, tableColumns, type TableColumn } from '../support/duckdb-copy.js';
import { exampleValue } from '../support/example-value.js';
import { fixturesRoot, repositoryRoot } from '../support/project.js';

type Fact = Record<string, unknown>;

let catalog: Catalog;
let files: Map<string, string>;
let model: WarehouseModel;
let connection: DuckDBConnection;
let facts: { line: string; fact: Fact }[];

beforeAll(async () => {
  catalog = (await loadCatalog(repositoryRoot)).catalog;
  files = new Map((await generateFromCatalog(catalog, { generators: warehouseGenerators })).files.map((f) => [f.path, f.content]));
  model = planWarehouse(catalog, undefined).model;
  const lines = (await readFile(path.join(fixturesRoot, 'sample-facts.ndjson'), 'utf8')).trimEnd().split('\n');
  facts = lines.map((line) => ({ line, fact: JSON.parse(line) as Fact }));
  // A fact added since the samples were written (CONTRIBUTING.md, "Add a fact") gets a synthesized sample, so the
  // round trip still covers every fact of the catalog.
  const sampled = new Set(facts.map(({ fact }) => versionKey(String(fact['fact_type']), Number(fact['fact_version']))));
  for (const definition of catalog.facts.filter((f) => !sampled.has(versionKey(f.type, f.version)))) {
    const fact: Fact = {
      fact_id: '0196a1b0-0000-8000-8000-0000000f0001', entity_id: '0196a1b0-0000-7000-8000-0000000e0001',
      fact_type: definition.type, fact_version: definition.version,
      occurred_at: '2026-05-01T10:00:00.000Z', recorded_at: '2026-05-01T10:00:01.000Z',
      event_id: '0196a1b0-0000-7000-8000-0000000a0001', event_type: `${definition.entity}.example`, event_version: 1,
      [definition.valueKey]: exampleValue(definition.document.resolved),
    };
    facts.push({ line: JSON.stringify(fact), fact });
  }
  connection = await (await DuckDBInstance.create(':memory:')).connect();
  await connection.run("SET TimeZone = 'UTC'");
  for (const table of model.tables) await connection.run(files.get(`generated/duckdb/tables/${table.name}.sql`)!);
});
afterAll(() => {
  connection?.closeSync();
});

const valueAt = (fact: Fact, keys: readonly string[]): unknown => keys.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Fact)[k] : undefined), fact);

function readBackExpression(column: TableColumn): string {
  const quoted = `"${column.name}"`;
  if (column.dataType === 'TIMESTAMP WITH TIME ZONE') return `epoch_ms(${quoted})::VARCHAR`;
  if (column.dataType === 'DATE') return `strftime(${quoted}, '%Y-%m-%d')`;
  return `${quoted}::VARCHAR`;
}

/** What COPY must have stored for a value, in the form the read-back expression prints it. */
function expected(value: unknown, column: TableColumn): unknown {
  if (value === undefined || value === null) return null;
  if (column.dataType === 'TIMESTAMP WITH TIME ZONE') return String(Date.parse(String(value)));
  const scale = /^DECIMAL\(\d+,(\d+)\)$/.exec(column.dataType)?.[1];
  if (scale !== undefined) return Number(value).toFixed(Number(scale));
  if (typeof value === 'object') return value;
  return String(value);
}

describe('round trip through JSONPaths into DuckDB', () => {
  it('uses sample facts that are valid values of their fact schemas', () => {
    // Prepare
    const ajv = createAjv(Dialect.draft2020);
    for (const document of catalog.documents.values()) ajv.addSchema(document.schema);
    const byKey = new Map(catalog.facts.map((f) => [versionKey(f.type, f.version), f]));
    // Act / Assess
    for (const { fact } of facts) {
      const definition = byKey.get(versionKey(String(fact['fact_type']), Number(fact['fact_version'])))!;
      const validate = ajv.getSchema(definition.document.id)!;
      const why = `${definition.type}: ${JSON.stringify(validate.errors)} (a new fact's sample is its schema's first \`examples\` entry, or else built from its type; add \`examples\` to the schema, or a line to fixtures/sample-facts.ndjson)`;
      expect(validate(fact[definition.valueKey]), why).toBe(true);
    }
    expect(new Set(facts.map(({ fact }) => fact['fact_type'])).size).toBe(catalog.facts.length);
  });

  it.each(['accommodation_facts', 'accommodation_provider_facts', 'booking_facts'])('reads back every column of every fact of %s as written', async (table) => {
    // Prepare
    const jsonPaths = (JSON.parse(files.get(`generated/jsonpaths/${table}.json`)!) as { jsonpaths: string[] }).jsonpaths;
    const entity = table.replace(/_facts$/, '');
    const rows = facts.filter(({ fact }) => String(fact['fact_type']).startsWith(`${entity}.`));
    // Act
    await copyWithJsonPaths(connection, { schema: 'factline', table, jsonPaths, lines: rows.map((r) => r.line) });
    // Assess
    const columns = await tableColumns(connection, 'factline', table);
    const reader = await connection.runAndReadAll(`SELECT ${columns.map(readBackExpression).join(', ')} FROM factline.${table} ORDER BY occurred_at, fact_id`);
    const loaded = reader.getRows();
    const ordered = [...rows].sort((a, b) => Date.parse(String(a.fact['occurred_at'])) - Date.parse(String(b.fact['occurred_at'])) || String(a.fact['fact_id']).localeCompare(String(b.fact['fact_id'])));
    expect(loaded).toHaveLength(rows.length);
    ordered.forEach(({ fact }, r) => {
      columns.forEach((column, c) => {
        const want = expected(valueAt(fact, parseBracketJsonPath(jsonPaths[c]!)), column);
        const got = loaded[r]![c] ?? null;
        const where = `${String(fact['fact_type'])} → ${column.name}`;
        if (want !== null && typeof want === 'object') expect(JSON.parse(String(got)), where).toEqual(want);
        else expect(got, where).toBe(want);
      });
    });
  });

  it('fits every loaded string in the byte width of its Redshift VARCHAR', async () => {
    // Prepare: the tables are loaded by the previous tests; load them here if this test runs alone.
    for (const table of model.tables) {
      const count = await connection.runAndReadAll(`SELECT count(*) FROM factline.${table.name}`);
      if (Number(count.getRows()[0]![0]) === 0) {
        const jsonPaths = (JSON.parse(files.get(`generated/jsonpaths/${table.name}.json`)!) as { jsonpaths: string[] }).jsonpaths;
        await copyWithJsonPaths(connection, { schema: 'factline', table: table.name, jsonPaths, lines: facts.filter(({ fact }) => String(fact['fact_type']).startsWith(`${table.entity}.`)).map((r) => r.line) });
      }
    }
    // Act / Assess
    let checked = 0;
    for (const table of model.tables) {
      for (const column of table.columns) {
        if (column.type.kind !== 'varchar' && column.type.kind !== 'char') continue;
        const reader = await connection.runAndReadAll(`SELECT max(strlen("${column.name}")) FROM factline.${table.name}`);
        const longest = reader.getRows()[0]![0];
        if (longest === null) continue;
        expect(Number(longest), `${table.name}.${column.name}`).toBeLessThanOrEqual(column.type.bytes);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});
