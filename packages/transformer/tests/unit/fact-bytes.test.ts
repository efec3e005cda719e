// The fact lines are written as bytes, piece by piece, into a buffer reused from record to record. Whatever the
// characters and sizes, the bytes must be exactly those of the lines built with JSON.stringify.
import { describe, expect, it } from 'vitest';
import { createTransformer, factId, parseArrivalTimestamp } from '@factline/transformer';
import { arrivalMs, pack, record } from '../fixtures/helpers.js';
import { gadgetEvent, tinyDomain } from '../fixtures/tiny-domain.js';

const recordedAt = '2026-05-01T10:00:01.234Z';

/** The fact lines of a `gadget.updated` that sets only the label, built independently with JSON.stringify. */
function labelLines(event: ReturnType<typeof gadgetEvent>, label: unknown): string {
  const line = (type: string, version: number, position: number, key: string, value: unknown) =>
    `{"fact_id":"${factId(event.event_id, type, position)}","entity_id":${JSON.stringify(String(event.payload['gadgetId']))},"fact_type":"${type}","fact_version":${version},` +
    `"occurred_at":"2026-05-01T10:00:00.500Z","recorded_at":"${recordedAt}","event_id":${JSON.stringify(event.event_id)},` +
    `"event_type":"gadget.updated","event_version":1,"${key}":${JSON.stringify(value)}}\n`;
  // The status fact is a constant every gadget.updated sets.
  return line('gadget.label', 2, 0, 'label_v2', label) + line('gadget.status', 1, 1, 'status', 'active');
}

