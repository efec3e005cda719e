// The S3 implementation through the real S3Client over real HTTP, against a local S3 endpoint, with a small page size
// so that listing crosses several ListObjectsV2 pages.
import { S3Client } from '@aws-sdk/client-s3';
import { createS3ObjectStore } from '@factline/object-store';
import { describeObjectStoreContract } from '../fixtures/contract.js';
import { startFakeS3Server } from '../fixtures/s3-server.js';

describeObjectStoreContract('the S3 store', async () => {
  const server = await startFakeS3Server(['contract-bucket']);
  const client = new S3Client({
    endpoint: server.endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  return {
    store: createS3ObjectStore({ bucket: 'contract-bucket', client, pageSize: 4 }),
    cleanup: async () => {
      client.destroy();
      await server.close();
    },
  };
});
