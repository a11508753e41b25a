import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

/**
 * Where attachment bytes live, addressed by their SHA-256: the same photo uploaded twice is
 * stored once, and a stored file never changes. Local disk by default; an object store fits
 * the same four methods.
 */
export interface AttachmentStorage {
  /** Moves a finished temporary file into the store under its hash (a no-op when already there). */
  adopt(tempPath: string, sha256: string): Promise<void>;
  open(sha256: string): Promise<Readable>;
  remove(sha256: string): Promise<void>;
  /** A directory for uploads in progress, on the same file system (so adopt is a rename). */
  tempDir(): Promise<string>;
}

export class LocalDiskStorage implements AttachmentStorage {
  constructor(private readonly root: string) {}

  private pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a sha256');
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  async tempDir(): Promise<string> {
    const dir = join(this.root, 'tmp');
    await mkdir(dir, { recursive: true });
    return dir;
  }

  async adopt(tempPath: string, sha256: string): Promise<void> {
    const target = this.pathOf(sha256);
    const exists = await stat(target).then(() => true, () => false);
    if (exists) {
      await rm(tempPath, { force: true });
      return;
    }
    await mkdir(join(this.root, sha256.slice(0, 2)), { recursive: true });
    await rename(tempPath, target);
  }

  async open(sha256: string): Promise<Readable> {
    const path = this.pathOf(sha256);
    await stat(path);
    return createReadStream(path);
  }

  async remove(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
  }
}
