// Replay: read Firehose's processing-failed records, take each record apart into its events (a packed record fails
// whole when one event fails), check every event with the current transformer, and send the ones it now accepts back
// to their stream, one envelope per record, through the producer. What still fails is reported with its reasons.
import type { FirehoseClient } from '@aws-sdk/client-firehose';
import type { ObjectStore } from '@factline/object-store';
import { createProducer, DeliveryError, type FailedEvent, type ProducerOptions } from '@factline/producer';
import type { StreamSettings } from '@factline/stream-settings';
import { inspectFailedRecord, type TransformIssue, type Transformer } from '@factline/transformer';
import { generationId, parseLayoutKey } from './layout.js';
import { readObjectText } from './object-text.js';
import { replayedRefs, writeReplayRun } from './replay-ledger.js';
import { parseTime } from './times.js';

/**
 * Options of `replay`.
 *
 * @example
 * const options: ReplayOptions = { store, streams: settings.streams, transformer: createTransformer({ domain }), firehose: new FirehoseClient({ endpoint, region, credentials }) };
 */
export interface ReplayOptions {
  store: ObjectStore;
  streams: readonly StreamSettings[];
  /** The fixed transformer: events it refuses are not sent. */
  transformer: Transformer;
  /** Where to send: the local Firehose or AWS. */
  firehose: FirehoseClient;
  /** Only error objects whose time (in their key) is at or after `from` and before `to`. Default: all. */
  from?: Date | string;
  to?: Date | string;
  /** Report what would be sent; send and write nothing. Default false. */
  dryRun?: boolean;
  /** Send again events an earlier run sent. Default false. */
  force?: boolean;
  /** Producer settings (retries, timeouts); packing is always off: one envelope per record. */
  producer?: Omit<ProducerOptions, 'firehose' | 'packing' | 'onFailure'>;
  /** The clock of the run id. Default `() => new Date()`. */
  now?: () => Date;
}

/**
 * An event of a failed record.
 *
 * @example
 * for (const e of report.recovered) console.log(e.entity, e.eventId, e.source);
 */
export interface ReplayedEvent {
  entity: string;
  eventId: string | undefined;
  eventType: string | undefined;
  /** `<error object key>:<line>`, and the event's index in the record. */
  source: string;
  index: number;
}

/**
 * What a replay did (or, dry run, would do).
 *
 * @example
 * console.log(`${report.recovered.length} recovered, ${report.stillFailing.length} still failing`);
 */
export interface ReplayReport {
  dryRun: boolean;
  errorObjects: number;
  errorRecords: number;
  events: number;
  /** Sent and acknowledged (dry run: would be sent). */
  recovered: ReplayedEvent[];
  /** Refused by the current transformer, with its reasons: fix and replay again. */
  stillFailing: (ReplayedEvent & { issues: TransformIssue[] })[];
  /** Accepted but not delivered (the producer gave up): replay again. */
  notSent: (ReplayedEvent & { reason: string })[];
  /** Sent by an earlier run (skipped unless `force`). */
  alreadyReplayed: number;
  /** Events seen twice in this run's records (at-least-once delivery): sent once. */
  duplicates: number;
  /** The ledger objects written. */
  ledger: string[];
}

const eventTypeOf = (text: string): string | undefined => {
  try {
    const type = (JSON.parse(text) as { event_type?: unknown } | null)?.event_type;
    return typeof type === 'string' ? type : undefined;
  } catch {
    return undefined;
  }
};

/** The event as one line: the producer sends newline-free events (a pretty-printed one is compacted). */
const oneLine = (text: string) => (text.includes('\n') ? JSON.stringify(JSON.parse(text)) : text);

/**
 * Replays the processing-failed records of every given stream. Each event the current transformer accepts is sent on
 * its own (its facts carry the fact ids they would have had, so views collapse any copy); each event it refuses is
 * reported with its JSON Pointer, rule and message. Events an earlier run sent are skipped (`replays/<entity>/`), so
 * replaying twice sends nothing new.
 *
 * @example
 * const report = await replay({ store, streams, transformer, firehose });
 * for (const f of report.stillFailing) console.error(f.source, f.eventId, f.issues[0]?.message);
 */
