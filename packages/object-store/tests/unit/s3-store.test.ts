// Paths of the S3 store that a local endpoint does not produce: S3's own error answers and its page tokens.
import { GetObjectCommand, ListObjectsV2Command, NoSuchKey, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { createS3ObjectStore, ObjectNotFoundError, ObjectStoreError, type ObjectInfo } from '@factline/object-store';

const client = new S3Client({ region: 'us-east-1', endpoint: 'http://127.0.0.1:9', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
const s3 = mockClient(client);
afterEach(() => {
  s3.reset();
});

async function collect(iterable: AsyncIterable<ObjectInfo>): Promise<ObjectInfo[]> {
  const items: ObjectInfo[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe('the S3 store', () => {
  it('follows continuation tokens until the listing is complete', async () => {
    // Prepare
    const when = new Date('2026-05-01T10:00:00Z');
    s3.on(ListObjectsV2Command, { ContinuationToken: undefined }).resolves({ IsTruncated: true, NextContinuationToken: 'page-2', Contents: [{ Key: 'facts/a', Size: 1, LastModified: when }] });
    s3.on(ListObjectsV2Command, { ContinuationToken: 'page-2' }).resolves({ IsTruncated: false, Contents: [{ Key: 'facts/b', Size: 2, LastModified: when }] });
    const store = createS3ObjectStore({ bucket: 'acme-factline', client, pageSize: 1 });
    // Act
    const listed = await collect(store.list('facts/'));
    // Assess
    expect(listed).toEqual([
      { key: 'facts/a', size: 1, lastModified: when },
      { key: 'facts/b', size: 2, lastModified: when },
    ]);
    expect(s3.commandCalls(ListObjectsV2Command).map((call) => call.args[0].input)).toEqual([
      { Bucket: 'acme-factline', Prefix: 'facts/', MaxKeys: 1, EncodingType: 'url', ContinuationToken: undefined },
      { Bucket: 'acme-factline', Prefix: 'facts/', MaxKeys: 1, EncodingType: 'url', ContinuationToken: 'page-2' },
    ]);
  });

  it('decodes the url-encoded keys it asks S3 for', async () => {
    s3.on(ListObjectsV2Command).resolves({ IsTruncated: false, Contents: [{ Key: 'raw/a+b%2Bc%01%C3%A9', Size: 3 }] });
    const store = createS3ObjectStore({ bucket: 'acme-factline', client });
    expect((await collect(store.list('raw/'))).map((item) => item.key)).toEqual(['raw/a b+c\u0001é']);
  });

  it('turns NoSuchKey into ObjectNotFoundError', async () => {
    s3.on(GetObjectCommand).rejects(new NoSuchKey({ message: 'The specified key does not exist.', $metadata: { httpStatusCode: 404 } }));
    const store = createS3ObjectStore({ bucket: 'acme-factline', client });
    const error = await store.get('facts/missing').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ObjectNotFoundError);
    expect(error).toMatchObject({ code: 'OBJECT_NOT_FOUND', bucket: 'acme-factline', key: 'facts/missing' });
  });

  it('sends the bucket, key and bytes of a put', async () => {
    s3.on(PutObjectCommand).resolves({});
    const store = createS3ObjectStore({ bucket: 'acme-factline', client });
    await store.put('facts/y', 'text');
    const input = s3.commandCalls(PutObjectCommand)[0]?.args[0].input;
    expect(input?.Bucket).toBe('acme-factline');
    expect(input?.Key).toBe('facts/y');
    expect(Buffer.from(input?.Body as Uint8Array).toString()).toBe('text');
  });

  it('wraps any other S3 failure as STORAGE_FAILURE with the SDK error as cause', async () => {
    // Prepare
    const denied = new S3ServiceException({ name: 'AccessDenied', $fault: 'client', message: 'Access Denied', $metadata: { httpStatusCode: 403 } });
    s3.on(PutObjectCommand).rejects(denied);
    s3.on(GetObjectCommand).rejects(denied);
    s3.on(ListObjectsV2Command).rejects(denied);
    const store = createS3ObjectStore({ bucket: 'acme-factline', client });
    // Act
    const failures = [await store.put('k', 'x').catch((e: unknown) => e), await store.get('k').catch((e: unknown) => e), await collect(store.list('')).catch((e: unknown) => e)];
    // Assess
    expect(failures.map((failure) => [failure instanceof ObjectStoreError, (failure as ObjectStoreError).code, (failure as ObjectStoreError).operation, (failure as Error).cause])).toEqual([
      [true, 'STORAGE_FAILURE', 'put', denied],
      [true, 'STORAGE_FAILURE', 'get', denied],
      [true, 'STORAGE_FAILURE', 'list', denied],
    ]);
    expect((failures[0] as Error).message).toContain('s3://acme-factline/k');
  });

  it('refuses a key longer than S3 allows before sending anything', async () => {
    const store = createS3ObjectStore({ bucket: 'acme-factline', client });
    await expect(store.put('é'.repeat(513), 'x')).rejects.toMatchObject({ code: 'INVALID_KEY' });
    expect(s3.calls()).toHaveLength(0);
  });

  it('refuses a page size S3 does not accept', () => {
    expect(() => createS3ObjectStore({ bucket: 'acme-factline', client, pageSize: 1001 })).toThrow(RangeError);
  });
});
