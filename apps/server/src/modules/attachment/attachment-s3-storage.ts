import { createReadStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { S3Client } from '@aws-sdk/client-s3';
import type { AttachmentStorage } from './attachment-storage.ts';

/**
 * Attachment bytes in an S3-compatible bucket (AWS, MinIO, Ceph, NCP Object Storage), given as
 * `S3_URL=https://KEY:SECRET@host[:port]/bucket[?region=…]` (path-style addressing, which every
 * compatible store accepts). Uploads in progress are spooled to local disk first: the size and
 * hash are known before the object is written, and a refused file never reaches the bucket.
 */
export class S3Storage implements AttachmentStorage {
  private readonly bucket: string;
  private readonly url: URL;
  private s3: Promise<{ sdk: typeof import('@aws-sdk/client-s3'); client: S3Client }> | undefined;

  constructor(
    url: string,
    private readonly spoolDir: string,
  ) {
    this.url = new URL(url);
    this.bucket = decodeURIComponent(this.url.pathname.split('/')[1] ?? '');
  }

  /** The SDK is loaded with the first file, not with the hub (it is among the start's heaviest imports). */
  private sdk() {
    this.s3 ??= import('@aws-sdk/client-s3').then((sdk) => ({ sdk, client: this.connect(sdk) }));
    return this.s3;
  }

  private connect(sdk: typeof import('@aws-sdk/client-s3')): S3Client {
    const parsed = this.url;
    return new sdk.S3Client({
      endpoint: `${parsed.protocol}//${parsed.host}`,
      region: parsed.searchParams.get('region') ?? 'us-east-1',
      forcePathStyle: true,
      // The SDK's default CRC checksums send bodies as aws-chunked, which many compatible stores
      // (older MinIO, Ceph, s3rver) save verbatim, envelope included: checksum only when required.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      credentials: { accessKeyId: decodeURIComponent(parsed.username), secretAccessKey: decodeURIComponent(parsed.password) },
    });
  }

  private key(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a sha256');
    return `attachments/${sha256.slice(0, 2)}/${sha256}`;
  }

  async tempDir(): Promise<string> {
    const dir = join(this.spoolDir, 'tmp');
    await mkdir(dir, { recursive: true });
    return dir;
  }

  async adopt(tempPath: string, sha256: string): Promise<void> {
    try {
      const { sdk, client } = await this.sdk();
      const exists = await client.send(new sdk.HeadObjectCommand({ Bucket: this.bucket, Key: this.key(sha256) })).then(
        () => true,
        (error: { name?: string }) => (error.name === 'NotFound' ? false : Promise.reject(error)),
      );
      if (exists) return;
      const { size } = await stat(tempPath);
      // Streamed from disk with its length: the file is never held in memory whole.
      await client.send(
        new sdk.PutObjectCommand({ Bucket: this.bucket, Key: this.key(sha256), Body: createReadStream(tempPath), ContentLength: size }),
      );
    } finally {
      await rm(tempPath, { force: true });
    }
  }

  async open(sha256: string): Promise<Readable> {
    const { sdk, client } = await this.sdk();
    const object = await client.send(new sdk.GetObjectCommand({ Bucket: this.bucket, Key: this.key(sha256) }));
    return object.Body as Readable;
  }

  async remove(sha256: string): Promise<void> {
    const { sdk, client } = await this.sdk();
    await client.send(new sdk.DeleteObjectCommand({ Bucket: this.bucket, Key: this.key(sha256) }));
  }
}
