import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFolderObjectStore } from '@factline/object-store';
import { describeObjectStoreContract } from '../fixtures/contract.js';

describeObjectStoreContract('the folder store', async () => {
  const root = await mkdtemp(join(tmpdir(), 'factline-folder-store-'));
  return { store: createFolderObjectStore({ bucket: 'contract-bucket', root }), cleanup: () => rm(root, { recursive: true, force: true }) };
});
