// The peer: PostGraphile 5 (Amber preset) serving the same database through grafserv on
// node:http, with its default pg pool (10 connections, like the hub's).
import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';

try {
  const pgl = postgraphile({
    extends: [PostGraphileAmberPreset],
    // Amber exposes conditions only on indexed columns; the equivalent query also needs
    // `archivedAt: null` and `deletedAt: null`, as EcoHub and the floor filter them.
    disablePlugins: ['PgIndexBehaviorsPlugin'],
    pgServices: [makePgService({ connectionString: process.env.DATABASE_URL, schemas: ['public'] })],
    grafserv: { graphiql: false, watch: false },
    grafast: { explain: false },
  });
  const serv = pgl.createServ(grafserv);
  const server = createServer();
  server.keepAliveTimeout = 60_000;
  await serv.addTo(server);
  // Build the schema now (introspection), not on the first measured request.
  await pgl.getSchema();
  await new Promise<void>((resolve) => server.listen(Number(process.env.PORT), '127.0.0.1', resolve));
  process.send?.({ type: 'ready' });
  process.on('message', (message: { type: string }) => {
    if (message.type === 'stop') server.close(() => void Promise.resolve(pgl.release()).then(() => process.exit(0)));
  });
  process.on('disconnect', () => process.exit(0));
} catch (error) {
  process.send?.({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
}
