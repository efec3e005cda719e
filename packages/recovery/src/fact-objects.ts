// Which objects hold a stream's facts: Firehose's deliveries (`facts/<entity>/YYYY/MM/DD/HH/…`, never the
// processing-failed folder) and the objects of every complete generation (listed in its manifest).
import type { ObjectStore } from '@factline/object-store';
import type { StreamSettings } from '@factline/stream-settings';
import { RecoveryError, RecoveryErrorCode } from './errors.js';
import { parseLayoutKey } from './layout.js';
import { listGenerations } from './manifest.js';

/**
 * One facts object to load.
 *
 * @example
 * const { key, size, generation }: FactObject = objects[0]!;
 */
export interface FactObject {
  key: string;
  size: number;
  /** The generation it belongs to; undefined for a Firehose delivery. */
  generation: string | undefined;
}

/**
 * The facts objects of a stream, deliveries first (in key order), then the generations, oldest first. A generation
 * whose manifest lists an object that is missing is refused: its facts would be partly loaded.
 *
 * @example
 * const objects = await listFactObjects(store, stream);
 */
export async function listFactObjects(store: ObjectStore, stream: StreamSettings): Promise<FactObject[]> {
  const objects: FactObject[] = [];
  const sizes = new Map<string, number>();
  for await (const object of store.list(stream.s3.prefix)) {
    sizes.set(object.key, object.size);
    if (parseLayoutKey(stream.s3.prefix, object.key) !== undefined) objects.push({ key: object.key, size: object.size, generation: undefined });
  }
  for (const manifest of await listGenerations(store, stream)) {
    for (const object of manifest.objects) {
      const size = sizes.get(object.key);
      if (size === undefined) {
        throw new RecoveryError(RecoveryErrorCode.manifestInvalid, `${stream.entity}: generation ${manifest.generation} lists ${object.key}, which is not in the bucket; run the re-derivation again (same recordedAt) to rewrite it`, { entity: stream.entity, key: object.key });
      }
      objects.push({ key: object.key, size, generation: manifest.generation });
    }
  }
  return objects;
}
