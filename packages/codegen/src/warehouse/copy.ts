// The COPY that loads a fact table: Firehose's CopyCommand parts (table, column list, options) and the full
// statement for a manual backfill.
import { bucketNamePlaceholder, type CompressionFormat } from '@factline/stream-settings';
import { jsonPathsKey } from './constants.js';
import { qualifiedName, quoteIdentifier } from './identifiers.js';
import type { WarehouseTable } from './types.js';

/**
 * COPY options: the table's JSONPaths file, ISO 8601 timestamps (`TIMEFORMAT 'auto'` reads `…T10:00:00.000Z`), and
 * GZIP when the stream compresses. Nothing that hides bad data: no TRUNCATECOLUMNS (a too-long value fails the load
 * instead of being cut), no ACCEPTINVCHARS, no MAXERROR (default 0).
 *
 * @example
 * copyOptions(table, 'GZIP'); // "JSON 's3://${BucketName}/jsonpaths/booking_facts.json' TIMEFORMAT 'auto' GZIP"
 */
export function copyOptions(table: WarehouseTable, compression: CompressionFormat): string {
  return `JSON 's3://${bucketNamePlaceholder}/${jsonPathsKey(table.name)}' TIMEFORMAT 'auto'${compression === 'GZIP' ? ' GZIP' : ''}`;
}

/**
 * Firehose's DataTableColumns: every column in table order, comma-separated, quoted where Redshift needs it.
 *
 * @example
 * dataTableColumns(table); // 'fact_id,entity_id,fact_type,…,"timestamp"'
 */
export function dataTableColumns(table: WarehouseTable): string {
  return table.columns.map((c) => quoteIdentifier(c.name, 'redshift')).join(',');
}

/** Placeholders of the backfill statement that only the person running it knows. */
export const copyPlaceholders = { manifestKey: '${ManifestKey}', iamRoleArn: '${IamRoleArn}' } as const;

/**
 * The COPY statement Firehose runs for a table, written out for a manual load or backfill from a manifest. A prefix
 * would not do: `facts/<entity>/` also holds `processing-failed/` records.
 *
 * @example
 * printCopyStatement('factline', table, 'GZIP'); // "COPY factline.booking_facts (\n    fact_id,\n …\nMANIFEST\nJSON '…' TIMEFORMAT 'auto' GZIP;"
 */
export function printCopyStatement(schema: string | undefined, table: WarehouseTable, compression: CompressionFormat): string {
  const columns = table.columns.map((c) => `    ${quoteIdentifier(c.name, 'redshift')}`).join(',\n');
  return [
    `COPY ${qualifiedName(schema, table.name, 'redshift')} (`,
    columns,
    ')',
    `FROM 's3://${bucketNamePlaceholder}/${copyPlaceholders.manifestKey}'`,
    `IAM_ROLE '${copyPlaceholders.iamRoleArn}'`,
    'MANIFEST',
    `${copyOptions(table, compression)};`,
  ].join('\n');
}
