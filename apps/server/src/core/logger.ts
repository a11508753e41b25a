import { pino, type Logger } from 'pino';
import type { Config } from '../config/config.ts';

export type { Logger };

/** Structured JSON logs; request ids are bound per request by the HTTP layer. */
export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    base: { service: 'ecohub' },
    redact: ['req.headers.cookie', 'password', 'newPassword', 'currentPassword'],
  });
}
