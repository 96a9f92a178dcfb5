/**
 * The one structured logger of the server and the workers. Requests and jobs log through child
 * loggers that carry their ids (`logger.child({ requestId })`). Secrets are redacted by path.
 */
import { pino } from 'pino';

export type Logger = pino.Logger;

export const logger: Logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  base: { service: 'livenet' },
  redact: {
    paths: ['headers.cookie', 'headers.authorization', 'headers["x-api-key"]', 'apiKey', 'token', 'password'],
    censor: '[redacted]',
  },
});
