import { loadConfigOrExit } from './config/config.ts';
import { createLogger } from './core/logger.ts';
import { startupFailureSentence, type StartupError } from './core/startup-error.ts';
import { DEMO_LOGINS } from './seeders/ansan.seeder.ts';
import { createServer, type EcoHubServer } from './server.ts';

const config = loadConfigOrExit();
const logger = createLogger(config);

let server: EcoHubServer | null = null;
let stopping = false;

/** Stops what runs, then exits; a stop that hangs does not keep a failed hub alive. */
function shutDown(code: number): void {
  if (stopping) return;
  stopping = true;
  setTimeout(() => process.exit(code), 15_000).unref();
  (server?.close() ?? Promise.resolve()).then(
    () => process.exit(code),
    (error: unknown) => {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(code || 1);
    },
  );
}

/** The embedded PostgreSQL died for good: exit non-zero so a supervisor restarts the hub. */
function databaseLost(error: StartupError): void {
  process.stderr.write(`\n  ${error.message} EcoHub stops; start it again once the cause is fixed.\n\n`);
  shutDown(1);
}

// Registered before the start: a Ctrl-C during a first start (initdb, seed) lets it finish and
// then stops PostgreSQL too, instead of leaving it running behind a dead hub.
let stopRequested = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    logger.info({ signal }, 'shutting down');
    if (server) shutDown(0);
    else stopRequested = true;
  });
}

try {
  server = await createServer(config, { logger, onDatabaseFailure: databaseLost });
} catch (error) {
  // One sentence with the cause and the fix; the stack only for those who ask for it.
  logger.debug({ err: error }, 'start failed');
  process.stderr.write(`\n  ${startupFailureSentence(error)}\n\n`);
  process.exit(1);
}

if (stopRequested) {
  shutDown(0);
} else {
  process.stdout.write(
    [
      '',
      `  EcoHub is running at ${config.publicUrl ?? server.url}`,
      ...(server.port !== config.port && config.port !== 0 ? [`  (port ${config.port} was in use: this hub took ${server.port}; set PORT=… to choose)`] : []),
      `  GraphQL API: ${server.url}/graphql (HTTP and websocket)`,
      '  Demo logins (password for all: see README):',
      ...DEMO_LOGINS.map((login) => `    ${login.role.padEnd(16)} ${login.email}`),
      '',
    ].join('\n') + '\n',
  );
}

