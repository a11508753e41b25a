import type { Config } from '../../config/config.ts';
import { S3Storage } from './attachment-s3-storage.ts';
import { LocalDiskStorage, type AttachmentStorage } from './attachment-storage.ts';

const s3Stores = new Map<string, S3Storage>();

/** The configured store: an S3-compatible bucket when S3_URL is set, else local disk under ATTACHMENTS_DIR. */
export function attachmentStorage(config: Pick<Config, 'attachmentsDir' | 's3Url'>): AttachmentStorage {
  if (!config.s3Url) return new LocalDiskStorage(config.attachmentsDir);
  // One client (and its connection pool) per bucket, not per request.
  const key = `${config.s3Url} ${config.attachmentsDir}`;
  let store = s3Stores.get(key);
  if (!store) s3Stores.set(key, (store = new S3Storage(config.s3Url, config.attachmentsDir)));
  return store;
}
