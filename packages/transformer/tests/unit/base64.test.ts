import { describe, expect, it } from 'vitest';
import { createTransformer } from '@factline/transformer';
import { domain } from '@factline/events';
import { pack, record, envelope } from '../fixtures/helpers.js';

// Strictness is observable through transformRecord: a record whose data is not exactly padded base64 fails.
const transformer = createTransformer({ domain });
const valid = pack(envelope('booking.confirmed'));

describe('base64 data', () => {
  it.each([
    ['unpadded', valid.replace(/=+$/, '')],
    ['the URL-safe alphabet', '-_-_'],
    ['a space inside', `${valid.slice(0, 8)} ${valid.slice(9)}`],
    ['a line break inside', `${valid.slice(0, 8)}\n${valid.slice(8, -1)}`],
    ['padding in the middle', `QQ==${valid}`],
    ['a stray character', `${valid.slice(0, -4)}*AAA`],
    ['only padding', '===='],
  ])('fails a record whose data has %s, keeping the received text', (_, data) => {
    // Act
    const outcome = transformer.transformRecord(record(data));

    // Assess
    expect(outcome.result).toBe('ProcessingFailed');
    expect(outcome.issues).toEqual([expect.objectContaining({ pointer: '/data', rule: 'base64' })]);
    expect(Buffer.from(outcome.data, 'base64').toString('utf8')).toBe(data);
  });

  it('accepts padded standard base64', () => {
    // Act
    const outcome = transformer.transformRecord(record(valid));

    // Assess
    expect(outcome.result).toBe('Ok');
  });

  it('answers an empty record Dropped with empty data', () => {
    // Act
    const outcome = transformer.transformRecord(record(''));

    // Assess
    expect(outcome).toMatchObject({ result: 'Dropped', data: '', events: 0 });
  });
});
