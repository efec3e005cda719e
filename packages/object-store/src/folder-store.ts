// The folder bucket: one file per object under `<root>/<bucket>/<key>`, the local stand-in for S3.
import type { Dirent } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { writeFileDurable, temporaryFilePrefix } from './durable-write.js';
import { ObjectNotFoundError, ObjectStoreError, ObjectStoreErrorCode } from './errors.js';
import { assertBucketName, assertObjectKey, compareKeys } from './keys.js';
import type { ObjectBody, ObjectInfo, ObjectStore } from './types.js';

/**
 * Options of `createFolderObjectStore`.
 *
 * @example
 * const options: FolderObjectStoreOptions = { bucket: 'factline-local', root: '/var/lib/factline/s3' };
 */
export interface FolderObjectStoreOptions {
  /** The bucket name (S3 naming rules); its folder is `<root>/<bucket>/`. */
  bucket: string;
  /** The folder that holds one folder per bucket. Default: `.factline/s3`, resolved against the working directory. */
  root?: string;
}

/**
 * The folder that holds buckets when no `root` is given, relative to the working directory.
 *
 * @example
 * const folder = path.resolve(defaultFolderRoot, 'factline-local'); // where the local bucket lives
 */
export const defaultFolderRoot = '.factline/s3';

/**
 * A bucket kept in a folder.
 *
 * @example
 * const store: FolderObjectStore = createFolderObjectStore({ bucket: 'factline-local' });
 * console.log(`objects are files under ${store.directory}`);
 */
export interface FolderObjectStore extends ObjectStore {
  /** The absolute path of the bucket's folder. */
  readonly directory: string;
}

const maxSegmentBytes = 255;

/**
 * A bucket in a folder, the default store of the local stack. `put` writes a temporary file in the target folder,
 * fsyncs it, renames it into place and fsyncs the folder, so an object is complete and durable once `put` resolves.
 * Keys map to paths segment by segment, so a key cannot contain empty, `.` or `..` segments, and one bucket cannot
 * hold both `a/b` and `a/b/c` (`KEY_CONFLICT`).
 *
 * @example
 * const store = createFolderObjectStore({ bucket: 'factline-local' }); // .factline/s3/factline-local/
 * await store.put('facts/booking/2026/05/01/10/part-1', '{"fact_id":"…"}\n');
 * for await (const object of store.list('facts/booking/')) console.log(object.key, object.size);
 */
export function createFolderObjectStore(options: FolderObjectStoreOptions): FolderObjectStore {
  assertBucketName(options.bucket);
  const bucket = options.bucket;
  const directory = resolve(options.root ?? defaultFolderRoot, bucket);

  // The file of a key, or the reason why a folder cannot hold that (otherwise valid) S3 key.
  function pathOf(key: string): { file: string } | { problem: string } {
    const segments = key.split('/');
    for (const segment of segments) {
      const problem = segmentProblem(segment);
      if (problem !== undefined) return { problem };
    }
    return { file: join(directory, ...segments) };
  }

  return {
    bucket,
    directory,
    async put(key: string, body: ObjectBody): Promise<void> {
      assertObjectKey(bucket, key, 'put');
      const path = pathOf(key);
      if ('problem' in path) {
        throw new ObjectStoreError(ObjectStoreErrorCode.InvalidKey, `Invalid key '${key}' for a folder bucket: ${path.problem}.`, { bucket, key, operation: 'put' });
      }
      const file = path.file;
      const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
      try {
        await writeFileDurable(file, bytes);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOTDIR' || code === 'EEXIST' || code === 'EISDIR') {
          throw new ObjectStoreError(
            ObjectStoreErrorCode.KeyConflict,
            `Cannot store '${key}' in folder bucket '${bucket}': a key on its path is both an object and a folder (S3 allows 'a/b' next to 'a/b/c', a folder cannot).`,
            { bucket, key, operation: 'put', cause: error },
          );
        }
        throw new ObjectStoreError(ObjectStoreErrorCode.StorageFailure, `Cannot store '${key}' in ${directory}: ${(error as Error).message}`, {
          bucket,
          key,
          operation: 'put',
          cause: error,
        });
      }
    },
    async get(key: string): Promise<Uint8Array> {
      assertObjectKey(bucket, key, 'get');
      const path = pathOf(key);
      // A key that a folder cannot hold was never written, so it holds no object, as S3 would answer.
      if ('problem' in path) throw new ObjectNotFoundError(bucket, key);
      try {
        return new Uint8Array(await readFile(path.file));
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') throw new ObjectNotFoundError(bucket, key, error);
        throw new ObjectStoreError(ObjectStoreErrorCode.StorageFailure, `Cannot read '${key}' from ${directory}: ${(error as Error).message}`, {
          bucket,
          key,
          operation: 'get',
          cause: error,
        });
      }
    },
    list(prefix: string): AsyncIterable<ObjectInfo> {
      return listFolder(bucket, directory, prefix);
    },
  };
}

