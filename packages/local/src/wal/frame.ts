// The write-ahead log's record frame: length, CRC-32 and payload, so that a write torn by a crash is recognised.
//   u32le payload length | u32le crc32(payload) | payload
//   payload = u8 format (1) | f64le arrival ms | u16le id length | id (ASCII) | data
import { crc32 } from 'node:zlib';

/** A record as the emulator keeps it: its id, when it arrived, its bytes. */
export interface StoredRecord {
  recordId: string;
  /** Epoch milliseconds: Firehose's approximateArrivalTimestamp. */
  arrival: number;
  data: Buffer;
}

const headerBytes = 8;
const payloadFixedBytes = 1 + 8 + 2;
const formatVersion = 1;

export function encodeFrame(record: StoredRecord): Buffer {
  const id = Buffer.from(record.recordId, 'latin1');
  const frame = Buffer.allocUnsafe(headerBytes + payloadFixedBytes + id.length + record.data.length);
  const payload = frame.subarray(headerBytes);
  payload.writeUInt8(formatVersion, 0);
  payload.writeDoubleLE(record.arrival, 1);
  payload.writeUInt16LE(id.length, 9);
  id.copy(payload, payloadFixedBytes);
  record.data.copy(payload, payloadFixedBytes + id.length);
  frame.writeUInt32LE(payload.length, 0);
  frame.writeUInt32LE(crc32(payload), 4);
  return frame;
}

/**
 * Decodes frames up to the first incomplete or damaged one. Everything after it belongs to a write whose fsync never
 * completed (a crash mid-write), so none of it was acknowledged.
 */
export function decodeFrames(buffer: Buffer): { records: StoredRecord[]; validBytes: number } {
  const records: StoredRecord[] = [];
  let offset = 0;
  while (offset + headerBytes <= buffer.length) {
    const length = buffer.readUInt32LE(offset);
    const end = offset + headerBytes + length;
    if (length < payloadFixedBytes || end > buffer.length) break;
    const payload = buffer.subarray(offset + headerBytes, end);
    if (crc32(payload) !== buffer.readUInt32LE(offset + 4) || payload.readUInt8(0) !== formatVersion) break;
    const idLength = payload.readUInt16LE(9);
    if (payloadFixedBytes + idLength > payload.length) break;
    records.push({
      arrival: payload.readDoubleLE(1),
      recordId: payload.toString('latin1', payloadFixedBytes, payloadFixedBytes + idLength),
      data: Buffer.from(payload.subarray(payloadFixedBytes + idLength)),
    });
    offset = end;
  }
  return { records, validBytes: offset };
}
