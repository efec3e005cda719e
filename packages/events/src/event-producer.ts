// The typed face of the producer: a service names an event and gives its payload; the envelope is filled, the event
// validated with the generated validators (an invalid one is never sent) and routed to its entity's stream.
import { createProducer, type FailedEvent, type Producer, type ProducerMetrics, type ProducerOptions } from '@factline/producer';
import { v7 as uuidv7 } from 'uuid';
import { eventCatalog } from './generated/event-catalog.js';
import type { EventPayloads, LatestEventVersions } from './generated/types.js';
import type { EventType, EventVersion } from './mapper-types.js';
import { validateEnvelope, validateEvent } from './validate-event.js';
import type { ValidationIssue } from './validation-issues.js';

/** An event as it travels: the envelope with a typed payload. */
export interface EventEnvelope<T extends EventType = EventType, V extends EventVersion<T> = EventVersion<T>> {
  event_id: string;
  event_type: T;
  event_version: V;
  occurred_at: string;
  producer: string;
  payload: EventPayloads[T][V];
}

export interface SendOptions {
  /** When it happened in the domain. Default: now. A Date, or an RFC 3339 string with a time zone. */
  occurredAt?: Date | string;
  /** The event id. Default: a new UUIDv7. Pass one to make a resend recognisable as the same event. */
  eventId?: string;
}

export interface EventProducerOptions extends Omit<ProducerOptions<EventEnvelope>, 'onFailure'> {
  /** The name of the sending service, recorded in every envelope (`^[a-z][a-z0-9-]*$`, ≤ 64). */
  producer: string;
  /** Maps an event's default delivery stream name (from the generated settings) to the one to use, e.g. per stage. */
  streamName?: (defaultName: string, entity: string) => string;
  /** Receives the events that could not be delivered, with their envelopes; see `@factline/producer`. */
  onFailure?: (failures: readonly FailedEvent<EventEnvelope>[]) => void | Promise<void>;
}

export interface EventProducer {
  /**
   * Validates and queues an event in the latest version of its schema. Resolves with the envelope once the event
   * is in the buffer; rejects with an `EventValidationError` (never sent) when the payload or envelope is invalid.
   */
  send<T extends EventType>(type: T, payload: EventPayloads[T][LatestEventVersions[T]], options?: SendOptions): Promise<EventEnvelope<T>>;
  /** The same, for a given (older) version of the event's schema. */
  sendVersion<T extends EventType, V extends EventVersion<T>>(type: T, version: V, payload: EventPayloads[T][V], options?: SendOptions): Promise<EventEnvelope<T, V>>;
  flush(): Promise<void>;
  close(): Promise<void>;
  metrics(): ProducerMetrics;
}

export class EventValidationError extends Error {
  readonly code = 'INVALID_EVENT';
  constructor(
    readonly eventType: string,
    readonly version: number,
    readonly issues: readonly ValidationIssue[],
  ) {
    super(`${eventType} v${version} is invalid and was not sent: ${issues.map((i) => `${i.message} (${i.rule})`).join('; ')}`);
    this.name = 'EventValidationError';
  }
}

/**
 * @example
 * const producer = createEventProducer({ firehose: new FirehoseClient({}), producer: 'accommodation-service' });
 * await producer.send('accommodation_provider.basic_info_updated', { providerId, basicInfo: { name, email } });
 * await producer.close(); // flushes
 */
export function createEventProducer(options: EventProducerOptions): EventProducer {
  const { producer: producerName, streamName: mapStreamName, ...producerOptions } = options;
  const inner: Producer<EventEnvelope> = createProducer<EventEnvelope>(producerOptions);

  const sendVersion = async (type: string, version: number, payload: unknown, sendOptions: SendOptions = {}): Promise<EventEnvelope> => {
    const entry = (eventCatalog as Record<string, (typeof eventCatalog)[EventType]>)[type];
    const payloadResult = validateEvent(type, version, payload);
    if (!payloadResult.ok) throw new EventValidationError(type, version, payloadResult.issues);
    const occurred = sendOptions.occurredAt ?? new Date();
    const envelope = {
      event_id: sendOptions.eventId ?? uuidv7(),
      event_type: type,
      event_version: version,
      occurred_at: typeof occurred === 'string' ? occurred : occurred.toISOString(),
      producer: producerName,
      payload,
    } as EventEnvelope;
    const envelopeResult = validateEnvelope(envelope);
    if (!envelopeResult.ok) throw new EventValidationError(type, version, envelopeResult.issues);
    const defaultName = entry!.deliveryStreamName;
    await inner.send(mapStreamName ? mapStreamName(defaultName, entry!.entity) : defaultName, JSON.stringify(envelope), envelope);
    return envelope;
  };

  return {
    send: (type, payload, sendOptions) => sendVersion(type, eventCatalog[type].latestVersion, payload, sendOptions) as never,
    sendVersion: (type, version, payload, sendOptions) => sendVersion(type, version, payload, sendOptions) as never,
    flush: () => inner.flush(),
    close: () => inner.close(),
    metrics: () => inner.metrics(),
  };
}
