// A whole transformation event: the Firehose contract guards.
import { describe, expect, it } from 'vitest';
import { domain } from '@factline/events';
import { createTransformer, transformBatch, TransformerErrorCode, type FirehoseInputRecord } from '@factline/transformer';
import { contractProblems, copies, envelope, firehoseEvent, pack, record } from '../fixtures/helpers.js';

const transformer = createTransformer({ domain });

describe('transformBatch', () => {
  it('answers every recordId exactly once, in input order, with valid base64', () => {
    // Prepare
    const event = firehoseEvent([record(pack(envelope('booking.confirmed')), 'a'), record('', 'b'), record('%%%', 'c'), record(pack('{'), 'd')]);

    // Act
    const { response, summary } = transformBatch(event, { transformer });

    // Assess
    expect(contractProblems(event, response)).toEqual([]);
    expect(response.records.map((r) => [r.recordId, r.result])).toEqual([['a', 'Ok'], ['b', 'Dropped'], ['c', 'ProcessingFailed'], ['d', 'ProcessingFailed']]);
    expect(summary).toMatchObject({ records: 4, results: { Ok: 1, Dropped: 1, ProcessingFailed: 2 }, issuesByRule: { base64: 1, json: 1 } });
  });

  it('answers a repeated recordId once, and counts the repeat', () => {
    // Prepare
    const event = firehoseEvent([record(pack(envelope('booking.confirmed')), 'a'), record(pack(envelope('booking.cancelled')), 'a')]);

    // Act
    const { response, summary } = transformBatch(event, { transformer });

    // Assess
    expect(response.records).toHaveLength(1);
    expect(summary).toMatchObject({ records: 2, duplicateRecordIds: 1 });
  });

  it('reports the exact size of the response it returns', () => {
    // Prepare
    const event = firehoseEvent([record(pack(...copies('booking.requested', 3)), 'ünïcode-id'), record('', 'b'), record('bad', 'c')]);

    // Act
    const { response, summary } = transformBatch(event, { transformer });

    // Assess
    expect(summary.responseBytes).toBe(Buffer.byteLength(JSON.stringify(response)));
  });

  it('answers an empty batch with no records', () => {
    // Act
    const { response } = transformBatch(firehoseEvent([]), { transformer });

    // Assess
    expect(response).toEqual({ records: [] });
  });

  it('fails events of another entity when the stream is listed in streamEntities', () => {
    // Prepare
    const event = firehoseEvent([record(pack(envelope('booking.confirmed')), 'a'), record(pack(envelope('accommodation.removed')), 'b')], 'factline-booking');

    // Act
    const { response, summary } = transformBatch(event, { transformer, streamEntities: { 'factline-booking': 'booking' } });

    // Assess
    expect(response.records.map((r) => r.result)).toEqual(['Ok', 'ProcessingFailed']);
    expect(summary).toMatchObject({ expectedEntity: 'booking', issuesByRule: { 'entity-mismatch': 1 } });
  });

  it.each([
    ['null', null, '/records'],
    ['an object without records', { invocationId: 'x' }, '/records'],
    ['a record without recordId', firehoseEvent([{ data: '' } as FirehoseInputRecord]), '/records/0/recordId'],
    ['a record that is not an object', { records: [record(''), 42] }, '/records/1/recordId'],
  ])('throws when the input is %s: it cannot be answered', (_, event, pointer) => {
    // Act
    const run = () => transformBatch(event, { transformer });

    // Assess
    expect(run).toThrow(expect.objectContaining({ code: TransformerErrorCode.InvalidFirehoseEvent, pointer }));
  });
});

describe('the 6 MB response guard', () => {
  it('fails the records that do not fit, keeps the response under 6 MB, and loses nothing (a batch built to overflow)', () => {
    // Prepare: booking.requested makes 9 facts of about 400 bytes from a 560-byte event, so 1.6 MB of events
    // becomes about 11 MB of base64 facts.
    const events = copies('booking.requested', 2_900);
    const records: FirehoseInputRecord[] = [];
    for (let i = 0; i < events.length; i += 9) records.push(record(pack(...events.slice(i, i + 9)), `record-${i / 9}`));
    const event = firehoseEvent(records);

    // Act
    const { response, summary } = transformBatch(event, { transformer });

    // Assess
    expect(contractProblems(event, response)).toEqual([]);
    expect(summary.responseBytes).toBeLessThanOrEqual(6_000_000);
    expect(summary.results.Ok).toBeGreaterThan(0);
    expect(summary.oversizeRecords).toBeGreaterThan(0);
    expect(summary.results.ProcessingFailed).toBe(summary.oversizeRecords);
    expect(summary.issuesByRule).toEqual({ 'response-size': summary.oversizeRecords });
    response.records.forEach((r, i) => {
      if (r.result === 'ProcessingFailed') expect(r.data).toBe(records[i]?.data);
    });
  });

  it('keeps as many records Ok as fit, first come first served', () => {
    // Prepare
    const records = [0, 1, 2, 3].map((i) => record(pack(...copies('booking.requested', 2)), `r${i}`));
    const event = firehoseEvent(records);
    const full = transformBatch(event, { transformer });
    const oneRecordOk = full.summary.responseBytes - 3 * (full.response.records[0]!.data.length - records[0]!.data.length) + 3 * ('ProcessingFailed'.length - 'Ok'.length);

    // Act
    const { response } = transformBatch(event, { transformer, maxResponseBytes: oneRecordOk });

    // Assess
    expect(response.records.map((r) => r.result)).toEqual(['Ok', 'ProcessingFailed', 'ProcessingFailed', 'ProcessingFailed']);
    expect(Buffer.byteLength(JSON.stringify(response))).toBe(oneRecordOk);
  });

  it('throws when even an all-failed answer would not fit', () => {
    // Prepare
    const event = firehoseEvent([record(pack(envelope('booking.confirmed')), 'a')]);

    // Act
    const run = () => transformBatch(event, { transformer, maxResponseBytes: 100 });

    // Assess
    expect(run).toThrow(expect.objectContaining({ code: TransformerErrorCode.ResponseTooLarge }));
  });
});
