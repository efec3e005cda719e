// Finds the schema files under schemas/ and says what each one is, from where it sits.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { SchemaKind } from '../types.js';

export interface DiscoveredFile {
  /** Relative to the project root, POSIX separators: `schemas/events/booking/cancelled/v1.json`. */
  file: string;
  /** Relative to `schemas/`: `events/booking/cancelled/v1.json`. */
  relative: string;
  absolute: string;
  placement: Placement;
}

export type Placement =
  | { kind: Extract<SchemaKind, 'envelope'>; version: number }
  | { kind: Extract<SchemaKind, 'common'>; name: string }
  | { kind: Extract<SchemaKind, 'entity'>; entity: string }
  | { kind: Extract<SchemaKind, 'event' | 'fact'>; entity: string; name: string; version: number }
  | { kind: 'unknown'; reason: string };

export const schemasFolder = 'schemas';

const layout = [
  'envelope/v<N>.json',
  'common/<name>.json',
  'entities/<entity>.json',
  'events/<entity>/<event>/v<N>.json',
  'facts/<entity>/<fact>/v<N>.json',
].join(', ');

/** Where a file belongs, from its path relative to `schemas/`. */
export function placementOf(relative: string): Placement {
  const parts = relative.split('/');
  const version = (fileName: string): number | undefined => {
    const match = /^v([1-9][0-9]{0,2})\.json$/.exec(fileName);
    return match ? Number(match[1]) : undefined;
  };
  const base = (fileName: string) => fileName.replace(/\.json$/, '');
  if (!relative.endsWith('.json')) return { kind: 'unknown', reason: `only .json files belong in schemas/ (layout: ${layout})` };
  const [top, a, b, c] = parts;
  if (top === 'envelope' && parts.length === 2) {
    const v = version(a!);
    if (v !== undefined) return { kind: 'envelope', version: v };
  }
  if (top === 'common' && parts.length === 2) return { kind: 'common', name: base(a!) };
  if (top === 'entities' && parts.length === 2) return { kind: 'entity', entity: base(a!) };
  if ((top === 'events' || top === 'facts') && parts.length === 4) {
    const v = version(c!);
    if (v !== undefined) return { kind: top === 'events' ? 'event' : 'fact', entity: a!, name: b!, version: v };
    return { kind: 'unknown', reason: `a version file is named v<N>.json with N from 1 to 999, not "${c}"` };
  }
  return { kind: 'unknown', reason: `this path fits none of the places a schema can be (${layout})` };
}

/** Lists every file under `<root>/schemas`, sorted, with its placement. */
export async function discoverSchemaFiles(root: string): Promise<DiscoveredFile[]> {
  const schemasRoot = path.join(root, schemasFolder);
  const entries = await readdir(schemasRoot, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => {
      const absolute = path.join(entry.parentPath, entry.name);
      const relative = path.relative(schemasRoot, absolute).split(path.sep).join('/');
      return { file: `${schemasFolder}/${relative}`, relative, absolute, placement: placementOf(relative) };
    })
    .sort((x, y) => (x.file < y.file ? -1 : x.file > y.file ? 1 : 0));
}
