import { ConfigError, loadConfig } from './config/config.ts';
import { createLogger } from './core/logger.ts';
import { DEMO_LOGINS } from './seeders/ansan.seeder.ts';
import { createServer } from './server.ts';

let config;
try {
  config = loadConfig();
} catch (error) {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
  process.exit(2);
}
const logger = createLogger(config);
const server = await createServer(config, { logger });

process.stdout.write(
  [
    '',
    `  EcoHub is running at ${config.publicUrl ?? server.url}`,
    `  GraphQL API: ${server.url}/graphql (HTTP and websocket)`,
    '  Demo logins (password for all: see README):',
    ...DEMO_LOGINS.map((login) => `    ${login.role.padEnd(16)} ${login.email}`),
    '',
  ].join('\n') + '\n',
);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
