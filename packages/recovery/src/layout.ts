// Where things are in the master dataset (docs/architecture.md, "The master dataset"), and where re-derived
// generations go: under `facts/<entity>/generations/<generation>/`, a prefix that the Firehose layout readers
// (`facts/<entity>/YYYY/MM/DD/HH/`) and the Glue partition projection never take for Firehose output.

/**
 * The prefixes of the master dataset factline's recovery reads and writes.
 *
 * @example
 * const manifestKey = `${stream.s3.prefix}${masterDatasetLayout.generations}${generation}/${masterDatasetLayout.manifest}`;
 */
export const masterDatasetLayout = {
  /** Under a stream's facts prefix: one folder per re-derived generation. */
  generations: 'generations/',
  /** The manifest of a generation, written last: a generation without one is incomplete and ignored. */
  manifest: 'manifest.json',
  /** Top-level prefix of the replay ledger: `replays/<entity>/<run>.json`. */
  replays: 'replays/',
} as const;

const hourFolders = /^(\d{4})\/(\d{2})\/(\d{2})\/(\d{2})\/([^/]+)$/;
const nameTime = /-(\d{4})-(\d{2})-(\d{2})-(\d{2})-(\d{2})-(\d{2})-[0-9a-fA-F-]{36}(?:\.[a-z0-9]+)?$/;

/** An object key in the Firehose layout, taken apart. */
export interface LayoutKey {
  /** `YYYY/MM/DD/HH/` */
  hour: string;
  /** The file name, `<stream>-1-YYYY-MM-DD-HH-MM-SS-<uuid>[.gz]`. */
  name: string;
  /** The time in its name (the arrival of the oldest record, UTC), or the start of its hour folder. */
  time: Date;
}

/**
 * Reads `<prefix>YYYY/MM/DD/HH/<name>`; undefined for any other key under the prefix (error folders, generations).
 *
 * @example
 * parseLayoutKey('facts/booking/', 'facts/booking/2026/05/01/10/factline-booking-1-2026-05-01-10-00-00-<uuid>.gz')?.time;
 */
export function parseLayoutKey(prefix: string, key: string): LayoutKey | undefined {
  if (!key.startsWith(prefix)) return undefined;
  const match = hourFolders.exec(key.slice(prefix.length));
  if (match === null) return undefined;
  const [, year, month, day, hour, name] = match as unknown as [string, string, string, string, string, string];
  const named = nameTime.exec(name);
  const time = named === null ? Date.UTC(+year, +month - 1, +day, +hour) : Date.UTC(+named[1]!, +named[2]! - 1, +named[3]!, +named[4]!, +named[5]!, +named[6]!);
  return { hour: `${year}/${month}/${day}/${hour}/`, name, time: new Date(time) };
}

/**
 * The id of the generation recorded at a time: `YYYYMMDDTHHMMSSsssZ`, so ids sort like the times.
 *
 * @example
 * generationId(new Date('2026-02-01T09:00:00.000Z')); // '20260201T090000000Z'
 */
export function generationId(recordedAt: Date): string {
  return recordedAt.toISOString().replace(/[-:.]/g, '');
}

/**
 * The prefix of a generation's objects: `facts/<entity>/generations/<generation>/`.
 *
 * @example
 * generationPrefix('facts/booking/', '20260201T090000000Z'); // 'facts/booking/generations/20260201T090000000Z/'
 */
export function generationPrefix(factsPrefix: string, generation: string): string {
  return `${factsPrefix}${masterDatasetLayout.generations}${generation}/`;
}

/**
 * The key of a generation's manifest.
 *
 * @example
 * manifestKey('facts/booking/', '20260201T090000000Z'); // 'facts/booking/generations/20260201T090000000Z/manifest.json'
 */
export function manifestKey(factsPrefix: string, generation: string): string {
  return `${generationPrefix(factsPrefix, generation)}${masterDatasetLayout.manifest}`;
}
