// The warehouse as one more reader of facts: the head schemas planned against the warehouse as it was at the base.
// A change Redshift cannot make in place is refused, however compatible JSON Schema finds it.
import { hasErrors, type LoadCatalogResult, type Problem } from '@factline/catalog';
import { parseWarehouseState, planWarehouse, type WarehouseState } from '@factline/codegen';
import type { EvolutionChange } from './report.js';
import type { BaseSnapshot } from './snapshot.js';

/** Refusals by file, and what the reader should know about the comparison. @example for (const { file, change } of verdict.refusals) console.log(file, change.message); */
export interface WarehouseVerdict {
  refusals: { file: string; change: EvolutionChange }[];
  notes: string[];
}

/** The base's committed state, or, for a base that never committed one, the warehouse its schemas describe. */
function baseState(base: BaseSnapshot): { state: WarehouseState | undefined; note?: string } {
  if (base.warehouseState !== undefined) {
    const parsed = parseWarehouseState(base.warehouseState);
    return parsed.ok ? { state: parsed.state } : { state: undefined, note: `the warehouse was not compared: generated/warehouse-state.json at the base cannot be read (${parsed.problems[0]?.message ?? 'invalid'})` };
  }
  if (base.loaded.catalog.documents.size === 0 || hasErrors(base.loaded.problems)) return { state: undefined };
  const { model } = planWarehouse(base.loaded.catalog, undefined);
  return { state: { formatVersion: 1, generatedBy: 'the schemas at the base', warehouse: { schema: model.schema ?? base.loaded.catalog.config.warehouse.schema }, tables: model.tables, migrations: { redshift: [], duckdb: [] } }, note: 'the base has no generated/warehouse-state.json: the warehouse is compared with the one its schemas describe' };
}

function refusal(problem: Problem): EvolutionChange {
  const split = problem.message.indexOf(' Ways out: ');
  const message = split === -1 ? problem.message : problem.message.slice(0, split);
  const wayOut = split === -1 ? undefined : problem.message.slice(split + ' Ways out: '.length);
  return { type: 'WAREHOUSE_REFUSED', pointer: problem.pointer, message, backward: undefined, forward: undefined, verdict: 'breaking', judgedBy: 'warehouse', against: 'base', ...(wayOut ? { wayOut } : {}) };
}

/**
 * Plans the head schemas against the base's warehouse and returns every change Redshift cannot make in place.
 *
 * @example
 * const { refusals } = judgeWarehouse(headResult, base);
 */
export function judgeWarehouse(head: LoadCatalogResult, base: BaseSnapshot): WarehouseVerdict {
  if (hasErrors(head.problems)) return { refusals: [], notes: ['the warehouse was not compared: the schemas have errors (listed above)'] };
  const { state, note } = baseState(base);
  const notes = note === undefined ? [] : [note];
  if (state === undefined) return { refusals: [], notes };
  const problems = planWarehouse(head.catalog, state).problems.filter((p) => p.rule === 'warehouse-migration' && p.severity === 'error');
  return { refusals: problems.map((problem) => ({ file: problem.file, change: refusal(problem) })), notes };
}
