// A malformed domain or option is a set-up error: createTransformer / createHandler throw, naming what is wrong.
import { describe, expect, it } from 'vitest';
import type { RuntimeDomain } from '@factline/events';
import { createHandler, createTransformer, TransformerError, TransformerErrorCode } from '@factline/transformer';
import { tinyDomain } from '../fixtures/tiny-domain.js';

function mutated(change: (domain: RuntimeDomain) => void): RuntimeDomain {
  const domain = tinyDomain();
  change(domain);
  return domain;
}

describe('createTransformer', () => {
  it.each<[string, RuntimeDomain, string, string]>([
    ['no envelope validator', mutated((d) => ((d as { envelope: unknown }).envelope = {})), 'envelope', '/envelope/validate'],
    ['a key that is not <type>@<version>', mutated((d) => ((d.events['gadget.updated@2'] = d.events['gadget.updated@1']!), delete d.events['gadget.updated@1'])), 'gadget.updated@2', '/events/gadget.updated@2'],
    ['an event without validator', mutated((d) => ((d.events['widget.created@1'] as { validate: unknown }).validate = undefined)), 'widget.created@1', '/events/widget.created@1/validate'],
    ['a bad entity pointer', mutated((d) => (d.events['widget.created@1']!.mapping.entityId = 'widgetId')), 'widget.created@1', '/events/widget.created@1/mapping/entityId'],
    ['a mapping naming a missing fact', mutated((d) => delete d.facts['widget.status@1']), 'widget.created@1', '/events/widget.created@1/mapping/facts/0'],
    ['a constant the fact rejects', mutated((d) => (d.facts['gadget.status@1']!.validate = Object.assign(() => false, { errors: [] }))), 'gadget.updated@1', '/events/gadget.updated@1/mapping/facts/5/value/const'],
    ['a value key that collides with a shared column', mutated((d) => (d.facts['gadget.name@1']!.valueKey = 'event_id')), 'gadget.name@1', '/facts/gadget.name@1/valueKey'],
    ['a value key the mapping disagrees with', mutated((d) => ((d.events['gadget.updated@1']!.mapping.facts[0] as { valueKey: string }).valueKey = 'title')), 'gadget.updated@1', '/events/gadget.updated@1/mapping/facts/0/valueKey'],
    ['a typed mapping without mapper', mutated((d) => ((d.events['gadget.assembled@1']!.mapping as { mapper: unknown }).mapper = undefined)), 'gadget.assembled@1', '/events/gadget.assembled@1/mapping/mapper'],
    ['a malformed value spec', mutated((d) => ((d.events['widget.created@1']!.mapping.facts[0] as { value: unknown }).value = { pointer: 'status' })), 'widget.created@1', '/events/widget.created@1/mapping/facts/0/value/pointer'],
  ])('refuses a domain with %s', (_, domain, key, pointer) => {
    // Act
    const create = () => createTransformer({ domain });

    // Assess
    expect(create).toThrow(TransformerError);
    expect(create).toThrow(expect.objectContaining({ code: TransformerErrorCode.InvalidDomain, key, pointer }));
  });

  it.each([
    [{ validateDeclaredFacts: 'yes' }, 'validateDeclaredFacts'],
    [{ maxIssuesPerRecord: 0 }, 'maxIssuesPerRecord'],
    [{ maxIssuesPerRecord: 2.5 }, 'maxIssuesPerRecord'],
  ])('refuses the option %o', (option, key) => {
    // Act
    const create = () => createTransformer({ domain: tinyDomain(), ...(option as object) });

    // Assess
    expect(create).toThrow(expect.objectContaining({ code: TransformerErrorCode.InvalidOptions, key }));
  });
});

describe('createHandler', () => {
  const transformer = createTransformer({ domain: tinyDomain() });

  it.each([
    [{ transformer: {} }, 'transformer'],
    [{ transformer, maxResponseBytes: 7_000_000 }, 'maxResponseBytes'],
    [{ transformer, maxResponseBytes: 0 }, 'maxResponseBytes'],
    [{ transformer, logSamples: -1 }, 'logSamples'],
    [{ transformer, streamEntities: { 'factline-booking': '' } }, 'streamEntities/factline-booking'],
  ])('refuses the options %o', (options, key) => {
    // Act
    const create = () => createHandler(options as never);

    // Assess
    expect(create).toThrow(expect.objectContaining({ code: TransformerErrorCode.InvalidOptions, key }));
  });
});
