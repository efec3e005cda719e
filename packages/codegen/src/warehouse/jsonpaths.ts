// JSONPaths files: `{"jsonpaths": [...]}`, one expression per column in table order. Always bracket notation
// (`$['nightly_price']['amountMinor']`): it addresses any key, where dot notation cannot hold `.`, `[` or `]`, and
// Redshift forbids mixing the two notations in one file.
import type { WarehouseTable } from './types.js';

/**
 * The JSONPath expression of a key path; the empty path is the whole record (`$`).
 *
 * @example
 * jsonPathExpression(['nightly_price', 'amountMinor']); // "$['nightly_price']['amountMinor']"
 */
export function jsonPathExpression(path: readonly string[]): string {
  return `$${path.map((key) => `['${key}']`).join('')}`;
}

/** The expressions of a table, in column order. */
export function jsonPathsOf(table: WarehouseTable): string[] {
  return table.columns.map((c) => jsonPathExpression(c.jsonPath));
}

/**
 * The JSONPaths file of a table. COPY reads it literally: it holds the one `jsonpaths` key and nothing else, so it
 * carries no do-not-edit header (generated/README.md says so).
 *
 * @example
 * printJsonPaths(table); // '{\n  "jsonpaths": [\n    "$[\'fact_id\']",\n …'
 */
export function printJsonPaths(table: WarehouseTable): string {
  return `${JSON.stringify({ jsonpaths: jsonPathsOf(table) }, null, 2)}\n`;
}
