// The tests every generated view gets: an entity appears once in `<entity>_current` and has an id, every fact appears
// once in `<entity>_history`, and every relationship fact points at an entity that exists.
import { qualifiedName } from '../warehouse/identifiers.js';
import type { WarehouseDialect } from '../warehouse/types.js';
import type { CompiledTest, ViewTestSpec } from './analysts/types.js';
import { testQueries } from './analysts/compile.js';
import { viewColumns, viewPaths } from './constants.js';
import type { ViewsModel } from './types.js';

/**
 * The tests of the generated views, as queries returning the rows that break them.
 *
 * @example
 * const tests = generatedViewTests(model, 'duckdb'); // accommodation_current: unique(entity_id), …
 */
export function generatedViewTests(model: ViewsModel, dialect: WarehouseDialect): CompiledTest[] {
  const tests: CompiledTest[] = [];
  for (const views of model.entities) {
    const add = (view: string, spec: ViewTestSpec) => {
      const name = qualifiedName(views.schema, view, dialect);
      for (const { label, sql } of testQueries(spec, name, dialect)) tests.push({ name: `${view}: ${label}`, view: name, sql, source: `${viewPaths.root}/${dialect}/${view}.sql` });
    };
    add(views.names.current, { kind: 'not_null', columns: ['entity_id', viewColumns.firstOccurredAt], line: 0 });
    add(views.names.current, { kind: 'unique', columns: ['entity_id'], line: 0 });
    add(views.names.history, { kind: 'unique', columns: ['fact_id'], line: 0 });
    add(views.names.history, { kind: 'expression_is_true', expression: `${viewColumns.validTo} IS NULL OR ${viewColumns.validTo} >= ${viewColumns.validFrom}`, line: 0 });
    for (const reference of views.references) {
      const to = model.entities.find((e) => e.entity === reference.entity);
      if (to === undefined) continue;
      add(views.names.history, { kind: 'relationships', column: reference.column, to: to.schema === undefined ? to.names.history : `${to.schema}.${to.names.history}`, field: 'entity_id', line: 0 });
    }
  }
  return tests;
}

/**
 * The qualified names analysts' views may read besides each other: the fact tables and the generated views.
 *
 * @example
 * const folder = await loadViewsFolder(root, { dialect: 'duckdb', schema: 'factline', known: knownWarehouseObjects(model) });
 */
export function knownWarehouseObjects(model: ViewsModel): string[] {
  const qualify = (name: string) => (model.schema === undefined ? name : `${model.schema}.${name}`);
  return model.entities.flatMap((e) => [e.factTable, e.names.current, e.names.history, e.names.asOf].map(qualify)).sort();
}
