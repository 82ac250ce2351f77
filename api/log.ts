import { pino } from 'pino';
import type { Logger } from 'pino';

/**
 * Where a secret may sit in a log object: a sign-in's or a password change's body, and the
 * headers that carry a session. Censored by the logger itself, so a careless `log.info({ body })`
 * anywhere cannot leak one.
 */
export const REDACTED_PATHS = [
  'password', '*.password', '*.*.password', '*.*.*.password',
  'newPassword', '*.newPassword', '*.*.newPassword', 'currentPassword', '*.currentPassword', '*.*.currentPassword',
  'token', '*.token',
  'req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]',
];

/**
 * The case server's one logger (api, request log, workers): JSON lines, secrets censored.
 * `YC_LOG_LEVEL` sets the level (default info). Not pure: it writes to `destination` (stdout).
 */
export function createLogger(options: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  const level = options.level ?? process.env.YC_LOG_LEVEL ?? 'info';
  const settings = { name: 'yichuang', level, redact: { paths: REDACTED_PATHS, censor: '[已隐去]' } };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}
