// The sending side of the demo service: the scenario's events go through the typed producer, over real HTTP, with
// their own ids and times, routed to their entity's stream; progress is reported; failures are counted, not lost.
import { FirehoseClient } from '@aws-sdk/client-firehose';
import { afterEach, describe, expect, it } from 'vitest';
import { createEventProducer, eventCatalog, type EventProducer } from '@factline/events';
import { generateScenario, sendEvents, sendScenario, type SendProgress } from '@factline/demo-service';
import { startFirehoseEndpoint, type FirehoseEndpoint } from '../support/firehose-endpoint.js';

let endpoint: FirehoseEndpoint | undefined;
let producer: EventProducer | undefined;
afterEach(async () => {
  await producer?.close().catch(() => undefined);
  await endpoint?.stop();
  endpoint = undefined;
  producer = undefined;
});

function producerFor(url: string): EventProducer {
  const firehose = new FirehoseClient({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  return createEventProducer({ firehose, producer: 'demo-service', lingerMs: 5, retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5 } });
}

const received = (e: FirehoseEndpoint): Record<string, unknown>[] => [...e.lines.values()].flat().map((line) => JSON.parse(line) as Record<string, unknown>);

describe('sendScenario', () => {
  it("sends every event of the scenario once, with the scenario's event id, occurred_at and payload, to its entity's stream", async () => {
    // Prepare
    endpoint = await startFirehoseEndpoint();
    producer = producerFor(endpoint.endpoint);
    const expected = [...generateScenario({ events: 2000, seed: 9 })];
    // Act
    const report = await sendScenario({ producer, events: 2000, seed: 9 });
    // Assess
    expect(report).toMatchObject({ sent: 2000, undelivered: 0, aborted: false });
    const byId = new Map(received(endpoint).map((envelope) => [envelope['event_id'], envelope]));
    expect(byId.size).toBe(2000);
    for (const event of expected) {
      expect(byId.get(event.eventId)).toEqual({ event_id: event.eventId, event_type: event.type, event_version: event.version, occurred_at: event.occurredAt, producer: 'demo-service', payload: event.payload });
    }
    for (const [stream, lines] of endpoint.lines) {
      const types = new Set(lines.map((line) => (JSON.parse(line) as { event_type: keyof typeof eventCatalog }).event_type));
      for (const type of types) expect(eventCatalog[type].deliveryStreamName).toBe(stream);
    }
    expect(Object.values(report.byType).reduce((a, b) => a + b, 0)).toBe(2000);
  });

  it('reports progress every progressEvery events and once at the end, with the acknowledged count', async () => {
    // Prepare
    endpoint = await startFirehoseEndpoint();
    producer = producerFor(endpoint.endpoint);
    const seen: SendProgress[] = [];
    // Act
    await sendScenario({ producer, events: 250, seed: 1, progressEvery: 100, onProgress: (p) => seen.push(p) });
    // Assess
    expect(seen.map((p) => [p.sent, p.total])).toEqual([
      [100, 250],
      [200, 250],
      [250, 250],
    ]);
    expect(seen.at(-1)?.delivered).toBe(250);
  });

  it('sends the same events again for the same seed, so a rerun repeats event ids instead of inventing new ones', async () => {
    // Prepare
    endpoint = await startFirehoseEndpoint();
    producer = producerFor(endpoint.endpoint);
    // Act
    await sendScenario({ producer, events: 300, seed: 4 });
    const first = received(endpoint).map((e) => e['event_id']).sort();
    endpoint.lines.clear();
    await sendScenario({ producer, events: 300, seed: 4 });
    const second = received(endpoint).map((e) => e['event_id']).sort();
    // Assess
    expect(second).toEqual(first);
  });

  it('counts the events Firehose never acknowledged as undelivered instead of losing them silently', async () => {
    // Prepare
    endpoint = await startFirehoseEndpoint({ refuse: ['factline-booking'] });
    producer = producerFor(endpoint.endpoint);
    const bookings = [...generateScenario({ events: 500, seed: 3 })].filter((e) => e.type.startsWith('booking.')).length;
    // Act
    const report = await sendScenario({ producer, events: 500, seed: 3 });
    // Assess
    expect(bookings).toBeGreaterThan(0);
    expect(report.undelivered).toBe(bookings);
    expect(report.undeliveredError?.message).toContain('factline-booking');
    expect(received(endpoint)).toHaveLength(500 - bookings);
  });
});

describe('sendEvents', () => {
  it('stops at the abort signal and still flushes what it sent', async () => {
    // Prepare
    endpoint = await startFirehoseEndpoint();
    producer = producerFor(endpoint.endpoint);
    const controller = new AbortController();
    const events = [...generateScenario({ events: 100, seed: 2 })];
    // Act
    const report = await sendEvents({ producer, events, progressEvery: 10, onProgress: (p) => p.sent === 40 && controller.abort(), signal: controller.signal });
    // Assess
    expect(report).toMatchObject({ sent: 40, aborted: true, undelivered: 0 });
    expect(received(endpoint).map((e) => e['event_id']).sort()).toEqual(events.slice(0, 40).map((e) => e.eventId).sort());
  });

  it('waits for pace before every 100th event, so a full receiver holds the sending back', async () => {
    // Prepare
    endpoint = await startFirehoseEndpoint();
    producer = producerFor(endpoint.endpoint);
    const acceptedAtPace: number[] = [];
    let release: () => void = () => undefined;
    const pace = (): Promise<void> | void => {
      acceptedAtPace.push(producer!.metrics().eventsAccepted);
      // Hold the sending at 200 events until the test lets it go on.
      if (acceptedAtPace.length === 3) return new Promise<void>((resolve) => (release = resolve));
    };
    // Act
    const sending = sendEvents({ producer, events: generateScenario({ events: 250, seed: 5 }), pace });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const heldAt = producer.metrics().eventsAccepted;
    release();
    const report = await sending;
    // Assess
    expect(acceptedAtPace).toEqual([0, 100, 200]);
    expect(heldAt).toBe(200);
    expect(report.sent).toBe(250);
  });
});
