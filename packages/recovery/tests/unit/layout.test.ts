// The master dataset layout: Firehose keys are read by their hour folder and name, nothing else under the prefix
// is; generation ids sort like their times; manifests are checked; times are parsed once.
import { describe, expect, it } from 'vitest';
import { domain } from '@factline/events';
import { domainFingerprint, generationId, manifestKey, parseLayoutKey, parseManifest, RecoveryError } from '@factline/recovery';

describe('parseLayoutKey', () => {
  const prefix = 'facts/booking/';
  it.each([
    ['facts/booking/2026/05/01/10/factline-booking-1-2026-05-01-10-59-58-0d3c6d0e-0b7e-4bd4-9f0e-5c5e0a2b7d11.gz', '2026-05-01T10:59:58.000Z'],
    ['facts/booking/2026/05/01/10/factline-booking-1-2026-05-01-10-00-00-0d3c6d0e-0b7e-4bd4-9f0e-5c5e0a2b7d11', '2026-05-01T10:00:00.000Z'],
    ['facts/booking/2026/05/01/10/hand-written-name.json', '2026-05-01T10:00:00.000Z'],
  ])('reads the time of %s', (key, time) => {
    expect(parseLayoutKey(prefix, key)?.time.toISOString()).toBe(time);
  });

  it.each([
    'facts/booking/processing-failed/2026/05/01/10/factline-booking-1-2026-05-01-10-00-00-0d3c6d0e-0b7e-4bd4-9f0e-5c5e0a2b7d11',
    'facts/booking/generations/20260601T000000000Z/2026/05/01/10/factline-booking-1-2026-05-01-10-00-00-0d3c6d0e-0b7e-4bd4-9f0e-5c5e0a2b7d11',
    'facts/booking/generations/20260601T000000000Z/manifest.json',
    'facts/booking/2026/05/01/part',
    'raw/booking/2026/05/01/10/x',
  ])('takes %s for no Firehose delivery', (key) => {
    expect(parseLayoutKey(prefix, key)).toBeUndefined();
  });
});

describe('generation ids', () => {
  it('sort like the times they are made from and name the manifest key', () => {
    const ids = ['2026-12-01T00:00:00.000Z', '2026-02-01T09:00:00.000Z', '2026-02-01T09:00:00.001Z'].map((t) => generationId(new Date(t)));
    expect(ids).toEqual(['20261201T000000000Z', '20260201T090000000Z', '20260201T090000001Z']);
    expect([...ids].sort()).toEqual([ids[1], ids[2], ids[0]]);
    expect(manifestKey('facts/booking/', ids[1]!)).toBe('facts/booking/generations/20260201T090000000Z/manifest.json');
  });
});

describe('parseManifest', () => {
  it.each([
    ['not json', 'not JSON'],
    ['{"formatVersion":2}', 'formatVersion is not 1'],
    ['{"formatVersion":1,"generation":"g","entity":"booking"}', 'generation, entity or recordedAt is missing'],
    ['{"formatVersion":1,"generation":"g","entity":"booking","recordedAt":"t","objects":[{}]}', 'objects is not a list of keys'],
  ])('refuses %s', (text, why) => {
    expect(() => parseManifest('facts/booking/generations/g/manifest.json', text)).toThrow(RecoveryError);
    expect(() => parseManifest('facts/booking/generations/g/manifest.json', text)).toThrow(why);
  });
});

describe('domainFingerprint', () => {
  it('changes when a mapping changes, and only then', () => {
    const key = 'accommodation_provider.basic_info_updated@1';
    const event = domain.events[key]!;
    const changed = { ...domain, events: { ...domain.events, [key]: { ...event, mapping: { ...event.mapping, entityId: '/other' } } } };
    expect(domainFingerprint(domain)).toBe(domainFingerprint({ ...domain }));
    expect(domainFingerprint(changed)).not.toBe(domainFingerprint(domain));
    expect(domainFingerprint(domain)).toMatch(/^sha256:[0-9a-f]{16}$/);
  });
});
