// Runs every registered generator over the catalog, writes the result, and finds stale files.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatProblem, hasErrors, loadCatalog, type Catalog } from '@factline/catalog';
import { CodegenError, CodegenErrorCode } from './errors.js';
import type { GeneratedFile, Generator } from './generator.js';
import { generators as registeredGenerators } from './registry.js';

export interface GenerateOptions {
  /** Defaults to every registered generator. */
  generators?: readonly Generator[];
}

export interface GenerateResult {
  catalog: Catalog;
  files: GeneratedFile[];
  /** Folders whose whole content the generators own. */
  ownedFolders: string[];
}

/**
 * Loads the catalog and runs every generator. Refuses (CodegenError CATALOG_HAS_ERRORS, with the problems) when the
 * schemas have errors: nothing is generated from schemas that `factline check` rejects.
 *
 * @example
 * const { files } = await generateAll(process.cwd());
 * await writeGeneratedFiles(process.cwd(), result);
 */
export async function generateAll(root: string, options: GenerateOptions = {}): Promise<GenerateResult> {
  const { catalog, problems } = await loadCatalog(root);
  if (hasErrors(problems)) {
    const errors = problems.filter((p) => p.severity === 'error');
    throw new CodegenError(CodegenErrorCode.catalogHasErrors, `the schemas have ${errors.length} error(s); fix them first (pnpm factline check):\n${errors.map(formatProblem).join('\n')}`, problems);
  }
  return generateFromCatalog(catalog, options);
}

export async function generateFromCatalog(catalog: Catalog, options: GenerateOptions = {}): Promise<GenerateResult> {
  const generators = options.generators ?? registeredGenerators;
  const readExisting = async (relative: string) => {
    try {
      return await readFile(path.join(catalog.root, relative), 'utf8');
    } catch {
      return undefined;
    }
  };
  const files: GeneratedFile[] = [];
  const seen = new Map<string, string>();
  for (const generator of generators) {
    let produced: GeneratedFile[];
    try {
      produced = await generator.generate({ catalog, readExisting });
    } catch (error) {
      if (error instanceof CodegenError) throw error;
      throw new CodegenError(CodegenErrorCode.generatorFailed, `the ${generator.name} generator failed: ${(error as Error).message}`, [], { cause: error });
    }
    for (const file of produced) {
      const other = seen.get(file.path);
      if (other !== undefined) throw new CodegenError(CodegenErrorCode.generatorFailed, `${file.path} is produced by both the ${other} and the ${generator.name} generators`);
      seen.set(file.path, generator.name);
      files.push(file);
    }
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { catalog, files, ownedFolders: [...new Set(generators.flatMap((g) => g.owns))].sort() };
}

export interface StaleFile {
  path: string;
  reason: 'missing' | 'changed' | 'extra';
}

/** Compares generated output with the files on disk; an empty list means everything is up to date. */
export async function findStaleFiles(root: string, result: Pick<GenerateResult, 'files' | 'ownedFolders'>): Promise<StaleFile[]> {
  const stale: StaleFile[] = [];
  const expected = new Set(result.files.map((f) => f.path));
  for (const file of result.files) {
    let current: string | undefined;
    try {
      current = await readFile(path.join(root, file.path), 'utf8');
    } catch {
      current = undefined;
    }
    if (current === undefined) stale.push({ path: file.path, reason: 'missing' });
    else if (current !== file.content) stale.push({ path: file.path, reason: 'changed' });
  }
  for (const existing of await listOwnedFiles(root, result.ownedFolders)) {
    if (!expected.has(existing)) stale.push({ path: existing, reason: 'extra' });
  }
  return stale.sort((a, b) => (a.path < b.path ? -1 : 1));
}

export interface WriteResult {
  written: string[];
  deleted: string[];
  unchanged: number;
}

/** Writes what changed and deletes files in owned folders that are no longer generated. */
export async function writeGeneratedFiles(root: string, result: Pick<GenerateResult, 'files' | 'ownedFolders'>): Promise<WriteResult> {
  const stale = await findStaleFiles(root, result);
  const contents = new Map(result.files.map((f) => [f.path, f.content]));
  const written: string[] = [];
  const deleted: string[] = [];
  for (const file of stale) {
    const absolute = path.join(root, file.path);
    if (file.reason === 'extra') {
      await rm(absolute);
      deleted.push(file.path);
    } else {
      await mkdir(path.dirname(absolute), { recursive: true });
      await writeFile(absolute, contents.get(file.path)!);
      written.push(file.path);
    }
  }
  return { written, deleted, unchanged: result.files.length - written.length };
}

async function listOwnedFiles(root: string, folders: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const folder of folders) {
    let entries;
    try {
      entries = await readdir(path.join(root, folder), { recursive: true, withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.isFile()) files.push(path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
    }
  }
  return files;
}
