import pg from 'pg';
import type { Logger } from '../logger.ts';
import { backoffMs } from '../realtime/backoff.ts';

/**
 * How long after the database itself started a registration made before that may still be
 * re-made by a live process whose connections the restart cut (it reconnects with backoff).
 */
const REREGISTER_GRACE = '1 minute';

/**
 * Releases the jobs locked by workers whose process is provably gone: their lock id is
 * registered to a database session (job_worker_owner), and that session no longer exists while
 * the database kept running. A process killed with -9 loses its sessions at once (the kernel
 * closes its sockets), so its jobs run again within seconds instead of after graphile-worker's
 * 4-hour stale-lock timeout. Locks of unregistered ids, and of sessions still open (a live
 * worker on another instance, even a stalled one), are never touched. Registrations older than
 * a database restart count only after a grace for their owner to register again.
 * Returns the lock ids released.
 */
export async function releaseGoneWorkers(pool: pg.Pool): Promise<string[]> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const { rows } = await client.query<{ lock_id: string }>(
      `delete from job_worker_owner o
        where (o.backend_start >= pg_postmaster_start_time() or now() > pg_postmaster_start_time() + interval '${REREGISTER_GRACE}')
          and not exists (select 1 from pg_stat_activity a where a.pid = o.backend_pid and a.backend_start = o.backend_start)
        returning o.lock_id`,
    );
    const gone = rows.map((row) => row.lock_id);
    if (gone.length > 0) await client.query('select graphile_worker.force_unlock_workers($1::text[])', [gone]);
    await client.query('commit');
    return gone;
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/**
 * This process's claim on its workers' lock ids: one dedicated session, recorded as the owner
 * of each id as graphile-worker creates it. If the session drops while the process lives (the
 * database restarted), it reconnects and records the new session for every id.
 */
export class WorkerOwnership {
  private client: pg.Client | null = null;
  private readonly lockIds = new Set<string>();
  private closed = false;
  private registering: Promise<void> = Promise.resolve();

  constructor(
    private readonly databaseUrl: string,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    this.client = await this.connect();
  }

  /** Records a worker's or pool's lock id (called from graphile-worker's synchronous events). */
  add(lockId: string): void {
    this.lockIds.add(lockId);
    this.registering = this.registering.then(() => this.register([lockId])).catch((error: unknown) => {
      this.logger.warn({ err: error, lockId }, 'could not record a job worker’s owner; it is recorded again on reconnect');
    });
  }

  /** The ids this process owns (released on a clean stop). */
  ids(): string[] {
    return [...this.lockIds];
  }

  /** A clean stop: the locks were released, the registrations go with them. */
  async close(): Promise<void> {
    this.closed = true;
    await this.registering;
    const client = this.client;
    this.client = null;
    if (!client) return;
    try {
      await client.query('delete from job_worker_owner where lock_id = any($1::text[])', [this.ids()]);
    } finally {
      await client.end().catch(() => {});
    }
  }

  private async register(lockIds: string[], client = this.client): Promise<void> {
    if (!client || lockIds.length === 0) return;
    await client.query(
      `insert into job_worker_owner (lock_id, backend_pid, backend_start)
       select id, pg_backend_pid(), (select backend_start from pg_stat_activity where pid = pg_backend_pid()) from unnest($1::text[]) id
       on conflict (lock_id) do update set backend_pid = excluded.backend_pid, backend_start = excluded.backend_start, registered_at = now()`,
      [lockIds],
    );
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.databaseUrl, application_name: 'ecohub-jobs-owner' });
    client.on('error', (error) => this.logger.warn({ err: error }, 'job worker owner session lost'));
    client.on('end', () => {
      // Only the session in use reconnects (not one given up on during a reconnect).
      if (this.client !== client) return;
      this.client = null;
      if (!this.closed) void this.reconnect();
    });
    await client.connect();
    return client;
  }

  private async reconnect(): Promise<void> {
    for (let attempt = 0; !this.closed; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, backoffMs(attempt)));
      if (this.closed) return;
      let client: pg.Client | null = null;
      try {
        client = await this.connect();
        if (this.closed) return void (await client.end());
        // In use first, so ids added meanwhile register on it too; then every id again.
        this.client = client;
        await this.register(this.ids(), client);
        this.logger.info({ lockIds: this.lockIds.size }, 'job worker owner session restored');
        return;
      } catch (error) {
        if (client && this.client === client) this.client = null;
        await client?.end().catch(() => {});
        this.logger.debug({ err: error }, 'job worker owner session: reconnect failed');
      }
    }
  }
}
