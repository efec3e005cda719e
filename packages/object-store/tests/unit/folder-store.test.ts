import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFolderObjectStore, ObjectNotFoundError, ObjectStoreError, type ObjectInfo } from '@factline/object-store';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'factline-folder-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function collect(iterable: AsyncIterable<ObjectInfo>): Promise<string[]> {
  const keys: string[] = [];
  for await (const item of iterable) keys.push(item.key);
  return keys;
}

async function filesUnder(folder: string): Promise<string[]> {
  return (await readdir(folder, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

describe('the folder store', () => {
  it('keeps the bucket in .factline/s3/<bucket> of the working directory by default', () => {
    const store = createFolderObjectStore({ bucket: 'factline-local' });
    expect(store.directory).toBe(resolve('.factline/s3/factline-local'));
  });

  it('writes each object as a plain file at <root>/<bucket>/<key>, leaving no temporary file behind', async () => {
    // Prepare
    const store = createFolderObjectStore({ bucket: 'demo', root });
    // Act
    await store.put('facts/booking/2026/05/01/10/part-1', 'line\n');
    // Assess
    expect(await readFile(join(root, 'demo/facts/booking/2026/05/01/10/part-1'), 'utf8')).toBe('line\n');
    expect(await filesUnder(root)).toEqual([join(root, 'demo/facts/booking/2026/05/01/10/part-1')]);
  });

  it('never shows a reader a partly written object while it is being replaced', async () => {
    // Prepare: two large versions, so a non-atomic write would be observable.
    const store = createFolderObjectStore({ bucket: 'demo', root });
    const first = Buffer.alloc(4 * 1024 * 1024, 'a');
    const second = Buffer.alloc(6 * 1024 * 1024, 'b');
    await store.put('big', first);
    // Act
    let writing = true;
    const seen = new Set<string>();
    const writer = (async () => {
      for (let round = 0; round < 6; round += 1) await store.put('big', round % 2 === 0 ? second : first);
      writing = false;
    })();
    while (writing) {
      const body = Buffer.from(await store.get('big'));
      seen.add(body.equals(first) ? 'first' : body.equals(second) ? 'second' : `torn (${body.length} bytes)`);
    }
    await writer;
    // Assess
    expect([...seen].filter((state) => state.startsWith('torn'))).toEqual([]);
  });

  it('refuses keys that a folder cannot hold, naming the reason', async () => {
    const store = createFolderObjectStore({ bucket: 'demo', root });
    for (const key of ['', '/leading', 'trailing/', 'double//slash', 'dot/./x', 'up/../x', 'back\\slash', '.factline-tmp-x', 'x'.repeat(1025)]) {
      const error = await store.put(key, 'x').catch((caught: unknown) => caught);
      expect(error, key).toBeInstanceOf(ObjectStoreError);
      expect(error, key).toMatchObject({ code: 'INVALID_KEY', bucket: 'demo', operation: 'put' });
    }
    expect(await filesUnder(root).catch(() => [])).toEqual([]);
  });

  it('answers a get of a key a folder cannot hold with ObjectNotFoundError', async () => {
    const store = createFolderObjectStore({ bucket: 'demo', root });
    await expect(store.get('up/../x')).rejects.toBeInstanceOf(ObjectNotFoundError);
    await expect(store.get('')).rejects.toMatchObject({ code: 'INVALID_KEY' });
  });

  it('reports KEY_CONFLICT when a key would be both an object and a folder', async () => {
    // Prepare
    const store = createFolderObjectStore({ bucket: 'demo', root });
    await store.put('a/b', 'object');
    await store.put('c/d/e', 'object');
    // Act
    const belowObject = await store.put('a/b/c', 'x').catch((caught: unknown) => caught);
    const overFolder = await store.put('c/d', 'x').catch((caught: unknown) => caught);
    // Assess
    expect(belowObject).toMatchObject({ code: 'KEY_CONFLICT', key: 'a/b/c' });
    expect(overFolder).toMatchObject({ code: 'KEY_CONFLICT', key: 'c/d' });
    expect(await collect(store.list(''))).toEqual(['a/b', 'c/d/e']);
    expect((await filesUnder(root)).filter((file) => file.includes('.factline-tmp-'))).toEqual([]);
  });

  it('leaves temporary files of interrupted writes out of listings', async () => {
    const store = createFolderObjectStore({ bucket: 'demo', root });
    await store.put('facts/x/1', 'x');
    await writeFile(join(root, 'demo/facts/x/.factline-tmp-0123456789abcdef'), 'half a write');
    expect(await collect(store.list('facts/'))).toEqual(['facts/x/1']);
  });

  it('lists nothing when the bucket folder does not exist yet', async () => {
    const store = createFolderObjectStore({ bucket: 'never-written', root });
    expect(await collect(store.list(''))).toEqual([]);
  });

  it('lists objects written by other tools into the bucket folder', async () => {
    await mkdir(join(root, 'demo/jsonpaths'), { recursive: true });
    await writeFile(join(root, 'demo/jsonpaths/booking_facts.json'), '{"jsonpaths":[]}');
    const store = createFolderObjectStore({ bucket: 'demo', root });
    expect(await collect(store.list('jsonpaths/'))).toEqual(['jsonpaths/booking_facts.json']);
  });

  it('refuses a bucket name that S3 would refuse', () => {
    for (const bucket of ['ab', 'Upper', 'under_score', '-dash', 'dot..dot', '192.168.0.1', 'x'.repeat(64)]) {
      expect(() => createFolderObjectStore({ bucket, root }), bucket).toThrow(expect.objectContaining({ code: 'INVALID_BUCKET_NAME' }) as Error);
    }
  });
});
