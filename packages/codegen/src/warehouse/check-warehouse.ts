// The warehouse checks for `factline check`, and the refusal every warehouse generator shares.
import { formatProblem, hasErrors, sortProblems, type Catalog, type Problem } from '@factline/catalog';
import { CodegenError, CodegenErrorCode } from '../errors.js';
import type { GeneratorContext } from '../generator.js';
import { warehousePaths } from './constants.js';
import { planWarehouse, type WarehousePlan } from './plan.js';
import { parseWarehouseState, type WarehouseState } from './state.js';

/**
 * Options of checkWarehouse.
 *
 * @example
 * checkWarehouse(catalog, { previousState: await readFile('generated/warehouse-state.json', 'utf8') });
 */
export interface CheckWarehouseOptions {
  /** The text of the committed generated/warehouse-state.json, to check schema changes against; absent = none yet. */
  previousState?: string | undefined;
}

/**
 * Every warehouse problem of a catalog: column collisions after snake_casing and flattening, names Redshift or
 * JSONPaths cannot hold, unusable entity ids, stream names Firehose refuses, and (given the committed state) schema
 * changes the warehouse cannot follow in place. Never throws on bad input.
 *
 * @example
 * const problems = checkWarehouse(catalog, { previousState: await readFile('generated/warehouse-state.json', 'utf8') });
 */
export function checkWarehouse(catalog: Catalog, options: CheckWarehouseOptions = {}): Problem[] {
  let previous: WarehouseState | undefined;
  if (options.previousState !== undefined) {
    const parsed = parseWarehouseState(options.previousState);
    if (!parsed.ok) return parsed.problems;
    previous = parsed.state;
  }
  return sortProblems(planWarehouse(catalog, previous).problems);
}

/**
 * The plan every warehouse generator prints from: the catalog against the committed state. Refuses (CodegenError
 * WAREHOUSE_REFUSED, with the problems) when the schemas have warehouse errors, exactly as `factline check` reports them.
 */
export async function planForGeneration(context: GeneratorContext): Promise<WarehousePlan> {
  const text = await context.readExisting(warehousePaths.state);
  let previous: WarehouseState | undefined;
  if (text !== undefined) {
    const parsed = parseWarehouseState(text);
    if (!parsed.ok) throw new CodegenError(CodegenErrorCode.warehouseStateInvalid, parsed.problems.map(formatProblem).join('\n'), parsed.problems);
    previous = parsed.state;
  }
  const plan = planWarehouse(context.catalog, previous);
  if (hasErrors(plan.problems)) {
    const errors = sortProblems(plan.problems.filter((p) => p.severity === 'error'));
    throw new CodegenError(CodegenErrorCode.warehouseRefused, `the warehouse cannot be generated: ${errors.length} problem(s) (pnpm factline check):\n${errors.map(formatProblem).join('\n')}`, errors);
  }
  return plan;
}
