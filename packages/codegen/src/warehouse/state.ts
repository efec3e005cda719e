// generated/warehouse-state.json: the last generated warehouse model and the migrations generated so far. It is the
// base of the next migration, committed with the schemas, and never edited by hand.
import { createHash } from 'node:crypto';
import type { Problem } from '@factline/catalog';
import { Ajv } from 'ajv';
import { warehousePaths } from './constants.js';
import { warehouseStateSchema } from './state-schema.js';
import type { WarehouseColumn, WarehouseDialect, WarehouseTable } from './types.js';

/**
 * One generated migration file, with the checksum that proves it was not rewritten.
 *
 * @example
 * const names = state.migrations.redshift.map((m: MigrationRecord) => m.name);
 */
export interface MigrationRecord {
  name: string;
  sha256: string;
}

/**
 * The content of generated/warehouse-state.json.
 *
 * @example
 * const result = parseWarehouseState(text);
 * const state: WarehouseState | undefined = result.ok ? result.state : undefined;
 */
export interface WarehouseState {
  formatVersion: 1;
  generatedBy: string;
  warehouse: { schema: string };
  tables: WarehouseTable[];
  migrations: Record<WarehouseDialect, MigrationRecord[]>;
}

export type ParseStateResult = { ok: true; state: WarehouseState } | { ok: false; problems: Problem[] };

const validate = new Ajv({ allErrors: true }).compile(warehouseStateSchema);

const stateProblem = (message: string): Problem => ({ file: warehousePaths.state, pointer: '', rule: 'warehouse-state', severity: 'error', message });

/**
 * Parses and validates the text of a warehouse state file.
 *
 * @example
 * const result = parseWarehouseState(await readFile('generated/warehouse-state.json', 'utf8'));
 */
export function parseWarehouseState(text: string): ParseStateResult {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [stateProblem(`is not valid JSON (${(error as Error).message}); restore it from version control: it is generated, never edited`)] };
  }
  if (!validate(input)) {
    const details = (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}`);
    return { ok: false, problems: [stateProblem(`is not a warehouse state file: ${details.join('; ')}; restore it from version control: it is generated, never edited`)] };
  }
  return { ok: true, state: input as unknown as WarehouseState };
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

// Key order is fixed here, so that the file is byte-identical from run to run.
function columnJson(c: WarehouseColumn): string {
  const origin =
    c.origin.kind === 'shared'
      ? { kind: c.origin.kind }
      : c.origin.kind === 'value'
        ? { kind: c.origin.kind, fact: c.origin.fact, version: c.origin.version, file: c.origin.file, pointer: c.origin.pointer, requiredInFact: c.origin.requiredInFact }
        : { kind: c.origin.kind, file: c.origin.file, pointer: c.origin.pointer };
  return JSON.stringify({ name: c.name, type: c.type, nullable: c.nullable, encoding: c.encoding, jsonPath: c.jsonPath, comment: c.comment, origin });
}

function tableJson(t: WarehouseTable): string {
  const head = [`"name": ${JSON.stringify(t.name)}`, `"entity": ${JSON.stringify(t.entity)}`, `"comment": ${JSON.stringify(t.comment)}`, `"distKey": ${JSON.stringify(t.distKey)}`, `"sortKey": ${JSON.stringify(t.sortKey)}`, `"sources": ${JSON.stringify(t.sources)}`];
  return `    {\n${head.map((line) => `      ${line},`).join('\n')}\n      "columns": [\n${t.columns.map((c) => `        ${columnJson(c)}`).join(',\n')}\n      ]\n    }`;
}

/**
 * Prints a state file: one column per line, so that a schema change reads as a small diff.
 *
 * @example
 * await writeFile('generated/warehouse-state.json', printWarehouseState(state));
 */
export function printWarehouseState(state: WarehouseState): string {
  const migrations = (records: MigrationRecord[]) => `[${records.map((r) => `\n      ${JSON.stringify({ name: r.name, sha256: r.sha256 })}`).join(',')}${records.length ? '\n    ' : ''}]`;
  return [
    '{',
    `  "formatVersion": 1,`,
    `  "generatedBy": ${JSON.stringify(state.generatedBy)},`,
    `  "warehouse": ${JSON.stringify({ schema: state.warehouse.schema })},`,
    state.tables.length === 0 ? '  "tables": [],' : `  "tables": [\n${state.tables.map(tableJson).join(',\n')}\n  ],`,
    `  "migrations": {\n    "redshift": ${migrations(state.migrations.redshift)},\n    "duckdb": ${migrations(state.migrations.duckdb)}\n  }`,
    '}',
    '',
  ].join('\n');
}
