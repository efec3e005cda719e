// A throwaway factline project (schemas + config) in a temp folder, to evolve schemas and generate into.
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateAll, warehouseGenerators, writeGeneratedFiles, type WriteResult } from '@factline/codegen';

export const repositoryRoot = path.resolve(import.meta.dirname, '../../../../..');
export const fixturesRoot = path.resolve(import.meta.dirname, '../fixtures');

export interface TempProject {
  root: string;
  read(file: string): Promise<string>;
  /** Replaces text in a file (fails the test when the text is not there). */
  edit(file: string, from: string | RegExp, to: string): Promise<void>;
  write(file: string, content: string): Promise<void>;
  remove(file: string): Promise<void>;
  /** Runs the warehouse generators and writes their output, as `factline generate` does. */
  generate(): Promise<WriteResult>;
  /** The files under a folder of the project, relative to it, sorted. */
  list(folder: string): Promise<string[]>;
  dispose(): Promise<void>;
}

/**
 * Copies the schemas and config of `from` (default: this repository) into a temp folder, and its generated/ folder
 * too when asked (to start from a project generated before).
 */
export async function tempProject(from = repositoryRoot, options: { withGenerated?: boolean } = {}): Promise<TempProject> {
  const root = await mkdtemp(path.join(tmpdir(), 'factline-warehouse-'));
  await cp(path.join(from, 'schemas'), path.join(root, 'schemas'), { recursive: true });
  await cp(path.join(from, 'factline.config.json'), path.join(root, 'factline.config.json'));
  if (options.withGenerated) await cp(path.join(from, 'generated'), path.join(root, 'generated'), { recursive: true });
  const at = (file: string) => path.join(root, file);
  return {
    root,
    read: (file) => readFile(at(file), 'utf8'),
    async edit(file, from, to) {
      const text = await readFile(at(file), 'utf8');
      const next = text.replace(from, to);
      if (next === text) throw new Error(`${file} does not contain ${String(from)}`);
      await writeFile(at(file), next);
    },
    async write(file, content) {
      await mkdir(path.dirname(at(file)), { recursive: true });
      await writeFile(at(file), content);
    },
    remove: (file) => rm(at(file), { recursive: true }),
    async generate() {
      return writeGeneratedFiles(root, await generateAll(root, { generators: warehouseGenerators }));
    },
    async list(folder) {
      try {
        const entries = await readdir(at(folder), { recursive: true, withFileTypes: true });
        return entries.filter((e) => e.isFile()).map((e) => path.relative(at(folder), path.join(e.parentPath, e.name)).split(path.sep).join('/')).sort();
      } catch {
        return [];
      }
    },
    dispose: () => rm(root, { recursive: true, force: true }),
  };
}
