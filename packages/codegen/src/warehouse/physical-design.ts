// Physical design of a fact table in Redshift: distribution, sort key and per-column compression.
import type { ColumnEncoding, LogicalType } from './types.js';

/** Facts of one entity live on one slice: joins and windows over an entity's facts need no redistribution. */
export const factDistKey = 'entity_id';

/**
 * Time first: analysts and views filter on when things happened, and Firehose appends in (nearly) that order, so
 * the unsorted region stays small. `entity_id` second keeps the facts of one event (same instant, same entity)
 * together and matches the distribution key.
 */
export const factSortKey: readonly string[] = ['occurred_at', 'entity_id'];

/**
 * The compression of a column. The leading sort key column stays RAW (AWS: a sort key compressed much more than the
 * other columns makes range-restricted scans read more blocks). Numbers and times take AZ64; everything else ZSTD,
 * which compresses the long NULL runs of a sparse fact table and, unlike BYTEDICT, RUNLENGTH, TEXT255 and TEXT32K,
 * still lets Redshift widen a VARCHAR in place.
 */
export function encodingFor(type: LogicalType, leadingSortKey: boolean): ColumnEncoding {
  if (leadingSortKey) return 'raw';
  switch (type.kind) {
    case 'smallint':
    case 'integer':
    case 'bigint':
    case 'decimal':
    case 'date':
    case 'timestamptz':
      return 'az64';
    default:
      return 'zstd';
  }
}
