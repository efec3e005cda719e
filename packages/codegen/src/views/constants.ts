// Names the generated views, their extra columns and their files use, in one place.

/**
 * Where the views generator writes, relative to the project root.
 *
 * @example
 * const folder = `${viewPaths.root}/${warehouse.dialect}`; // generated/views/duckdb
 */
export const viewPaths = {
  root: 'generated/views',
  readme: 'generated/views/README.md',
} as const;

/**
 * The columns the generated views add to the value columns of the fact table. A value column with one of these names
 * would be ambiguous, so `checkViews` refuses it (`views-column-collision`).
 *
 * @example
 * const asOf = `select * from factline.booking_history where ${viewColumns.validFrom} <= :t`;
 */
export const viewColumns = {
  /** `<entity>_history`: when the value started to hold (the fact's `occurred_at`). */
  validFrom: 'valid_from',
  /** `<entity>_history`: when the next value of the same fact replaced it; NULL while it holds. */
  validTo: 'valid_to',
  /** `<entity>_current`, entities with a lifecycle: false while the lifecycle fact has an inactive value. */
  isActive: 'is_active',
  /** `<entity>_current`: the earliest `occurred_at` of the entity's facts. */
  firstOccurredAt: 'first_occurred_at',
  /** `<entity>_current`: the latest `occurred_at` of the entity's facts. */
  lastOccurredAt: 'last_occurred_at',
} as const;

/**
 * The suffixes of the objects generated per entity.
 *
 * @example
 * const name = `${entity}${viewSuffixes.current}`; // accommodation_current
 */
export const viewSuffixes = {
  current: '_current',
  history: '_history',
  /** The DuckDB table macro and the parameterised query files. */
  asOf: '_as_of',
} as const;

/**
 * The `:name` parameters of the generated as-of queries (the Data API's syntax, for both engines).
 *
 * @example
 * await warehouse.query(asOfSql, { [asOfParameters.asOf]: new Date('2026-02-01T00:00:00Z'), [asOfParameters.knownAt]: new Date() });
 */
export const asOfParameters = {
  /** Valid time: the moment in the domain whose state is wanted. */
  asOf: 'as_of',
  /** Recorded time: only facts recorded (delivered or re-derived) at or before this moment count. */
  knownAt: 'known_at',
} as const;

/** The directive lines of a generated view file, read back by `@factline/warehouse` when it deploys the file. */
export const viewFileDirectives = {
  /** `-- factline:view <schema.name> <kind>` */
  view: 'factline:view',
  /** `-- factline:depends <schema.name> …` */
  depends: 'factline:depends',
} as const;
