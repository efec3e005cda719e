// The views model of a catalog: built from the planned warehouse model (so the columns are the fact tables' columns,
// in their committed order), plus every problem that would make a view ambiguous or unnamed.
import type { Catalog, Problem } from '@factline/catalog';
import { redshiftLimits } from '../warehouse/constants.js';
import { utf8Bytes } from '../warehouse/string-types.js';
import type { WarehouseModel, WarehouseTable } from '../warehouse/types.js';
import { viewColumns, viewSuffixes } from './constants.js';
import type { EntityViews, ViewReference, ViewValueColumn, ViewsModel } from './types.js';

const reservedColumns: ReadonlySet<string> = new Set(Object.values(viewColumns));

const error = (file: string, pointer: string, rule: string, message: string): Problem => ({ file, pointer, rule, severity: 'error', message });

function valueColumns(table: WarehouseTable): ViewValueColumn[] {
  return table.columns.flatMap((column) =>
    column.origin.kind === 'value' ? [{ name: column.name, type: column.type, fact: column.origin.fact, version: column.origin.version, comment: column.comment }] : [],
  );
}

/**
 * Builds the views of every entity that has a fact table, and collects the problems: a value column named like a
 * column the views add (`views-column-collision`), a view name longer than Redshift allows (`views-identifier-length`).
 *
 * @example
 * const plan = planWarehouse(catalog, state);
 * const { model, problems } = buildViewsModel(catalog, plan.model);
 */
export function buildViewsModel(catalog: Catalog, warehouse: WarehouseModel): { model: ViewsModel; problems: Problem[] } {
  const problems: Problem[] = [];
  const entities: EntityViews[] = [];
  for (const entity of catalog.entities) {
    const table = warehouse.tables.find((t) => t.entity === entity.name);
    if (table === undefined) continue;
    const columns = valueColumns(table);
    for (const column of columns.filter((c) => reservedColumns.has(c.name))) {
      const fact = entity.facts.find((f) => f.type === column.fact && f.version === column.version);
      problems.push(
        error(fact?.document.file ?? entity.document.file, '', 'views-column-collision', `the column "${column.name}" of ${table.name} (${column.fact} v${column.version}) has the name of a column the generated views add; rename the fact or its property`),
      );
    }
    const names = { current: `${entity.name}${viewSuffixes.current}`, history: `${entity.name}${viewSuffixes.history}`, asOf: `${entity.name}${viewSuffixes.asOf}` };
    for (const name of Object.values(names).filter((n) => utf8Bytes(n) > redshiftLimits.identifierMaxBytes)) {
      problems.push(error(entity.document.file, '', 'views-identifier-length', `the view name "${name}" has more than ${redshiftLimits.identifierMaxBytes} bytes; shorten the entity name`));
    }
    const lifecycle = entity.lifecycle === undefined ? undefined : { ...entity.lifecycle, columns: columns.filter((c) => c.fact === entity.lifecycle?.fact).map((c) => c.name) };
    const references: ViewReference[] = [];
    for (const fact of entity.facts.filter((f) => f.references !== undefined)) {
      const own = columns.filter((c) => c.fact === fact.type && c.version === fact.version);
      // A reference is one scalar id; an object-valued fact cannot be joined on one column.
      if (own.length === 1) references.push({ column: own[0]!.name, fact: fact.type, entity: fact.references! });
    }
    entities.push({
      entity: entity.name,
      schema: warehouse.schema,
      factTable: table.name,
      names,
      valueColumns: columns,
      lifecycle: lifecycle !== undefined && lifecycle.columns.length > 0 ? lifecycle : undefined,
      references,
      sources: table.sources,
      description: entity.document.description ?? entity.document.title,
    });
  }
  return { model: { schema: warehouse.schema, entities }, problems };
}
