// Every result kind and every failure of one record, on the generated sample domain.
import { describe, expect, it } from 'vitest';
import { domain } from '@factline/events';
import { createTransformer, type FirehoseInputRecord, type TransformIssue } from '@factline/transformer';
import { envelope, envelopes, facts, pack, record } from '../fixtures/helpers.js';

const transformer = createTransformer({ domain });

function withPayload(type: string, change: (payload: Record<string, unknown>) => void) {
  const e = envelope(type);
  change(e.payload);
  return e;
}

describe('Ok', () => {
  it.each([
    ['one event', pack(envelope('booking.confirmed')), 1, ['booking.status']],
    ['a typed mapper (booking.requested)', pack(envelope('booking.requested')), 1, ['booking.accommodation', 'booking.tenant', 'booking.check_in', 'booking.check_out', 'booking.nights', 'booking.guests', 'booking.total_price', 'booking.expires_at', 'booking.status']],
    ['a partial update (optional reason absent)', pack(withPayload('booking.cancelled', (p) => delete p['reason'])), 1, ['booking.status', 'booking.cancelled_by']],
    ['a constant null (reactivated clears the reason)', pack(envelope('accommodation_provider.reactivated')), 1, ['accommodation_provider.status', 'accommodation_provider.deactivation_reason']],
    ['a record without its final newline', Buffer.from(JSON.stringify(envelope('booking.confirmed'))).toString('base64'), 1, ['booking.status']],
    ['CRLF line ends and blank lines', Buffer.from(`\r\n${JSON.stringify(envelope('booking.confirmed'))}\r\n\r\n`).toString('base64'), 1, ['booking.status']],
    ['a byte-order mark', Buffer.from(`\uFEFF${JSON.stringify(envelope('booking.confirmed'))}\n`).toString('base64'), 1, ['booking.status']],
    ['one pretty-printed envelope over several lines', Buffer.from(JSON.stringify(envelope('booking.confirmed'), null, 2)).toString('base64'), 1, ['booking.status']],
  ])('answers Ok for %s', (_, data, events, factTypes) => {
    // Act
    const outcome = transformer.transformRecord(record(data));

    // Assess
    expect(outcome).toMatchObject({ result: 'Ok', events, factCount: factTypes.length, failedEvents: 0, issues: [] });
    expect(facts(outcome.data).map((f) => f['fact_type'])).toEqual(factTypes);
  });

  it('reads a leap second as the last millisecond before it', () => {
    // Act
    const outcome = transformer.transformRecord(record(pack({ ...envelope('booking.confirmed'), occurred_at: '2016-12-31T23:59:60Z' })));

    // Assess
    expect(facts(outcome.data)[0]?.['occurred_at']).toBe('2016-12-31T23:59:59.999Z');
  });

  it('answers Ok with the facts of every event of a packed record, in order', () => {
    // Prepare
    const all = Object.values(envelopes);

    // Act
    const outcome = transformer.transformRecord(record(pack(...all)));

    // Assess
    expect(outcome.result).toBe('Ok');
    expect(outcome.events).toBe(all.length);
    const eventIds = facts(outcome.data).map((f) => f['event_id']);
    expect([...new Set(eventIds)]).toEqual(all.map((e) => e.event_id));
    expect(outcome.factCount).toBe(eventIds.length);
  });
});

describe('Dropped', () => {
  it.each([
    ['an empty record', ''],
    ['a record of blank lines', Buffer.from('\n\n  \r\n\t\n').toString('base64')],
  ])('answers Dropped, with empty data, for %s', (_, data) => {
    // Act
    const outcome = transformer.transformRecord(record(data));

    // Assess
    expect(outcome).toMatchObject({ result: 'Dropped', data: '', events: 0, factCount: 0, issues: [] });
  });
});

