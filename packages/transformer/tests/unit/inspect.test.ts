// Nothing is lost: a failed packed record lands in Firehose's error output with its raw bytes; inspectFailedRecord
// finds every bad event in it, and replaying the events one by one delivers the good ones.
import { describe, expect, it } from 'vitest';
import { domain } from '@factline/events';
import { createTransformer, inspectFailedRecord, transformBatch } from '@factline/transformer';
import { envelope, facts, firehoseEvent, pack, record } from '../fixtures/helpers.js';

const transformer = createTransformer({ domain });

function errorOutputLine(rawData: string) {
  // What Firehose writes under processing-failed/ for a ProcessingFailed record.
  return JSON.stringify({ attemptsMade: 1, arrivalTimestamp: 1777629601234, errorCode: 'Lambda.ProcessingFailedStatus', errorMessage: 'ProcessingFailed status set for record', attemptEndingTimestamp: 1777629602000, rawData, lambdaARN: 'arn:aws:lambda:eu-west-1:123456789012:function:factline-transformer' });
}

describe('inspectFailedRecord', () => {
  it('finds every bad event of a failed packed record, and replaying them one by one delivers the good ones', () => {
    // Prepare
    const good = envelope('booking.confirmed');
    const bad = { ...envelope('booking.requested'), event_version: 3 };
    const { response } = transformBatch(firehoseEvent([record(pack(good, bad, 'garbage'), 'r1')]), { transformer });
    const failed = response.records[0]!;

    // Act
    const report = inspectFailedRecord(transformer, errorOutputLine(failed.data));

    // Assess
    expect(failed.result).toBe('ProcessingFailed');
    expect(report).toMatchObject({ errorCode: 'Lambda.ProcessingFailedStatus', arrivalTimestamp: '2026-05-01T10:00:01.234Z', issues: [] });
    expect(report.events.map(({ index, eventId, ok, issues }) => ({ index, eventId, ok, rules: issues.map((i) => `${i.pointer} ${i.rule}`) }))).toEqual([
      { index: 0, eventId: good.event_id, ok: true, rules: [] },
      { index: 1, eventId: bad.event_id, ok: false, rules: ['/event_version unknown-event'] },
      { index: 2, eventId: undefined, ok: false, rules: [' json'] },
    ]);
    expect(report.events[1]?.text).toBe(JSON.stringify(bad));

    // Replay: re-send each event as its own record; the good one is delivered.
    const replay = transformBatch(firehoseEvent(report.events.map((e, i) => record(pack(e.text), `replay-${i}`, 1777629700000))), { transformer });
    expect(replay.response.records.map((r) => r.result)).toEqual(['Ok', 'ProcessingFailed', 'ProcessingFailed']);
    expect(facts(replay.response.records[0]!.data)[0]).toMatchObject({ event_id: good.event_id, recorded_at: '2026-05-01T10:01:40.000Z' });
  });

  it('gives a replayed event the same fact ids, so views collapse a second delivery', () => {
    // Prepare
    const event = envelope('booking.requested');
    const first = transformer.transformRecord(record(pack(event), 'a', 1777629601234));

    // Act
    const again = transformer.transformRecord(record(pack(event), 'b', 1777629999999));

    // Assess
    expect(facts(again.data).map((f) => f['fact_id'])).toEqual(facts(first.data).map((f) => f['fact_id']));
  });

  it('accepts a bare base64 rawData and reports a record that is not UTF-8', () => {
    // Act
    const report = inspectFailedRecord(transformer, Buffer.from([0xff, 0xfe, 0x0a]).toString('base64'));

    // Assess
    expect(report.events).toEqual([]);
    expect(report.issues).toEqual([expect.objectContaining({ pointer: '/rawData', rule: 'utf8' })]);
  });

  it('reads one pretty-printed envelope as one event', () => {
    // Prepare
    const rawData = Buffer.from(JSON.stringify(envelope('booking.confirmed'), null, 2)).toString('base64');

    // Act
    const report = inspectFailedRecord(transformer, { rawData });

    // Assess
    expect(report.events).toHaveLength(1);
    expect(report.events[0]?.ok).toBe(true);
  });
});
