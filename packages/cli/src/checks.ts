// The checks `factline check` runs after the catalog's own: contributed by the packages that read the catalog.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { checkViews, checkWarehouse, warehousePaths } from '@factline/codegen';
import type { CatalogCheck } from './commands/check.js';

/** Column collisions, names Redshift cannot hold, and schema changes the committed warehouse cannot follow. */
export const warehouseCheck: CatalogCheck = async (catalog) => {
  const previousState = await readFile(path.join(catalog.root, warehousePaths.state), 'utf8').catch(() => undefined);
  return checkWarehouse(catalog, { previousState });
};

/** Value columns named like the columns the generated views add; view names Redshift cannot hold. */
export const viewsCheck: CatalogCheck = async (catalog) => {
  const previousState = await readFile(path.join(catalog.root, warehousePaths.state), 'utf8').catch(() => undefined);
  return checkViews(catalog, { previousState });
};

export const defaultChecks: readonly CatalogCheck[] = [warehouseCheck, viewsCheck];
