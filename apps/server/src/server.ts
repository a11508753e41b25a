import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { MikroORM } from '@mikro-orm/postgresql';
import express from 'express';
import type { Config } from './config/config.ts';
import type { AppServices } from './core/app-services.ts';
import { connectOrm, migrate, openDatabase } from './core/database/database.ts';
import { createContext, type GraphQLContext } from './core/graphql/context.ts';
import { formatError } from './core/graphql/format-error.ts';
import { CompiledExecutor } from './core/graphql/compiled-executor.ts';
import { operationLimitsPlugin, PARSE_OPTIONS } from './core/graphql/limits.ts';
import { buildEcoHubSchema } from './core/graphql/schema.ts';
import { healthRoutes } from './core/http/health.ts';
import { graphqlRoute } from './core/http/graphql-route.ts';
import { securityHeaders } from './core/http/security-headers.ts';
import { webClientRoutes } from './core/http/web-client.ts';
import { createLogger, type Logger } from './core/logger.ts';
import { Realtime, type RealtimeOptions } from './core/realtime/realtime.ts';
import { startGraphQLWebSocketServer } from './core/realtime/websocket-server.ts';
import { attachmentRoutes } from './modules/attachment/index.ts';
import { reportRoutes } from './modules/report/index.ts';
import { authenticateSocket, readSessionToken, SessionCache, watchSessions } from './modules/identity/index.ts';
import type { Viewer } from './core/auth/viewer.ts';
import { StartupError } from './core/startup-error.ts';
import { seedAnsanProgram } from './seeders/ansan.seeder.ts';
import { systemClock, type Clock } from './core/jobs/clock.ts';
import type { JobRunner } from './core/jobs/job-runner.ts';
import { unsubscribeRoutes } from './modules/mail/index.ts';
import { startJobs, type JobOptions } from './jobs.ts';

export interface EcoHubServer {
  url: string;
  port: number;
  orm: MikroORM;
  services: AppServices;
  logger: Logger;
  close(): Promise<void>;
}

export interface CreateServerOptions {
  logger?: Logger;
  /** Called with each SQL statement (statement-count tests). */
  onQuery?: (sql: string) => void;
  /** Tuning of live subscriptions (tests and benchmarks shorten or lengthen timers). */
  realtime?: RealtimeOptions;
  /** The time reminders and digests see (tests move it); the system clock by default. */
  clock?: Clock;
  /** Tuning of the in-hub job worker (tests poll faster). */
  jobs?: JobOptions;
  /** The embedded PostgreSQL died and could not be restarted: main.ts exits non-zero. */
  onDatabaseFailure?: (error: StartupError) => void;
}

const MAX_BODY = '1mb';

/** The one way in: main.ts, the tests and the benchmarks all start the hub through here. */
export async function createServer(given: Config, options: CreateServerOptions = {}): Promise<EcoHubServer> {
  const logger = options.logger ?? createLogger(given);
  const started = Date.now();
  const config: Config = { ...given, port: await choosePort(given, logger) };
  const database = await openDatabase(config, logger, options.onDatabaseFailure);
  let orm: MikroORM | null = null;
  let realtime: Realtime | null = null;
  try {
    const connected = await connectOrm(database.url, logger, { onQuery: options.onQuery });
    orm = connected;
    await migrate(connected, logger, config.seedOnStart ? () => seedAnsanProgram(connected.em.fork(), logger) : undefined);
    realtime = await Realtime.start(config, orm, database.url, logger, options.realtime);
    return await listen(config, logger, orm, realtime, database, started, options);
  } catch (error) {
    await realtime?.close();
    await orm?.close();
    await database.stop();
    throw databaseFailure(error, config) ?? error;
  }
}

