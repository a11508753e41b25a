import { createHash, randomBytes } from 'node:crypto';

/** A random secret for a link or cookie (256 bits, URL-safe). */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only the hash is stored: a leaked table does not leak usable links or cookies. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
