// One emulator per data folder: two writers of the same write-ahead log would corrupt each other. The lock file
// names its owner's pid, so a lock left by a killed emulator is taken over.
import { mkdir, open, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LocalStackError, LocalStackErrorCode } from './errors.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock of `directory`; the returned function releases it. */
export async function lockDirectory(directory: string): Promise<() => Promise<void>> {
  await mkdir(directory, { recursive: true });
  const file = join(directory, '.lock');
  const owner = JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() });
  try {
    const handle = await open(file, 'wx');
    await handle.writeFile(owner);
    await handle.close();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = (JSON.parse(await readFile(file, 'utf8').catch(() => '{}')) as { pid?: number }).pid;
    if (typeof holder === 'number' && alive(holder)) {
      throw new LocalStackError(
        LocalStackErrorCode.DataDirLocked,
        `${directory} is in use by another local Firehose (pid ${holder}${holder === process.pid ? ', this process' : ''}). Stop it, or start this one with another data folder.`,
        { subject: directory },
      );
    }
    await writeFile(file, owner); // the previous owner is gone (killed): its data is ours to recover
  }
  return async () => {
    await unlink(file).catch(() => undefined);
  };
}
