import { describe, expect, it } from 'vitest';
import { validateEnvelope, validateEvent } from '@factline/events';

const providerId = '0190f2a4-8b7c-7d3e-9f10-1a2b3c4d5e6f';

describe('validateEvent', () => {
  it('accepts a valid payload', () => {
    expect(validateEvent('accommodation_provider.signed_up', 1, { providerId, basicInfo: { name: 'Ana', email: 'ana@example.com' }, kind: 'individual', country: 'PT' })).toEqual({ ok: true });
  });

  it('names the JSON Pointer and the rule of every issue', () => {
    const result = validateEvent('accommodation_provider.basic_info_updated', 1, { providerId: 'nope', basicInfo: { emial: 'x' } });
    expect(result).toEqual({
      ok: false,
      issues: [
        { pointer: '/providerId', rule: 'format', message: '/providerId must be a valid uuid' },
        { pointer: '/basicInfo/emial', rule: 'additionalProperties', message: '/basicInfo/emial is not allowed (the schema does not define this property)' },
      ],
    });
  });

  it('reports a missing required property at its own pointer', () => {
    const result = validateEvent('booking.cancelled', 1, { bookingId: providerId });
    expect(!result.ok && result.issues).toEqual([{ pointer: '/cancelledBy', rule: 'required', message: '/cancelledBy is required' }]);
  });

  it('lists the allowed values of an enum', () => {
    const result = validateEvent('booking.cancelled', 1, { bookingId: providerId, cancelledBy: 'robot' });
    expect(!result.ok && result.issues[0]?.message).toBe('/cancelledBy must be one of "tenant", "provider", "platform"');
  });

  it('refuses an unknown event type or version with a clear issue', () => {
    expect(validateEvent('booking.teleported', 1, {})).toEqual({ ok: false, issues: [{ pointer: '', rule: 'unknown-event', message: 'unknown event type "booking.teleported"' }] });
    expect(validateEvent('booking.confirmed', 7, {})).toEqual({ ok: false, issues: [{ pointer: '', rule: 'unknown-event', message: 'booking.confirmed has no version 7 (known: 1)' }] });
  });
});

describe('validateEnvelope', () => {
  it('checks the envelope fields', () => {
    const envelope = { event_id: providerId, event_type: 'booking.confirmed', event_version: 1, occurred_at: '2026-05-01T10:00:00Z', producer: 'booking-service', payload: {} };
    expect(validateEnvelope(envelope)).toEqual({ ok: true });
    expect(validateEnvelope({ ...envelope, occurred_at: 'yesterday' })).toMatchObject({ ok: false, issues: [{ pointer: '/occurred_at', rule: 'format' }] });
  });
});
