// Reading objects of the master dataset as text: gzip is recognised by its magic bytes (not by the key), so an
// object reads the same whatever the stream's compression setting was when it was written.
import { gunzipSync } from 'node:zlib';
import type { ObjectStore } from '@factline/object-store';
import { RecoveryError, RecoveryErrorCode } from './errors.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * The object's content as UTF-8 text, gunzipped when it is gzip.
 *
 * @example
 * const text = await readObjectText(store, 'raw/booking/2026/05/01/10/factline-booking-1-….gz');
 */
export async function readObjectText(store: ObjectStore, key: string): Promise<string> {
  const bytes = await store.get(key);
  try {
    const plain = bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
    return decoder.decode(plain);
  } catch (error) {
    throw new RecoveryError(RecoveryErrorCode.objectUnreadable, `s3://${store.bucket}/${key} cannot be read as (gzipped) UTF-8 text: ${(error as Error).message}`, { key, cause: error });
  }
}
