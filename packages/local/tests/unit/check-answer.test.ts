import { describe, expect, it } from 'vitest';
import { checkAnswer } from '../../src/delivery/check-answer.js';

const ids = ['id-1', 'id-2'];
const ok = (recordId: string, text = 'x'): Record<string, unknown> => ({ recordId, result: 'Ok', data: Buffer.from(text).toString('base64') });

describe('checking a transformation answer', () => {
  const cases: [string, unknown, string][] = [
    ['an answer that is not an object', null, 'Lambda.JsonProcessingException'],
    ['an answer without records', { items: [] }, 'Lambda.JsonProcessingException'],
    ['a record without an id', { records: [{ result: 'Ok', data: '' }, ok('id-2')] }, 'Lambda.JsonProcessingException'],
    ['a record id returned twice', { records: [ok('id-1'), ok('id-1'), ok('id-2')] }, 'Lambda.DuplicatedRecordId'],
    ['a record id left out', { records: [ok('id-1')] }, 'Lambda.MissingRecordId'],
    ['a record id the invocation did not carry', { records: [ok('id-1'), ok('id-3')] }, 'Lambda.MissingRecordId'],
    ['an unknown result', { records: [ok('id-1'), { recordId: 'id-2', result: 'ok', data: '' }] }, 'Lambda.JsonProcessingException'],
    ['Ok without data', { records: [ok('id-1'), { recordId: 'id-2', result: 'Ok' }] }, 'Lambda.JsonProcessingException'],
    ['Ok with data that is not base64', { records: [ok('id-1'), { recordId: 'id-2', result: 'Ok', data: 'a=b' }] }, 'Lambda.JsonProcessingException'],
    ['an answer larger than 6,291,556 bytes', { records: [ok('id-1', 'a'.repeat(4_800_000)), ok('id-2')] }, 'Lambda.FunctionError'],
  ];
  it.each(cases)('fails the invocation for %s', (_, answer, errorCode) => {
    const checked = checkAnswer(answer, ids);
    expect(checked.ok).toBe(false);
    expect(checked.ok ? undefined : checked.error.errorCode).toBe(errorCode);
  });

  it('accepts Ok, Dropped and ProcessingFailed, in any order, and decodes Ok data', () => {
    const checked = checkAnswer({ records: [{ recordId: 'id-2', result: 'Dropped' }, ok('id-1', 'fact\n')] }, ids);
    expect(checked).toEqual({ ok: true, results: new Map([['id-2', { result: 'Dropped' }], ['id-1', { result: 'Ok', data: Buffer.from('fact\n') }]]) });
    expect(checkAnswer({ records: [{ recordId: 'id-1', result: 'ProcessingFailed' }, ok('id-2', '')] }, ids).ok).toBe(true);
  });

  it('measures the answer to the byte: 6,291,556 bytes of JSON pass, one more fails', () => {
    // Prepare
    const answer = (padding: string): unknown => ({ records: [ok('id-1', 'a'.repeat(4_000_000)), { ...ok('id-2'), padding }] });
    const fill = 6_291_556 - JSON.stringify(answer('')).length;
    // Act
    const atLimit = checkAnswer(answer('é'.repeat(fill / 2)), ids);
    const over = checkAnswer(answer(`${'é'.repeat(fill / 2)}x`), ids);
    // Assess
    expect(atLimit.ok).toBe(true);
    expect(over.ok ? undefined : over.error.detail).toBe('the answer is 6291557 bytes of JSON');
  });

  it('ignores dynamic-partitioning metadata', () => {
    expect(checkAnswer({ records: [{ ...ok('id-1'), metadata: { partitionKeys: { day: '01' } } }, ok('id-2')] }, ids).ok).toBe(true);
  });
});
