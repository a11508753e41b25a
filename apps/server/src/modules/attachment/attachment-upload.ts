import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { SNIFF_BYTES } from './attachment-types.ts';

export interface ReceivedFile {
  tempPath: string;
  sha256: string;
  sizeBytes: number;
  /** The first bytes, for the type check. */
  head: Buffer;
}

export class UploadTooLarge extends Error {}

/**
 * Streams a request body to a temporary file while hashing and counting it, so memory stays
 * flat whatever the size. Past `maxBytes` it stops writing and rejects at once; the rest of the
 * body is read and discarded so the client still receives the answer instead of a reset.
 */
export async function receiveUpload(body: Readable, tempDir: string, maxBytes: number): Promise<ReceivedFile> {
  const tempPath = join(tempDir, `${randomUUID()}.part`);
  const out = createWriteStream(tempPath);
  const hash = createHash('sha256');
  const head: Buffer[] = [];
  let size = 0;
  let headSize = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const tooLarge = () => {
        body.removeAllListeners('data');
        body.on('data', () => {});
        body.resume();
        reject(new UploadTooLarge(`The file is larger than ${maxBytes} bytes`));
      };
      body.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) return tooLarge();
        hash.update(chunk);
        if (headSize < SNIFF_BYTES) {
          const part = chunk.subarray(0, SNIFF_BYTES - headSize);
          head.push(part);
          headSize += part.length;
        }
        if (!out.write(chunk)) {
          body.pause();
          out.once('drain', () => body.resume());
        }
      });
      body.once('end', () => out.end(() => resolve()));
      body.once('error', reject);
      out.once('error', reject);
    });
  } catch (error) {
    out.destroy();
    await rm(tempPath, { force: true });
    throw error;
  }
  return { tempPath, sha256: hash.digest('hex'), sizeBytes: size, head: Buffer.concat(head) };
}
