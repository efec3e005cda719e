// Realistic traffic of the sample domain, seeded: valid envelopes of every event type (UUIDv7 ids, plausible names,
// addresses, prices and dates), packed newline-delimited into records of at most 5 KB as the producer packs them.
import type { EventEnvelopeV1, EventPayloads } from '@factline/events';

/**
 * How often each event type occurs in the generated traffic (relative weights). Its keys are the types this generator
 * can make: a subset of the catalog's, so that adding an event does not break the build here (the benchmark names the
 * types it does not sample).
 */
export const eventMix = {
  'accommodation_provider.signed_up': 4,
  'accommodation_provider.basic_info_updated': 4,
  'accommodation_provider.deactivated': 1,
  'accommodation_provider.reactivated': 1,
  'accommodation.listed': 6,
  'accommodation.details_updated': 8,
  'accommodation.repriced': 12,
  'accommodation.delisted': 2,
  'accommodation.removed': 1,
  'booking.requested': 25,
  'booking.confirmed': 18,
  'booking.cancelled': 6,
} satisfies Partial<Record<keyof EventPayloads, number>>;

type EventType = keyof typeof eventMix;
type Payload<T extends EventType> = EventPayloads[T][1];

const producers: Record<string, string> = { accommodation_provider: 'provider-service', accommodation: 'listing-service', booking: 'booking-service' };
const firstNames = ['Ana', 'Bruno', 'Chloé', 'Dmitri', 'Eva', 'Farah', 'Giulia', 'Hiroshi', 'Inês', 'Jonas', 'Kasia', 'Léa', 'Mateo', 'Nora', 'Oskar', 'Priya'];
const lastNames = ['García', 'Müller', 'Rossi', 'Dubois', 'Kowalski', 'Silva', 'Jensen', 'Novák', 'Yılmaz', 'Sato', 'Andersson', 'Martin'];
const companies = ['Stays', 'Holiday Homes', 'Apartments', 'Retreats', 'Lodges', 'Suites'];
const cities: [string, string, string][] = [['Lisboa', 'PT', '1100-148'], ['Berlin', 'DE', '10115'], ['Barcelona', 'ES', '08001'], ['Paris', 'FR', '75011'], ['Kraków', 'PL', '31-042'], ['Roma', 'IT', '00184'], ['København', 'DK', '1552'], ['Praha', 'CZ', '110 00']];
// streets[i] is a street of cities[i].
const streets = ['Rua Augusta', 'Torstraße', 'Carrer de Mallorca', 'Rue Oberkampf', 'ulica Floriańska', 'Via Cavour', 'Vesterbrogade', 'Národní'];
const adjectives = ['Sunny', 'Quiet', 'Charming', 'Spacious', 'Cosy', 'Modern', 'Historic', 'Bright'];
const places = ['loft near the old town', 'apartment with balcony', 'house with garden', 'studio by the river', 'cabin in the hills', 'room close to the station'];
const amenities = ['wifi', 'kitchen', 'parking', 'pool', 'air_conditioning', 'washer', 'pets_allowed', 'wheelchair_accessible'] as const;
const reasons = ['Change of travel plans', 'Found a place closer to the venue', null, 'Flight cancelled', 'Family emergency'];

/** A seeded generator of sample-domain envelopes. */
export class SampleEvents {
  private state: number;
  private clock: number;
  private readonly providers: string[] = [];
  private readonly accommodations: string[] = [];
  private readonly bookings: string[] = [];
  private readonly weights: [EventType, number][];
  private readonly totalWeight: number;

  constructor(seed = 1, startMs = Date.UTC(2026, 4, 1, 10, 0, 0), mix: Partial<Record<EventType, number>> = eventMix) {
    this.state = seed >>> 0 || 1;
    this.clock = startMs;
    this.weights = Object.entries(mix).filter(([, w]) => (w ?? 0) > 0) as [EventType, number][];
    this.totalWeight = this.weights.reduce((sum, [, w]) => sum + w, 0);
  }

