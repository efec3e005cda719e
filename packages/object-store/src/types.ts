// The object-store contract (docs/architecture.md): everything that reads or writes the master dataset goes through
// it, so the folder bucket on a laptop and the S3 bucket on AWS are interchangeable.

/**
 * What `put` accepts: bytes as they are, or a string stored as UTF-8.
 *
 * @example
 * const body: ObjectBody = '{"jsonpaths":["$.fact_id"]}';
 */
export type ObjectBody = Uint8Array | string;

/**
 * One entry of a listing.
 *
 * @example
 * for await (const { key, size } of store.list('facts/booking/')) console.log(key, size);
 */
export interface ObjectInfo {
  /** The full object key, e.g. `facts/booking/2026/05/01/10/factline-booking-1-2026-05-01-10-00-00-<uuid>.gz`. */
  key: string;
  /** Size of the stored object in bytes. */
  size: number;
  /** When the object was last written. */
  lastModified: Date;
}

/**
 * A bucket: put, get, list by prefix. Keys follow S3's rules (1 to 1,024 bytes of UTF-8).
 *
 * @example
 * async function copyPrefix(from: ObjectStore, to: ObjectStore, prefix: string): Promise<void> {
 *   for await (const object of from.list(prefix)) await to.put(object.key, await from.get(object.key));
 * }
 */
export interface ObjectStore {
  /** The bucket name. */
  readonly bucket: string;
  /** Stores `body` under `key`, replacing any previous object. Durable and atomic once the promise resolves. */
  put(key: string, body: ObjectBody): Promise<void>;
  /** The object's bytes; throws `ObjectNotFoundError` when there is no object under `key`. */
  get(key: string): Promise<Uint8Array>;
  /** Every object whose key starts with `prefix`, in ascending key order (UTF-8 byte order, as S3 lists). */
  list(prefix: string): AsyncIterable<ObjectInfo>;
}
