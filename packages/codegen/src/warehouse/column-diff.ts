// What Redshift can do in place when a column's definition changes: nothing, widen a VARCHAR, or nothing at all
// (then the change is refused, with the reason).
import { jsonPathExpression } from './jsonpaths.js';
import { sameType, sqlTypeName } from './type-names.js';
import type { LogicalType, WarehouseColumn } from './types.js';

/**
 * What can happen to a changed column in place.
 *
 * @example
 * const verdict: ColumnVerdict = compareColumn(before, after);
 */
export type ColumnVerdict = { kind: 'same' } | { kind: 'widen' } | { kind: 'refuse'; reason: string };

const integerRank: Partial<Record<LogicalType['kind'], number>> = { smallint: 1, integer: 2, bigint: 3 };

function isNarrower(to: LogicalType, from: LogicalType): boolean {
  if ((to.kind === 'varchar' || to.kind === 'char') && to.kind === from.kind) return to.bytes < from.bytes;
  const a = integerRank[to.kind];
  const b = integerRank[from.kind];
  if (a !== undefined && b !== undefined) return a < b;
  if (to.kind === 'decimal' && from.kind === 'decimal') return to.precision - to.scale < from.precision - from.scale || to.scale < from.scale;
  return false;
}

/**
 * Compares the column in the warehouse (`from`, the committed state) with the column the schemas now describe.
 *
 * @example
 * compareColumn({ ...title, type: { kind: 'varchar', bytes: 480 } }, { ...title, type: { kind: 'varchar', bytes: 800 } }); // { kind: 'widen' }
 */
export function compareColumn(from: WarehouseColumn, to: WarehouseColumn): ColumnVerdict {
  const was = sqlTypeName(from.type, 'redshift');
  const becomes = sqlTypeName(to.type, 'redshift');
  if (from.jsonPath.join('\u0000') !== to.jsonPath.join('\u0000')) {
    return {
      kind: 'refuse',
      reason: `is loaded from ${jsonPathExpression(from.jsonPath)} and would now be loaded from ${jsonPathExpression(to.jsonPath)}, mixing two properties in one column (and a recompute from the master dataset would lose the old one)`,
    };
  }
  if (from.nullable && !to.nullable) return { kind: 'refuse', reason: 'would become NOT NULL, but rows already loaded may hold NULL' };
  if (!from.nullable && to.nullable) return { kind: 'refuse', reason: 'is NOT NULL in the warehouse and would now admit NULL; Redshift cannot drop NOT NULL in place, so loading a NULL would fail' };
  if (sameType(from.type, to.type)) return { kind: 'same' };
  if (from.type.kind === 'varchar' && to.type.kind === 'varchar' && to.type.bytes > from.type.bytes) return { kind: 'widen' };
  if (isNarrower(to.type, from.type)) return { kind: 'refuse', reason: `would narrow from ${was} to ${becomes}; Redshift cannot narrow a column, and rows already loaded may not fit` };
  return { kind: 'refuse', reason: `would change type from ${was} to ${becomes}; Redshift can change a column in place only by widening a VARCHAR` };
}
