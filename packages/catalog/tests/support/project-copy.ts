// A throwaway copy of the repository's schemas/ and config, to break on purpose.
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const repositoryRoot = path.resolve(import.meta.dirname, '../../../..');

export interface ProjectCopy {
  root: string;
  /** Replaces text in a file under schemas/ (fails the test when the text is not there). */
  edit(file: string, from: string | RegExp, to: string): Promise<void>;
  write(file: string, content: string): Promise<void>;
  copy(from: string, to: string): Promise<void>;
  remove(file: string): Promise<void>;
  dispose(): Promise<void>;
}

export async function copyProject(): Promise<ProjectCopy> {
  const root = await mkdtemp(path.join(tmpdir(), 'factline-catalog-'));
  await cp(path.join(repositoryRoot, 'schemas'), path.join(root, 'schemas'), { recursive: true });
  await cp(path.join(repositoryRoot, 'factline.config.json'), path.join(root, 'factline.config.json'));
  const at = (file: string) => path.join(root, file);
  return {
    root,
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
    async copy(from, to) {
      await mkdir(path.dirname(at(to)), { recursive: true });
      await cp(at(from), at(to));
    },
    remove: (file) => rm(at(file), { recursive: true }),
    dispose: () => rm(root, { recursive: true, force: true }),
  };
}
