// The fact line is the contract with the generated JSONPaths: exact keys, exact order, exact values.
import { describe, expect, it } from 'vitest';
import { domain } from '@factline/events';
import { createTransformer, factId } from '@factline/transformer';
import { envelope, facts, pack, record } from '../fixtures/helpers.js';
import { gadgetEvent, tinyDomain } from '../fixtures/tiny-domain.js';

const sharedKeys = ['fact_id', 'entity_id', 'fact_type', 'fact_version', 'occurred_at', 'recorded_at', 'event_id', 'event_type', 'event_version'];

describe('the fact line', () => {
  it('carries exactly the shared keys in table order, then the value under its value key', () => {
    // Prepare
    const transformer = createTransformer({ domain });
    const event = envelope('accommodation_provider.basic_info_updated');
    event.payload['basicInfo'] = { name: 'Ana García', email: 'ana@example.com' };

    // Act
    const outcome = transformer.transformRecord(record(pack(event), 'r', Date.UTC(2026, 4, 1, 10, 0, 1, 234)));

    // Assess
    const text = Buffer.from(outcome.data, 'base64').toString('utf8');
    expect(text).toBe(
      `{"fact_id":"${factId(event.event_id, 'accommodation_provider.name', 0)}","entity_id":"${String(event.payload['providerId'])}","fact_type":"accommodation_provider.name","fact_version":1,` +
        `"occurred_at":"${event.occurred_at}","recorded_at":"2026-05-01T10:00:01.234Z","event_id":"${event.event_id}","event_type":"accommodation_provider.basic_info_updated","event_version":1,"name":"Ana García"}\n` +
        `{"fact_id":"${factId(event.event_id, 'accommodation_provider.email', 1)}","entity_id":"${String(event.payload['providerId'])}","fact_type":"accommodation_provider.email","fact_version":1,` +
        `"occurred_at":"${event.occurred_at}","recorded_at":"2026-05-01T10:00:01.234Z","event_id":"${event.event_id}","event_type":"accommodation_provider.basic_info_updated","event_version":1,"email":"ana@example.com"}\n`,
    );
  });

  it('writes every fact of the sample domain with the shared keys first and one value key last', () => {
    // Prepare
    const transformer = createTransformer({ domain });
    const all = ['booking.requested', 'accommodation.listed', 'accommodation_provider.signed_up'].map(envelope);

    // Act
    const lines = facts(transformer.transformRecord(record(pack(...all))).data);

    // Assess
    for (const line of lines) {
      const keys = Object.keys(line);
      expect(keys.slice(0, 9)).toEqual(sharedKeys);
      expect(keys).toHaveLength(10);
      expect(keys[9]).toBe(domain.facts[`${String(line['fact_type'])}@1`]?.valueKey);
    }
  });

  it('keeps an object value nested with its own property names', () => {
    // Prepare
    const transformer = createTransformer({ domain });

    // Act
    const lines = facts(transformer.transformRecord(record(pack(envelope('accommodation.repriced')))).data);

    // Assess
    expect(lines[0]?.['nightly_price']).toEqual(envelope('accommodation.repriced').payload['nightlyPrice']);
  });

  it('normalises occurred_at to UTC with milliseconds and takes recorded_at from the arrival time', () => {
    // Prepare
    const transformer = createTransformer({ domain: tinyDomain() });

    // Act
    const [line] = facts(transformer.transformRecord(record(pack(gadgetEvent('gadget.updated', { gadgetId: 'g1', name: 'Bolt' })), 'r', '2026-05-01T10:00:01.5')).data);

    // Assess
    expect(line).toMatchObject({ occurred_at: '2026-05-01T10:00:00.500Z', recorded_at: '2026-05-01T10:00:01.500Z' });
  });

  it('writes a version-2 fact under <name>_v2 and an integer entity id as a string', () => {
    // Prepare
    const transformer = createTransformer({ domain: tinyDomain() });

    // Act
    const lines = facts(transformer.transformRecord(record(pack(gadgetEvent('gadget.updated', { gadgetId: 42, label: 'L-1' })))).data);

    // Assess
    expect(lines[0]).toMatchObject({ entity_id: '42', fact_type: 'gadget.label', fact_version: 2, label_v2: 'L-1' });
  });

  it('skips facts whose pointer is absent and numbers positions by the facts written', () => {
    // Prepare
    const transformer = createTransformer({ domain: tinyDomain() });
    const event = gadgetEvent('gadget.updated', { gadgetId: 'g1', note: null, width: 3, height: 4 });

    // Act
    const lines = facts(transformer.transformRecord(record(pack(event))).data);

    // Assess
    expect(lines.map((l) => [l['fact_type'], l[Object.keys(l)[9] as string]])).toEqual([
      ['gadget.size', { width: 3, height: 4 }],
      ['gadget.note', null],
      ['gadget.status', 'active'],
    ]);
    expect(lines.map((l) => l['fact_id'])).toEqual([factId(event.event_id, 'gadget.size', 0), factId(event.event_id, 'gadget.note', 1), factId(event.event_id, 'gadget.status', 2)]);
  });

  it('escapes strings so that every fact stays on one line', () => {
    // Prepare
    const transformer = createTransformer({ domain: tinyDomain() });

    // Act
    const outcome = transformer.transformRecord(record(pack(gadgetEvent('gadget.updated', { gadgetId: 'g\n1', label: 'a\nb "c" \u2028 😀' }))));

    // Assess
    const text = Buffer.from(outcome.data, 'base64').toString('utf8');
    expect(text.split('\n')).toHaveLength(3);
    expect(facts(outcome.data)[0]).toMatchObject({ entity_id: 'g\n1', label_v2: 'a\nb "c" \u2028 😀' });
  });
});
