// Realistic envelopes of the sample domain (schemas/events/**), seeded so every run sends the same bytes.
// The mix is a busy marketplace: bookings and price changes dominate, sign-ups and removals are rare.

export interface SampleEvent {
  streamName: string;
  line: string;
}

type Random = () => number;

/** mulberry32: a small seeded PRNG, so the benchmark input is the same on every run. */
function seeded(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function hex(random: Random, digits: number): string {
  let out = '';
  while (out.length < digits) out += ((random() * 0x1_0000_0000) >>> 0).toString(16).padStart(8, '0');
  return out.slice(0, digits);
}
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const int = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

/** UUIDv7: 48 bits of Unix milliseconds, version 7, variant 10, random rest (RFC 9562). */
function uuidv7(random: Random, ms: number): string {
  const time = ms.toString(16).padStart(12, '0');
  const variant = (8 + Math.floor(random() * 4)).toString(16);
  return `${time.slice(0, 8)}-${time.slice(8)}-7${hex(random, 3)}-${variant}${hex(random, 3)}-${hex(random, 12)}`;
}
const uuidv4 = (random: Random) => `${hex(random, 8)}-${hex(random, 4)}-4${hex(random, 3)}-${pick(random, ['8', '9', 'a', 'b'])}${hex(random, 3)}-${hex(random, 12)}`;

const firstNames = ['Ana', 'Jonas', 'Mei', 'Olusegun', 'Inès', 'Mateo', 'Sofia', 'Liam', 'Aylin', 'Kenji', 'Marta', 'Noah'];
const lastNames = ['Silva', 'Müller', 'Chen', 'Adeyemi', 'Dubois', 'García', 'Rossi', 'Murphy', 'Yılmaz', 'Tanaka', 'Nowak'];
const cities = [['Lisboa', 'PT'], ['Berlin', 'DE'], ['Amsterdam', 'NL'], ['Barcelona', 'ES'], ['Firenze', 'IT'], ['Kraków', 'PL'], ['Galway', 'IE']] as const;
const streets = ['Rua Augusta', 'Kastanienallee', 'Prinsengracht', 'Carrer de Verdi', 'Via dei Neri', 'ul. Floriańska', 'Quay Street'];
const adjectives = ['Sunny', 'Quiet', 'Charming', 'Spacious', 'Cosy', 'Bright', 'Renovated', 'Historic'];
const places = ['studio', 'apartment', 'loft', 'townhouse', 'cabin', 'room', 'flat'];
const nearBy = ['near the old town', 'with a canal view', 'steps from the beach', 'close to the station', 'with a garden', 'in a lively neighbourhood'];
const amenities = ['wifi', 'kitchen', 'parking', 'pool', 'air_conditioning', 'washer', 'pets_allowed', 'wheelchair_accessible'];
const currencies = ['EUR', 'EUR', 'EUR', 'GBP', 'PLN', 'USD'];
const reasons = ['Plans changed', 'Found a place closer to the venue', 'Travel dates moved because of a work trip that was rescheduled at short notice', 'The flight was cancelled'];

function address(random: Random) {
  const [city, country] = pick(random, cities);
  return { street: `${pick(random, streets)} ${int(random, 1, 240)}`, city, postalCode: String(int(random, 10_000, 99_999)), country };
}
const money = (random: Random, min: number, max: number) => ({ amountMinor: int(random, min, max) * 100, currency: pick(random, currencies) });
const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const someAmenities = (random: Random) => amenities.filter(() => random() < 0.45);
const title = (random: Random) => `${pick(random, adjectives)} ${pick(random, places)} ${pick(random, nearBy)}`;
const person = (random: Random) => `${pick(random, firstNames)} ${pick(random, lastNames)}`;

type Payload = (random: Random, now: number) => Record<string, unknown>;

const mix: readonly { type: string; weight: number; payload: Payload }[] = [
  { type: 'accommodation_provider.signed_up', weight: 2, payload: (r) => {
    const name = person(r);
    return { providerId: uuidv4(r), basicInfo: { name, email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.com` }, kind: pick(r, ['individual', 'company']), country: pick(r, cities)[1] };
  } },
  { type: 'accommodation_provider.basic_info_updated', weight: 3, payload: (r) => ({ providerId: uuidv4(r), basicInfo: r() < 0.5 ? { name: person(r) } : { email: `host${int(r, 1, 99_999)}@example.com` } }) },
  { type: 'accommodation_provider.deactivated', weight: 0.5, payload: (r) => ({ providerId: uuidv4(r), reason: pick(r, ['requested_by_provider', 'policy_violation', 'inactivity']) }) },
  { type: 'accommodation_provider.reactivated', weight: 0.5, payload: (r) => ({ providerId: uuidv4(r) }) },
  { type: 'accommodation.listed', weight: 5, payload: (r, now) => ({ accommodationId: uuidv4(r), providerId: uuidv4(r), title: title(r), kind: pick(r, ['apartment', 'house', 'room', 'cabin', 'other']), address: address(r), maxGuests: int(r, 1, 8), nightlyPrice: money(r, 40, 400), amenities: someAmenities(r), availableFrom: date(now + int(r, 1, 60) * 86_400_000) }) },
  { type: 'accommodation.details_updated', weight: 8, payload: (r) => ({ accommodationId: uuidv4(r), ...(r() < 0.5 ? { title: title(r) } : {}), ...(r() < 0.4 ? { maxGuests: int(r, 1, 8) } : {}), ...(r() < 0.4 ? { amenities: someAmenities(r) } : { address: address(r) }) }) },
  { type: 'accommodation.repriced', weight: 15, payload: (r) => ({ accommodationId: uuidv4(r), nightlyPrice: money(r, 40, 400) }) },
  { type: 'accommodation.delisted', weight: 1, payload: (r) => ({ accommodationId: uuidv4(r), reason: pick(r, ['provider_request', 'provider_deactivated', 'quality']) }) },
  { type: 'accommodation.removed', weight: 0.5, payload: (r) => ({ accommodationId: uuidv4(r) }) },
  { type: 'booking.requested', weight: 30, payload: (r, now) => {
    const checkIn = now + int(r, 3, 120) * 86_400_000;
    return { bookingId: uuidv4(r), accommodationId: uuidv4(r), tenantId: uuidv4(r), checkIn: date(checkIn), checkOut: date(checkIn + int(r, 1, 14) * 86_400_000), guests: int(r, 1, 6), totalPrice: money(r, 80, 4_000), expiresAt: new Date(now + 86_400_000).toISOString() };
  } },
  { type: 'booking.confirmed', weight: 22, payload: (r) => ({ bookingId: uuidv4(r) }) },
  { type: 'booking.cancelled', weight: 6, payload: (r) => ({ bookingId: uuidv4(r), cancelledBy: pick(r, ['tenant', 'provider', 'platform']), reason: r() < 0.6 ? pick(r, reasons) : null }) },
];

const totalWeight = mix.reduce((sum, m) => sum + m.weight, 0);

/** Delivery stream of each event type, as `@factline/codegen` names it: 'factline-' + the entity in kebab case. */
const streams = new Map(mix.map((m) => [m.type, `factline-${m.type.slice(0, m.type.indexOf('.')).replaceAll('_', '-')}`]));

/** `count` envelopes of the sample domain, one JSON line each, with the stream of their entity. */
export function sampleEvents(count: number, seed = 20_260_501): SampleEvent[] {
  const random = seeded(seed);
  let now = Date.UTC(2026, 4, 1, 10, 0, 0);
  return Array.from({ length: count }, () => {
    now += int(random, 0, 40);
    let roll = random() * totalWeight;
    const kind = mix.find((m) => (roll -= m.weight) < 0) ?? mix[mix.length - 1]!;
    const envelope = {
      event_id: uuidv7(random, now),
      event_type: kind.type,
      event_version: 1,
      occurred_at: new Date(now).toISOString(),
      producer: kind.type.startsWith('booking.') ? 'booking-service' : 'accommodation-service',
      payload: kind.payload(random, now),
    };
    return { streamName: streams.get(kind.type)!, line: JSON.stringify(envelope) };
  });
}
