// Declared mappings and typed mappers, on a small hand-built domain.
import { describe, expect, it } from 'vitest';
import type { RuntimeMapper, Validator } from '@factline/events';
import { createTransformer } from '@factline/transformer';
import { facts, pack, record } from '../fixtures/helpers.js';
import { gadgetEvent, tinyDomain } from '../fixtures/tiny-domain.js';

describe('declared mappings', () => {
  it('re-validates declared facts by default and names the fact, pointer and rule', () => {
    // Prepare
    const transformer = createTransformer({ domain: tinyDomain() });

    // Act
    const outcome = transformer.transformRecord(record(pack(gadgetEvent('gadget.updated', { gadgetId: 'g1', colour: 'blue' }))));

    // Assess
    expect(outcome.result).toBe('ProcessingFailed');
    expect(outcome.issues).toEqual([expect.objectContaining({ index: 0, fact: 'gadget.colour@1', pointer: '', rule: 'enum' })]);
  });

  it('trusts declared mappings when validateDeclaredFacts is false', () => {
    // Prepare
    const transformer = createTransformer({ domain: tinyDomain(), validateDeclaredFacts: false });

    // Act
    const outcome = transformer.transformRecord(record(pack(gadgetEvent('gadget.updated', { gadgetId: 'g1', colour: 'blue' }))));

    // Assess
    expect(outcome.result).toBe('Ok');
    expect(facts(outcome.data)[0]).toMatchObject({ colour: 'blue' });
  });

  it('does not validate again a value the domain marks provenByPayload, nor a constant, and still validates the rest', () => {
    // Prepare: count the fact validators' calls; the name is marked proven, the colour is not.
    const domain = tinyDomain();
    const updated = domain.events['gadget.updated@1']!;
    if (updated.mapping.kind !== 'declared') throw new Error('gadget.updated is declared');
    const facts = updated.mapping.facts.map((fact) => (fact.fact === 'gadget.name' ? { ...fact, provenByPayload: true } : fact));
    const calls: Record<string, number> = {};
    const counted = Object.fromEntries(
      Object.entries(domain.facts).map(([key, fact]) => [key, { ...fact, validate: Object.assign((value: unknown) => ((calls[key] = (calls[key] ?? 0) + 1), fact.validate(value)), { errors: null }) }]),
    );
    const transformer = createTransformer({ domain: { ...domain, facts: counted, events: { ...domain.events, 'gadget.updated@1': { ...updated, mapping: { ...updated.mapping, facts } } } } });
    const compiledCalls = { ...calls };

    // Act
    const outcome = transformer.transformRecord(record(pack(gadgetEvent('gadget.updated', { gadgetId: 'g1', name: 'n', colour: 'red' }), gadgetEvent('gadget.updated', { gadgetId: 'g2', name: 'm', colour: 'red' }))));

    // Assess: the constant was checked once when compiled; the colour twice (two events); the name never.
    expect(outcome.result).toBe('Ok');
    expect(compiledCalls).toEqual({ 'gadget.status@1': 1, 'widget.status@1': 1 });
    expect(calls).toEqual({ 'gadget.status@1': 1, 'widget.status@1': 1, 'gadget.colour@1': 2 });
  });

  it.each([
    ['a constant', { const: 'active' }, true],
    ['an object value', { object: { width: { pointer: '/width' } } }, true],
    ['a pointer, with a value that is not a boolean', { pointer: '/name' }, 'yes'],
  ])('refuses provenByPayload on %s', (_name, value, provenByPayload) => {
    // Prepare
    const domain = tinyDomain();
    const updated = domain.events['gadget.updated@1']!;
    const facts = [{ fact: 'gadget.status', version: 1, valueKey: 'status', value, provenByPayload }];
    const bad = { ...domain, events: { ...domain.events, 'gadget.updated@1': { ...updated, mapping: { kind: 'declared', entityId: '/gadgetId', facts } } } };

    // Act + Assess
    expect(() => createTransformer({ domain: bad as never })).toThrow(/provenByPayload must be a boolean, and true only for a \{ pointer \} value/);
  });

  it('builds an object value from the parts present and fails it when the fact needs the others', () => {
    // Prepare
    const transformer = createTransformer({ domain: tinyDomain() });

    // Act
    const outcome = transformer.transformRecord(record(pack(gadgetEvent('gadget.updated', { gadgetId: 'g1', width: 3 }))));

    // Assess
    expect(outcome.issues).toEqual([expect.objectContaining({ fact: 'gadget.size@1', pointer: '/height', rule: 'required' })]);
  });

  it.each([
    ['an empty string', ''],
    ['a fraction', 1.5],
  ])('fails an entity id that is %s', (_, gadgetId) => {
    // Prepare: a payload validator that accepts anything, so the entity-id check is what answers.
    const domain = tinyDomain();
    const updated = domain.events['gadget.updated@1']!;
    const lax = { ...domain, events: { ...domain.events, 'gadget.updated@1': { ...updated, validate: Object.assign(() => true, { errors: null }) } } };
    const transformer = createTransformer({ domain: lax });

    // Act
    const outcome = transformer.transformRecord(record(pack(gadgetEvent('gadget.updated', { gadgetId }))));

    // Assess
    expect(outcome.issues).toEqual([expect.objectContaining({ pointer: '/payload/gadgetId', rule: 'entity-id' })]);
  });

  it('answers Dropped when every event is valid but none yields a fact', () => {
    // Prepare
    const transformer = createTransformer({ domain: tinyDomain(() => ({ ok: true, facts: [] })) });

    // Act
    const outcome = transformer.transformRecord(record(pack(gadgetEvent('gadget.assembled', { gadgetId: 'g1' }), gadgetEvent('gadget.assembled', { gadgetId: 'g2' }))));

    // Assess
    expect(outcome).toMatchObject({ result: 'Dropped', data: '', events: 2, factCount: 0 });
  });
});

