// The demo service's sending side: the scenario's events go through the typed producer (createEventProducer) with
// their own event ids and occurred_at, so a rerun of the same seed sends the very same events.
import type { EventProducer } from '@factline/events';
import { generateScenario, type DemoEvent, type ScenarioOptions } from './scenario.js';

/**
 * How far sending has got.
 *
 * @example
 * const onProgress = (p: SendProgress) => console.log(`${p.sent}/${p.total ?? '?'} sent, ${p.delivered} acknowledged`);
 */
export interface SendProgress {
  /** Events accepted by the producer (validated and buffered). */
  sent: number;
  /** Events to send, when known. */
  total: number | undefined;
  /** Events Firehose has acknowledged so far. */
  delivered: number;
}

/**
 * Options of `sendEvents`.
 *
 * @example
 * const options: SendEventsOptions = { producer, events: myEvents, onProgress: (p) => bar.update(p.sent) };
 */
export interface SendEventsOptions {
  /** The producer to send with (`createEventProducer`); the caller closes it. */
  producer: EventProducer;
  /** The events, in the order to send them. */
  events: Iterable<DemoEvent>;
  /** How many events `events` holds, for progress. */
  total?: number;
  /** Called every `progressEvery` events and once at the end. */
  onProgress?: (progress: SendProgress) => void;
  /** Default 1,000. */
  progressEvery?: number;
  /** Stops sending further events (those sent are still flushed). */
  signal?: AbortSignal;
  /**
   * Awaited before every 100th event: lets the caller slow the sending down, for example while the receiving side
   * has too much waiting (back-pressure beyond the producer's own, which only sees Firehose's answers).
   */
  pace?: () => Promise<void> | void;
}

/**
 * Options of `sendScenario`: the scenario's options and how to send.
 *
 * @example
 * const options: SendScenarioOptions = { producer, events: 100_000, seed: 42 };
 */
export interface SendScenarioOptions extends ScenarioOptions, Omit<SendEventsOptions, 'events' | 'total'> {}

/**
 * What was sent.
 *
 * @example
 * const { sent, byType, undelivered } = await sendScenario({ producer, events: 1000 });
 */
export interface SendReport {
  /** Events accepted by the producer. */
  sent: number;
  /** Events accepted per event type. */
  byType: Record<string, number>;
  /** Events the producer gave up on (Firehose never acknowledged them); 0 when every event was delivered. */
  undelivered: number;
  /** The producer's error for the undelivered events (a `DeliveryError` listing each of them). */
  undeliveredError: Error | undefined;
  /** Whether `signal` stopped the sending before the end. */
  aborted: boolean;
  durationMs: number;
}

/**
 * Sends events through the typed producer with their own `eventId` and `occurredAt`, then flushes: when it resolves,
 * every event was acknowledged by Firehose or is counted in `undelivered`. An invalid event rejects (it is a bug in
 * the generator, never sent).
 *
 * @example
 * const report = await sendEvents({ producer, events: [{ type: 'booking.confirmed', version: 1, payload: { bookingId }, eventId, occurredAt }] });
 */
export async function sendEvents(options: SendEventsOptions): Promise<SendReport> {
  const { producer, onProgress, signal } = options;
  const every = Math.max(1, options.progressEvery ?? 1000);
  const started = performance.now();
  const byType: Record<string, number> = {};
  const progress = (sent: number): void => onProgress?.({ sent, total: options.total, delivered: producer.metrics().eventsDelivered });
  let sent = 0;
  let aborted = false;
  for (const event of options.events) {
    if (signal?.aborted === true) {
      aborted = true;
      break;
    }
    // A DemoEvent's type, version and payload match by construction; TypeScript cannot follow the union through.
    if (sent % 100 === 0) {
      // `send` resolves without touching the event loop while the producer has room, so a loop of sends would starve
      // every timer and socket of this process (the producer's own calls included): let them run now and then.
      await new Promise((resolve) => setImmediate(resolve));
      if (options.pace !== undefined) await options.pace();
    }
    await producer.sendVersion(event.type, event.version as never, event.payload as never, { eventId: event.eventId, occurredAt: event.occurredAt });
    sent += 1;
    byType[event.type] = (byType[event.type] ?? 0) + 1;
    if (sent % every === 0) progress(sent);
  }
  let undeliveredError: Error | undefined;
  let undelivered = 0;
  try {
    await producer.flush();
  } catch (error) {
    const failures = (error as { code?: unknown; failures?: unknown }).failures;
    if ((error as { code?: unknown }).code !== 'DELIVERY_FAILED' || !Array.isArray(failures)) throw error;
    undeliveredError = error as Error;
    undelivered = failures.length;
  }
  progress(sent);
  return { sent, byType, undelivered, undeliveredError, aborted, durationMs: performance.now() - started };
}

/**
 * Generates the seeded scenario (`generateScenario`) and sends it with `sendEvents`. The same seed and count always
 * send the same events, ids included, so the facts of a rerun have the same fact ids.
 *
 * @example
 * const producer = createEventProducer({ firehose: new FirehoseClient({ endpoint, region: 'us-east-1' }), producer: 'demo-service' });
 * const report = await sendScenario({ producer, events: 100_000, seed: 42, onProgress: (p) => console.log(p.sent) });
 * await producer.close();
 */
export function sendScenario(options: SendScenarioOptions): Promise<SendReport> {
  const { events, seed, start, days, ...send } = options;
  const scenario: ScenarioOptions = { events, ...(seed === undefined ? {} : { seed }), ...(start === undefined ? {} : { start }), ...(days === undefined ? {} : { days }) };
  return sendEvents({ ...send, events: generateScenario(scenario), total: events });
}
