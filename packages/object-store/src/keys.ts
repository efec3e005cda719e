// S3's rules for keys and bucket names, and S3's listing order, shared by both implementations.
import { ObjectStoreError, ObjectStoreErrorCode } from './errors.js';

/**
 * S3 keys are at most 1,024 bytes of UTF-8.
 *
 * @example
 * if (Buffer.byteLength(key) > maxKeyBytes) throw new Error(`key too long: ${key}`);
 */
export const maxKeyBytes = 1024;

// S3 general purpose bucket names: 3-63 characters, lowercase letters, digits, dots and hyphens, starting and ending
// with a letter or digit, no two adjacent dots, not formatted like an IP address.
const bucketNamePattern = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const ipAddressPattern = /^\d{1,3}(\.\d{1,3}){3}$/;

/** Throws `INVALID_BUCKET_NAME` unless `bucket` follows S3's naming rules. */
export function assertBucketName(bucket: string): void {
  if (!bucketNamePattern.test(bucket) || bucket.includes('..') || ipAddressPattern.test(bucket)) {
    throw new ObjectStoreError(
      ObjectStoreErrorCode.InvalidBucketName,
      `Invalid bucket name '${bucket}': use 3-63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit.`,
      { bucket },
    );
  }
}

/** Throws `INVALID_KEY` unless `key` is a valid S3 key (1 to 1,024 bytes of UTF-8). */
export function assertObjectKey(bucket: string, key: string, operation: 'put' | 'get'): void {
  const bytes = Buffer.byteLength(key, 'utf8');
  if (bytes === 0 || bytes > maxKeyBytes) {
    throw new ObjectStoreError(ObjectStoreErrorCode.InvalidKey, `Invalid key '${key.slice(0, 80)}': a key has 1 to ${maxKeyBytes} bytes of UTF-8, this one has ${bytes}.`, {
      bucket,
      key,
      operation,
    });
  }
}

/**
 * Compares keys the way S3 orders them: by their UTF-8 bytes (JavaScript's `<` compares UTF-16 units, which differs).
 *
 * @example
 * const sorted = ['b/😀', 'b/\uFF61'].sort(compareKeys); // ['b/\uFF61', 'b/😀']
 */
export function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