  /** The next envelope, of a type drawn from the mix. */
  next(): EventEnvelopeV1 {
    let pick = this.random() * this.totalWeight;
    for (const [type, weight] of this.weights) {
      pick -= weight;
      if (pick < 0) return this.envelope(type);
    }
    return this.envelope((this.weights[0] as [EventType, number])[0]);
  }

  /** One envelope of the given type. */
  envelope<T extends EventType>(type: T): EventEnvelopeV1 {
    this.clock += 1 + Math.floor(this.random() * 40);
    const payload = this.payload(type);
    const entity = type.slice(0, type.indexOf('.'));
    return { event_id: this.uuid7(this.clock), event_type: type, event_version: 1, occurred_at: new Date(this.clock).toISOString(), producer: producers[entity] ?? 'sample-service', payload };
  }

  private payload<T extends EventType>(type: T): Payload<T> {
    const make: { [K in EventType]: () => Payload<K> } = {
      'accommodation_provider.signed_up': () => {
        const providerId = this.remember(this.providers, this.uuid4());
        const company = this.random() < 0.4;
        const [first, last] = [this.pick(firstNames), this.pick(lastNames)];
        const name = company ? `${last} ${this.pick(companies)}` : `${first} ${last}`;
        return { providerId, basicInfo: { name, email: this.email(first, last) }, kind: company ? 'company' : 'individual', country: this.pick(cities)[1] };
      },
      'accommodation_provider.basic_info_updated': () => {
        const [first, last] = [this.pick(firstNames), this.pick(lastNames)];
        const roll = this.random();
        const basicInfo = roll < 0.4 ? { email: this.email(first, last) } : roll < 0.7 ? { name: `${first} ${last}` } : { name: `${first} ${last}`, email: this.email(first, last) };
        return { providerId: this.existing(this.providers), basicInfo };
      },
      'accommodation_provider.deactivated': () => ({ providerId: this.existing(this.providers), reason: this.pick(['requested_by_provider', 'policy_violation', 'inactivity'] as const) }),
      'accommodation_provider.reactivated': () => ({ providerId: this.existing(this.providers) }),
      'accommodation.listed': () => ({
        accommodationId: this.remember(this.accommodations, this.uuid4()),
        providerId: this.existing(this.providers),
        title: this.title(),
        kind: this.pick(['apartment', 'house', 'room', 'cabin', 'other'] as const),
        address: this.address(),
        maxGuests: 1 + Math.floor(this.random() * 8),
        nightlyPrice: this.money(4_000, 40_000),
        amenities: this.amenities(),
        availableFrom: this.day(3, 60),
      }),
      'accommodation.details_updated': () => {
        const roll = this.random();
        const base = { accommodationId: this.existing(this.accommodations) };
        if (roll < 0.35) return { ...base, title: this.title() };
        if (roll < 0.6) return { ...base, amenities: this.amenities() };
        if (roll < 0.8) return { ...base, maxGuests: 1 + Math.floor(this.random() * 8), title: this.title() };
        return { ...base, address: this.address() };
      },
      'accommodation.repriced': () => ({ accommodationId: this.existing(this.accommodations), nightlyPrice: this.money(4_000, 40_000) }),
      'accommodation.delisted': () => ({ accommodationId: this.existing(this.accommodations), reason: this.pick(['provider_request', 'provider_deactivated', 'quality'] as const) }),
      'accommodation.removed': () => ({ accommodationId: this.existing(this.accommodations) }),
      'booking.requested': () => {
        const nights = 1 + Math.floor(this.random() * 10);
        const checkIn = this.day(7, 120);
        const checkOut = new Date(Date.parse(`${checkIn}T00:00:00Z`) + nights * 86_400_000).toISOString().slice(0, 10);
        return {
          bookingId: this.remember(this.bookings, this.uuid4()),
          accommodationId: this.existing(this.accommodations),
          tenantId: this.uuid4(),
          checkIn,
          checkOut,
          guests: 1 + Math.floor(this.random() * 4),
          totalPrice: this.money(nights * 4_000, nights * 40_000),
          expiresAt: new Date(this.clock + 86_400_000).toISOString(),
        };
      },
      'booking.confirmed': () => ({ bookingId: this.existing(this.bookings) }),
      'booking.cancelled': () => {
        const reason = this.pick(reasons);
        return { bookingId: this.existing(this.bookings), cancelledBy: this.pick(['tenant', 'provider', 'platform'] as const), ...(this.random() < 0.7 ? { reason } : {}) };
      },
    };
    return make[type]() as Payload<T>;
  }

