// The handler logs one structured line per batch (Powertools JSON on stdout) and never one per record.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { domain } from '@factline/events';
import { createHandler, createTransformer, type TransformerLogger } from '@factline/transformer';
import { copies, envelope, firehoseEvent, pack, record } from '../fixtures/helpers.js';

const transformer = createTransformer({ domain });
let lines: string[] = [];

beforeEach(() => {
  lines = [];
  // Powertools writes each log entry as one JSON line: INFO to stdout, WARN and ERROR to stderr.
  const capture = (chunk: string | Uint8Array) => {
    lines.push(...String(chunk).split('\n').filter((line) => line !== ''));
    return true;
  };
  vi.spyOn(process.stdout, 'write').mockImplementation(capture);
  vi.spyOn(process.stderr, 'write').mockImplementation(capture);
});

afterEach(() => {
  vi.restoreAllMocks();
});

const logged = () => lines.map((line) => JSON.parse(line) as Record<string, unknown> & { batch?: Record<string, unknown> });

describe('createHandler', () => {
  it('logs one INFO line with the counts by result when every record succeeds', async () => {
    // Prepare
    const handler = createHandler({ transformer });
    const event = firehoseEvent([record(pack(envelope('booking.confirmed')), 'a'), record('', 'b')]);

    // Act
    await handler(event);

    // Assess
    expect(logged()).toEqual([
      expect.objectContaining({
        level: 'INFO',
        service: 'factline-transformer',
        message: 'Transformed a Firehose batch',
        batch: expect.objectContaining({ invocationId: 'invocation-1', records: 2, results: { Ok: 1, Dropped: 1, ProcessingFailed: 0 }, events: 1, facts: 1, issuesByRule: {} }),
      }),
    ]);
  });

  it('logs one WARN line with counts by error rule and a few samples, however many records fail', async () => {
    // Prepare
    const handler = createHandler({ transformer, logSamples: 3 });
    const bad = { ...envelope('booking.confirmed'), event_version: 9 };
    const records = Array.from({ length: 300 }, (_, i) => record(i % 2 === 0 ? pack(bad) : 'not-base64', `r${i}`));

    // Act
    await handler(firehoseEvent(records));

    // Assess
    const entries = logged();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ level: 'WARN', batch: { results: { Ok: 0, Dropped: 0, ProcessingFailed: 300 }, issuesByRule: { base64: 150, 'unknown-event': 150 } } });
    expect(entries[0]?.batch?.['samples']).toEqual([
      expect.objectContaining({ recordId: 'r0', index: 0, eventId: bad.event_id, pointer: '/event_version', rule: 'unknown-event' }),
      expect.objectContaining({ recordId: 'r1', pointer: '/data', rule: 'base64' }),
      expect.objectContaining({ recordId: 'r2', rule: 'unknown-event' }),
    ]);
  });

  it('counts the records the response guard turned away', async () => {
    // Prepare
    const handler = createHandler({ transformer, maxResponseBytes: 30_000 });
    const records = [0, 1, 2].map((i) => record(pack(...copies('booking.requested', 4)), `r${i}`));

    // Act
    await handler(firehoseEvent(records));

    // Assess
    expect(logged()[0]?.batch).toMatchObject({ oversizeRecords: 2, issuesByRule: { 'response-size': 2 } });
  });

  it('logs an ERROR line and throws when the input cannot be answered', async () => {
    // Prepare
    const handler = createHandler({ transformer });

    // Act
    const answer = handler({ records: [{ data: '' }] } as never);

    // Assess
    await expect(answer).rejects.toMatchObject({ code: 'INVALID_FIREHOSE_EVENT' });
    expect(logged()).toEqual([expect.objectContaining({ level: 'ERROR', error: expect.objectContaining({ code: 'INVALID_FIREHOSE_EVENT' }), records: 1 })]);
  });

  it('writes to an injected logger instead', async () => {
    // Prepare
    const calls: unknown[][] = [];
    const logger: TransformerLogger = { info: (...args) => calls.push(['info', ...args]), warn: (...args) => calls.push(['warn', ...args]), error: (...args) => calls.push(['error', ...args]) };
    const handler = createHandler({ transformer, logger });

    // Act
    await handler(firehoseEvent([record(pack(envelope('booking.confirmed')))]));

    // Assess
    expect(calls).toEqual([['info', 'Transformed a Firehose batch', { batch: expect.objectContaining({ facts: 1 }) }]]);
    expect(lines).toEqual([]);
  });
});
