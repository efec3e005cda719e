// The warehouse as it will be after the next migration: the committed state (column order, physical design),
// followed by what the schemas add. Every change Redshift can make in place is listed; every other one is refused.
import { factValueKey, splitTypeName, type Catalog, type Problem } from '@factline/catalog';
import { buildWarehouseModel } from './build-model.js';
import { compareColumn } from './column-diff.js';
import type { WarehouseState } from './state.js';
import { sqlTypeName } from './type-names.js';
import type { LogicalType, WarehouseColumn, WarehouseModel, WarehouseTable } from './types.js';

/**
 * One change the next migration makes.
 *
 * @example
 * const added = plan.changes.filter((c) => c.kind === 'add-column').map((c) => c.column.name);
 */
export type WarehouseChange =
  | { kind: 'create-table'; table: WarehouseTable }
  | { kind: 'add-column'; table: WarehouseTable; column: WarehouseColumn }
  | { kind: 'widen-column'; table: WarehouseTable; column: WarehouseColumn; from: LogicalType }
  | { kind: 'comment-table'; table: WarehouseTable }
  | { kind: 'comment-column'; table: WarehouseTable; column: WarehouseColumn };

/**
 * The warehouse after the next migration, the changes that get it there, and what stops them.
 *
 * @example
 * const { model, changes, problems } = planWarehouse(catalog, state);
 */
export interface WarehousePlan {
  /** The warehouse after the changes: existing columns keep their place, new ones are appended. */
  model: WarehouseModel;
  /** Changes since the committed state; with no state, every table is created. */
  changes: WarehouseChange[];
  /** The state the plan starts from; undefined on the first generation. */
  previous: WarehouseState | undefined;
  /** Warehouse problems of the schemas and refused changes. Generation refuses while any is an error. */
  problems: Problem[];
}

function waysOut(column: WarehouseColumn): string {
  if (column.origin.kind !== 'value') return 'Ways out: revert the change.';
  const { fact, version, file } = column.origin;
  const name = splitTypeName(fact)?.name ?? fact;
  const next = file.replace(/v[0-9]+\.json$/, `v${version + 1}.json`);
  return `Ways out: revert the change in ${file}; or publish it as a new fact version (${next}, stored in new columns under "${factValueKey(name, version + 1)}") and map events to it; or add a new property next to this one.`;
}

function refusal(table: WarehouseTable, column: WarehouseColumn, reason: string, fallbackFile: string): Problem {
  const where = column.origin.kind === 'shared' ? { file: fallbackFile, pointer: '' } : { file: column.origin.file, pointer: column.origin.pointer };
  const property = where.pointer === '' ? 'the value' : `the property at "${where.pointer}"`;
  return { ...where, rule: 'warehouse-migration', severity: 'error', message: `${property} (column ${table.name}.${column.name}, ${sqlTypeName(column.type, 'redshift')}) ${reason}. ${waysOut(column)}` };
}

function mergeTable(previous: WarehouseTable, current: WarehouseTable, changes: WarehouseChange[], problems: Problem[], entityFile: string): WarehouseTable {
  const currentByName = new Map(current.columns.map((c) => [c.name, c]));
  const previousNames = new Set(previous.columns.map((c) => c.name));
  const columns: WarehouseColumn[] = [];
  const table: WarehouseTable = { ...current, distKey: previous.distKey, sortKey: previous.sortKey, columns };
  const commentChanges: WarehouseColumn[] = [];
  for (const old of previous.columns) {
    const now = currentByName.get(old.name);
    // A column the schemas no longer describe stays: it holds facts, and COPY maps by position.
    if (now === undefined) {
      columns.push(old);
      continue;
    }
    const verdict = compareColumn(old, now);
    if (verdict.kind === 'refuse') {
      problems.push(refusal(table, now, verdict.reason, entityFile));
      columns.push(old);
      continue;
    }
    const merged = { ...now, encoding: old.encoding };
    columns.push(merged);
    if (verdict.kind === 'widen') changes.push({ kind: 'widen-column', table, column: merged, from: old.type });
    if (old.comment !== now.comment) commentChanges.push(merged);
  }
  for (const column of current.columns) {
    if (previousNames.has(column.name)) continue;
    if (!column.nullable) {
      problems.push(refusal(table, column, 'is a new NOT NULL column, which the rows already loaded cannot satisfy', entityFile));
      continue;
    }
    columns.push(column);
    changes.push({ kind: 'add-column', table, column });
  }
  if (previous.comment !== current.comment) changes.push({ kind: 'comment-table', table });
  for (const column of commentChanges) changes.push({ kind: 'comment-column', table, column });
  return table;
}

/**
 * Plans the warehouse for a catalog against the committed state.
 *
 * @example
 * const plan = planWarehouse(catalog, previousState);
 * if (hasErrors(plan.problems)) console.error(plan.problems.map(formatProblem).join('\n'));
 */
export function planWarehouse(catalog: Catalog, previous: WarehouseState | undefined): WarehousePlan {
  const { model: current, problems } = buildWarehouseModel(catalog);
  if (previous === undefined) return { model: current, changes: current.tables.map((table) => ({ kind: 'create-table', table })), previous, problems };

  const changes: WarehouseChange[] = [];
  if (previous.warehouse.schema !== current.schema) {
    problems.push({
      file: 'factline.config.json',
      pointer: '/warehouse/schema',
      rule: 'warehouse-migration',
      severity: 'error',
      message: `warehouse.schema changed from "${previous.warehouse.schema}" to "${current.schema}", but the fact tables live in "${previous.warehouse.schema}" and factline never moves them. Ways out: set it back; or, for a new, empty warehouse, delete generated/warehouse-state.json and generated/migrations/ and generate again.`,
    });
  }
  const previousTables = new Map(previous.tables.map((t) => [t.name, t]));
  const entityFiles = new Map(catalog.entities.map((e) => [e.name, e.document.file]));
  const tables: WarehouseTable[] = [];
  for (const table of current.tables) {
    const old = previousTables.get(table.name);
    if (old === undefined) {
      tables.push(table);
      changes.push({ kind: 'create-table', table });
    } else {
      tables.push(mergeTable(old, table, changes, problems, entityFiles.get(table.entity ?? '') ?? 'schemas/'));
    }
  }
  // A table whose entity left the schemas stays, like a column: its facts are the master dataset's.
  const currentNames = new Set(current.tables.map((t) => t.name));
  tables.push(...previous.tables.filter((t) => !currentNames.has(t.name)));
  return { model: { schema: current.schema, tables }, changes, previous, problems };
}
