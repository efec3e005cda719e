// Re-derivation: when the transformer itself had a bug, run the current transformer over the raw source backup of a
// time range and write its facts as a new generation, recorded at the run's own time. Old facts are never touched;
// the views keep, per event, the facts of its latest derivation, so they read the corrected generation.
import { gzipSync } from 'node:zlib';
import type { ObjectStore } from '@factline/object-store';
import type { StreamSettings } from '@factline/stream-settings';
import type { Transformer } from '@factline/transformer';
import { RecoveryError, RecoveryErrorCode } from './errors.js';
import { generationId, generationPrefix, manifestKey, parseLayoutKey } from './layout.js';
import { listGenerations, maxReportedFailures, type GenerationFailure, type GenerationManifest, type GenerationObject } from './manifest.js';
import { readObjectText } from './object-text.js';
import { splitRawEvents } from './raw-events.js';
import { parseTime } from './times.js';

/**
 * Options of `rederive`.
 *
 * @example
 * const options: RederiveOptions = { store, streams, transformer: createTransformer({ domain }), recordedAt: new Date(), from: '2026-05-01T00:00:00Z', to: '2026-05-02T00:00:00Z', transformerVersion: '@factline/transformer@0.2.0' };
 */
export interface RederiveOptions {
  store: ObjectStore;
  /** The streams (entities) to re-derive. */
  streams: readonly StreamSettings[];
  /** The fixed transformer (`createTransformer({ domain })`). */
  transformer: Transformer;
  /** The recorded_at of every new fact, and the generation's id: later than every fact it replaces. */
  recordedAt: Date | string;
  /** Raw objects whose arrival time (in their key) is at or after `from` and before `to` are re-derived. */
  from: Date | string;
  to: Date | string;
  /** Written into the manifest: which code derived the facts (see `describeTransformer`). */
  transformerVersion: string;
  /** Called after each raw object. */
  onProgress?: (progress: RederiveProgress) => void;
}

/**
 * Where a re-derivation is.
 *
 * @example
 * const onProgress = (p: RederiveProgress) => bar.update(p.objectsDone, { entity: p.entity });
 */
export interface RederiveProgress {
  entity: string;
  objectsDone: number;
  objectsTotal: number;
  events: number;
  facts: number;
  failedEvents: number;
}

function checkRecordedAt(stream: StreamSettings, recordedAt: Date, latestArrival: Date | undefined): void {
  if (latestArrival === undefined) return;
  // A raw object's key has the arrival of its oldest record; the others arrived within the buffering interval.
  const bound = new Date(latestArrival.getTime() + stream.sourceBackup.bufferingHints.intervalInSeconds * 1000);
  if (recordedAt.getTime() <= bound.getTime()) {
    throw new RecoveryError(
      RecoveryErrorCode.recordedAtTooEarly,
      `${stream.entity}: recordedAt ${recordedAt.toISOString()} is not later than ${bound.toISOString()}, when the last raw object of the range may have finished arriving; the views keep the latest derivation of each event, so a re-derivation must be recorded after the facts it replaces (use the current time)`,
      { entity: stream.entity },
    );
  }
}

function checkGenerations(stream: StreamSettings, existing: readonly GenerationManifest[], planned: Omit<GenerationManifest, 'counts' | 'objects' | 'failures'>): void {
  for (const other of existing) {
    const overlaps = other.range.from < planned.range.to && planned.range.from < other.range.to;
    if (other.generation === planned.generation && (other.range.from !== planned.range.from || other.range.to !== planned.range.to || other.transformerVersion !== planned.transformerVersion)) {
      throw new RecoveryError(RecoveryErrorCode.generationConflict, `${stream.entity}: generation ${other.generation} exists with another range or transformer (${other.range.from} – ${other.range.to}, ${other.transformerVersion}); give another recordedAt`, { entity: stream.entity });
    }
    if (other.generation > planned.generation && overlaps) {
      throw new RecoveryError(RecoveryErrorCode.generationConflict, `${stream.entity}: the later generation ${other.generation} covers part of ${planned.range.from} – ${planned.range.to}; its facts would win over this one's. Re-derive with a recordedAt after ${other.recordedAt}`, { entity: stream.entity });
    }
  }
}

/** The generation's facts object for a raw object: same hour folder and name, compressed like the stream's facts. */
function outputKey(stream: StreamSettings, generation: string, hour: string, name: string): string {
  const base = name.replace(/\.gz$/, '');
  return `${generationPrefix(stream.s3.prefix, generation)}${hour}${base}${stream.s3.compressionFormat === 'GZIP' ? '.gz' : ''}`;
}

