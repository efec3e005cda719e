// The warehouse generators `factline generate` runs: one pure printer per output, all from the same plan.
import { CodegenError, CodegenErrorCode } from '../errors.js';
import type { GeneratedFile, Generator } from '../generator.js';
import { headerLines, sqlHeader } from '../header.js';
import { planForGeneration } from './check-warehouse.js';
import { warehousePaths } from './constants.js';
import { copyPlaceholders, printCopyStatement } from './copy.js';
import { printJsonPaths } from './jsonpaths.js';
import { existingMigrations, initialMigrationName, lastMigrationNumber, migrationPath, newMigrations } from './migrations.js';
import { printGeneratedReadme } from './readme.js';
import { printCreateSchema, printTableWithComments } from './sql-printer.js';
import { printWarehouseState, sha256, type WarehouseState } from './state.js';
import { buildStreamSettings, printStreamSettings } from './stream-settings.js';
import { WarehouseDialect, type WarehouseModel } from './types.js';

function tableFiles(model: WarehouseModel, dialect: WarehouseDialect, folder: string): GeneratedFile[] {
  return model.tables.map((table) => {
    const schema = model.schema === undefined ? '' : `${printCreateSchema(model.schema, dialect)}\n\n`;
    return { path: `${folder}/${table.name}.sql`, content: `${sqlHeader(table.sources)}\n${schema}${printTableWithComments(model.schema, table, dialect)}\n` };
  });
}

/**
 * `generated/redshift/tables/<table>.sql`: the current DDL of every fact table, as the migrations build it.
 *
 * @example
 * const { files } = await generateAll(root, { generators: [redshiftDdlGenerator] });
 */
export const redshiftDdlGenerator: Generator = {
  name: 'redshift-ddl',
  description: 'Redshift DDL of every fact table (types, ENCODE, DISTKEY, SORTKEY, comments)',
  owns: [warehousePaths.redshiftTables],
  async generate(context) {
    return tableFiles((await planForGeneration(context)).model, WarehouseDialect.redshift, warehousePaths.redshiftTables);
  },
};

/**
 * `generated/duckdb/tables/<table>.sql`: the same tables for the local DuckDB warehouse.
 *
 * @example
 * const { files } = await generateAll(root, { generators: [duckdbDdlGenerator] });
 */
export const duckdbDdlGenerator: Generator = {
  name: 'duckdb-ddl',
  description: 'DuckDB DDL of every fact table (the local warehouse)',
  owns: [warehousePaths.duckdbTables],
  async generate(context) {
    return tableFiles((await planForGeneration(context)).model, WarehouseDialect.duckdb, warehousePaths.duckdbTables);
  },
};

/**
 * `generated/jsonpaths/<table>.json`: what COPY reads each column from, in table order.
 *
 * @example
 * const { files } = await generateAll(root, { generators: [jsonPathsGenerator] });
 */
export const jsonPathsGenerator: Generator = {
  name: 'jsonpaths',
  description: 'JSONPaths file of every fact table, one expression per column in table order',
  owns: [warehousePaths.jsonPaths],
  async generate(context) {
    const { model } = await planForGeneration(context);
    return model.tables.map((table) => ({ path: `${warehousePaths.jsonPaths}/${table.name}.json`, content: printJsonPaths(table) }));
  },
};

/**
 * `generated/redshift/copy/<table>.sql`: the COPY Firehose runs, written out for backfills.
 *
 * @example
 * const { files } = await generateAll(root, { generators: [copyGenerator] });
 */
