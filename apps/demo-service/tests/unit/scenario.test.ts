import { describe, expect, it } from 'vitest';
import { validateEvent } from '@factline/events';
import { generateScenario, type DemoEvent } from '@factline/demo-service';

const take = (events: number, seed = 42): DemoEvent[] => [...generateScenario({ events, seed })];

describe('the demo scenario', () => {
  it('produces exactly the number of events asked for, every one valid against its schema', () => {
    const events = take(20_000);
    expect(events).toHaveLength(20_000);
    for (const event of events) {
      const result = validateEvent(event.type, event.version, event.payload);
      expect(result, `${event.type} ${JSON.stringify(event.payload)}`).toEqual({ ok: true });
    }
  });

  it('is a realistic mix: every event type occurs, bookings dominate', () => {
    const counts = new Map<string, number>();
    for (const event of take(20_000)) counts.set(event.type, (counts.get(event.type) ?? 0) + 1);
    expect([...counts.keys()].sort()).toHaveLength(12);
    expect(counts.get('booking.requested')!).toBeGreaterThan(counts.get('accommodation.listed')!);
    expect(counts.get('accommodation_provider.deactivated')!).toBeGreaterThan(0);
  });

  it('is consistent: events refer only to entities created before them, and time never goes back', () => {
    const known = new Set<string>();
    let last = '';
    for (const event of take(20_000)) {
      expect(event.occurredAt >= last).toBe(true);
      last = event.occurredAt;
      const p = event.payload as unknown as Record<string, string>;
      if (event.type === 'accommodation_provider.signed_up') known.add(p['providerId']!);
      else if (event.type === 'accommodation.listed') {
        expect(known.has(p['providerId']!)).toBe(true);
        known.add(p['accommodationId']!);
      } else if (event.type === 'booking.requested') {
        expect(known.has(p['accommodationId']!)).toBe(true);
        known.add(p['bookingId']!);
      } else {
        const id = p['providerId'] ?? p['accommodationId'] ?? p['bookingId'];
        expect(known.has(id!), event.type).toBe(true);
      }
    }
  });

  it('is deterministic: the same seed gives the same events, ids included; another seed does not', () => {
    expect(take(2_000)).toEqual(take(2_000));
    expect(take(50, 7)).not.toEqual(take(50, 8));
  });

  it('uses unique, time-ordered UUIDv7 event ids', () => {
    const ids = take(5_000).map((e) => e.eventId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id))).toBe(true);
  });
});
