import type { EntityManager } from '@mikro-orm/postgresql';
import type { UnitOfWork } from '../../core/actor/unit-of-work.ts';
import { inTransaction, type ChangeLog } from '../../core/database/transaction.ts';
import { EventType } from '../../core/realtime/event-types.ts';
import type { Viewer } from '../../core/auth/viewer.ts';
import type { Role } from '@ecohub/domain';
import { Person } from '../people/person.entity.ts';
import { Session } from './session.entity.ts';
import { hashToken, newSessionToken } from './session-cookie.ts';

/**
 * Refresh `lastSeenAt` at most this often: one write per active minute, not per request (the
 * session cache reads a session at most every SESSION_CACHE_TTL_MS, and the refresh rides on a read).
 */
const TOUCH_INTERVAL_MS = 60_000;

export async function createSession(
  em: EntityManager,
  person: Person,
  ttlHours: number,
  client: { ipAddress: string | null; userAgent: string | null },
): Promise<{ token: string; session: Session }> {
  const token = newSessionToken();
  const session = em.create(Session, {
    tokenHash: hashToken(token),
    person,
    expiresAt: new Date(Date.now() + ttlHours * 3_600_000),
    ipAddress: client.ipAddress,
    userAgent: client.userAgent?.slice(0, 300) ?? null,
  });
  await em.flush();
  return { token, session };
}

interface SessionRow {
  session_id: string;
  person_id: string;
  role: Role;
  company_id: string | null;
  last_seen_at: Date;
  expires_at: Date;
}

/** A live session: who it signs in, and until when. */
export interface LiveSession {
  viewer: Viewer;
  expiresAt: Date;
}

/**
 * The session behind a token's hash, or null when it is unknown, expired, revoked or its person
 * disabled. One indexed query (callers cache the answer: session-cache.ts).
 */
export async function readSession(em: EntityManager, tokenHash: string): Promise<LiveSession | null> {
  const rows: SessionRow[] = await em.execute(
    `select s.id as session_id, p.id as person_id, p.role, p.company_id, s.last_seen_at, s.expires_at
       from session s join person p on p.id = s.person_id
      where s.token_hash = ? and s.revoked_at is null and s.expires_at > now() and p.disabled_at is null`,
    [tokenHash],
  );
  const row = rows[0];
  if (!row) return null;
  if (Date.now() - new Date(row.last_seen_at).getTime() > TOUCH_INTERVAL_MS) {
    await em.execute('update session set last_seen_at = now() where id = ?', [row.session_id]);
  }
  return {
    viewer: { personId: row.person_id, role: row.role, companyId: row.company_id, sessionId: row.session_id },
    expiresAt: new Date(row.expires_at),
  };
}

/**
 * Tells every instance that sessions ended (in the transaction that ends them): each closes their
 * sockets as the event passes its dispatcher, within milliseconds of the commit, not at the next
 * session check.
 */
export function publishSessionsEnded(changes: ChangeLog, personId: string, sessionIds: readonly string[]): void {
  if (sessionIds.length === 0) return;
  changes.publish({ type: EventType.ACCESS_CHANGED, entityId: personId, payload: { personId, sessionIds: [...sessionIds] } });
}

/** Ends one session (sign-out, or ended from the session list); its sockets close at once. */
export async function revokeSession(ctx: UnitOfWork, sessionId: string): Promise<void> {
  await inTransaction(ctx, async (em, changes) => {
    const rows: { person_id: string }[] = await em.execute(
      'update session set revoked_at = now() where id = ? and revoked_at is null returning person_id',
      [sessionId],
    );
    if (rows[0]) publishSessionsEnded(changes, rows[0].person_id, [sessionId]);
  });
}

export async function findPersonByEmail(em: EntityManager, email: string): Promise<Person | null> {
  return em.findOne(Person, { email: email.trim().toLowerCase() }, { populate: ['passwordHash'] });
}
