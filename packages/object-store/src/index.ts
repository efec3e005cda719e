export type { ObjectBody, ObjectInfo, ObjectStore } from './types.js';
export { ObjectNotFoundError, ObjectStoreError, ObjectStoreErrorCode, type ObjectStoreErrorContext } from './errors.js';
export { createFolderObjectStore, defaultFolderRoot, type FolderObjectStore, type FolderObjectStoreOptions } from './folder-store.js';
export { createS3ObjectStore, type S3ObjectStore, type S3ObjectStoreOptions } from './s3-store.js';
export { compareKeys, maxKeyBytes } from './keys.js';
export { fsyncDirectory, mkdirDurable, temporaryFilePrefix, writeFileDurable } from './durable-write.js';
