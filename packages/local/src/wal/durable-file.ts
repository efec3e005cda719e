// Small durable file operations for the emulator's own state (segments and delivery plans).
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Fsyncs a folder so that entries created, renamed or removed in it survive a crash. */
export async function fsyncDirectory(directory: string): Promise<void> {
  if (process.platform === 'win32') return; // a folder cannot be opened for fsync there; NTFS journals metadata
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Creates `directory` and its missing parents, making each new folder durable in its parent. */
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

/** Replaces `file` atomically and durably (temporary file, fsync, rename, fsync of the folder). */
export async function writeFileDurable(file: string, body: string | Buffer): Promise<void> {
  const temporary = join(dirname(file), `.tmp-${randomBytes(6).toString('hex')}`);
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
  await fsyncDirectory(dirname(file));
}

/** Removes files (absent ones are fine), then makes the removals durable. */
export async function unlinkDurable(files: readonly string[]): Promise<void> {
  const folders = new Set<string>();
  for (const file of files) {
    await unlink(file).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    folders.add(dirname(file));
  }
  for (const folder of folders) await fsyncDirectory(folder);
}
