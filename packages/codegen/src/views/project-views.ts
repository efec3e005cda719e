// Everything `factline views` needs from a project, for one dialect: the views model (from the schemas and the
// committed warehouse state), the analysts' folder checked against it, and every test as a query.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Catalog } from '@factline/catalog';
import type { WarehouseDialect } from '../warehouse/types.js';
import { compileViewsFolder } from './analysts/compile.js';
import { loadViewsFolder } from './analysts/load-folder.js';
import type { CompiledTest, CompiledView, ViewsFolder } from './analysts/types.js';
import { viewsForGeneration } from './check-views.js';
import { generatedViewTests, knownWarehouseObjects } from './generated-tests.js';
import type { ViewsModel } from './types.js';

/**
 * The views of a project for one dialect.
 *
 * @example
 * const project = await loadProjectViews(catalog, { dialect: 'duckdb' });
 * if (!project.folder.ok) console.error(project.folder.issues);
 */
export interface ProjectViews {
  model: ViewsModel;
  /** The analysts' folder as read and checked (its `issues`; `ok` false when one is an error). */
  folder: ViewsFolder;
  /** The analysts' views, compiled, in deployment order (deploy them after the generated views). */
  analystViews: CompiledView[];
  /** The tests of the generated views, then the analysts' tests. */
  tests: CompiledTest[];
}

/**
 * Loads the views of a project: the model of the generated views (throws `CodegenError` when the schemas cannot be
 * generated), and the analysts' folder (default `views/`), whose problems are returned as issues.
 *
 * @example
 * const { catalog } = await loadCatalog(root);
 * const { analystViews, tests } = await loadProjectViews(catalog, { dialect: warehouse.dialect });
 */
export async function loadProjectViews(catalog: Catalog, options: { dialect: WarehouseDialect; folder?: string }): Promise<ProjectViews> {
  const readExisting = async (relative: string) => readFile(path.join(catalog.root, relative), 'utf8').catch(() => undefined);
  const model = await viewsForGeneration({ catalog, readExisting });
  const schema = catalog.config.warehouse.schema;
  const folder = await loadViewsFolder(catalog.root, { dialect: options.dialect, schema, known: knownWarehouseObjects(model), ...(options.folder === undefined ? {} : { folder: options.folder }) });
  const compiled = compileViewsFolder(folder);
  return { model, folder, analystViews: compiled.views, tests: [...generatedViewTests(model, options.dialect), ...compiled.tests] };
}
