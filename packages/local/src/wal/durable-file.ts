// Durable file operations for the emulator's own state (segments and delivery plans). Atomic writes, durable folders
// and folder fsyncs are the object store's (one implementation of crash safety); removal is the emulator's own need.
import { unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fsyncDirectory } from '@factline/object-store';

export { fsyncDirectory, mkdirDurable, temporaryFilePrefix, writeFileDurable } from '@factline/object-store';

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
