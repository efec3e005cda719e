// The public shapes of the producer: options, the producer itself, failure reports and metrics.
import type { FirehoseClient } from '@aws-sdk/client-firehose';

/**
 * One event as the caller serialised it: one line of JSON (no `\n` inside), as a string or as UTF-8 bytes.
 *
 * @example
 * const data: EventData = JSON.stringify(envelope);
 */
export type EventData = string | Uint8Array;

/**
 * How long and how often the producer retries a record before it hands its events back.
 *
 * @example
 * // Fit close() into a 20-second shutdown grace period.
 * const retry: RetryOptions = { maxElapsedMs: 10_000, maxAttempts: 8 };
 * createProducer({ firehose, retry, requestTimeoutMs: 5_000 });
 */
export interface RetryOptions {
  /** Most PutRecordBatch attempts for one record, the first included. Default 10. */
  maxAttempts?: number;
  /**
   * No attempt, the first included, starts later than this many milliseconds after the record was sealed (ready to
   * send: full, lingered, or flushed). Default 30,000. A record still waiting for a call slot then is handed back
   * with `TIME_BUDGET_EXHAUSTED`. With `requestTimeoutMs` it bounds how long `close()` takes when Firehose is down.
   */
  maxElapsedMs?: number;
  /** Backoff base: retry n waits a random time in [0, min(maxDelayMs, baseDelayMs × 2^(n-1))). Default 100. */
  baseDelayMs?: number;
  /** Backoff cap in milliseconds. Default 5,000. */
  maxDelayMs?: number;
}

/**
 * Options of {@link createProducer}; every one but `firehose` has a documented default.
 *
 * @example
 * const options: ProducerOptions<Envelope> = {
 *   firehose: new FirehoseClient({ region: 'eu-west-1' }),
 *   lingerMs: 500,
 *   onFailure: (failures) => deadLetters.save(failures),
 * };
 */
export interface ProducerOptions<C = unknown> {
  /**
   * The Firehose client the records are sent with. The producer owns retries: it turns the SDK's own retry layer
   * off for its PutRecordBatch calls (per command; the client itself is not changed).
   */
  firehose: FirehoseClient;
  /** Pack several events of one stream, newline-delimited, into one record. Default `true`. */
  packing?: boolean;
  /**
   * Byte budget of a packed record, newlines included. Default 5,120 (one Firehose billing unit); at most
   * 1,024,000. An event that cannot share a record within the budget goes alone.
   */
  maxRecordBytes?: number;
  /** Most records per PutRecordBatch call. Default and maximum 500. */
  maxBatchRecords?: number;
  /** Most record bytes per PutRecordBatch call. Default and maximum 4 MiB. */
  maxBatchBytes?: number;
  /**
   * How long an event may wait for more events to share its record and call, in milliseconds. Default 1,000:
   * small next to Firehose's own buffering interval, long enough to fill records at a few events per second.
   * `0` sends as soon as a call slot is free.
   */
  lingerMs?: number;
  /** Most PutRecordBatch calls in flight at once. Default 4. */
  maxConcurrency?: number;
  /**
   * Bound on the bytes of accepted events not yet delivered or failed (in flight and retrying included).
   * `send` waits while the buffer is full. Default 16 MiB.
   */
  maxBufferedBytes?: number;
  /** A call without an answer after this many milliseconds is aborted and retried. Default 10,000. */
  requestTimeoutMs?: number;
  /** Retry budget; see {@link RetryOptions}. */
  retry?: RetryOptions;
  /**
   * Receives the events that could not be delivered, with their data and context, as soon as their record gives
   * up. The producer awaits a returned promise before `flush()`/`close()` settle, so the hook can persist them.
   * The same events are also carried by the error `flush()`/`close()` reject with.
   */
  onFailure?: (failures: readonly FailedEvent<C>[]) => void | Promise<void>;
}

/**
 * Why an event was handed back: its record used all its attempts, ran out of time, or met an error that a retry
 * cannot fix (a missing stream, denied access).
 *
 * @example
 * if (failure.reason === 'not-retryable') alertOnCall(failure.error);
 */
export type FailureReason = 'attempts-exhausted' | 'time-exhausted' | 'not-retryable';

/**
 * One event that was not delivered, with everything needed to persist or resend it.
 *
 * @example
 * const onFailure = (failures: readonly FailedEvent<Envelope>[]) =>
 *   deadLetters.save(failures.map((f) => ({ stream: f.streamName, line: f.data, why: f.reason })));
 */
export interface FailedEvent<C = unknown> {
  /** The delivery stream it was sent to. */
  streamName: string;
  /** The event exactly as passed to `send` (a string stays a string, bytes stay bytes). */
  data: EventData;
  /** The context passed to `send`. */
  context: C | undefined;
  /** Why the producer gave up. */
  reason: FailureReason;
  /** The last error its record met: a `RecordFailedError`, a `ProducerError` or the SDK's error. */
  error: Error;
  /** PutRecordBatch attempts made for its record. */
  attempts: number;
}

/**
 * Counters since the producer was created; `metrics()` returns a fresh snapshot.
 *
 * @example
 * const { billableUnits, eventsDelivered, throttles } = producer.metrics();
 * gauge('firehose.units_per_1000_events', (billableUnits / eventsDelivered) * 1000);
 */
export interface ProducerMetrics {
  /** Events accepted into the buffer. */
  eventsAccepted: number;
  /** Events whose record Firehose acknowledged with a RecordId. */
  eventsDelivered: number;
  /** Events handed back through `onFailure` and `flush()`/`close()`. */
  eventsFailed: number;
  /** Events accepted and not yet delivered or failed. */
  eventsBuffered: number;
  /** Bytes of the buffered events (one newline each included). */
  bytesBuffered: number;
  /** `send` calls waiting for room in the buffer. */
  sendsWaiting: number;
  /** Records acknowledged by Firehose. */
  recordsDelivered: number;
  /** Records given up on. */
  recordsFailed: number;
  /** Bytes of the acknowledged records. */
  bytesDelivered: number;
  /** Firehose billing units of the acknowledged records: the sum of ceil(record bytes / 5,120). */
  billableUnits: number;
  /** PutRecordBatch calls made, retries included. */
  calls: number;
  /** Calls that failed as a whole (an exception, a timeout, a malformed answer). */
  callErrors: number;
  /** Calls in flight now. */
  callsInFlight: number;
  /** Records sent again after a failure. */
  retries: number;
  /** Records refused for throttling (ServiceUnavailableException in the answer or as the call's error, HTTP 429). */
  throttles: number;
}

/**
 * The producer returned by {@link createProducer}.
 *
 * @example
 * const producer: Producer<Envelope> = createProducer({ firehose });
 * await producer.send('factline-booking', JSON.stringify(envelope), envelope);
 * await producer.close();
 */
export interface Producer<C = unknown> {
  /**
   * Accepts one event for a delivery stream. Resolves when the event is in the buffer (waiting while it is full);
   * rejects at once with a `ProducerError` for a bad stream name, an empty event, an event with a newline inside,
   * an event over {@link maxEventBytes}, or a closed producer.
   */
  send(streamName: string, data: EventData, context?: C): Promise<void>;
  /**
   * Sends everything accepted so far at once and waits until each of those events is delivered or failed.
   * Rejects with a `DeliveryError` carrying every event that failed since the last `flush()`/`close()`.
   */
  flush(): Promise<void>;
  /** Refuses new events, then flushes. Calling it again returns the same promise. */
  close(): Promise<void>;
  /** A snapshot of the counters. */
  metrics(): ProducerMetrics;
}
