// generated/stream-settings.json: per entity, the delivery stream, its S3 prefixes, buffering, compression, Lambda
// processor hints and Firehose's Redshift CopyCommand. Read by @factline/local, infra and the producer routing.
import { deliveryStreamName, type Catalog } from '@factline/catalog';
import type { StreamSettings, StreamSettingsFile } from '@factline/stream-settings';
import { headerLines } from '../header.js';
import { jsonPathsKey } from './constants.js';
import { copyOptions, dataTableColumns } from './copy.js';
import { qualifiedName } from './identifiers.js';
import type { WarehouseModel } from './types.js';

/**
 * The stream settings of every entity, from the catalog's config and the warehouse model (whose column order the
 * CopyCommand follows).
 *
 * @example
 * const settings = buildStreamSettings(catalog, plan.model);
 */
export function buildStreamSettings(catalog: Catalog, model: WarehouseModel): StreamSettingsFile {
  const { streams: config, warehouse } = catalog.config;
  const tables = new Map(model.tables.map((t) => [t.entity, t]));
  const streams: StreamSettings[] = [];
  for (const entity of catalog.entities) {
    const table = tables.get(entity.name);
    if (table === undefined) continue;
    streams.push({
      entity: entity.name,
      deliveryStreamName: deliveryStreamName(entity.name, catalog.config),
      eventTypes: [...new Set(entity.events.map((e) => e.type))].sort(),
      s3: {
        prefix: `facts/${entity.name}/`,
        processingFailedPrefix: `facts/${entity.name}/processing-failed/`,
        bufferingHints: { ...config.bufferingHints },
        compressionFormat: config.compressionFormat,
      },
      sourceBackup: {
        prefix: `raw/${entity.name}/`,
        errorOutputPrefix: `raw-errors/${entity.name}/!{firehose:error-output-type}/`,
        bufferingHints: { ...config.bufferingHints },
        compressionFormat: config.compressionFormat,
      },
      processor: { ...config.processor },
      redshift: {
        table: { schema: warehouse.schema, name: table.name },
        jsonPathsKey: jsonPathsKey(table.name),
        copyCommand: {
          dataTableName: qualifiedName(warehouse.schema, table.name, 'redshift'),
          dataTableColumns: dataTableColumns(table),
          copyOptions: copyOptions(table, config.compressionFormat),
        },
        retryDurationInSeconds: config.redshiftRetryDurationInSeconds,
      },
    });
  }
  return { formatVersion: 1, generatedBy: headerLines(['schemas/', 'factline.config.json']).join(' '), warehouse: { schema: warehouse.schema }, streams };
}

/** The file text: two-space JSON with a final newline. */
export function printStreamSettings(settings: StreamSettingsFile): string {
  return `${JSON.stringify(settings, null, 2)}\n`;
}