async function rederiveStream(options: RederiveOptions, stream: StreamSettings, range: { from: Date; to: Date }, recordedAt: Date): Promise<GenerationManifest> {
  const { store, transformer } = options;
  const generation = generationId(recordedAt);
  const sources: { key: string; hour: string; name: string; time: Date }[] = [];
  for await (const object of store.list(stream.sourceBackup.prefix)) {
    const parsed = parseLayoutKey(stream.sourceBackup.prefix, object.key);
    if (parsed !== undefined && parsed.time >= range.from && parsed.time < range.to) sources.push({ key: object.key, ...parsed });
  }
  const planned = { formatVersion: 1 as const, generation, entity: stream.entity, deliveryStream: stream.deliveryStreamName, recordedAt: recordedAt.toISOString(), range: { from: range.from.toISOString(), to: range.to.toISOString() }, transformerVersion: options.transformerVersion };
  checkRecordedAt(stream, recordedAt, sources.reduce<Date | undefined>((latest, s) => (latest === undefined || s.time > latest ? s.time : latest), undefined));
  checkGenerations(stream, await listGenerations(store, stream), planned);
  const counts = { rawObjects: sources.length, events: 0, facts: 0, failedEvents: 0, factObjects: 0 };
  const objects: GenerationObject[] = [];
  const failures: GenerationFailure[] = [];
  for (const [done, source] of sources.entries()) {
    let facts = '';
    let factCount = 0;
    const events = splitRawEvents(await readObjectText(store, source.key));
    for (const event of events) {
      // One event at a time: an event that still fails keeps its earlier facts and does not hold back the others.
      const outcome = transformer.transformEvents(event.text, { recordedAt: planned.recordedAt, expectedEntity: stream.entity });
      if (outcome.ok) {
        facts += outcome.facts;
        factCount += outcome.factCount;
        continue;
      }
      counts.failedEvents += 1;
      if (failures.length < maxReportedFailures) failures.push({ source: source.key, index: event.index, eventId: outcome.issues.find((i) => i.eventId !== undefined)?.eventId, issues: outcome.issues.map((issue) => ({ ...issue, index: event.index })) });
    }
    counts.events += events.length;
    counts.facts += factCount;
    if (factCount > 0) {
      const key = outputKey(stream, generation, source.hour, source.name);
      await store.put(key, stream.s3.compressionFormat === 'GZIP' ? gzipSync(facts) : facts);
      objects.push({ key, source: source.key, events: events.length, facts: factCount });
      counts.factObjects += 1;
    }
    options.onProgress?.({ entity: stream.entity, objectsDone: done + 1, objectsTotal: sources.length, events: counts.events, facts: counts.facts, failedEvents: counts.failedEvents });
  }
  const manifest: GenerationManifest = { ...planned, counts, objects, failures };
  await store.put(manifestKey(stream.s3.prefix, generation), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/**
 * Re-derives the facts of every given stream from its raw source backup over `[from, to)`: each raw object's events,
 * one by one, through the current transformer, with `recorded_at = recordedAt`. Writes the facts under
 * `facts/<entity>/generations/<generation>/YYYY/MM/DD/HH/<name>` (the raw object's hour and name), then the manifest.
 * The same options give the same bytes, so running it again repairs an interrupted run. Events the transformer still
 * refuses are listed in the manifest and keep their earlier facts. Returns one manifest per stream.
 *
 * @example
 * const manifests = await rederive({ store, streams: settings.streams, transformer, recordedAt: new Date(), from, to, transformerVersion });
 * for (const m of manifests) console.log(m.entity, m.counts.facts, m.counts.failedEvents);
 */
export async function rederive(options: RederiveOptions): Promise<GenerationManifest[]> {
  const range = { from: parseTime('from', options.from), to: parseTime('to', options.to) };
  const recordedAt = parseTime('recordedAt', options.recordedAt);
  if (range.from >= range.to) throw new RecoveryError(RecoveryErrorCode.invalidOptions, `from (${range.from.toISOString()}) must be before to (${range.to.toISOString()})`);
  if (options.streams.length === 0) throw new RecoveryError(RecoveryErrorCode.invalidOptions, 'no stream to re-derive');
  const manifests: GenerationManifest[] = [];
  for (const stream of options.streams) manifests.push(await rederiveStream(options, stream, range, recordedAt));
  return manifests;
}
