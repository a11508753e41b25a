export { createServer, type EcoHubServer, type CreateServerOptions } from './server.ts';
export { loadConfig, type Config, type ConfigInput, CONFIG_VARIABLES } from './config/config.ts';
export { createLogger } from './core/logger.ts';
export { DEMO_LOGINS, DEMO_PASSWORD } from './seeders/ansan.seeder.ts';
