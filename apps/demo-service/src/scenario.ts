// The demo scenario: a seeded simulation of the marketplace. Providers sign up and change their details,
// accommodations are listed and repriced, bookings are requested, confirmed and cancelled, some providers are
// deactivated (and their accommodations delisted). Every event is valid against its schema and consistent with the
// ones before it, and the same options always give the same events, ids included.
import type { EventPayloads, EventType, LatestEventVersions } from '@factline/events';
import { IndexedSet } from './indexed-set.js';
import { createRandom, uuidV7, type Random } from './random.js';
import * as words from './vocabulary.js';

export type DemoEvent = {
  [T in EventType]: { type: T; version: LatestEventVersions[T]; payload: EventPayloads[T][LatestEventVersions[T]]; eventId: string; occurredAt: string };
}[EventType];

export interface ScenarioOptions {
  /** How many events to generate. */
  events: number;
  /** Default 42. */
  seed?: number;
  /** Simulated time of the first event. Default 2026-01-01T00:00:00Z. */
  start?: Date;
  /** Simulated days the events spread over. Default 90. */
  days?: number;
}

interface Provider {
  id: string;
  accommodations: Set<number>;
}
interface Accommodation {
  id: string;
  provider: number;
  currency: string;
  priceMinor: number;
  maxGuests: number;
}

const dayMs = 86_400_000;
// Formatting a Date is slow next to the rest of an event, and the scenario's dates fall on a few hundred days.
const isoDates = new Map<number, string>();
const isoDate = (ms: number): string => {
  const day = Math.floor(ms / dayMs);
  let date = isoDates.get(day);
  if (date === undefined) {
    date = new Date(day * dayMs).toISOString().slice(0, 10);
    isoDates.set(day, date);
  }
  return date;
};

/** Relative frequency of each action while it is possible. */
const weights = {
  signUp: 6,
  updateInfo: 3,
  deactivate: 0.7,
  reactivate: 0.3,
  list: 10,
  reprice: 8,
  updateDetails: 4,
  delist: 1,
  remove: 0.5,
  request: 40,
  confirm: 20,
  cancel: 7,
} as const;
type Action = keyof typeof weights;

/**
 * Generates the scenario lazily, in time order.
 *
 * @example
 * for (const event of generateScenario({ events: 1000, seed: 7 })) await producer.send(event.type, event.payload, { eventId: event.eventId, occurredAt: event.occurredAt });
 */