describe('typed mappers', () => {
  const run = (mapper: RuntimeMapper) => createTransformer({ domain: tinyDomain(mapper) }).transformRecord(record(pack(gadgetEvent('gadget.assembled', { gadgetId: 'g1' }))));

  it('writes the facts a typed mapper returns, validated, in its order', () => {
    // Act
    const outcome = run(() => ({ ok: true, facts: [{ fact: 'gadget.size', version: 1, value: { width: 1, height: 2 } }, { fact: 'gadget.name', version: 1, value: 'Bolt' }] }));

    // Assess
    expect(facts(outcome.data).map((f) => f['fact_type'])).toEqual(['gadget.size', 'gadget.name']);
  });

  describe('with provenByPayloadAt', () => {
    // The domain says the payload's /label has gadget.name's schema; the validators count their calls.
    function provenRun(mapper: RuntimeMapper, payload: Record<string, unknown>) {
      const domain = tinyDomain(mapper);
      const assembled = domain.events['gadget.assembled@1']!;
      if (assembled.mapping.kind !== 'typed') throw new Error('gadget.assembled is typed');
      const facts = assembled.mapping.facts.map((fact) => (fact.fact === 'gadget.name' ? { ...fact, provenByPayloadAt: ['/gadgetId', '/label'] } : fact));
      const calls = { name: 0 };
      const name = domain.facts['gadget.name@1']!;
      const validate: Validator = (value: unknown) => {
        calls.name += 1;
        const valid = name.validate(value);
        validate.errors = name.validate.errors;
        return valid;
      };
      const counted = { ...name, validate };
      const transformer = createTransformer({
        domain: { ...domain, facts: { ...domain.facts, 'gadget.name@1': counted }, events: { ...domain.events, 'gadget.assembled@1': { ...assembled, mapping: { ...assembled.mapping, facts } } } },
      });
      return { outcome: transformer.transformRecord(record(pack(gadgetEvent('gadget.assembled', { gadgetId: 'g1', ...payload })))), calls };
    }

    it('does not validate again a primitive equal to the payload value at one of the places', () => {
      // Act
      const { outcome, calls } = provenRun((payload) => ({ ok: true, facts: [{ fact: 'gadget.name', version: 1, value: (payload as { label: string }).label }] }), { label: 'Bolt' });

      // Assess
      expect(outcome.result).toBe('Ok');
      expect(calls.name).toBe(0);
    });

    it('validates a value found at none of the places', () => {
      // Act
      const { outcome, calls } = provenRun(() => ({ ok: true, facts: [{ fact: 'gadget.name', version: 1, value: '' }] }), { label: 'Bolt' });

      // Assess
      expect(calls.name).toBe(1);
      expect(outcome.issues).toEqual([expect.objectContaining({ fact: 'gadget.name@1', rule: 'minLength' })]);
    });

    it('compares with the payload as it was before the mapper ran, so a mapper that edits the payload is still checked', () => {
      // Act: the mapper puts an invalid name into the payload and returns it.
      const { outcome, calls } = provenRun((payload) => {
        const edited = payload as { label: string };
        edited.label = '';
        return { ok: true, facts: [{ fact: 'gadget.name', version: 1, value: edited.label }] };
      }, { label: 'Bolt' });

      // Assess
      expect(calls.name).toBe(1);
      expect(outcome.result).toBe('ProcessingFailed');
    });
  });

  it.each([
    ['a string', '/label'],
    ['an array with a bad pointer', ['label']],
  ])('refuses provenByPayloadAt that is %s', (_name, provenByPayloadAt) => {
    // Prepare
    const domain = tinyDomain();
    const assembled = domain.events['gadget.assembled@1']!;
    const facts = [{ fact: 'gadget.name', version: 1, valueKey: 'name', provenByPayloadAt }];
    const bad = { ...domain, events: { ...domain.events, 'gadget.assembled@1': { ...assembled, mapping: { ...assembled.mapping, facts } } } };

    // Act + Assess
    expect(() => createTransformer({ domain: bad as never })).toThrow(/provenByPayloadAt must be an array of JSON Pointers into the payload/);
  });

  it('tells the mapper about the event', () => {
    // Prepare
    let seen: unknown;

    // Act
    run((payload, context) => {
      seen = { payload, context };
      return { ok: true, facts: [] };
    });

    // Assess
    expect(seen).toEqual({
      payload: { gadgetId: 'g1' },
      context: { eventId: '019de2fb-0000-7000-8000-000000000001', eventType: 'gadget.assembled', eventVersion: 1, occurredAt: '2026-05-01T10:00:00.500Z', producer: 'gadget-service' },
    });
  });

  it.each<[string, RuntimeMapper, object]>([
    ['rejects the event', () => ({ ok: false, pointer: '/gadgetId', rule: 'gadget-known', message: 'no such gadget' }), { pointer: '/payload/gadgetId', rule: 'gadget-known', message: 'no such gadget' }],
    ['throws', () => { throw new Error('boom'); }, { pointer: '/payload', rule: 'mapper-error', message: expect.stringContaining('boom') }],
    ['returns something else', () => 'facts' as never, { pointer: '/payload', rule: 'mapper-error' }],
    ['returns an undeclared fact', () => ({ ok: true, facts: [{ fact: 'gadget.colour', version: 1, value: 'red' }] }), { fact: 'gadget.colour@1', rule: 'undeclared-fact' }],
    ['returns a declared fact in another version', () => ({ ok: true, facts: [{ fact: 'gadget.name', version: 2, value: 'x' }] }), { fact: 'gadget.name@2', rule: 'undeclared-fact' }],
    ['returns a fact twice', () => ({ ok: true, facts: [{ fact: 'gadget.name', version: 1, value: 'a' }, { fact: 'gadget.name', version: 1, value: 'b' }] }), { fact: 'gadget.name@1', rule: 'duplicate-fact' }],
    ['returns NaN', () => ({ ok: true, facts: [{ fact: 'gadget.size', version: 1, value: { width: Number.NaN, height: 1 } }] }), { fact: 'gadget.size@1', pointer: '/width', rule: 'not-json' }],
    ['returns a Date', () => ({ ok: true, facts: [{ fact: 'gadget.name', version: 1, value: new Date(0) }] }), { fact: 'gadget.name@1', pointer: '', rule: 'not-json' }],
    ['returns a function deep inside', () => ({ ok: true, facts: [{ fact: 'gadget.size', version: 1, value: { 'a/b': [1, { 'c~d': () => 1 }] } as never }] }), { fact: 'gadget.size@1', pointer: '/a~1b/1/c~0d', rule: 'not-json' }],
    ['returns an array with a hole', () => ({ ok: true, facts: [{ fact: 'gadget.size', version: 1, value: { width: [1, undefined] } as never }] }), { fact: 'gadget.size@1', pointer: '/width/1', rule: 'not-json' }],
    ['returns an invalid value', () => ({ ok: true, facts: [{ fact: 'gadget.size', version: 1, value: { width: 0, height: 1 } }] }), { fact: 'gadget.size@1', pointer: '/width', rule: 'minimum' }],
  ])('fails the event when the mapper %s', (_, mapper, issue) => {
    // Act
    const outcome = run(mapper);

    // Assess
    expect(outcome.result).toBe('ProcessingFailed');
    expect(outcome.issues).toEqual([expect.objectContaining({ index: 0, eventId: '019de2fb-0000-7000-8000-000000000001', ...issue })]);
  });
});
