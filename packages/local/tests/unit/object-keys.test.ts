import { describe, expect, it } from 'vitest';
import { objectKey } from '../../src/delivery/object-keys.js';

describe('object keys', () => {
  it('use UTC and zero-padded fields from the given arrival time', () => {
    const key = objectKey('facts/booking/', 'factline-booking', Date.UTC(2026, 0, 2, 3, 4, 5, 999), 'UNCOMPRESSED');
    expect(key).toMatch(/^facts\/booking\/2026\/01\/02\/03\/factline-booking-1-2026-01-02-03-04-05-[0-9a-f-]{36}$/);
  });

  it('end in .gz for GZIP and differ every time', () => {
    const first = objectKey('raw/x/', 'factline-x', 0, 'GZIP');
    expect(first).toMatch(/^raw\/x\/1970\/01\/01\/00\/factline-x-1-1970-01-01-00-00-00-[0-9a-f-]{36}\.gz$/);
    expect(objectKey('raw/x/', 'factline-x', 0, 'GZIP')).not.toBe(first);
  });
});