function segmentProblem(segment: string): string | undefined {
  if (segment === '') return 'it has an empty segment (a leading, trailing or doubled "/")';
  if (segment === '.' || segment === '..') return `it has a '${segment}' segment`;
  if (segment.includes('\0') || segment.includes('\\')) return 'it contains a NUL or a backslash';
  if (segment.startsWith(temporaryFilePrefix)) return `a segment starts with '${temporaryFilePrefix}', reserved for temporary files`;
  if (Buffer.byteLength(segment) > maxSegmentBytes) return `a segment is longer than ${maxSegmentBytes} bytes`;
  return undefined;
}

async function* listFolder(bucket: string, directory: string, prefix: string): AsyncGenerator<ObjectInfo> {
  const slash = prefix.lastIndexOf('/');
  const folderPart = slash === -1 ? '' : prefix.slice(0, slash);
  const namePrefix = prefix.slice(slash + 1);
  const folderSegments = folderPart === '' ? [] : folderPart.split('/');
  // A prefix whose folder part is not a valid path can match no key a folder bucket holds.
  if (folderSegments.some((segment) => segmentProblem(segment) !== undefined)) return;
  const keyBase = folderPart === '' ? '' : `${folderPart}/`;
  yield* walk(bucket, join(directory, ...folderSegments), keyBase, namePrefix);
}

interface Entry {
  name: string;
  isDirectory: boolean;
  sortName: string;
}

// `namePrefix` filters the entries of this folder only: below a matching folder every key matches.
async function* walk(bucket: string, folder: string, keyBase: string, namePrefix: string): AsyncGenerator<ObjectInfo> {
  let dirents: Dirent[];
  try {
    dirents = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return;
    throw new ObjectStoreError(ObjectStoreErrorCode.StorageFailure, `Cannot list ${folder}: ${(error as Error).message}`, { bucket, operation: 'list', cause: error });
  }
  const entries: Entry[] = [];
  for (const dirent of dirents) {
    if (dirent.name.startsWith(temporaryFilePrefix)) continue;
    const isDirectory = dirent.isDirectory() || (dirent.isSymbolicLink() && (await stat(join(folder, dirent.name)).catch(() => undefined))?.isDirectory() === true);
    // Every key below folder `a` starts with `a/`, so a folder sorts as its name plus '/'.
    const sortName = isDirectory ? `${dirent.name}/` : dirent.name;
    if (!sortName.startsWith(namePrefix)) continue;
    entries.push({ name: dirent.name, isDirectory, sortName });
  }
  entries.sort((a, b) => compareKeys(a.sortName, b.sortName));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    const key = `${keyBase}${entry.name}`;
    if (entry.isDirectory) {
      yield* walk(bucket, path, `${key}/`, '');
      continue;
    }
    const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined; // removed while listing
      throw new ObjectStoreError(ObjectStoreErrorCode.StorageFailure, `Cannot stat ${path}: ${error.message}`, { bucket, key, operation: 'list', cause: error });
    });
    if (info?.isFile()) yield { key, size: info.size, lastModified: info.mtime };
  }
}
