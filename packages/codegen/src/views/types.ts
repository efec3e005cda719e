// The model the view printers read: per entity, the value columns of its fact table and what its lifecycle says.
import type { LogicalType } from '../warehouse/types.js';

/**
 * One value column of a fact table, as the views carry it.
 *
 * @example
 * const names = views.valueColumns.map((c: ViewValueColumn) => c.name);
 */
export interface ViewValueColumn {
  name: string;
  type: LogicalType;
  /** The fact type and version whose value the column holds. */
  fact: string;
  version: number;
  comment: string;
}

/**
 * The lifecycle of an entity as the current view applies it (`x-factline-entity.lifecycle`).
 *
 * @example
 * const deletedValues = views.lifecycle?.deleted ?? [];
 */
export interface ViewLifecycle {
  /** The lifecycle fact type, `accommodation.status`. */
  fact: string;
  /** Its value column of every version; only the latest fact's version is set, so the value is their COALESCE. */
  columns: string[];
  inactive: string[];
  deleted: string[];
}

/**
 * A relationship fact (`x-factline-references`): a value column holding the id of another entity.
 *
 * @example
 * for (const r of views.references) console.log(`${r.column} -> ${r.entity}`);
 */
export interface ViewReference {
  column: string;
  fact: string;
  entity: string;
}

/**
 * Everything the views of one entity are printed from.
 *
 * @example
 * const [accommodation] = buildViewsModel(catalog, plan.model).entities;
 */
export interface EntityViews {
  entity: string;
  /** The warehouse schema; undefined prints unqualified names. */
  schema: string | undefined;
  factTable: string;
  /** `<entity>_current`, `<entity>_history`, `<entity>_as_of`. */
  names: { current: string; history: string; asOf: string };
  /** In fact-table order. */
  valueColumns: ViewValueColumn[];
  lifecycle: ViewLifecycle | undefined;
  references: ViewReference[];
  /** Schema files the views come from (for the do-not-edit header). */
  sources: string[];
  /** The entity's description, for the views' comments and README. */
  description: string | undefined;
}

/**
 * The views of every entity.
 *
 * @example
 * const { model, problems } = buildViewsModel(catalog, warehouseModel);
 */
export interface ViewsModel {
  schema: string | undefined;
  entities: EntityViews[];
}