export async function replay(options: ReplayOptions): Promise<ReplayReport> {
  const { store, transformer } = options;
  const from = options.from === undefined ? undefined : parseTime('from', options.from);
  const to = options.to === undefined ? undefined : parseTime('to', options.to);
  const now = (options.now ?? (() => new Date()))();
  const report: ReplayReport = { dryRun: options.dryRun ?? false, errorObjects: 0, errorRecords: 0, events: 0, recovered: [], stillFailing: [], notSent: [], alreadyReplayed: 0, duplicates: 0, ledger: [] };
  for (const stream of options.streams) {
    const done = options.force === true ? new Set<string>() : await replayedRefs(store, stream.entity);
    const toSend: { ref: string; text: string; event: ReplayedEvent }[] = [];
    const seen = new Set<string>();
    const failing: ReplayReport['stillFailing'] = [];
    for await (const object of store.list(stream.s3.processingFailedPrefix)) {
      const parsed = parseLayoutKey(stream.s3.processingFailedPrefix, object.key);
      if (parsed === undefined || (from !== undefined && parsed.time < from) || (to !== undefined && parsed.time >= to)) continue;
      report.errorObjects += 1;
      const lines = (await readObjectText(store, object.key)).split('\n');
      for (const [lineIndex, line] of lines.entries()) {
        if (line.trim() === '') continue;
        report.errorRecords += 1;
        const source = `${object.key}:${lineIndex + 1}`;
        const inspected = inspectFailedRecord(transformer, line);
        if (inspected.events.length === 0) failing.push({ entity: stream.entity, eventId: undefined, eventType: undefined, source, index: 0, issues: inspected.issues });
        for (const item of inspected.events) {
          report.events += 1;
          const event: ReplayedEvent = { entity: stream.entity, eventId: item.eventId, eventType: eventTypeOf(item.text), source, index: item.index };
          const ref = `${source}#${item.index}`;
          if (done.has(ref)) {
            report.alreadyReplayed += 1;
            continue;
          }
          // Also as the stream's transformer will see it: an event of another entity fails there.
          const check = item.ok ? transformer.transformEvents(item.text, { recordedAt: now.toISOString(), expectedEntity: stream.entity }) : undefined;
          if (!item.ok || check?.ok !== true) {
            failing.push({ ...event, issues: item.ok ? (check?.issues ?? []) : item.issues });
            continue;
          }
          const text = oneLine(item.text);
          if (seen.has(text)) report.duplicates += 1;
          else toSend.push({ ref, text, event });
          seen.add(text);
        }
      }
    }
    report.stillFailing.push(...failing);
    if (report.dryRun) {
      report.recovered.push(...toSend.map((s) => s.event));
      continue;
    }
    const failed = await send(options, stream, toSend);
    const sent = toSend.filter((s) => !failed.has(s.ref));
    report.recovered.push(...sent.map((s) => s.event));
    report.notSent.push(...toSend.filter((s) => failed.has(s.ref)).map((s) => ({ ...s.event, reason: failed.get(s.ref)! })));
    if (sent.length > 0 || failing.length > 0) {
      report.ledger.push(
        await writeReplayRun(store, {
          formatVersion: 1,
          run: `${generationId(now)}-${stream.deliveryStreamName}`,
          entity: stream.entity,
          deliveryStream: stream.deliveryStreamName,
          replayedAt: now.toISOString(),
          sent: sent.map((s) => s.ref),
          stillFailing: failing.map((f) => ({ ref: `${f.source}#${f.index}`, eventId: f.eventId, rule: f.issues[0]?.rule ?? '', message: f.issues[0]?.message ?? '' })),
        }),
      );
    }
  }
  return report;
}

/** Sends the events, one per record; returns the refs the producer gave up on, with why. */
async function send(options: ReplayOptions, stream: StreamSettings, events: readonly { ref: string; text: string }[]): Promise<Map<string, string>> {
  const failed = new Map<string, string>();
  if (events.length === 0) return failed;
  const producer = createProducer<string>({ ...options.producer, firehose: options.firehose, packing: false });
  for (const event of events) await producer.send(stream.deliveryStreamName, event.text, event.ref);
  try {
    await producer.close();
  } catch (error) {
    if (!(error instanceof DeliveryError)) throw error;
    for (const failure of error.failures as readonly FailedEvent<string>[]) failed.set(failure.context as string, `${failure.reason}: ${failure.error.message}`);
  }
  return failed;
}