export const copyGenerator: Generator = {
  name: 'redshift-copy',
  description: 'COPY statement of every fact table (for backfills from a manifest)',
  owns: [warehousePaths.redshiftCopy],
  async generate(context) {
    const { model } = await planForGeneration(context);
    const compression = context.catalog.config.streams.compressionFormat;
    return model.tables.map((table) => ({
      path: `${warehousePaths.redshiftCopy}/${table.name}.sql`,
      content: [
        sqlHeader(table.sources).trimEnd(),
        `-- The load Firehose runs for ${table.name} (the CopyCommand in generated/stream-settings.json), for a backfill.`,
        `-- Replace ${'${BucketName}'}, ${copyPlaceholders.manifestKey} (a manifest listing the fact objects to load: a prefix would also`,
        `-- read the processing-failed/ records) and ${copyPlaceholders.iamRoleArn}.`,
        '',
        printCopyStatement(model.schema, table, compression),
        '',
      ].join('\n'),
    }));
  },
};

/**
 * `generated/stream-settings.json`, validated against @factline/stream-settings in the tests.
 *
 * @example
 * const { files } = await generateAll(root, { generators: [streamSettingsGenerator] });
 */
export const streamSettingsGenerator: Generator = {
  name: 'stream-settings',
  description: 'generated/stream-settings.json: the Firehose delivery stream of every entity',
  owns: [],
  async generate(context) {
    const { model } = await planForGeneration(context);
    return [{ path: warehousePaths.streamSettings, content: printStreamSettings(buildStreamSettings(context.catalog, model)) }];
  },
};

/**
 * `generated/migrations/<dialect>/NNNN-<slug>.sql` and `generated/warehouse-state.json`.
 *
 * @example
 * const { files } = await generateAll(root, { generators: [migrationsGenerator] });
 */
export const migrationsGenerator: Generator = {
  name: 'migrations',
  description: 'append-only warehouse migrations for Redshift and DuckDB, and the state they are computed against',
  owns: [warehousePaths.migrations],
  async generate(context) {
    const plan = await planForGeneration(context);
    if (plan.previous === undefined && (await context.readExisting(migrationPath('redshift', initialMigrationName))) !== undefined) {
      throw new CodegenError(CodegenErrorCode.warehouseStateInvalid, `${warehousePaths.state} is missing but ${migrationPath('redshift', initialMigrationName)} exists; restore the state from version control (without it, the next migration cannot be computed)`);
    }
    const records = plan.previous?.migrations ?? { redshift: [], duckdb: [] };
    const files: GeneratedFile[] = [];
    const next: WarehouseState['migrations'] = { redshift: [...records.redshift], duckdb: [...records.duckdb] };
    for (const dialect of Object.values(WarehouseDialect)) files.push(...(await existingMigrations(records[dialect], dialect, context.readExisting)));
    const sources = [...new Set(plan.model.tables.flatMap((t) => t.sources))].sort();
    for (const migration of newMigrations(plan, sources, lastMigrationNumber(records.redshift))) {
      for (const dialect of Object.values(WarehouseDialect)) {
        files.push({ path: migrationPath(dialect, migration.name), content: migration.content[dialect] });
        next[dialect].push({ name: migration.name, sha256: sha256(migration.content[dialect]) });
      }
    }
    const state: WarehouseState = { formatVersion: 1, generatedBy: headerLines(['schemas/']).join(' '), warehouse: { schema: context.catalog.config.warehouse.schema }, tables: plan.model.tables, migrations: next };
    files.push({ path: warehousePaths.state, content: printWarehouseState(state) });
    return files;
  },
};

/**
 * `generated/README.md`: what the generated folder holds, and why some JSON files carry no header.
 *
 * @example
 * const { files } = await generateAll(root, { generators: [generatedReadmeGenerator] });
 */
export const generatedReadmeGenerator: Generator = {
  name: 'generated-readme',
  description: 'generated/README.md: what each generated folder holds',
  owns: [],
  generate() {
    return [{ path: warehousePaths.readme, content: printGeneratedReadme() }];
  },
};

/**
 * Every warehouse generator, in the order they are registered.
 *
 * @example
 * await writeGeneratedFiles(root, await generateAll(root, { generators: warehouseGenerators }));
 */
export const warehouseGenerators: readonly Generator[] = [redshiftDdlGenerator, duckdbDdlGenerator, jsonPathsGenerator, copyGenerator, streamSettingsGenerator, migrationsGenerator, generatedReadmeGenerator];
