import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import express from 'express';
import type { Config } from './config/config.ts';
import type { AppServices } from './core/app-services.ts';
import { connectOrm, migrate, openDatabase } from './core/database/database.ts';
import { createContext, type GraphQLContext } from './core/graphql/context.ts';
import { formatError } from './core/graphql/format-error.ts';
import { operationLimitsPlugin, PARSE_OPTIONS } from './core/graphql/limits.ts';
import { buildEcoHubSchema } from './core/graphql/schema.ts';
import { healthRoutes } from './core/http/health.ts';
import { securityHeaders } from './core/http/security-headers.ts';
import { webClientRoutes } from './core/http/web-client.ts';
import { createLogger, type Logger } from './core/logger.ts';
import { Realtime, type RealtimeOptions } from './core/realtime/realtime.ts';
import { startGraphQLWebSocketServer } from './core/realtime/websocket-server.ts';
import { attachmentRoutes } from './modules/attachment/index.ts';
import { authenticateSocket, readSessionToken, viewerForToken, watchSessions } from './modules/identity/index.ts';
import type { Viewer } from './core/auth/viewer.ts';
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
}

const MAX_BODY = '1mb';

/** The one way in: main.ts, the tests and the benchmarks all start the hub through here. */
export async function createServer(config: Config, options: CreateServerOptions = {}): Promise<EcoHubServer> {
  const logger = options.logger ?? createLogger(config);
  const started = Date.now();
  const database = await openDatabase(config, logger);
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
    throw error;
  }
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
    outboxCommitted: () => realtime.committed(),
    clock: options.clock ?? systemClock,
  };
  const schema = await buildEcoHubSchema();
  const app = express();
  app.disable('x-powered-by');
  if (config.trustProxy) app.set('trust proxy', true);
  const httpServer: HttpServer = createHttpServer(app);
  let shuttingDown = false;

  const viewerFromCookie = (cookieHeader: string | undefined): Promise<Viewer | null> =>
    viewerForToken(orm.em.fork({ useContext: false }), readSessionToken(cookieHeader));
  const websockets = startGraphQLWebSocketServer({
    httpServer,
    schema,
    services,
    authenticateSocket: (request, connectionParams) => authenticateSocket(request, connectionParams, services),
    formatError: formatError(logger, production),
  });
  // Sockets whose session is revoked or expires, or whose person is disabled, close within seconds.
  const sessionWatch = watchSessions(orm, websockets, logger);

  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    introspection: !production,
    // "Did you mean …?" would list the fields that disabled introspection hides.
    hideSchemaDetailsFromClientErrors: production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    parseOptions: PARSE_OPTIONS,
    includeStacktraceInErrorResponses: false,
    // main.ts owns SIGTERM/SIGINT. Apollo's own handler would call stop() too, and in 5.5.1 a
    // second concurrent stop() waits on a barrier that is never resolved: shutdown hung forever.
    stopOnTerminationSignals: false,
    formatError: formatError(logger, production),
    plugins: [
      operationLimitsPlugin(),
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
  app.use(healthRoutes(orm, () => shuttingDown));
  app.use(
    '/graphql',
    express.json({ limit: MAX_BODY }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = (req.headers['x-request-id'] as string | undefined)?.slice(0, 100) || randomUUID();
        res.setHeader('X-Request-Id', requestId);
        const viewer = await viewerFromCookie(req.headers.cookie);
        return createContext({ services, viewer, requestId, logger: logger.child({ requestId }), http: { req, res } });
      },
    }),
  );
  app.use(attachmentRoutes(services, (req) => viewerFromCookie(req.headers.cookie)));
  app.use(unsubscribeRoutes(services));
  app.use(webClientRoutes(config.webDistDir));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
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
