import { describe, expect, it } from 'vitest';
import { invocationBatches } from '../../src/delivery/transformation.js';
import type { StoredRecord } from '../../src/wal/frame.js';

const context = { invocationBytes: 1000, deliveryStreamArn: 'arn:aws:firehose:us-east-1:000000000000:deliverystream/s', region: 'us-east-1' };
const record = (size: number, index: number): StoredRecord => ({ recordId: String(index).padStart(56, '0'), arrival: 1, data: Buffer.alloc(size) });

describe('invocation batches', () => {
  it('fill each invocation up to the buffer size hint, keeping order', () => {
    const batches = invocationBatches([400, 400, 400, 100, 1000].map(record), context);
    expect(batches.map((batch) => batch.map((entry) => entry.data.length))).toEqual([[400, 400], [400, 100], [1000]]);
  });

  it('give a record larger than the hint an invocation of its own', () => {
    expect(invocationBatches([10, 5000, 10].map(record), context).map((batch) => batch.length)).toEqual([1, 1, 1]);
  });

  it('split many small records so that the JSON event stays within 6,291,456 bytes', () => {
    const batches = invocationBatches(Array.from({ length: 80_000 }, (_, index) => record(1, index)), { ...context, invocationBytes: 3 * 1024 * 1024 });
    expect(batches.length).toBeGreaterThan(1);
    for (const batch of batches) {
      const event = { invocationId: '00000000-0000-0000-0000-000000000000', deliveryStreamArn: context.deliveryStreamArn, region: context.region, records: batch.map((entry) => ({ recordId: entry.recordId, approximateArrivalTimestamp: entry.arrival, data: entry.data.toString('base64') })) };
      expect(Buffer.byteLength(JSON.stringify(event))).toBeLessThanOrEqual(6_291_456);
    }
    expect(batches.flat()).toHaveLength(80_000);
  });

  it('make no invocation for no records', () => {
    expect(invocationBatches([], context)).toEqual([]);
  });
});
