// booking.requested v1: the facts are the request's fields, plus `booking.nights`, which a declared mapping cannot
// compute (it is check-out minus check-in, in days).
import type { TypedMapper } from '../mapper-types.js';

const dayMs = 86_400_000;

export const bookingRequestedV1: TypedMapper<'booking.requested', 1> = (payload) => {
  const nights = Math.round((Date.parse(`${payload.checkOut}T00:00:00Z`) - Date.parse(`${payload.checkIn}T00:00:00Z`)) / dayMs);
  if (!(nights >= 1)) {
    return { ok: false, pointer: '/checkOut', rule: 'check-out-after-check-in', message: `checkOut (${payload.checkOut}) must be at least one day after checkIn (${payload.checkIn})` };
  }
  return {
    ok: true,
    facts: [
      { fact: 'booking.accommodation', version: 1, value: payload.accommodationId },
      { fact: 'booking.tenant', version: 1, value: payload.tenantId },
      { fact: 'booking.check_in', version: 1, value: payload.checkIn },
      { fact: 'booking.check_out', version: 1, value: payload.checkOut },
      { fact: 'booking.nights', version: 1, value: nights },
      { fact: 'booking.guests', version: 1, value: payload.guests },
      { fact: 'booking.total_price', version: 1, value: payload.totalPrice },
      { fact: 'booking.expires_at', version: 1, value: payload.expiresAt },
      { fact: 'booking.status', version: 1, value: 'requested' },
    ],
  };
};
