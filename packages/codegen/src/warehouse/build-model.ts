// The warehouse model of a catalog, as the schemas alone describe it (before the committed state fixes the order of
// existing columns), plus every problem that makes it unusable.
import { deliveryStreamName, deliveryStreamNamePattern, type Catalog, type Problem } from '@factline/catalog';
import { redshiftLimits } from './constants.js';
import { buildFactTable } from './fact-table.js';
import { typeNameMaxBytes } from './shared-columns.js';
import { utf8Bytes } from './string-types.js';
import type { WarehouseModel, WarehouseTable } from './types.js';

const error = (file: string, pointer: string, rule: string, message: string): Problem => ({ file, pointer, rule, severity: 'error', message });

/** Limits that hold for any table, fact or generic: identifier lengths and the column count. */
export function tableLimitProblems(table: WarehouseTable, file: string): Problem[] {
  const problems: Problem[] = [];
  if (utf8Bytes(table.name) > redshiftLimits.identifierMaxBytes) {
    problems.push(error(file, '', 'warehouse-identifier-length', `the table name "${table.name}" has more than ${redshiftLimits.identifierMaxBytes} bytes; shorten the name`));
  }
  for (const column of table.columns) {
    if (utf8Bytes(column.name) <= redshiftLimits.identifierMaxBytes) continue;
    const where = column.origin.kind === 'shared' ? { file, pointer: '' } : column.origin;
    problems.push(error(where.file, where.pointer, 'warehouse-identifier-length', `the column name "${column.name}" has ${utf8Bytes(column.name)} bytes, more than Redshift's ${redshiftLimits.identifierMaxBytes}; shorten the property names on its path`));
  }
  if (table.columns.length > redshiftLimits.maxColumns) {
    problems.push(error(file, '', 'warehouse-column-count', `${table.name} would have ${table.columns.length} columns, more than Redshift's ${redshiftLimits.maxColumns}; split the entity or keep large objects as one JSON value (an object without "properties")`));
  }
  return problems;
}

function entityProblems(catalog: Catalog): Problem[] {
  const problems: Problem[] = [];
  for (const entity of catalog.entities) {
    const stream = deliveryStreamName(entity.name, catalog.config);
    if (!deliveryStreamNamePattern.test(stream)) {
      problems.push(error(entity.document.file, '', 'warehouse-stream-name', `the delivery stream name "${stream}" (${stream.length} characters) does not fit Firehose's ^[a-zA-Z0-9_.-]{1,64}$; shorten the entity name or streams.namePrefix`));
    }
    for (const item of [...entity.facts, ...entity.events]) {
      if (utf8Bytes(item.type) > typeNameMaxBytes) {
        problems.push(error(item.document.file, '', 'warehouse-type-name-length', `"${item.type}" is longer than ${typeNameMaxBytes} bytes, the width of the fact_type and event_type columns; shorten the name`));
      }
    }
  }
  return problems;
}

/**
 * Builds the fact tables of every entity, in catalog order, and collects every warehouse problem.
 *
 * @example
 * const { model, problems } = buildWarehouseModel(catalog);
 */
export function buildWarehouseModel(catalog: Catalog): { model: WarehouseModel; problems: Problem[] } {
  const problems: Problem[] = [];
  const tables = catalog.entities.map((entity) => {
    const table = buildFactTable(entity, problems);
    problems.push(...tableLimitProblems(table, entity.document.file));
    return table;
  });
  problems.push(...entityProblems(catalog));
  return { model: { schema: catalog.config.warehouse.schema, tables }, problems };
}
