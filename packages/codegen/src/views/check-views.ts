// The view checks for `factline check`, and the refusal the views generator shares with them.
import { formatProblem, hasErrors, sortProblems, type Catalog, type Problem } from '@factline/catalog';
import { CodegenError, CodegenErrorCode } from '../errors.js';
import type { GeneratorContext } from '../generator.js';
import { planForGeneration } from '../warehouse/check-warehouse.js';
import { planWarehouse } from '../warehouse/plan.js';
import { parseWarehouseState, type WarehouseState } from '../warehouse/state.js';
import { buildViewsModel } from './build-model.js';
import type { ViewsModel } from './types.js';

/**
 * Every problem that stops the generated views: a value column named like a column the views add, a view name
 * Redshift cannot hold. Warehouse problems are `checkWarehouse`'s; given a committed state, columns keep its order.
 * Never throws on bad input.
 *
 * @example
 * const problems = checkViews(catalog, { previousState: await readFile('generated/warehouse-state.json', 'utf8') });
 */
export function checkViews(catalog: Catalog, options: { previousState?: string | undefined } = {}): Problem[] {
  let previous: WarehouseState | undefined;
  if (options.previousState !== undefined) {
    const parsed = parseWarehouseState(options.previousState);
    if (!parsed.ok) return [];
    previous = parsed.state;
  }
  return sortProblems(buildViewsModel(catalog, planWarehouse(catalog, previous).model).problems);
}

/** The views model every view generator prints from; refuses (WAREHOUSE_REFUSED) when a view check fails. */
export async function viewsForGeneration(context: GeneratorContext): Promise<ViewsModel> {
  const plan = await planForGeneration(context);
  const { model, problems } = buildViewsModel(context.catalog, plan.model);
  if (hasErrors(problems)) {
    const errors = sortProblems(problems);
    throw new CodegenError(CodegenErrorCode.warehouseRefused, `the views cannot be generated: ${errors.length} problem(s) (pnpm factline check):\n${errors.map(formatProblem).join('\n')}`, errors);
  }
  return model;
}
