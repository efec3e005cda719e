// The domains the drill runs: the real one, and a copy with a deliberately wrong mapping (the provider's email
// written into its name fact, by sign-up and by basic-info updates).
import { domain, type RuntimeDomain } from '@factline/events';

const wrongName = { pointer: '/basicInfo/email' };

/** The real domain with `accommodation_provider.name` mapped from `/basicInfo/email`. */
export function buggyDomain(): RuntimeDomain {
  const events = { ...domain.events };
  for (const key of ['accommodation_provider.signed_up@1', 'accommodation_provider.basic_info_updated@1']) {
    const event = events[key]!;
    if (event.mapping.kind !== 'declared') throw new Error(`${key} is expected to have a declared mapping`);
    events[key] = { ...event, mapping: { ...event.mapping, facts: event.mapping.facts.map((fact) => (fact.fact === 'accommodation_provider.name' ? { ...fact, value: wrongName } : fact)) } };
  }
  return { ...domain, events };
}

export { domain as fixedDomain };

/**
 * The real domain with a validator bug: `booking.requested` refuses more than four guests (the schema allows 50),
 * so records holding such an event land in processing-failed.
 */
export function strictGuestsDomain(): RuntimeDomain {
  const key = 'booking.requested@1';
  const event = domain.events[key]!;
  const original = event.validate;
  const validate = Object.assign(
    (data: unknown): boolean => {
      if (typeof data === 'object' && data !== null && Number((data as { guests?: unknown }).guests) > 4) {
        validate.errors = [{ instancePath: '/guests', schemaPath: '#/properties/guests/maximum', keyword: 'maximum', params: { limit: 4 }, message: 'must be <= 4' }];
        return false;
      }
      const ok = original(data);
      validate.errors = original.errors ?? null;
      return ok;
    },
    { errors: null as typeof original.errors },
  );
  return { ...domain, events: { ...domain.events, [key]: { ...event, validate } } };
}
