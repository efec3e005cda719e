// Atomic, durable file replacement: write a temporary file in the target folder, fsync it, rename it over the target,
// then fsync the folder so that the rename itself survives a crash or a power cut.
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Temporary files start with this name; listings skip them, and a key segment may not start with it. */
export const temporaryFilePrefix = '.factline-tmp-';

/** Fsyncs a folder, which makes the creation, rename or removal of its entries durable. */
export async function fsyncDirectory(directory: string): Promise<void> {
  // Windows cannot open a folder for fsync; NTFS journals metadata changes itself.
  if (process.platform === 'win32') return;
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Creates `directory` and its missing parents, and makes each new entry durable in its parent. */
export async function mkdirDurable(directory: string): Promise<void> {
  const firstCreated = await mkdir(directory, { recursive: true });
  if (firstCreated === undefined) return;
  const created: string[] = [];
  for (let current = directory; ; current = dirname(current)) {
    created.push(current);
    if (current === firstCreated || dirname(current) === current) break;
  }
  for (const folder of created.reverse()) await fsyncDirectory(dirname(folder));
}

/** Replaces `file` with `body` atomically and durably; a reader sees the old content or the new one, never a mix. */
export async function writeFileDurable(file: string, body: Uint8Array): Promise<void> {
  const directory = dirname(file);
  await mkdirDurable(directory);
  const temporary = join(directory, `${temporaryFilePrefix}${randomBytes(8).toString('hex')}`);
  const handle = await open(temporary, 'wx');
  try {
    try {
      await handle.writeFile(body);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  await fsyncDirectory(directory);
}
