// The whole local pipeline on a handful of events written by hand: the typed producer over real HTTP, the local
// Firehose, the real transformer Lambda handler, the Redshift destination and DuckDB. The expected fact tables are
// written out below, row by row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoEvent } from '@factline/demo-service';
import { factId } from '@factline/transformer';
import { createDuckDbWarehouse, type Row } from '@factline/warehouse';
import { runPipeline, type PipelineRunResult } from '../../src/pipeline/run.js';
import { inProcessSender } from '../../src/pipeline/senders.js';
import { temporaryProject } from '../support/local-project.js';

const P1 = '019a0000-0000-7000-8000-000000000001';
const P2 = '019a0000-0000-7000-8000-000000000002';
const A1 = '019a0000-0000-7000-8000-00000000000a';
const B1 = '019a0000-0000-7000-8000-0000000000b1';
const T1 = '019a0000-0000-7000-8000-0000000000c1';
const id = (n: number): string => `019a0000-0000-7000-9000-${String(n).padStart(12, '0')}`;
const at = (hhmm: string): string => `2026-03-01T${hhmm}:00.000Z`;

// The scenario. e2 is sent twice (a retry that Firehose accepted twice): its fact lands twice with the same fact_id.
const events: DemoEvent[] = [
  { type: 'accommodation_provider.signed_up', version: 1, eventId: id(1), occurredAt: at('09:00'), payload: { providerId: P1, basicInfo: { name: 'Ana Lima', email: 'ana@example.com' }, kind: 'individual', country: 'PT' } },
  { type: 'accommodation_provider.basic_info_updated', version: 1, eventId: id(2), occurredAt: at('09:30'), payload: { providerId: P1, basicInfo: { email: 'ana.lima@example.com' } } },
  { type: 'accommodation_provider.signed_up', version: 1, eventId: id(3), occurredAt: at('09:40'), payload: { providerId: P2, basicInfo: { name: 'Casa Azul Lda', email: 'info@casa-azul.example' }, kind: 'company', country: 'ES' } },
  {
    type: 'accommodation.listed', version: 1, eventId: id(4), occurredAt: at('10:00'),
    payload: { accommodationId: A1, providerId: P1, title: 'Quiet flat by the river', kind: 'apartment', address: { street: 'Rua Augusta 10', city: 'Lisboa', postalCode: '1100-053', country: 'PT' }, maxGuests: 3, nightlyPrice: { amountMinor: 12000, currency: 'EUR' }, amenities: ['wifi', 'kitchen'], availableFrom: '2026-03-15' },
  },
  { type: 'accommodation.repriced', version: 1, eventId: id(5), occurredAt: at('11:00'), payload: { accommodationId: A1, nightlyPrice: { amountMinor: 9500, currency: 'EUR' } } },
  {
    type: 'booking.requested', version: 1, eventId: id(6), occurredAt: at('12:00'),
    payload: { bookingId: B1, accommodationId: A1, tenantId: T1, checkIn: '2026-04-01', checkOut: '2026-04-04', guests: 2, totalPrice: { amountMinor: 28500, currency: 'EUR' }, expiresAt: '2026-03-02T12:00:00.000Z' },
  },
  { type: 'booking.cancelled', version: 1, eventId: id(7), occurredAt: at('13:00'), payload: { bookingId: B1, cancelledBy: 'tenant', reason: null } },
  { type: 'accommodation_provider.deactivated', version: 1, eventId: id(8), occurredAt: at('14:00'), payload: { providerId: P2, reason: 'inactivity' } },
];
const sent = [...events, events[1] as DemoEvent];

