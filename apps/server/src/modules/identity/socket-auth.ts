import type { IncomingMessage } from 'node:http';
import type { MikroORM } from '@mikro-orm/postgresql';
import { CloseCode } from 'graphql-ws';
import { sqlUuidArray } from '../../core/auth/access.ts';
import { originAllowed } from '../../core/auth/origin.ts';
import type { Viewer } from '../../core/auth/viewer.ts';
import type { AppServices } from '../../core/app-services.ts';
import type { Logger } from '../../core/logger.ts';
import { readSessionToken } from './session-cookie.ts';
import type { SessionCache } from './session-cache.ts';

/** A socket that may not connect, and the graphql-ws close code to tell it why. */
export interface SocketRefusal {
  close: number;
  reason: string;
}

/**
 * Who a websocket acts for, decided at connection_init: the session cookie of the upgrade
 * request (browsers send it), or `sessionToken` in the connection_init payload (other clients).
 * A foreign Origin is refused with 4403; a missing, unknown, expired or revoked session (or a
 * disabled person) with 4401. There are no anonymous sockets: the public overview needs none.
 */
export async function authenticateSocket(
  request: IncomingMessage,
  connectionParams: Readonly<Record<string, unknown>> | undefined,
  services: Pick<AppServices, 'config'>,
  sessions: Pick<SessionCache, 'viewerFor'>,
): Promise<Viewer | SocketRefusal> {
  if (!originAllowed(request, services.config.allowedOrigins)) return { close: CloseCode.Forbidden, reason: 'Forbidden origin' };
  const fromPayload = connectionParams?.sessionToken;
  const token = readSessionToken(request.headers.cookie) ?? (typeof fromPayload === 'string' ? fromPayload : null);
  const viewer = await sessions.viewerFor(token);
  return viewer ?? { close: CloseCode.Unauthorized, reason: 'Unauthorized' };
}

/** The sockets the watch can see and close (the websocket server keeps them per session). */
export interface SessionSockets {
  sessionIds(): Iterable<string>;
  closeSessionSockets(sessionId: string, code: number, reason: string): void;
}

export interface SessionWatch {
  /**
   * Checks every open socket's session now (also done every `intervalMs`). Asked during a
   * check, it checks once more after it: the running one may have read before the change.
   */
  check(): Promise<void>;
  stop(): void;
}

/** How often open sockets' sessions are re-read: "closed within seconds" of a revocation. */
export const SESSION_CHECK_INTERVAL_MS = 2_000;

/**
 * A socket's viewer is fixed when it connects, so ended sessions are looked for here: one query
 * per interval for all open sockets of this instance, which also catches revocations and
 * disabled accounts made through another instance. Revoked or expired sessions close with 4401
 * (sign in again), disabled people with 4403.
 */
export function watchSessions(
  orm: MikroORM,
  sockets: SessionSockets,
  logger: Logger,
  intervalMs: number = SESSION_CHECK_INTERVAL_MS,
): SessionWatch {
  let running: Promise<void> | null = null;
  const check = async () => {
    const ids = [...sockets.sessionIds()];
    if (ids.length === 0) return;
    const rows: { id: string; live: boolean; disabled: boolean }[] = await orm.em.fork({ useContext: false }).execute(
      `select s.id, (s.revoked_at is null and s.expires_at > now()) as live, p.disabled_at is not null as disabled
         from session s join person p on p.id = s.person_id
        where s.id = any(?::uuid[])`,
      [sqlUuidArray(ids)],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const id of ids) {
      const row = byId.get(id);
      if (row?.disabled) sockets.closeSessionSockets(id, CloseCode.Forbidden, 'Account disabled');
      else if (!row?.live) sockets.closeSessionSockets(id, CloseCode.Unauthorized, 'Session ended');
    }
  };
  let again: Promise<void> | null = null;
  const tick = (): Promise<void> => {
    if (running) {
      again ??= running.then(() => {
        again = null;
        return tick();
      });
      return again;
    }
    running = check()
      .catch((error: unknown) => logger.warn({ err: error }, 'could not check the sessions of open sockets'))
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    check: tick,
    stop: () => clearInterval(timer),
  };
}
