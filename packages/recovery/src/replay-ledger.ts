// The replay ledger: `replays/<entity>/<run>.json`, one object per replay run, listing the failed events it sent, so
// that the next run sends only what is new (an error record's event is replayed once, unless forced).
import type { ObjectStore } from '@factline/object-store';
import { masterDatasetLayout } from './layout.js';
import { readObjectText } from './object-text.js';

/**
 * One replay run, as written to the ledger.
 *
 * @example
 * const run: ReplayRun = JSON.parse(await readObjectText(store, 'replays/booking/20260502T100000000Z.json'));
 */
export interface ReplayRun {
  formatVersion: 1;
  run: string;
  entity: string;
  deliveryStream: string;
  replayedAt: string;
  /** The events sent and acknowledged: `<error object key>:<line>#<event index>`. */
  sent: string[];
  /** The events still refused, with their first issue. */
  stillFailing: { ref: string; eventId: string | undefined; rule: string; message: string }[];
}

/**
 * The ledger prefix of an entity.
 *
 * @example
 * replayPrefix('booking'); // 'replays/booking/'
 */
export function replayPrefix(entity: string): string {
  return `${masterDatasetLayout.replays}${entity}/`;
}

/**
 * Every event ref (`<error object key>:<line>#<event index>`) an earlier run sent for the entity.
 *
 * @example
 * const done = await replayedRefs(store, 'booking');
 */
export async function replayedRefs(store: ObjectStore, entity: string): Promise<Set<string>> {
  const refs = new Set<string>();
  for await (const object of store.list(replayPrefix(entity))) {
    if (!object.key.endsWith('.json')) continue;
    const run = JSON.parse(await readObjectText(store, object.key)) as Partial<ReplayRun>;
    for (const ref of Array.isArray(run.sent) ? run.sent : []) if (typeof ref === 'string') refs.add(ref);
  }
  return refs;
}

/**
 * Writes a run to the ledger; returns its key.
 *
 * @example
 * const key = await writeReplayRun(store, run); // replays/booking/<run>.json
 */
export async function writeReplayRun(store: ObjectStore, run: ReplayRun): Promise<string> {
  const key = `${replayPrefix(run.entity)}${run.run}.json`;
  await store.put(key, `${JSON.stringify(run, null, 2)}\n`);
  return key;
}