// Expected rows: [event, position of the fact in the event's output, fact_type, the fact's value column(s)].
type Expected = [event: number, position: number, factType: string, values: Row];
const providerFacts: Expected[] = [
  [1, 0, 'accommodation_provider.name', { name: 'Ana Lima' }],
  [1, 1, 'accommodation_provider.email', { email: 'ana@example.com' }],
  [1, 2, 'accommodation_provider.kind', { kind: 'individual' }],
  [1, 3, 'accommodation_provider.country', { country: 'PT' }],
  [1, 4, 'accommodation_provider.status', { status: 'active' }],
  [2, 0, 'accommodation_provider.email', { email: 'ana.lima@example.com' }],
  [2, 0, 'accommodation_provider.email', { email: 'ana.lima@example.com' }],
  [3, 0, 'accommodation_provider.name', { name: 'Casa Azul Lda' }],
  [3, 1, 'accommodation_provider.email', { email: 'info@casa-azul.example' }],
  [3, 2, 'accommodation_provider.kind', { kind: 'company' }],
  [3, 3, 'accommodation_provider.country', { country: 'ES' }],
  [3, 4, 'accommodation_provider.status', { status: 'active' }],
  [8, 0, 'accommodation_provider.status', { status: 'deactivated' }],
  [8, 1, 'accommodation_provider.deactivation_reason', { deactivation_reason: 'inactivity' }],
];
const accommodationFacts: Expected[] = [
  [4, 0, 'accommodation.provider', { provider: P1 }],
  [4, 1, 'accommodation.title', { title: 'Quiet flat by the river' }],
  [4, 2, 'accommodation.kind', { kind: 'apartment' }],
  [4, 3, 'accommodation.address', { address_street: 'Rua Augusta 10', address_city: 'Lisboa', address_postal_code: '1100-053', address_country: 'PT' }],
  [4, 4, 'accommodation.max_guests', { max_guests: 3 }],
  [4, 5, 'accommodation.nightly_price', { nightly_price_amount_minor: 12000, nightly_price_currency: 'EUR' }],
  [4, 6, 'accommodation.amenities', { amenities: ['wifi', 'kitchen'] }],
  [4, 7, 'accommodation.available_from', { available_from: '2026-03-15' }],
  [4, 8, 'accommodation.status', { status: 'listed' }],
  [5, 0, 'accommodation.nightly_price', { nightly_price_amount_minor: 9500, nightly_price_currency: 'EUR' }],
];
const bookingFacts: Expected[] = [
  [6, 0, 'booking.accommodation', { accommodation: A1 }],
  [6, 1, 'booking.tenant', { tenant: T1 }],
  [6, 2, 'booking.check_in', { check_in: '2026-04-01' }],
  [6, 3, 'booking.check_out', { check_out: '2026-04-04' }],
  [6, 4, 'booking.nights', { nights: 3 }],
  [6, 5, 'booking.guests', { guests: 2 }],
  [6, 6, 'booking.total_price', { total_price_amount_minor: 28500, total_price_currency: 'EUR' }],
  [6, 7, 'booking.expires_at', { expires_at: new Date('2026-03-02T12:00:00.000Z') }],
  [6, 8, 'booking.status', { status: 'requested' }],
  [7, 0, 'booking.status', { status: 'cancelled' }],
  [7, 1, 'booking.cancelled_by', { cancelled_by: 'tenant' }],
  [7, 2, 'booking.cancellation_reason', { cancellation_reason: null }],
];

const valueColumns = {
  accommodation_provider: ['name', 'email', 'kind', 'country', 'status', 'deactivation_reason'],
  accommodation: ['provider', 'title', 'kind', 'address_street', 'address_city', 'address_postal_code', 'address_country', 'max_guests', 'nightly_price_amount_minor', 'nightly_price_currency', 'amenities', 'available_from', 'status'],
  booking: ['accommodation', 'tenant', 'check_in', 'check_out', 'nights', 'guests', 'total_price_amount_minor', 'total_price_currency', 'expires_at', 'status', 'cancelled_by', 'cancellation_reason'],
} as const;

