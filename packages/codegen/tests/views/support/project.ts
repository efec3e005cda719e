// Generating a fixture project (its schemas copied to a temp folder) with the warehouse and views generators, and
// reading what they wrote.
import { cp, mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateAll, viewsGenerator, warehouseGenerators, writeGeneratedFiles } from '@factline/codegen';

export const fixturesRoot = path.resolve(import.meta.dirname, '../fixtures');
export const repositoryRoot = path.resolve(import.meta.dirname, '../../../../..');

export interface GeneratedProject {
  root: string;
  read(file: string): Promise<string>;
  write(file: string, content: string): Promise<void>;
  dispose(): Promise<void>;
}

/** Copies `fixtures/<name>` to a temp folder and runs the warehouse and views generators in it. */
export async function generatedProject(name: string): Promise<GeneratedProject> {
  const root = await mkdtemp(path.join(tmpdir(), `factline-views-${name}-`));
  await cp(path.join(fixturesRoot, name), root, { recursive: true });
  await writeGeneratedFiles(root, await generateAll(root, { generators: [...warehouseGenerators, viewsGenerator] }));
  return {
    root,
    read: (file) => readFile(path.join(root, file), 'utf8'),
    async write(file, content) {
      await mkdir(path.dirname(path.join(root, file)), { recursive: true });
      await writeFile(path.join(root, file), content);
    },
    dispose: () => rm(root, { recursive: true, force: true }),
  };
}