/** A database given by DATABASE_URL that cannot be used, said in one sentence with the fix. */
function databaseFailure(error: unknown, config: Config): StartupError | null {
  if (!config.databaseUrl || error instanceof StartupError) return null;
  const code = (error as { code?: string }).code;
  const url = new URL(config.databaseUrl);
  const where = `the PostgreSQL at ${decodeURIComponent(url.hostname)}${url.port ? `:${url.port}` : ''}${url.pathname}`;
  const reasons: Record<string, string> = {
    ECONNREFUSED: 'refuses connections: start it, or fix DATABASE_URL',
    ENOTFOUND: 'names an unknown host: fix DATABASE_URL',
    ETIMEDOUT: 'does not answer: check the network, or fix DATABASE_URL',
    '28P01': 'rejects the user or password: fix DATABASE_URL',
    '28000': 'does not let this user in: fix DATABASE_URL or its pg_hba.conf',
    '3D000': 'has no such database: create it, or fix DATABASE_URL',
  };
  const reason = code ? reasons[code] : undefined;
  return reason ? new StartupError(`DATABASE_URL: ${where} ${reason}.`, { cause: error }) : null;
}

/** Ports tried after a busy default port 4000 when PORT is not set. */
const PORT_SEARCH = 20;

function probe(port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(port, host, () => server.close(() => resolve()));
  });
}

/**
 * The HTTP port, checked before anything starts (a busy port costs no database start). A PORT
 * that was set is taken or the start fails with one sentence; without PORT, a second hub on the
 * same machine takes the next free port and says so (the printed address shows it).
 */
async function choosePort(config: Config, logger: Logger): Promise<number> {
  const attempts = config.portGiven || config.port === 0 ? 1 : PORT_SEARCH;
  for (let i = 0; ; i++) {
    const port = config.port + i;
    try {
      await probe(port, config.host);
      if (i > 0) logger.warn({ port, wanted: config.port }, `port ${config.port} is in use: EcoHub listens on ${port} instead (set PORT=… to choose)`);
      return port;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE' && i < attempts - 1 && port < 65535) continue;
      throw listenFailure(error, code, config, port);
    }
  }
}

function listenFailure(error: unknown, code: string | undefined, config: Config, port: number): StartupError {
  if (code === 'EADDRINUSE') {
    return new StartupError(
      config.portGiven || config.port === port
        ? `Port ${port} is already in use on ${config.host} (another EcoHub or another program): stop it, or start with PORT=<a free port>.`
        : `Ports ${config.port} to ${port} are all in use on ${config.host}: start with PORT=<a free port>.`,
      { cause: error },
    );
  }
  if (code === 'EACCES') {
    return new StartupError(`Port ${port} needs privileges this user does not have: start with PORT=<a port above 1023>.`, { cause: error });
  }
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
    return new StartupError(`HOST=${config.host} is not an address of this machine: set HOST to one of its addresses, or to 0.0.0.0.`, { cause: error });
  }
  return new StartupError(`EcoHub could not listen on ${config.host}:${port} (${(error as Error).message}): set PORT or HOST to other values.`, { cause: error });
}

