import { describe, expect, it } from 'vitest';
import { domain, typedMappers, type MapperContext } from '@factline/events';

const context: MapperContext = { eventId: 'e', eventType: 'booking.requested', eventVersion: 1, occurredAt: '2026-05-01T10:00:00.000Z', producer: 'booking-service' };
const request = {
  bookingId: '0190f2a4-8b7c-7d3e-9f10-1a2b3c4d5e6f',
  accommodationId: '0190f2a4-8b7c-7d3e-9f10-1a2b3c4d5e70',
  tenantId: '0190f2a4-8b7c-7d3e-9f10-1a2b3c4d5e71',
  checkIn: '2026-07-01',
  checkOut: '2026-07-05',
  guests: 2,
  totalPrice: { amountMinor: 48000, currency: 'EUR' },
  expiresAt: '2026-05-02T10:00:00Z',
};

describe('typed mappers', () => {
  it('exist for every event whose mapping says "typed"', () => {
    const typed = Object.entries(domain.events).filter(([, e]) => e.mapping.kind === 'typed').map(([key]) => key);
    expect(Object.keys(typedMappers).sort()).toEqual(typed.sort());
  });

  it('booking.requested derives the number of nights and produces exactly the declared facts', () => {
    const result = typedMappers['booking.requested@1'](request, context);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.facts.find((f) => f.fact === 'booking.nights')?.value).toBe(4);
    const declared = domain.events['booking.requested@1']!.mapping.facts.map((f) => f.fact);
    expect(result.facts.map((f) => f.fact)).toEqual(declared);
    for (const fact of result.facts) expect(domain.facts[`${fact.fact}@${fact.version}`]!.validate(fact.value), fact.fact).toBe(true);
  });

  it('booking.requested refuses a stay that ends before it starts, naming the pointer and rule', () => {
    expect(typedMappers['booking.requested@1']({ ...request, checkOut: '2026-07-01' }, context)).toEqual({
      ok: false,
      pointer: '/checkOut',
      rule: 'check-out-after-check-in',
      message: 'checkOut (2026-07-01) must be at least one day after checkIn (2026-07-01)',
    });
  });
});
