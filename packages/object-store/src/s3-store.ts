// The S3 bucket: the same contract over @aws-sdk/client-s3, for the master dataset on AWS.
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { ObjectNotFoundError, ObjectStoreError, ObjectStoreErrorCode } from './errors.js';
import { assertBucketName, assertObjectKey } from './keys.js';
import type { ObjectBody, ObjectInfo, ObjectStore } from './types.js';

/**
 * Options of `createS3ObjectStore`.
 *
 * @example
 * const options: S3ObjectStoreOptions = { bucket: 'acme-factline', clientConfig: { region: 'eu-west-1' } };
 */
export interface S3ObjectStoreOptions {
  /** The bucket name. */
  bucket: string;
  /** The client to use. Default: `new S3Client(clientConfig)`. */
  client?: S3Client;
  /** Configuration of the client created when `client` is not given (region, endpoint, credentials, …). */
  clientConfig?: S3ClientConfig;
  /** Keys per ListObjectsV2 page, 1 to 1,000. Default: 1,000 (S3's maximum). */
  pageSize?: number;
}

/**
 * A bucket in Amazon S3.
 *
 * @example
 * const store: S3ObjectStore = createS3ObjectStore({ bucket: 'acme-factline', client: new S3Client({ region: 'eu-west-1' }) });
 */
export interface S3ObjectStore extends ObjectStore {
  /** The client the store sends its requests with. */
  readonly client: S3Client;
}

/**
 * A bucket in Amazon S3. `put` is PutObject (atomic and durable when it succeeds), `get` is GetObject (`NoSuchKey`
 * becomes `ObjectNotFoundError`), `list` pages through ListObjectsV2, which S3 returns in UTF-8 byte order. Any other
 * failure is an `ObjectStoreError` with code `STORAGE_FAILURE` and the SDK error as `cause`.
 *
 * @example
 * const store = createS3ObjectStore({ bucket: 'acme-factline', clientConfig: { region: 'eu-west-1' } });
 * const jsonPaths = new TextDecoder().decode(await store.get('jsonpaths/booking_facts.json'));
 */
export function createS3ObjectStore(options: S3ObjectStoreOptions): S3ObjectStore {
  assertBucketName(options.bucket);
  const bucket = options.bucket;
  const client = options.client ?? new S3Client(options.clientConfig ?? {});
  const pageSize = options.pageSize ?? 1000;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) {
    throw new RangeError(`pageSize must be an integer from 1 to 1000, got ${pageSize}`);
  }

  function failure(operation: 'put' | 'get' | 'list', error: unknown, key?: string): ObjectStoreError {
    const what = key === undefined ? `list s3://${bucket}/` : `${operation} s3://${bucket}/${key}`;
    return new ObjectStoreError(ObjectStoreErrorCode.StorageFailure, `Cannot ${what}: ${(error as Error).name}: ${(error as Error).message}`, {
      bucket,
      ...(key === undefined ? {} : { key }),
      operation,
      cause: error,
    });
  }

  async function* list(prefix: string): AsyncGenerator<ObjectInfo> {
    let continuationToken: string | undefined;
    do {
      let page;
      try {
        page = await client.send(
          // EncodingType 'url' lets S3 return keys that XML 1.0 cannot carry (control characters).
          new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, MaxKeys: pageSize, EncodingType: 'url', ContinuationToken: continuationToken }),
        );
      } catch (error) {
        throw failure('list', error);
      }
      for (const object of page.Contents ?? []) {
        if (object.Key === undefined) continue;
        yield { key: decodeListedKey(object.Key), size: object.Size ?? 0, lastModified: object.LastModified ?? new Date(0) };
      }
      continuationToken = page.IsTruncated === true ? page.NextContinuationToken : undefined;
    } while (continuationToken !== undefined);
  }

  return {
    bucket,
    client,
    async put(key: string, body: ObjectBody): Promise<void> {
      assertObjectKey(bucket, key, 'put');
      try {
        await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: typeof body === 'string' ? Buffer.from(body, 'utf8') : body }));
      } catch (error) {
        throw failure('put', error, key);
      }
    },
    async get(key: string): Promise<Uint8Array> {
      assertObjectKey(bucket, key, 'get');
      try {
        const answer = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        if (answer.Body === undefined) return new Uint8Array();
        return await answer.Body.transformToByteArray();
      } catch (error) {
        if (isNoSuchKey(error)) throw new ObjectNotFoundError(bucket, key, error);
        throw failure('get', error, key);
      }
    },
    list,
  };
}

function isNoSuchKey(error: unknown): boolean {
  const candidate = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return candidate.name === 'NoSuchKey' || (candidate.name === 'NotFound' && candidate.$metadata?.httpStatusCode === 404);
}

// With EncodingType 'url', S3 form-encodes keys: spaces as '+', everything else reserved as %XX.
function decodeListedKey(key: string): string {
  return decodeURIComponent(key.replace(/\+/g, ' '));
}