  private random(): number {
    // mulberry32
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  private pick<V>(values: readonly V[]): V {
    return values[Math.floor(this.random() * values.length)] as V;
  }

  private hex(digits: number): string {
    let out = '';
    for (let i = 0; i < digits; i++) out += Math.floor(this.random() * 16).toString(16);
    return out;
  }

  private variant(): string {
    return (8 + Math.floor(this.random() * 4)).toString(16);
  }

  private uuid4(): string {
    return `${this.hex(8)}-${this.hex(4)}-4${this.hex(3)}-${this.variant()}${this.hex(3)}-${this.hex(12)}`;
  }

  /** RFC 9562 UUIDv7: 48 bits of Unix milliseconds, then random bits. */
  private uuid7(ms: number): string {
    const time = ms.toString(16).padStart(12, '0');
    return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${this.hex(3)}-${this.variant()}${this.hex(3)}-${this.hex(12)}`;
  }

  private remember(pool: string[], id: string): string {
    if (pool.length >= 5_000) pool[Math.floor(this.random() * pool.length)] = id;
    else pool.push(id);
    return id;
  }

  private existing(pool: string[]): string {
    return pool.length === 0 ? this.remember(pool, this.uuid4()) : this.pick(pool);
  }

  private email(first: string, last: string): string {
    const ascii = (s: string) => s.normalize('NFD').replace(/[^a-zA-Z]/g, '').toLowerCase();
    return `${ascii(first)}.${ascii(last)}${Math.floor(this.random() * 100)}@${this.pick(['example.com', 'mail.example.org', 'stays.example.net'])}`;
  }

  private title(): string {
    return `${this.pick(adjectives)} ${this.pick(places)}`;
  }

  private address(): { street: string; city: string; postalCode: string; country: string } {
    const at = Math.floor(this.random() * cities.length);
    const [city, country, postalCode] = cities[at] as [string, string, string];
    return { street: `${streets[at] as string} ${1 + Math.floor(this.random() * 200)}`, city, postalCode, country };
  }

  private money(min: number, max: number): { amountMinor: number; currency: string } {
    return { amountMinor: min + Math.floor(this.random() * (max - min)), currency: this.pick(['EUR', 'EUR', 'EUR', 'DKK', 'PLN', 'CZK']) };
  }

  private amenities(): (typeof amenities)[number][] {
    return amenities.filter(() => this.random() < 0.45);
  }

  private day(minDays: number, maxDays: number): string {
    return new Date(this.clock + (minDays + Math.floor(this.random() * (maxDays - minDays))) * 86_400_000).toISOString().slice(0, 10);
  }
}

/**
 * Packs event lines the way the producer does: each event ends with `\n`, a record holds events while they fit in
 * `maxRecordBytes` (5 KB, Firehose's billing unit); an event larger than that travels alone.
 */
export function packRecords(lines: readonly string[], maxRecordBytes = 5_120): Buffer[] {
  const records: Buffer[] = [];
  let open: string[] = [];
  let size = 0;
  for (const line of lines) {
    const bytes = Buffer.byteLength(line) + 1;
    if (size + bytes > maxRecordBytes && open.length > 0) {
      records.push(Buffer.from(open.join('')));
      open = [];
      size = 0;
    }
    open.push(`${line}\n`);
    size += bytes;
  }
  if (open.length > 0) records.push(Buffer.from(open.join('')));
  return records;
}
