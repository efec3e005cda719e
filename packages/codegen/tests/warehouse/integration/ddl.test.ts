// The DDL as a Redshift engineer and a DuckDB user get it: parsed by a real SQL parser, executed by DuckDB, and
// compared with golden files for a fixture project full of edge cases.
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '@factline/catalog';
import { planWarehouse, sqlTypeName, type WarehouseModel } from '@factline/codegen';
import { parseStreamSettings } from '@factline/stream-settings';
import { createTableColumns, parseStatements, pgTypeOf } from '../support/pg-parse.js';
import { tableColumns } from '../support/duckdb-copy.js';
import { fixturesRoot, repositoryRoot, tempProject, type TempProject } from '../support/project.js';

const projects: { name: string; from: string }[] = [
  { name: 'the sample schemas', from: repositoryRoot },
  { name: 'the edge-case fixture', from: path.join(fixturesRoot, 'edge-project') },
];

const generated: Record<string, { project: TempProject; model: WarehouseModel }> = {};

beforeAll(async () => {
  for (const { name, from } of projects) {
    const project = await tempProject(from);
    await project.generate();
    const { catalog } = await loadCatalog(project.root);
    generated[name] = { project, model: planWarehouse(catalog, undefined).model };
  }
});
afterAll(async () => {
  for (const { project } of Object.values(generated)) await project.dispose();
});

describe.each(projects)('the generated DDL of $name', ({ name }) => {
  it('parses as SQL once the Redshift table attributes are removed, with the model’s names, types and NOT NULLs', async () => {
    const { project, model } = generated[name]!;
    for (const table of model.tables) {
      // Act
      const parsed = await createTableColumns(await project.read(`generated/redshift/tables/${table.name}.sql`));
      // Assess
      expect(parsed.table).toBe(`${model.schema}.${table.name}`);
      expect(parsed.columns).toEqual(table.columns.map((c) => ({ name: c.name, ...pgTypeOf(c.type), notNull: !c.nullable })));
    }
  });

  it('puts ENCODE on every column, RAW only on the leading sort key, and keys on the entity and time', async () => {
    const { project, model } = generated[name]!;
    for (const table of model.tables) {
      const sql = await project.read(`generated/redshift/tables/${table.name}.sql`);
      const columnLines = sql.split('\n').filter((line) => /^ {4}\S/.test(line));
      expect(columnLines).toHaveLength(table.columns.length);
      expect(columnLines.every((line) => / ENCODE (RAW|AZ64|ZSTD)\b/.test(line))).toBe(true);
      expect(columnLines.filter((line) => line.includes('ENCODE RAW'))).toEqual([expect.stringMatching(/^ {4}occurred_at /)]);
      expect(sql).toContain('\nDISTSTYLE KEY\nDISTKEY (entity_id)\nCOMPOUND SORTKEY (occurred_at, entity_id);\n');
    }
  });

  it('parses every migration and comment statement', async () => {
    const { project } = generated[name]!;
    const statements = await parseStatements(await project.read('generated/migrations/redshift/0001-initial.sql'));
    const kinds = statements.map((s) => Object.keys(s)[0]);
    expect(kinds.filter((k) => k === 'CreateStmt')).toHaveLength(generated[name]!.model.tables.length);
    expect(kinds).toContain('CommentStmt');
    expect(kinds[0]).toBe('CreateSchemaStmt');
  });

  it('executes in DuckDB, table DDL and initial migration alike, with the same columns and types', async () => {
    const { project, model } = generated[name]!;
    for (const source of ['tables', 'migration'] as const) {
      // Prepare
      const connection = await (await DuckDBInstance.create(':memory:')).connect();
      // Act
      if (source === 'migration') await connection.run(await project.read('generated/migrations/duckdb/0001-initial.sql'));
      else for (const table of model.tables) await connection.run(await project.read(`generated/duckdb/tables/${table.name}.sql`));
      // Assess
      for (const table of model.tables) {
        const columns = await tableColumns(connection, model.schema!, table.name);
        const duck = (t: string) => t.replace('TIMESTAMPTZ', 'TIMESTAMP WITH TIME ZONE').replace(/^DECIMAL\((\d+),(\d+)\)$/, 'DECIMAL($1,$2)');
        expect(columns).toEqual(table.columns.map((c) => ({ name: c.name, dataType: duck(sqlTypeName(c.type, 'duckdb')) })));
      }
      connection.closeSync();
    }
  });

  it('writes stream settings that @factline/stream-settings accepts', async () => {
    const { project, model } = generated[name]!;
    const result = parseStreamSettings(JSON.parse(await project.read('generated/stream-settings.json')));
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    for (const stream of result.settings.streams) {
      const table = model.tables.find((t) => t.entity === stream.entity)!;
      expect(stream.redshift.copyCommand.dataTableColumns.split(',')).toHaveLength(table.columns.length);
      const jsonPaths = JSON.parse(await project.read(`generated/${stream.redshift.jsonPathsKey}`)) as { jsonpaths: string[] };
      expect(jsonPaths.jsonpaths).toHaveLength(table.columns.length);
    }
  });
});

describe('the edge-case fixture', () => {
  it('matches the golden files', async () => {
    const { project } = generated['the edge-case fixture']!;
    for (const file of ['redshift/tables/device_facts.sql', 'duckdb/tables/device_facts.sql', 'jsonpaths/device_facts.json', 'redshift/copy/device_facts.sql', 'stream-settings.json', 'migrations/redshift/0001-initial.sql']) {
      await expect(await project.read(`generated/${file}`)).toMatchFileSnapshot(`../golden/edge-project/${file}`);
    }
  });

  it('quotes the reserved word, keeps the optional location nullable, and stores JSON as SUPER', async () => {
    const sql = await generated['the edge-case fixture']!.project.read('generated/redshift/tables/device_facts.sql');
    expect(sql).toMatch(/^ {4}"timestamp" +TIMESTAMPTZ +ENCODE AZ64\n\)$/m);
    expect(sql).toMatch(/^ {4}reading_location_lat +DECIMAL\(8,6\) +ENCODE AZ64,$/m);
    expect(sql).toMatch(/^ {4}reading_raw +SUPER +ENCODE ZSTD,$/m);
    expect(sql).toMatch(/^ {4}reading_v2_error_count +BIGINT +ENCODE AZ64,$/m);
    expect(sql).toMatch(/^ {4}label +VARCHAR\(18\) +ENCODE ZSTD,$/m);
    expect(sql).toMatch(/^ {4}firmware +VARCHAR\(20\) +ENCODE ZSTD,$/m);
    expect(sql).toMatch(/^ {4}entity_id +VARCHAR\(40\) +ENCODE ZSTD NOT NULL,$/m);
  });
});
