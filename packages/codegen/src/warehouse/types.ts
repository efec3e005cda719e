// The warehouse model: tables, columns, logical types and physical design, built once from the catalog and printed
// by one pure printer per output (Redshift DDL, DuckDB DDL, JSONPaths, COPY, stream settings, migrations).

/**
 * The two SQL dialects factline prints: Amazon Redshift, and DuckDB for the local warehouse.
 *
 * @example
 * generateGenericDdl({ text, file, dialect: WarehouseDialect.duckdb });
 */
export const WarehouseDialect = { redshift: 'redshift', duckdb: 'duckdb' } as const;
export type WarehouseDialect = (typeof WarehouseDialect)[keyof typeof WarehouseDialect];

/**
 * A column type, independent of the dialect. Lengths are in bytes (Redshift counts VARCHAR and CHAR in bytes);
 * `json` is Redshift SUPER and DuckDB JSON.
 *
 * @example
 * const money: LogicalType = { kind: 'decimal', precision: 12, scale: 2 };
 */
export type LogicalType =
  | { kind: 'varchar'; bytes: number }
  | { kind: 'char'; bytes: number }
  | { kind: 'smallint' }
  | { kind: 'integer' }
  | { kind: 'bigint' }
  | { kind: 'decimal'; precision: number; scale: number }
  | { kind: 'double' }
  | { kind: 'boolean' }
  | { kind: 'date' }
  | { kind: 'timestamptz' }
  | { kind: 'json' };

/**
 * Redshift compression encodings factline uses (all of them allow `ALTER COLUMN … TYPE` widening).
 *
 * @example
 * const encoding: ColumnEncoding = 'zstd';
 */
export const ColumnEncoding = { raw: 'raw', az64: 'az64', zstd: 'zstd' } as const;
export type ColumnEncoding = (typeof ColumnEncoding)[keyof typeof ColumnEncoding];

/**
 * Where a column comes from: a shared fact column, a fact value, or a property of a generic schema.
 *
 * @example
 * if (column.origin.kind === 'value') console.log(column.origin.file, column.origin.pointer);
 */
export type ColumnOrigin =
  | { kind: 'shared' }
  | {
      kind: 'value';
      /** Fact type and version, `accommodation.nightly_price`, 1. */
      fact: string;
      version: number;
      /** The fact schema file and the JSON Pointer of the property in its resolved schema. */
      file: string;
      pointer: string;
      /** Whether the value is set on every row of this fact (required at every level and never null). */
      requiredInFact: boolean;
    }
  | { kind: 'property'; file: string; pointer: string };

/**
 * One column of a warehouse table.
 *
 * @example
 * const names = table.columns.map((c: WarehouseColumn) => c.name);
 */
export interface WarehouseColumn {
  /** snake_case, collision-free within its table. */
  name: string;
  type: LogicalType;
  nullable: boolean;
  /** Redshift only. */
  encoding: ColumnEncoding;
  /** The keys from the root of a loaded JSON record to the value (`['nightly_price', 'amountMinor']`); empty = the record. */
  jsonPath: readonly string[];
  comment: string;
  origin: ColumnOrigin;
}

/**
 * One table: a fact table of an entity, or the table of a generic schema.
 *
 * @example
 * const factTables = model.tables.filter((t: WarehouseTable) => t.entity !== undefined);
 */
export interface WarehouseTable {
  name: string;
  /** The entity of a fact table; undefined for a table made from a generic schema. */
  entity: string | undefined;
  comment: string;
  /** In table order: COPY and JSONPaths map by position, so new columns are only ever appended. */
  columns: WarehouseColumn[];
  distKey: string | undefined;
  /** Compound sort key, leading column first; empty = Redshift's AUTO. */
  sortKey: string[];
  /** Schema files the table is generated from (for the do-not-edit header). */
  sources: string[];
}

/**
 * Every table of the warehouse, in the warehouse schema.
 *
 * @example
 * const { model } = buildWarehouseModel(catalog);
 */
export interface WarehouseModel {
  /** The warehouse schema (namespace); undefined prints unqualified names. */
  schema: string | undefined;
  tables: WarehouseTable[];
}
