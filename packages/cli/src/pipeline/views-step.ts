// THE VIEWS HOOK of `pnpm demo`: after loading, the demo deploys the views (`<entity>_current`, `<entity>_history`,
// the analysts' views) with `factline views deploy`'s code and shows rows of each entity's current view. With
// `viewsStep` undefined the demo would read the fact tables and compute the current state in its own query (see
// `current-state.ts`).
import type { StreamSettingsFile } from '@factline/stream-settings';
import type { Warehouse } from '@factline/warehouse';
import { deployProjectViews } from '../commands/views.js';

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
 * The hook, filled: `factline views deploy` on the demo's warehouse (the generated views and the analysts' ones), and
 * each entity's `<entity>_current` view for the summary.
 *
 * @example
 * if (viewsStep !== undefined) await viewsStep({ warehouse, root, settings });
 */
export const viewsStep: ViewsStep | undefined = async ({ warehouse, root }) => {
  const { report, set } = await deployProjectViews(warehouse, root);
  return { deployed: report.views.filter((v) => v.status === 'created' || v.status === 'replaced').map((v) => v.name), currentViews: set.currentViews };
};
