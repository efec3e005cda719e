// Staging: DuckDB reads files, the object store hands out bytes, so each object is written once to a private
// temporary folder (compressed objects stay compressed: DuckDB decompresses them itself).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ObjectStore } from '@factline/object-store';
import { CopyLoadError } from '../errors.js';
import { loadErrorCodes } from '../copy/load-error.js';

/** One object written to the temporary folder. */
export interface StagedObject {
  key: string;
  url: string;
  file: string;
}

/** The staged objects and a function that removes them. */
export interface Stage {
  objects: StagedObject[];
  remove(): Promise<void>;
}

const concurrency = 4;

/**
 * Copies the objects to a new folder under `tempDirectory`. A missing object fails the COPY (load error 1212).
 *
 * @example
 * const stage = await stageObjects(store, keys, os.tmpdir(), 'factline.booking_facts', true);
 * try { … } finally { await stage.remove(); }
 */
export async function stageObjects(store: ObjectStore, keys: readonly string[], tempDirectory: string, table: string, gzip: boolean): Promise<Stage> {
  const folder = await mkdtemp(join(tempDirectory, 'factline-copy-'));
  const remove = (): Promise<void> => rm(folder, { recursive: true, force: true });
  const objects = keys.map((key, index) => ({ key, url: `s3://${store.bucket}/${key}`, file: join(folder, `${index}.json${gzip ? '.gz' : ''}`) }));
  try {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < objects.length) {
        const object = objects[next] as StagedObject;
        next += 1;
        await writeFile(object.file, await read(store, object, table));
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, objects.length) }, worker));
    return { objects, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}

async function read(store: ObjectStore, object: StagedObject, table: string): Promise<Uint8Array> {
  try {
    return await store.get(object.key);
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'OBJECT_NOT_FOUND') throw error;
    throw new CopyLoadError(table, { key: object.key, url: object.url, errorCode: loadErrorCodes.fileNotFound, reason: 'Load file was not found' }, { cause: error });
  }
}