export function* generateScenario(options: ScenarioOptions): Generator<DemoEvent> {
  const random = createRandom(options.seed ?? 42);
  const idRandom = createRandom((options.seed ?? 42) ^ 0x5bd1e995);
  const start = (options.start ?? new Date('2026-01-01T00:00:00Z')).getTime();
  const meanGap = ((options.days ?? 90) * dayMs) / Math.max(1, options.events);
  let now = start;

  const providers: Provider[] = [];
  const accommodations: Accommodation[] = [];
  const active = new IndexedSet<number>();
  const deactivated = new IndexedSet<number>();
  const listed = new IndexedSet<number>();
  const delisted = new IndexedSet<number>();
  const requested = new IndexedSet<string>();
  const confirmed = new IndexedSet<string>();
  const pending: DemoEvent[] = [];

  const make = <T extends EventType>(type: T, payload: EventPayloads[T][LatestEventVersions[T]], at = now): DemoEvent =>
    ({ type, version: 1, payload, eventId: uuidV7(at, idRandom), occurredAt: new Date(at).toISOString() }) as DemoEvent;

  const possible = (action: Action): boolean => {
    switch (action) {
      case 'signUp':
        return true;
      case 'updateInfo':
      case 'deactivate':
        return active.size > 0;
      case 'reactivate':
        return deactivated.size > 0;
      case 'list':
        return active.size > 0;
      case 'reprice':
      case 'updateDetails':
      case 'delist':
      case 'request':
        return listed.size > 0;
      case 'remove':
        return listed.size + delisted.size > 0;
      case 'confirm':
        return requested.size > 0;
      case 'cancel':
        return requested.size + confirmed.size > 0;
    }
  };

  const chooseAction = (): Action => {
    const candidates = (Object.keys(weights) as Action[]).filter(possible);
    const total = candidates.reduce((sum, a) => sum + weights[a], 0);
    let roll = random.next() * total;
    for (const action of candidates) {
      roll -= weights[action];
      if (roll < 0) return action;
    }
    return 'signUp';
  };

  const act = (action: Action): DemoEvent => {
    switch (action) {
      case 'signUp': {
        const id = uuidV7(now, idRandom);
        providers.push({ id, accommodations: new Set() });
        active.add(providers.length - 1);
        const company = random.chance(0.35);
        const first = random.pick(words.firstNames);
        const last = random.pick(words.lastNames);
        const name = company ? `${random.pick(words.companyWords)} ${random.pick(words.companySuffixes)}` : `${first} ${last}`;
        return make('accommodation_provider.signed_up', {
          providerId: id,
          basicInfo: { name, email: emailFor(name, providers.length, random) },
          kind: company ? 'company' : 'individual',
          country: random.pick(words.places).country,
        });
      }
      case 'updateInfo': {
        const provider = providers[active.pick(random)!]!;
        const which = random.int(0, 2);
        const name = `${random.pick(words.firstNames)} ${random.pick(words.lastNames)}`;
        const basicInfo = which === 0 ? { name } : which === 1 ? { email: emailFor(name, random.int(1, 99999), random) } : { name, email: emailFor(name, random.int(1, 99999), random) };
        return make('accommodation_provider.basic_info_updated', { providerId: provider.id, basicInfo });
      }
      case 'deactivate': {
        const index = active.pick(random)!;
        active.delete(index);
        deactivated.add(index);
        const provider = providers[index]!;
        // A deactivated provider's listings come down with it, a moment later.
        let at = now;
        for (const a of provider.accommodations) {
          if (!listed.has(a)) continue;
          listed.delete(a);
          delisted.add(a);
          at += 1000;
          pending.push(make('accommodation.delisted', { accommodationId: accommodations[a]!.id, reason: 'provider_deactivated' }, at));
        }
        return make('accommodation_provider.deactivated', { providerId: provider.id, reason: random.pick(['requested_by_provider', 'policy_violation', 'inactivity'] as const) });
      }
      case 'reactivate': {
        const index = deactivated.pick(random)!;
        deactivated.delete(index);
        active.add(index);
        return make('accommodation_provider.reactivated', { providerId: providers[index]!.id });
      }
      case 'list': {
        const providerIndex = active.pick(random)!;
        const place = random.pick(words.places);
        const kind = random.pick(words.kinds);
        const [low, high] = words.nightlyPriceRange[place.currency]!;
        const accommodation: Accommodation = { id: uuidV7(now, idRandom), provider: providerIndex, currency: place.currency, priceMinor: roundPrice(random.int(low, high), place.currency), maxGuests: kind === 'room' ? random.int(1, 2) : random.int(2, 10) };
        accommodations.push(accommodation);
        const index = accommodations.length - 1;
        listed.add(index);
        providers[providerIndex]!.accommodations.add(index);
        return make('accommodation.listed', {
          accommodationId: accommodation.id,
          providerId: providers[providerIndex]!.id,
          title: `${random.pick(words.adjectives)} ${words.nouns[kind]} ${random.pick(words.nearby)}`,
          kind,
          address: words.address(random.pick(words.streets), random.int(1, 240), place),
          maxGuests: accommodation.maxGuests,
          nightlyPrice: { amountMinor: accommodation.priceMinor, currency: accommodation.currency },
          amenities: random.sample(words.amenities, random.int(1, 6)),
          availableFrom: isoDate(now + random.int(0, 30) * dayMs),
        });
      }
      case 'reprice': {
        const accommodation = accommodations[listed.pick(random)!]!;
        accommodation.priceMinor = roundPrice(Math.max(100, Math.round(accommodation.priceMinor * (0.8 + random.next() * 0.45))), accommodation.currency);
        return make('accommodation.repriced', { accommodationId: accommodation.id, nightlyPrice: { amountMinor: accommodation.priceMinor, currency: accommodation.currency } });
      }
      case 'updateDetails': {
        const accommodation = accommodations[listed.pick(random)!]!;
        const change = random.int(0, 2);
        if (change === 0) return make('accommodation.details_updated', { accommodationId: accommodation.id, title: `${random.pick(words.adjectives)} place ${random.pick(words.nearby)}` });
        if (change === 1) {
          accommodation.maxGuests = Math.min(50, Math.max(1, accommodation.maxGuests + random.int(-1, 2)));
          return make('accommodation.details_updated', { accommodationId: accommodation.id, maxGuests: accommodation.maxGuests });
        }
        return make('accommodation.details_updated', { accommodationId: accommodation.id, amenities: random.sample(words.amenities, random.int(1, 7)) });
      }
      case 'delist': {
        const index = listed.pick(random)!;
        listed.delete(index);
        delisted.add(index);
        return make('accommodation.delisted', { accommodationId: accommodations[index]!.id, reason: random.pick(['provider_request', 'quality'] as const) });
      }
      case 'remove': {
        const fromListed = delisted.size === 0 || (listed.size > 0 && random.chance(0.3));
        const index = (fromListed ? listed : delisted).pick(random)!;
        listed.delete(index);
        delisted.delete(index);
        providers[accommodations[index]!.provider]!.accommodations.delete(index);
        return make('accommodation.removed', { accommodationId: accommodations[index]!.id });
      }
      case 'request': {
        const accommodation = accommodations[listed.pick(random)!]!;
        const nights = random.int(1, 14);
        const checkIn = now + random.int(1, 120) * dayMs;
        const bookingId = uuidV7(now, idRandom);
        requested.add(bookingId);
        return make('booking.requested', {
          bookingId,
          accommodationId: accommodation.id,
          tenantId: uuidV7(now - random.int(0, 365) * dayMs, idRandom),
          checkIn: isoDate(checkIn),
          checkOut: isoDate(checkIn + nights * dayMs),
          guests: random.int(1, accommodation.maxGuests),
          totalPrice: { amountMinor: accommodation.priceMinor * nights, currency: accommodation.currency },
          expiresAt: new Date(now + dayMs).toISOString(),
        });
      }
      case 'confirm': {
        const bookingId = requested.pick(random)!;
        requested.delete(bookingId);
        confirmed.add(bookingId);
        return make('booking.confirmed', { bookingId });
      }
      case 'cancel': {
        const fromRequested = confirmed.size === 0 || (requested.size > 0 && random.chance(0.5));
        const bookingId = (fromRequested ? requested : confirmed).pick(random)!;
        requested.delete(bookingId);
        confirmed.delete(bookingId);
        const cancelledBy = random.pick(['tenant', 'tenant', 'provider', 'platform'] as const);
        const reason = random.chance(0.4) ? random.pick(['Plans changed', 'Found another place', 'Double booking', 'Dates no longer available', null]) : null;
        return make('booking.cancelled', { bookingId, cancelledBy, ...(reason === null && random.chance(0.5) ? {} : { reason }) });
      }
    }
  };

  for (let produced = 0; produced < options.events; produced++) {
    const queued = pending.shift();
    if (queued) {
      yield queued;
      continue;
    }
    now += Math.max(1, Math.round(random.exponential(meanGap)));
    const event = act(chooseAction());
    // Follow-ups (delistings) are due after this event; keep time order.
    if (pending.length > 0) now = Math.max(now, Date.parse(pending[pending.length - 1]!.occurredAt));
    yield event;
  }
}

function emailFor(name: string, n: number, random: Random): string {
  const local = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');
  return `${local}.${n}@${random.pick(words.emailDomains)}`;
}

/** Prices end in 00 (or in whole yen). */
function roundPrice(minor: number, currency: string): number {
  return currency === 'JPY' ? Math.round(minor / 100) * 100 : Math.max(100, Math.round(minor / 100) * 100);
}
