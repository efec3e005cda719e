// Finds the project root: the nearest folder, from here upwards, with factline.config.json or a schemas/ folder.
import { access } from 'node:fs/promises';
import path from 'node:path';
import { configFileName } from './config.js';

/**
 * @example
 * const root = await findProjectRoot(process.cwd());
 */
export async function findProjectRoot(start: string): Promise<string> {
  let current = path.resolve(start);
  for (;;) {
    for (const marker of [configFileName, 'schemas']) {
      try {
        await access(path.join(current, marker));
        return current;
      } catch {
        // keep looking
      }
    }
    const parent = path.dirname(current);
    if (parent === current) return path.resolve(start);
    current = parent;
  }
}
