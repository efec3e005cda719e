// The project as it was at the base commit: schemas/, factline.config.json and generated/warehouse-state.json read
// from git into a temporary folder and loaded as a catalog, exactly as `factline check` loads the working tree.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { configFileName, loadCatalog, type LoadCatalogResult } from '@factline/catalog';
import { warehousePaths } from '@factline/codegen';
import type { GitCommit, GitRepository, TreeEntry } from './git.js';

/** The folder every schema lives in, relative to the project root. @example path.join(root, schemasFolder) */
export const schemasFolder = 'schemas';

/** The project at the base commit. @example const { loaded, warehouseState } = await loadBaseSnapshot(repository, commit); */
export interface BaseSnapshot {
  commit: GitCommit;
  /** The base catalog and its problems (a base can be broken; it is compared as far as it loads). */
  loaded: LoadCatalogResult;
  /** Every file under schemas/ at the base, with its blob (for the history walk). */
  schemaTree: TreeEntry[];
  /** The text of generated/warehouse-state.json at the base; undefined when it had none. */
  warehouseState: string | undefined;
}

/**
 * Reads the base's files into a temporary folder, loads them, and removes the folder again.
 *
 * @example
 * const base = await loadBaseSnapshot(repository, await repository.resolveCommit('HEAD~1'));
 */
export async function loadBaseSnapshot(repository: GitRepository, commit: GitCommit): Promise<BaseSnapshot> {
  const entries = await repository.listTree(commit.sha, [schemasFolder, configFileName, warehousePaths.state]);
  const texts = await repository.readBlobs(entries.map((entry) => entry.blob));
  const folder = await mkdtemp(path.join(tmpdir(), 'factline-base-'));
  try {
    for (const entry of entries) {
      const target = path.join(folder, ...entry.path.split('/'));
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, texts.get(entry.blob)!);
    }
    // A base from before the first schema still loads: as an empty catalog with a "no schemas/ folder" problem.
    const loaded = await loadCatalog(folder);
    const stateEntry = entries.find((entry) => entry.path === warehousePaths.state);
    return {
      commit,
      loaded,
      schemaTree: entries.filter((entry) => entry.path.startsWith(`${schemasFolder}/`)),
      warehouseState: stateEntry === undefined ? undefined : texts.get(stateEntry.blob),
    };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
