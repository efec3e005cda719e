// Errors of the object store. Each carries a stable `code`, the bucket and key it concerns, and the underlying cause.

/**
 * The stable codes of `ObjectStoreError`.
 *
 * @example
 * if (error instanceof ObjectStoreError && error.code === ObjectStoreErrorCode.KeyConflict) rename(key);
 */
export const ObjectStoreErrorCode = {
  /** `get` found no object under the key. */
  ObjectNotFound: 'OBJECT_NOT_FOUND',
  /** The key breaks S3's rules, or cannot be a file path in a folder bucket. */
  InvalidKey: 'INVALID_KEY',
  /** The bucket name breaks S3's bucket naming rules. */
  InvalidBucketName: 'INVALID_BUCKET_NAME',
  /** A folder bucket cannot hold both `a/b` and `a/b/c`: one of them would have to be a file and a folder at once. */
  KeyConflict: 'KEY_CONFLICT',
  /** The disk or S3 failed; see `cause`. */
  StorageFailure: 'STORAGE_FAILURE',
} as const;

export type ObjectStoreErrorCode = (typeof ObjectStoreErrorCode)[keyof typeof ObjectStoreErrorCode];

/**
 * Where an error happened.
 *
 * @example
 * throw new ObjectStoreError(ObjectStoreErrorCode.StorageFailure, 'disk full', { bucket, key, operation: 'put', cause });
 */
export interface ObjectStoreErrorContext {
  bucket: string;
  key?: string;
  operation?: 'put' | 'get' | 'list';
  cause?: unknown;
}

/**
 * Any failure of an object store.
 *
 * @example
 * try {
 *   await store.put(key, body);
 * } catch (error) {
 *   if (error instanceof ObjectStoreError && error.code === 'KEY_CONFLICT') console.error(error.message);
 *   else throw error;
 * }
 */
export class ObjectStoreError extends Error {
  readonly code: ObjectStoreErrorCode;
  readonly bucket: string;
  readonly key: string | undefined;
  readonly operation: 'put' | 'get' | 'list' | undefined;

  constructor(code: ObjectStoreErrorCode, message: string, context: ObjectStoreErrorContext) {
    super(message, context.cause === undefined ? undefined : { cause: context.cause });
    this.name = 'ObjectStoreError';
    this.code = code;
    this.bucket = context.bucket;
    this.key = context.key;
    this.operation = context.operation;
  }
}

/**
 * `get` of a key that holds no object.
 *
 * @example
 * const body = await store.get(key).catch((error: unknown) => {
 *   if (error instanceof ObjectNotFoundError) return undefined;
 *   throw error;
 * });
 */
export class ObjectNotFoundError extends ObjectStoreError {
  declare readonly key: string;

  constructor(bucket: string, key: string, cause?: unknown) {
    super(ObjectStoreErrorCode.ObjectNotFound, `No object under key '${key}' in bucket '${bucket}'.`, { bucket, key, operation: 'get', cause });
    this.name = 'ObjectNotFoundError';
  }
}
