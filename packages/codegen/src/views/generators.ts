// The views generator `factline generate` runs: per entity and dialect, the history and current views, the as-of
// query, and (DuckDB) the as-of table macro; and generated/views/README.md.
import type { GeneratedFile, Generator } from '../generator.js';
import { WarehouseDialect } from '../warehouse/types.js';
import { viewsForGeneration } from './check-views.js';
import { viewPaths } from './constants.js';
import { printAsOfMacro, printAsOfQuery, printCurrentView, printHistoryView } from './print-views.js';
import { printViewsReadme } from './readme.js';
import type { ViewsModel } from './types.js';

/**
 * The files of the generated views, as `viewsGenerator` writes them.
 *
 * @example
 * const files = printViewFiles(model); // generated/views/duckdb/accommodation_current.sql, …
 */
export function printViewFiles(model: ViewsModel): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  for (const dialect of Object.values(WarehouseDialect)) {
    const folder = `${viewPaths.root}/${dialect}`;
    for (const views of model.entities) {
      files.push({ path: `${folder}/${views.names.history}.sql`, content: printHistoryView(views, dialect) });
      files.push({ path: `${folder}/${views.names.current}.sql`, content: printCurrentView(views, dialect) });
      files.push({ path: `${folder}/queries/${views.names.asOf}.sql`, content: printAsOfQuery(views, dialect) });
      if (dialect === 'duckdb') files.push({ path: `${folder}/${views.names.asOf}.sql`, content: printAsOfMacro(views) });
    }
  }
  files.push({ path: viewPaths.readme, content: printViewsReadme(model) });
  return files;
}

/**
 * `generated/views/<dialect>/…`: the `<entity>_current` and `<entity>_history` views of every entity (late-binding on
 * Redshift), the as-of queries and DuckDB macros, and their README.
 *
 * @example
 * const { files } = await generateAll(root, { generators: [viewsGenerator] });
 */
export const viewsGenerator: Generator = {
  name: 'views',
  description: 'current-state and history views of every entity, as-of queries, for Redshift and DuckDB',
  owns: [viewPaths.root],
  async generate(context) {
    return printViewFiles(await viewsForGeneration(context));
  },
};
