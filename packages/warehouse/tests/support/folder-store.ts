// A tiny ObjectStore over a temporary folder, for tests only (the real one lives in @factline/object-store).
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import type { ObjectInfo, ObjectStore } from '@factline/object-store';

export interface TestStore extends ObjectStore {
  readonly root: string;
  remove(): Promise<void>;
}

export async function createTestStore(bucket = 'test-bucket'): Promise<TestStore> {
  const root = await mkdtemp(join(tmpdir(), 'factline-warehouse-store-'));
  const pathOf = (key: string): string => join(root, ...key.split('/'));
  return {
    bucket,
    root,
    async put(key, body) {
      await mkdir(dirname(pathOf(key)), { recursive: true });
      await writeFile(pathOf(key), body);
    },
    async get(key) {
      try {
        return new Uint8Array(await readFile(pathOf(key)));
      } catch (error) {
        throw Object.assign(new Error(`No object under key '${key}' in bucket '${bucket}'.`), { code: 'OBJECT_NOT_FOUND', cause: error });
      }
    },
    async *list(prefix) {
      const all: ObjectInfo[] = [];
      const walk = async (folder: string): Promise<void> => {
        for (const entry of await readdir(folder, { withFileTypes: true })) {
          const path = join(folder, entry.name);
          if (entry.isDirectory()) await walk(path);
          else {
            const info = await stat(path);
            all.push({ key: relative(root, path).split(sep).join('/'), size: info.size, lastModified: info.mtime });
          }
        }
      };
      await walk(root);
      yield* all.filter((o) => o.key.startsWith(prefix)).sort((a, b) => Buffer.compare(Buffer.from(a.key), Buffer.from(b.key)));
    },
    remove: () => rm(root, { recursive: true, force: true }),
  };
}