async function listen(
  config: Config,
  logger: Logger,
  orm: MikroORM,
  realtime: Realtime,
  database: { url: string; stop(): Promise<void> },
  started: number,
  options: CreateServerOptions,
): Promise<EcoHubServer> {
  const production = config.env === 'production';
  const services: AppServices = {
    config,
    logger,
    orm,
    realtime,
    outboxCommitted: (batch) => realtime.committed(batch),
    clock: options.clock ?? systemClock,
  };
  const schema = await buildEcoHubSchema();
  const app = express();
  app.disable('x-powered-by');
  // Express hashes every body it sends into an ETag; GraphQL answers are no-store, so nobody
  // could ever revalidate with it (attachments set their own).
  app.set('etag', false);
  if (config.trustProxy) app.set('trust proxy', true);
  const httpServer: HttpServer = createHttpServer(app);
  let shuttingDown = false;

  // Signed-in viewers answered from memory: a request costs no session query. Forgotten whenever
  // access changes (below), so no ended session is ever served.
  const sessions = new SessionCache(orm);
  const viewerFromCookie = (cookieHeader: string | undefined): Promise<Viewer | null> => sessions.viewerFor(readSessionToken(cookieHeader));
  const websockets = startGraphQLWebSocketServer({
    httpServer,
    schema,
    services,
    authenticateSocket: (request, connectionParams) => authenticateSocket(request, connectionParams, services, sessions),
    formatError: formatError(logger, production),
  });
  // Sockets whose session is revoked or expires, or whose person is disabled, close within seconds.
  const sessionWatch = watchSessions(orm, websockets, logger);
  // Ended sessions, disabled people and role changes reach every instance through the outbox:
  // cached sessions are read again and sockets close as the event passes, not at the next check.
  const stopWatchingAccess = realtime.onAccessChanged(() => {
    sessions.clear();
    void sessionWatch.check();
  });

  const apollo = new ApolloServer<GraphQLContext>({
    // Queries run compiled (graphql-jit) once a document repeats; see compiled-executor.ts.
    gateway: new CompiledExecutor(schema).gateway(),
    introspection: !production,
    // "Did you mean …?" would list the fields that disabled introspection hides.
    hideSchemaDetailsFromClientErrors: production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    parseOptions: PARSE_OPTIONS,
    includeStacktraceInErrorResponses: false,
    // Apollo pretty-prints by default: a third more bytes to build and send for every list.
    stringifyResult: (result) => JSON.stringify(result),
    // main.ts owns SIGTERM/SIGINT. Apollo's own handler would call stop() too, and in 5.5.1 a
    // second concurrent stop() waits on a barrier that is never resolved: shutdown hung forever.
    stopOnTerminationSignals: false,
    formatError: formatError(logger, production),
    plugins: [
      operationLimitsPlugin({ production }),
      // Apollo's default cache-control plugin wraps every field resolver of the schema to collect
      // hints we never give (a per-field cost on every list row); answers stay uncacheable.
      ApolloServerPluginCacheControlDisabled(),
      {
        async requestDidStart() {
          return {
            async willSendResponse({ response }) {
              if (!response.http.headers.has('cache-control')) response.http.headers.set('cache-control', 'no-store');
            },
          };
        },
      },
      ApolloServerPluginDrainHttpServer({ httpServer }),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              await websockets.dispose();
            },
          };
        },
      },
      ...(production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
  });
  await apollo.start();

  app.use(securityHeaders({ hsts: config.cookieSecure }));
  // First after the headers: the busiest route passes no other router.
  app.use(
    '/graphql',
    express.json({ limit: MAX_BODY }),
    graphqlRoute(apollo, async ({ req, res }) => {
      const requestId = (req.headers['x-request-id'] as string | undefined)?.slice(0, 100) || randomUUID();
      res.setHeader('X-Request-Id', requestId);
      const viewer = await viewerFromCookie(req.headers.cookie);
      return createContext({ services, viewer, requestId, logger: logger.child({ requestId }), http: { req, res } });
    }),
  );
  app.use(healthRoutes(orm, () => shuttingDown));
  app.use(attachmentRoutes(services, (req) => viewerFromCookie(req.headers.cookie)));
  app.use(reportRoutes(services, (req) => viewerFromCookie(req.headers.cookie)));
  app.use(unsubscribeRoutes(services));
  app.use(webClientRoutes(config.webDistDir));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', (error: NodeJS.ErrnoException) => reject(listenFailure(error, error.code, config, config.port)));
    httpServer.listen(config.port, config.host, resolve);
  });
  const port = (httpServer.address() as AddressInfo).port;
  const jobs: JobRunner | null = config.runJobs ? await startJobs(services, database.url, options.jobs) : null;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  logger.info({ url, ms: Date.now() - started }, 'EcoHub is ready');

  let closing: Promise<void> | null = null;
  return {
    url,
    port,
    orm,
    services,
    logger,
    close() {
      closing ??= (async () => {
        shuttingDown = true;
        stopWatchingAccess();
        sessionWatch.stop();
        await websockets.dispose();
        await apollo.stop();
        await jobs?.stop();
        await realtime.close();
        await orm.close();
        await database.stop();
        logger.info('EcoHub stopped');
      })();
      return closing;
    },
  };
}
