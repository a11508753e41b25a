import type { Pool, PoolClient } from 'pg';

type Release = (error?: Error | boolean) => void;

/**
 * Gives back to the pool a connection that died while checked out (database restart, network).
 *
 * Kysely (under MikroORM) releases a transaction's connection only after COMMIT or ROLLBACK
 * succeeds. When the database goes away mid-transaction the ROLLBACK fails too, the connection is
 * never released, and the pool loses that slot for good: after a few database restarts no query
 * gets a connection, and `orm.close()` waits forever. So a checked-out connection that reports an
 * error is released here, with the error (pg-pool then discards it); the owner's own, later
 * release becomes a no-op instead of pg-pool's "released twice" exception.
 *
 * pg-pool assigns `client.release` anew at every checkout; a setter wraps each one.
 */
export function releaseBrokenConnections(pool: Pool): void {
  pool.on('connect', (client: PoolClient) => {
    let current: Release | undefined;
    Object.defineProperty(client, 'release', {
      configurable: true,
      get: () => current,
      set: (release: Release | undefined) => {
        current = release ? releaseOnDeath(client, release) : release;
      },
    });
  });
}

function releaseOnDeath(client: PoolClient, release: Release): Release {
  let released = false;
  const once: Release = (error) => {
    if (released) return;
    released = true;
    client.removeListener('error', onError);
    release(error);
  };
  const onError = (error: Error) => once(error);
  client.once('error', onError);
  return once;
}
