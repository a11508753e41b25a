import type { Config } from '../../config/config.ts';
import { LocalDiskStorage, type AttachmentStorage } from './attachment-storage.ts';

/** The configured store: local disk under ATTACHMENTS_DIR. */
export function attachmentStorage(config: Pick<Config, 'attachmentsDir'>): AttachmentStorage {
  return new LocalDiskStorage(config.attachmentsDir);
}
