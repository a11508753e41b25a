import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { GraphQLError, GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { AppServices } from '../app-services.ts';
import type { Viewer } from '../auth/viewer.ts';
import { createContext, type GraphQLContext } from '../graphql/context.ts';
import { DocumentCache } from '../graphql/document-cache.ts';
import { websocketOperationErrors } from '../graphql/limits.ts';
import { bindSocket } from './live-socket.ts';

/**
 * Who a new socket acts for, decided once at connection_init (from the upgrade request: cookie,
 * Origin; or the connection_init payload). `null` is an anonymous visitor; `false` refuses the
 * connection (graphql-ws closes it with 4403 Forbidden); `{ close, reason }` refuses it with
 * that close code (4401 for no valid session). Identity owns the rules; this file only calls them.
 */
export type AuthenticateSocket = (
  request: IncomingMessage,
  connectionParams: Readonly<Record<string, unknown>> | undefined,
) => Promise<Viewer | null | false | { close: number; reason: string }>;

export interface GraphQLWebSocketOptions {
  httpServer: HttpServer;
  schema: GraphQLSchema;
  services: AppServices;
  authenticateSocket: AuthenticateSocket;
  /** The same error masking as HTTP: stable codes pass, anything unexpected is hidden. */
  formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError;
  /** ws-level ping interval; a socket that misses a pong within the same time is terminated. */
  keepAliveMs?: number;
}

export interface GraphQLWebSocketServer {
  /** The sessions that have open sockets (identity re-checks them while they stay open). */
  sessionIds(): Iterable<string>;
  /** Closes the sockets opened for a session (sign-out, revoked session). */
  closeSessionSockets(sessionId: string, code: number, reason: string): void;
  /** Closes every socket with 1001 and stops accepting new ones (idempotent). */
  dispose(): Promise<void>;
}

/** Per socket: what onConnect decided, read by every operation's context. */
export type SocketExtra = {
  viewer?: Viewer | null;
};

const PATH = '/graphql';
const MAX_PAYLOAD_BYTES = 1024 * 1024;
const CONNECTION_INIT_WAIT_MS = 10_000;
const DEFAULT_KEEP_ALIVE_MS = 12_000;
const TRY_AGAIN_LATER = 1013;
const SHUTDOWN_GRACE_MS = 1_000;

/** graphql-ws (graphql-transport-ws protocol) on the same origin and path as HTTP GraphQL. */
export function startGraphQLWebSocketServer(options: GraphQLWebSocketOptions): GraphQLWebSocketServer {
  const { services } = options;
  const wsServer = new WebSocketServer({ server: options.httpServer, path: PATH, maxPayload: MAX_PAYLOAD_BYTES });
  const socketsBySession = new Map<string, Set<WebSocket>>();
  const formatAll = (errors: readonly GraphQLError[]) => errors.map((error) => options.formatError(error.toJSON(), error));
  const production = services.config.env === 'production';
  const documents = new DocumentCache(options.schema, { production });

  const cleanup = useServer<Record<string, unknown>, SocketExtra>(
    {
      schema: options.schema,
      connectionInitWaitTimeout: CONNECTION_INIT_WAIT_MS,
      // Each event renders in a fresh unit of work for the subscriber's viewer (see SharedExecution).
      subscribe: (args) =>
        services.realtime.execution.subscribe(args, (context) => {
          const { viewer, requestId, logger } = context as GraphQLContext;
          return createContext({ services, viewer, requestId, logger });
        }),
      onConnect: async (ctx) => {
        let viewer: Viewer | null | false;
        try {
          const verdict = await options.authenticateSocket(ctx.extra.request, ctx.connectionParams);
          if (verdict && 'close' in verdict) {
            // graphql-ws's own `false` would say 4403; the first close code sent is the one that counts.
            ctx.extra.socket.close(verdict.close, verdict.reason);
            return false;
          }
          viewer = verdict;
        } catch (error) {
          // The database is restarting, say. graphql-ws would close with 4500, which clients
          // treat as fatal; 1013 makes them retry, and they resume with `since`.
          services.logger.warn({ err: error }, 'could not authenticate a websocket; asking the client to retry');
          ctx.extra.socket.close(TRY_AGAIN_LATER, 'Try again later');
          return false;
        }
        if (viewer === false) return false;
        ctx.extra.viewer = viewer;
        if (viewer) track(socketsBySession, viewer.sessionId, ctx.extra.socket);
        return true;
      },
      context: (ctx) => {
        const context = createContext({
          services,
          viewer: ctx.extra.viewer ?? null,
          requestId: randomUUID(),
          logger: services.logger.child({ socket: ctx.extra.request.socket.remotePort }),
        });
        const { socket } = ctx.extra;
        bindSocket(context, { close: (code, reason) => socket.close(code, reason), terminate: () => socket.terminate() });
        return context;
      },
      // Depth, alias and cost limits, as over HTTP (and no introspection in production). The
      // document comes parsed and validated from the cache, and graphql-ws skips its own pass.
      onSubscribe: (_ctx, _id, payload) => {
        const prepared = documents.prepare(payload.query);
        const errors = websocketOperationErrors(options.schema, payload, { production }, prepared);
        if (errors) return [...errors];
        return { schema: options.schema, document: prepared.document!, operationName: payload.operationName, variableValues: payload.variables };
      },
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: formatAll(result.errors) } : undefined,
      onError: (_ctx, _id, _payload, errors) => formatAll(errors),
    },
    wsServer,
    options.keepAliveMs ?? DEFAULT_KEEP_ALIVE_MS,
  );

  let disposing: Promise<void> | null = null;
  return {
    sessionIds: () => socketsBySession.keys(),
    closeSessionSockets(sessionId, code, reason) {
      for (const socket of socketsBySession.get(sessionId) ?? []) socket.close(code, reason);
    },
    dispose() {
      disposing ??= (async () => {
        for (const client of wsServer.clients) client.close(1001, 'Server shutting down');
        // ws waits for every closing handshake (up to 30 s each); a client that does not answer
        // must not hold up a restart.
        const grace = setTimeout(() => {
          for (const client of wsServer.clients) client.terminate();
        }, SHUTDOWN_GRACE_MS);
        await cleanup.dispose();
        clearTimeout(grace);
      })();
      return disposing;
    },
  };
}

function track(socketsBySession: Map<string, Set<WebSocket>>, sessionId: string, socket: WebSocket): void {
  let sockets = socketsBySession.get(sessionId);
  if (!sockets) {
    sockets = new Set();
    socketsBySession.set(sessionId, sockets);
  }
  sockets.add(socket);
  socket.once('close', () => {
    sockets.delete(socket);
    if (sockets.size === 0) socketsBySession.delete(sessionId);
  });
}
