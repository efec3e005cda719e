// THE VIEWS HOOK of `pnpm demo`. The views (`<entity>_current`, `<entity>_history`, analysts' views) are built by
// `factline views deploy`, which another change adds. When it exists, set `viewsStep` to a function that deploys
// them into the demo's warehouse and says which view holds each entity's current state; the demo then runs it after
// loading and shows rows of those views. Until then (`viewsStep` undefined) the demo reads the fact tables and
// computes the current state in its own query (see `current-state.ts`).
import type { StreamSettingsFile } from '@factline/stream-settings';
import type { Warehouse } from '@factline/warehouse';

/**
 * What the views step receives.
 *
 * @example
 * const context: ViewsStepContext = { warehouse, root: '/repo', settings };
 */
export interface ViewsStepContext {
  /** The demo's DuckDB warehouse, with the fact tables loaded. */
  warehouse: Warehouse;
  /** The project root (generated views are under `generated/`). */
  root: string;
  settings: StreamSettingsFile;
}

/**
 * What the views step reports.
 *
 * @example
 * const result: ViewsStepResult = { deployed: ['factline.booking_current'], currentViews: { booking: 'factline.booking_current' } };
 */
export interface ViewsStepResult {
  /** Every view created or replaced, `schema.name`. */
  deployed: readonly string[];
  /** Per entity, the view with one row per entity and its current state (`schema.name`). */
  currentViews: Readonly<Record<string, string>>;
}

/**
 * Deploys the views into the demo's warehouse.
 *
 * @example
 * const step: ViewsStep = async ({ warehouse, root }) => deployViews(warehouse, root);
 */
export type ViewsStep = (context: ViewsStepContext) => Promise<ViewsStepResult>;

/**
 * The hook: `undefined` until `factline views deploy` exists. Then:
 * `export const viewsStep: ViewsStep | undefined = async (context) => runViewsDeploy(context);`
 *
 * @example
 * if (viewsStep !== undefined) await viewsStep({ warehouse, root, settings });
 */
export const viewsStep: ViewsStep | undefined = undefined;
