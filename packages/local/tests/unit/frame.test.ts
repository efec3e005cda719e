import { describe, expect, it } from 'vitest';
import { decodeFrames, encodeFrame, type StoredRecord } from '../../src/wal/frame.js';

const records: StoredRecord[] = [
  { recordId: '1'.repeat(56), arrival: 1_777_629_600_123, data: Buffer.from('{"a":1}\n') },
  { recordId: '2'.repeat(56), arrival: 1_777_629_600_124, data: Buffer.alloc(0) },
  { recordId: '3'.repeat(56), arrival: 1_777_629_600_125, data: Buffer.from([0, 255, 10]) },
];

describe('write-ahead log frames', () => {
  it('decode to the records that were encoded', () => {
    const bytes = Buffer.concat(records.map(encodeFrame));
    expect(decodeFrames(bytes)).toEqual({ records, validBytes: bytes.length });
  });

  it('stop at a frame cut short by a crash', () => {
    const whole = Buffer.concat(records.slice(0, 2).map(encodeFrame));
    const torn = encodeFrame(records[2]!).subarray(0, 15);
    expect(decodeFrames(Buffer.concat([whole, torn]))).toEqual({ records: records.slice(0, 2), validBytes: whole.length });
  });

  it('stop at a frame whose checksum does not match, and ignore everything after it', () => {
    const frames = records.map(encodeFrame);
    const damaged = Buffer.from(frames[1]!);
    damaged[damaged.length - 1] = 0x42;
    expect(decodeFrames(Buffer.concat([frames[0]!, damaged, frames[2]!])).records).toEqual(records.slice(0, 1));
  });

  it('read nothing from an empty or garbage file', () => {
    expect(decodeFrames(Buffer.alloc(0)).records).toEqual([]);
    expect(decodeFrames(Buffer.from('not a log at all')).records).toEqual([]);
  });
});