/** The full expected row: shared columns from the event, every value column NULL but the fact's own. */
function expectedRow(entity: keyof typeof valueColumns, [n, position, factType, values]: Expected): Row {
  const event = events[n - 1] as DemoEvent;
  const payload = event.payload as unknown as Record<string, string>;
  const idKey = { accommodation_provider: 'providerId', accommodation: 'accommodationId', booking: 'bookingId' }[entity];
  const row: Row = {
    fact_id: factId(event.eventId, factType, position),
    entity_id: payload[idKey],
    fact_type: factType,
    fact_version: 1,
    occurred_at: new Date(event.occurredAt),
    event_id: event.eventId,
    event_type: event.type,
    event_version: 1,
  };
  for (const column of valueColumns[entity]) row[column] = column in values ? values[column] : null;
  return row;
}

let result: PipelineRunResult;
let tables: Record<string, Row[]>;
let started: number;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const { project, remove } = await temporaryProject();
  cleanup = remove;
  started = Date.now();
  result = await runPipeline({ project, sender: inProcessSender(sent), viewsStep: undefined });
  const warehouse = await createDuckDbWarehouse({ path: project.warehousePath });
  try {
    tables = {};
    for (const entity of Object.keys(valueColumns) as (keyof typeof valueColumns)[]) {
      const columns = ['fact_id', 'entity_id', 'fact_type', 'fact_version', 'occurred_at', 'recorded_at', 'event_id', 'event_type', 'event_version', ...valueColumns[entity]];
      tables[entity] = await warehouse.query(`select ${columns.join(', ')} from factline.${entity}_facts order by occurred_at, event_id, fact_type, fact_id`);
    }
  } finally {
    await warehouse.close();
  }
}, 120_000);
afterAll(async () => cleanup());

describe('the local pipeline, end to end', () => {
  it('delivers every event sent, and fails and drops nothing', () => {
    expect(result.send).toMatchObject({ sent: 9, undelivered: 0 });
    expect(result.totals).toMatchObject({ buffered: 0, dropped: 0, failed: 0, pendingLoads: 0 });
    expect(result.loadFailures).toEqual([]);
    expect(result.processingFailedObjects).toEqual([]);
  });

  it.each([
    ['accommodation_provider', providerFacts],
    ['accommodation', accommodationFacts],
    ['booking', bookingFacts],
  ] as const)('loads exactly the expected rows into factline.%s_facts', (entity, expected) => {
    const rows = tables[entity] as Row[];
    const recorded = rows.map((row) => (row['recorded_at'] as Date).getTime());
    const withoutRecordedAt = rows.map(({ recorded_at: _recorded, ...rest }) => rest);
    const want = expected.map((e) => expectedRow(entity, e)).map(({ recorded_at: _r, ...rest }) => rest);
    expect(withoutRecordedAt).toEqual(sortLike(want));
    // recorded_at is the Firehose arrival time: during this run.
    expect(recorded.every((t) => t >= started - 1000 && t <= Date.now())).toBe(true);
  });

  it('counts 36 facts loaded, the duplicate included, and reads the current state from them', () => {
    expect(result.destination.rowsLoaded).toBe(providerFacts.length + accommodationFacts.length + bookingFacts.length);
    const provider = result.state.find((s) => s.entity === 'accommodation_provider');
    expect(provider).toMatchObject({ entities: 2, facts: 14, byStatus: { active: 1, deactivated: 1 } });
    const accommodation = result.state.find((s) => s.entity === 'accommodation');
    expect(accommodation?.sample[0]).toMatchObject({ entity_id: A1, nightly_price_amount_minor: 9500, title: 'Quiet flat by the river', status: 'listed' });
    const booking = result.state.find((s) => s.entity === 'booking');
    expect(booking?.sample[0]).toMatchObject({ entity_id: B1, status: 'cancelled', nights: 3, cancellation_reason: null });
  });
});

/** The order of the query: occurred_at, event_id, fact_type, fact_id. */
function sortLike(rows: Row[]): Row[] {
  const key = (r: Row): string => `${(r['occurred_at'] as Date).toISOString()}|${String(r['event_id'])}|${String(r['fact_type'])}|${String(r['fact_id'])}`;
  return [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
