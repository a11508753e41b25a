import type { MikroORM } from '@mikro-orm/postgresql';
import type { Viewer } from '../../core/auth/viewer.ts';
import { hashToken } from './session-cookie.ts';
import { readSession } from './session.service.ts';

/** How long a signed-in viewer is answered from memory before the session is read again. */
export const SESSION_CACHE_TTL_MS = 30_000;
/** Sessions kept at most (the oldest read goes first). */
export const SESSION_CACHE_MAX_ENTRIES = 10_000;

interface Entry {
  viewer: Viewer;
  /** The session's own expiry, checked on every hit. */
  expiresAt: number;
  /** When the entry must be read again. */
  freshUntil: number;
}

/**
 * Signed-in viewers by the hash of their session token (the token itself is not kept), so a
 * request costs no session query. It never answers for an ended session: the session's expiry is
 * checked on every hit, and every entry is dropped whenever access changes (`clear`: sign-out,
 * revocation, password change, disabling, role or company change publish `access.changed`, seen
 * by every instance as the event passes its dispatcher, and by the committing instance at once).
 * A read that was under way when access changed is not kept. The TTL only bounds how long
 * `lastSeenAt` may wait for its once-a-minute refresh, which happens on a read.
 *
 * One per server instance: instances in one process (tests) learn of changes as separate hubs do.
 */
export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  /** Bumped by `clear`: a read started before it may have seen the old rights. */
  private generation = 0;

  constructor(
    private readonly orm: MikroORM,
    private readonly options: { ttlMs: number; maxEntries: number } = { ttlMs: SESSION_CACHE_TTL_MS, maxEntries: SESSION_CACHE_MAX_ENTRIES },
  ) {}

  /** The viewer behind a session token, or null for a missing, unknown, expired or revoked one. */
  async viewerFor(token: string | null): Promise<Viewer | null> {
    if (!token) return null;
    const key = hashToken(token);
    const now = Date.now();
    const entry = this.entries.get(key);
    if (entry && now < entry.freshUntil && now < entry.expiresAt) return entry.viewer;
    if (entry) this.entries.delete(key);
    const generation = this.generation;
    const session = await readSession(this.orm.em.fork({ useContext: false }), key);
    if (!session) return null;
    if (generation === this.generation) {
      if (this.entries.size >= this.options.maxEntries) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, { viewer: session.viewer, expiresAt: session.expiresAt.getTime(), freshUntil: Date.now() + this.options.ttlMs });
    }
    return session.viewer;
  }

  /** Access changed somewhere: every session is read again at its next request. */
  clear(): void {
    this.generation += 1;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