describe('ProcessingFailed', () => {
  const confirmed = envelope('booking.confirmed');
  const cases: [string, FirehoseInputRecord, Partial<TransformIssue>][] = [
    ['malformed base64', record('not base64!'), { pointer: '/data', rule: 'base64' }],
    ['a missing data field', { recordId: 'r', approximateArrivalTimestamp: 1 } as unknown as FirehoseInputRecord, { pointer: '/data', rule: 'base64' }],
    ['invalid UTF-8', record(Buffer.concat([Buffer.from('{"event_id":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}\n')]).toString('base64')), { pointer: '/data', rule: 'utf8' }],
    ['invalid JSON', record(pack('{"event_id": nope}')), { index: 0, pointer: '', rule: 'json' }],
    ['truncated JSON', record(pack(JSON.stringify(confirmed).slice(0, 40))), { index: 0, pointer: '', rule: 'json' }],
    ['JSON that is not an object', record(pack('[1,2,3]')), { index: 0, pointer: '', rule: 'type' }],
    ['an envelope without event_id', record(pack({ ...confirmed, event_id: undefined })), { index: 0, pointer: '/event_id', rule: 'required' }],
    ['an envelope with a malformed event_id', record(pack({ ...confirmed, event_id: 'not-a-uuid' })), { index: 0, pointer: '/event_id', rule: 'format' }],
    ['an envelope with an extra property', record(pack({ ...confirmed, extra: 1 })), { index: 0, eventId: confirmed.event_id, pointer: '/extra', rule: 'additionalProperties' }],
    ['an envelope with a zone-less occurred_at', record(pack({ ...confirmed, occurred_at: '2026-05-01T10:00:00' })), { index: 0, pointer: '/occurred_at', rule: 'format' }],
    ['an occurred_at past year 9999 once in UTC', record(pack({ ...confirmed, occurred_at: '9999-12-31T23:30:00-01:00' })), { index: 0, pointer: '/occurred_at', rule: 'occurred-at' }],
    ['an unknown event type', record(pack({ ...confirmed, event_type: 'booking.teleported' })), { index: 0, eventId: confirmed.event_id, pointer: '/event_type', rule: 'unknown-event' }],
    ['an unknown version', record(pack({ ...confirmed, event_version: 2 })), { index: 0, eventId: confirmed.event_id, pointer: '/event_version', rule: 'unknown-event' }],
    ['a payload violation', record(pack(withPayload('booking.requested', (p) => (p['guests'] = 51)))), { index: 0, pointer: '/payload/guests', rule: 'maximum' }],
    ['a payload missing a required property', record(pack(withPayload('booking.confirmed', (p) => delete p['bookingId']))), { index: 0, pointer: '/payload/bookingId', rule: 'required' }],
    ['a typed mapper rejection', record(pack(withPayload('booking.requested', (p) => (p['checkOut'] = p['checkIn'])))), { index: 0, pointer: '/payload/checkOut', rule: 'check-out-after-check-in' }],
    ['no arrival timestamp', { recordId: 'r', data: pack(confirmed) }, { pointer: '/approximateArrivalTimestamp', rule: 'arrival-timestamp' }],
    ['an unreadable arrival timestamp', record(pack(confirmed), 'r', 'tuesday'), { pointer: '/approximateArrivalTimestamp', rule: 'arrival-timestamp' }],
  ];

  it.each(cases)('fails %s, naming the event, pointer and rule, and returns the original data', (_, given, issue) => {
    // Act
    const outcome = transformer.transformRecord(given);

    // Assess
    expect(outcome.result).toBe('ProcessingFailed');
    expect(outcome.issues[0]).toMatchObject(issue);
    expect(outcome.issues[0]?.message).toEqual(expect.any(String));
    if (typeof given.data === 'string' && given.data !== 'not base64!') expect(outcome.data).toBe(given.data);
  });

  it('fails an event of another entity than the stream carries', () => {
    // Act
    const outcome = transformer.transformRecord(record(pack(envelope('accommodation.removed'))), { expectedEntity: 'booking' });

    // Assess
    expect(outcome.result).toBe('ProcessingFailed');
    expect(outcome.issues).toEqual([expect.objectContaining({ index: 0, pointer: '/event_type', rule: 'entity-mismatch' })]);
  });

  it('fails the whole packed record when one event of several is bad, and lists every bad event', () => {
    // Prepare
    const good = envelope('booking.confirmed');
    const badPayload = withPayload('booking.requested', (p) => (p['guests'] = 0));
    const badType = { ...envelope('booking.cancelled'), event_type: 'booking.vanished' };
    const data = pack(good, badPayload, '{oops', badType);

    // Act
    const outcome = transformer.transformRecord(record(data));

    // Assess
    expect(outcome).toMatchObject({ result: 'ProcessingFailed', data, events: 4, failedEvents: 3, factCount: 0 });
    expect(outcome.issues.map(({ index, eventId, pointer, rule }) => ({ index, eventId, pointer, rule }))).toEqual([
      { index: 1, eventId: badPayload.event_id, pointer: '/payload/guests', rule: 'minimum' },
      { index: 2, eventId: undefined, pointer: '', rule: 'json' },
      { index: 3, eventId: badType.event_id, pointer: '/event_type', rule: 'unknown-event' },
    ]);
    expect(outcome.issueCounts).toEqual({ minimum: 1, json: 1, 'unknown-event': 1 });
  });

  it('quotes hostile values in messages only briefly', () => {
    // Act
    const outcome = transformer.transformRecord(record(pack(envelope('booking.confirmed')), 'r', 'x'.repeat(100_000)));

    // Assess
    expect(outcome.issues[0]?.rule).toBe('arrival-timestamp');
    expect(outcome.issues[0]?.message.length).toBeLessThan(200);
  });

  it('keeps at most maxIssuesPerRecord issues and counts the rest', () => {
    // Prepare
    const small = createTransformer({ domain, maxIssuesPerRecord: 3 });
    const data = pack(...Array.from({ length: 10 }, () => '{'));

    // Act
    const outcome = small.transformRecord(record(data));

    // Assess
    expect(outcome.issues).toHaveLength(4);
    expect(outcome.issues[3]).toMatchObject({ rule: 'more-issues', message: expect.stringContaining('7 more') });
    expect(outcome.issueCounts).toEqual({ json: 10 });
  });
});