describe('the fact bytes', () => {
  it.each([
    ['plain ASCII', 'Bolt 12'],
    ['quotes and backslashes', 'say "hi" \\ bye'],
    ['control characters', 'a\u0000b\u0001c\u001fd\te'],
    ['DEL, U+2028 and U+2029 (JSON leaves them as they are)', 'a\u007fb\u2028c\u2029d'],
    ['Latin-1 letters', 'Chloé Müller, København'],
    ['letters above U+00FF', 'Yılmaz, ulica Floriańska'],
    ['an astral character', 'rocket 🚀'],
    ['a lone high surrogate', 'broken \ud800 pair'],
    ['a lone low surrogate', 'broken \udc00 pair'],
    ['an empty string', ''],
  ])('writes a value with %s exactly as JSON.stringify does', (_, label) => {
    // Prepare
    const transformer = createTransformer({ domain: tinyDomain() });
    const event = gadgetEvent('gadget.updated', { gadgetId: 'g1', label });

    // Act
    const outcome = transformer.transformEvents(`${JSON.stringify(event)}\n`, { recordedAt });

    // Assess
    expect(outcome.facts).toBe(labelLines(event, label));
  });

  it('writes entity and event ids that need escaping exactly as JSON.stringify does', () => {
    // Prepare
    const transformer = createTransformer({ domain: tinyDomain() });
    const event = { ...gadgetEvent('gadget.updated', { gadgetId: 'g"1\\é\ud83d', label: 'x' }), event_id: '019de2fb-0000-7000-8000-000000000009' };

    // Act
    const outcome = transformer.transformEvents(`${JSON.stringify(event)}\n`, { recordedAt });

    // Assess
    expect(outcome.facts).toBe(labelLines(event, 'x'));
  });

  it('writes facts far larger than its first buffer, in the middle of an event', () => {
    // Prepare: 300,000 two-byte characters per value, three facts: about 1.8 MB of lines.
    const transformer = createTransformer({ domain: tinyDomain() });
    const big = 'é'.repeat(300_000);
    const events = ['g1', 'g2', 'g3'].map((id, i) => gadgetEvent('gadget.updated', { gadgetId: id, label: `${big}${i}` }, `019de2fb-0000-7000-8000-00000000000${i}`));

    // Act
    const outcome = transformer.transformEvents(events.map((e) => `${JSON.stringify(e)}\n`).join(''), { recordedAt });

    // Assess
    expect(outcome.facts).toBe(events.map((e, i) => labelLines(e, `${big}${i}`)).join(''));
  });

  it('gives a record the same bytes before and after other records, large or failed, went through it', () => {
    // Prepare
    const transformer = createTransformer({ domain: tinyDomain() });
    const small = record(pack(gadgetEvent('gadget.updated', { gadgetId: 'g1', name: 'Bolt', label: 'L' })));
    const large = record(pack(gadgetEvent('gadget.updated', { gadgetId: 'g2', label: 'x'.repeat(400_000) })));
    const failed = record(pack(gadgetEvent('gadget.updated', { gadgetId: 'g3', label: 'ok' }), gadgetEvent('gadget.updated', { gadgetId: 'g4', width: 'wide' })));

    // Act
    const first = transformer.transformRecord(small);
    const results = [transformer.transformRecord(large).result, transformer.transformRecord(failed).result];
    const again = transformer.transformRecord(small);

    // Assess
    expect(results).toEqual(['Ok', 'ProcessingFailed']);
    expect(again).toEqual(first);
    expect(again.data).toBe(createTransformer({ domain: tinyDomain() }).transformRecord(small).data);
  });

  it('gives every fact of an event its own id after the shared parts are copied', () => {
    // Prepare
    const transformer = createTransformer({ domain: tinyDomain() });
    const event = gadgetEvent('gadget.updated', { gadgetId: 'g1', name: 'Bolt', label: 'L', width: 2, height: 3 });

    // Act
    const lines = transformer.transformEvents(`${JSON.stringify(event)}\n`, { recordedAt }).facts.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

    // Assess
    expect(lines.map((l) => l['fact_id'])).toEqual(['gadget.name', 'gadget.label', 'gadget.size', 'gadget.status'].map((type, i) => factId(event.event_id, type, i)));
    expect(new Set(lines.map((l) => JSON.stringify({ ...l, fact_id: undefined, fact_type: undefined, fact_version: undefined, name: undefined, label_v2: undefined, size: undefined, status: undefined }))).size).toBe(1);
  });

  it('writes numbers, booleans, null, arrays and objects as JSON.stringify does', () => {
    // Prepare: the typed mapper returns values of every JSON kind for a fact whose schema accepts anything.
    const values: unknown[] = [0, -0, 1.5, 1e21, -2e-7, 1.2345678901234567e19, true, false, null, [1, 'two', { three: 3 }], { a: { b: ['c'] }, 'd"e': 'f' }];
    const domain = tinyDomain((_payload, context) => ({ ok: true, facts: [{ fact: 'gadget.name', version: 1, value: values[Number(context.eventId.slice(-2))] as never }] }));
    domain.facts['gadget.name@1'] = { ...(domain.facts['gadget.name@1'] as (typeof domain.facts)[string]), validate: Object.assign(() => true, { errors: null }) };
    const transformer = createTransformer({ domain });

    // Act
    const written = values.map((_, i) => {
      const event = gadgetEvent('gadget.assembled', { gadgetId: 'g1' }, `019de2fb-0000-7000-8000-0000000000${String(i).padStart(2, '0')}`);
      return transformer.transformEvents(`${JSON.stringify(event)}\n`, { recordedAt }).facts;
    });

    // Assess
    expect(written.map((line) => line.slice(line.indexOf('"name":') + 7, -2))).toEqual(values.map((v) => JSON.stringify(v)));
  });
});

describe('recorded_at from the arrival time', () => {
  it('prints every millisecond of a second, and the next second, exactly as Date#toISOString does', () => {
    // Prepare: one arrival per millisecond across a second boundary, then back, then far away.
    const times = [...Array.from({ length: 1_100 }, (_, i) => arrivalMs - 50 + i), arrivalMs, 0, 253_402_300_799_999, arrivalMs + 86_400_000];

    // Act
    const printed = times.map((ms) => parseArrivalTimestamp(ms));

    // Assess
    expect(printed).toEqual(times.map((ms) => new Date(ms).toISOString()));
  });
});
