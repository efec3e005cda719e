// The manifest of a re-derived generation: what it covers, when its facts are recorded, which transformer made
// them, and what it wrote. Written last, so a generation without a manifest is incomplete and ignored.
import type { ObjectStore } from '@factline/object-store';
import type { StreamSettings } from '@factline/stream-settings';
import type { TransformIssue } from '@factline/transformer';
import { RecoveryError, RecoveryErrorCode } from './errors.js';
import { manifestKey, masterDatasetLayout } from './layout.js';
import { readObjectText } from './object-text.js';

/**
 * One facts object of a generation and the raw object it was derived from.
 *
 * @example
 * const { key, source, events, facts }: GenerationObject = manifest.objects[0]!;
 */
export interface GenerationObject {
  key: string;
  source: string;
  events: number;
  facts: number;
}

/**
 * An event the transformer still refuses: it keeps its earlier facts, if any (replay it once fixed).
 *
 * @example
 * for (const f of manifest.failures) console.log(f.source, f.index, f.eventId, f.issues[0]?.message);
 */
export interface GenerationFailure {
  source: string;
  index: number;
  eventId: string | undefined;
  issues: TransformIssue[];
}

/**
 * `facts/<entity>/generations/<generation>/manifest.json`.
 *
 * @example
 * const manifest: GenerationManifest = JSON.parse(await readObjectText(store, key));
 */
export interface GenerationManifest {
  formatVersion: 1;
  generation: string;
  entity: string;
  deliveryStream: string;
  /** The recorded_at of every fact of the generation (UTC ISO 8601, ms). */
  recordedAt: string;
  /** The arrival times of the raw objects re-derived: from (included) to (excluded). */
  range: { from: string; to: string };
  transformerVersion: string;
  counts: { rawObjects: number; events: number; facts: number; failedEvents: number; factObjects: number };
  objects: GenerationObject[];
  /** At most `maxReportedFailures`; `counts.failedEvents` counts them all. */
  failures: GenerationFailure[];
}

/**
 * How many failures a manifest lists.
 *
 * @example
 * const complete = manifest.failures.length === manifest.counts.failedEvents || manifest.failures.length === maxReportedFailures;
 */
export const maxReportedFailures = 1000;

function invalid(key: string, why: string): RecoveryError {
  return new RecoveryError(RecoveryErrorCode.manifestInvalid, `${key} is not a generation manifest factline wrote (${why}); restore it or remove the generation's folder`, { key });
}

/**
 * Parses and checks a manifest's text; throws `MANIFEST_INVALID` naming the key when it is not one factline wrote.
 *
 * @example
 * const manifest = parseManifest(key, await readObjectText(store, key));
 */
export function parseManifest(key: string, text: string): GenerationManifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw Object.assign(invalid(key, 'not JSON'), { cause: error });
  }
  const m = value as Partial<GenerationManifest> | null;
  if (m === null || typeof m !== 'object' || m.formatVersion !== 1) throw invalid(key, 'formatVersion is not 1');
  if (typeof m.generation !== 'string' || typeof m.recordedAt !== 'string' || typeof m.entity !== 'string') throw invalid(key, 'generation, entity or recordedAt is missing');
  if (!Array.isArray(m.objects) || m.objects.some((o) => typeof o?.key !== 'string')) throw invalid(key, 'objects is not a list of keys');
  if (typeof m.range?.from !== 'string' || typeof m.range.to !== 'string') throw invalid(key, 'range is missing');
  return m as GenerationManifest;
}

/**
 * Every complete generation of a stream (those with a manifest), oldest first.
 *
 * @example
 * for (const manifest of await listGenerations(store, stream)) console.log(manifest.generation, manifest.counts.facts);
 */
export async function listGenerations(store: ObjectStore, stream: StreamSettings): Promise<GenerationManifest[]> {
  const manifests: GenerationManifest[] = [];
  const prefix = `${stream.s3.prefix}${masterDatasetLayout.generations}`;
  for await (const object of store.list(prefix)) {
    const rest = object.key.slice(prefix.length).split('/');
    if (rest.length !== 2 || rest[1] !== masterDatasetLayout.manifest) continue;
    const manifest = parseManifest(object.key, await readObjectText(store, object.key));
    if (object.key !== manifestKey(stream.s3.prefix, manifest.generation)) throw invalid(object.key, `it names generation ${manifest.generation}`);
    manifests.push(manifest);
  }
  return manifests.sort((a, b) => (a.generation < b.generation ? -1 : 1));
}
