/**
 * `npm start`: the case server. Embedded by default (SQLite in data/, the in-process
 * scheduler), server mode with DATABASE_URL (PostgreSQL) and REDIS_URL (jobs and timers to
 * BullMQ workers: `npm run worker`; the rate limits and the inbox pages' change feed shared in Redis).
 * Builds the pages (web/) when they are missing or stale and serves them at `/`. Embedded (or
 * with YC_DEMO=1) it seeds the demo county and prints the demo logins; in server mode the first
 * start creates one administrator with a one-time password instead (see first-administrator.ts).
 *
 *   PORT              default 3000
 *   YC_DB_SCHEMA      PostgreSQL schema of every table (workers must use the same)
 *   YC_QUEUE_PREFIX   BullMQ and rate-limit key prefix in Redis (default yc; workers must agree)
 *   YC_TRUST_PROXY    off by default; behind a reverse proxy its hop count or addresses (see api/http/trust-proxy.ts)
 *   YC_DEMO           1: seed the demo county in server mode too; 0: not even embedded
 *   YC_ADMIN_PASSWORD server mode's first start: the first administrator's one-time password (else one is printed once)
 *   limits, timeouts, quotas: api/security/settings.ts
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { KnexStore } from '../engine/store/knex/store.js';
import { BullQueue } from '../engine/queue/bullmq.js';
import { openPlatform } from './platform.js';
import { createLogger } from './log.js';
import { EMBEDDED_DATABASE, holdDatabase } from './ops/database-file.js';
import { listen, portProblem, probePort } from './http/listen.js';
import { historyOptionsFromEnv } from './history-sealing.js';
import { createApp } from './server.js';
import { RedisLimiters, memoryLimiters } from './security/limiters.js';
import { RedisInboxFeed } from './inbox-events/feed.js';
import { securityFromEnv } from './security/settings.js';
import { trustProxyFrom } from './http/trust-proxy.js';
import type { TrustProxy } from './http/trust-proxy.js';
import { DEMO_PASSWORD, demoStaff, seedDemoCounty } from './seed/demo-county.js';
import { ensureFirstAdministrator, wantsDemo } from './seed/first-administrator.js';
import type { FirstAdministrator } from './seed/first-administrator.js';
import { retireDemoLogins } from './seed/retire-demo-logins.js';
import { calendarWarnings } from './calendar/warnings.js';
import { localDate } from '../engine/calendar/index.js';
import { ensureWebBuilt } from '../web/build/ensure-built.js';
import { DOCS_PATH, OPENAPI_PATH } from './http/docs.js';
import { allUnits } from './org/units.js';
import type { OrgUnit } from './org/units.js';
import { CHINA_TIME } from './calendar/china-time.js';

const log = createLogger();
const port = Number(process.env.PORT ?? 3000);

function storeFromEnv(): KnexStore {
  if (process.env.DATABASE_URL) return new KnexStore({ url: process.env.DATABASE_URL, schema: process.env.YC_DB_SCHEMA || undefined });
  mkdirSync(dirname(EMBEDDED_DATABASE), { recursive: true });
  return new KnexStore({ filename: EMBEDDED_DATABASE });
}

/** What runs where, for the startup lines. Pure. */
function startupLines(options: { database: boolean; queuePrefix?: string; trustProxy: TrustProxy; limitsWhere: string }): string[] {
  const { database, queuePrefix, trustProxy, limitsWhere } = options;
  const mode = database ? `server mode (PostgreSQL${queuePrefix ? ' + Redis' : ''})` : 'embedded (SQLite in data/)';
  return [
    `\n一窗 yichuang is running, ${mode}`,
    `  Pages:    http://localhost:${port}/`,
    `  API:      http://localhost:${port}/api/v1`,
    `  OpenAPI:  http://localhost:${port}${OPENAPI_PATH}`,
    `  API docs: http://localhost:${port}${DOCS_PATH}  (interactive reference: try each route in the browser)`,
    queuePrefix
      ? `  Jobs:     service tasks and timers go to BullMQ (prefix ${queuePrefix}); start workers to do them: npm run worker`
      : '  Jobs:     service tasks and timers run in this process',
    `  Limits:   sign-in and tracking ${limitsWhere}; trust proxy ${trustProxy === false ? 'off (X-Forwarded-For ignored; set YC_TRUST_PROXY behind a reverse proxy)' : String(trustProxy)}\n`,
  ];
}

/** One line per demo login: username, roles, name and the center the person works at. Pure. */
function loginLines(staff: ReadonlyArray<{ username: string; roles: readonly string[]; name: string; orgUnitId: string }>, units: readonly OrgUnit[]): string[] {
  const centers = new Map(units.map((u) => [u.id, u.centerName]));
  return staff.map((s) => `  ${s.username.padEnd(16)} ${s.roles.join(',').padEnd(14)} ${padWide(s.name, 26)} ${centers.get(s.orgUnitId) ?? s.orgUnitId}`);
}

/** What to tell the operator about the first administrator, on the start that created it only. Pure. */
function firstAdminLines(admin: FirstAdministrator | undefined): string[] {
  if (!admin) return [];
  const password = admin.generatedPassword ? `one-time password ${admin.generatedPassword} (shown this once: note it now)` : 'the one-time password given in YC_ADMIN_PASSWORD';
  return [`First administrator created: ${admin.username}, ${password}; it must be changed at the first sign-in.`];
}

/** Pads to a width in terminal columns, a Chinese character taking two. Pure. */
function padWide(text: string, columns: number): string {
  const used = [...text].reduce((n, ch) => n + (ch.codePointAt(0)! >= 0x2e80 ? 2 : 1), 0);
  return text + ' '.repeat(Math.max(1, columns - used));
}

async function main(): Promise<void> {
  await probePort(port);
  const redisUrl = process.env.REDIS_URL;
  const prefix = process.env.YC_QUEUE_PREFIX || undefined;
  const queue = redisUrl ? new BullQueue({ url: redisUrl, prefix }) : undefined;
  const limiters = redisUrl ? new RedisLimiters({ url: redisUrl, prefix }) : memoryLimiters();
  // Inbox changes from every api process and worker reach every api process's streams (embedded: this process's engine only).
  const inboxFeed = redisUrl ? new RedisInboxFeed({ url: redisUrl, prefix, onError: (err) => log.warn({ err }, 'inbox change feed (Redis)') }) : undefined;
  const security = securityFromEnv(process.env);
  const trustProxy = trustProxyFrom(process.env.YC_TRUST_PROXY);
  // The pages are built from web/ when missing or older than their sources, so `npm start` needs no build step.
  const pages = (await ensureWebBuilt((line) => console.log(line))).dir;
  const platform = await openPlatform({ store: storeFromEnv(), queue, logger: log, ...historyOptionsFromEnv() });
  // `npm run restore` refuses while this process holds the embedded database.
  const release = process.env.DATABASE_URL ? () => undefined : holdDatabase(EMBEDDED_DATABASE);
  process.on('exit', release);
  const demo = wantsDemo(process.env);
  if (demo) await seedDemoCounty(platform.db);
  const retired = demo ? [] : await retireDemoLogins(platform.db, Date.now());
  const firstAdmin = demo ? undefined : await ensureFirstAdministrator(platform.db, process.env, Date.now());
  if (platform.repaired.length > 0) log.warn({ cases: platform.repaired }, `${platform.repaired.length} case(s) a crash had left without their process were started again`);
  if (platform.extensionsRepaired.length > 0) log.warn({ extensions: platform.extensionsRepaired }, `${platform.extensionsRepaired.length} extension request(s) a crash had left holding their case's slot were settled`);
  const stopRefreshing = platform.calendar.keepFresh();
  for (const warning of calendarWarnings(localDate(CHINA_TIME, Date.now()), (year) => platform.calendar.statusOf(year))) log.warn({ year: warning.year }, warning.message);
  const units = await allUnits(platform.db);
  const app = createApp({ db: platform.db, engine: platform.engine, limiters, security, trustProxy, pages, logger: log, inboxFeed });
  const server = await listen(app, port).catch(async (err: unknown) => {
    stopRefreshing();
    await platform.engine.close();
    await limiters.close();
    await inboxFeed?.close();
    throw err;
  });
  for (const line of startupLines({ database: Boolean(process.env.DATABASE_URL), queuePrefix: queue?.prefix, trustProxy, limitsWhere: limiters.where })) console.log(line);
  if (demo) {
    console.log(`Demo logins (password for all: ${DEMO_PASSWORD}; demo data, never for real cases):`);
    for (const line of loginLines(demoStaff, units)) console.log(line);
  }
  if (retired.length > 0) console.log(`Disabled ${retired.length} demo logins that still had the public demo password (${retired.join(', ')}); an administrator re-enables whom to keep, with a password reset.`);
  for (const line of firstAdminLines(firstAdmin)) console.log(line);
  const stop = async () => {
    stopRefreshing();
    server.close();
    await platform.engine.close();
    await limiters.close();
    await inboxFeed?.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code && ['EADDRINUSE', 'EACCES', 'EADDRNOTAVAIL'].includes(code)) console.error(`\n一窗 yichuang 未能启动：${portProblem(err as NodeJS.ErrnoException, port)}\n`);
  else log.error({ err }, 'could not start');
  // exit, not exitCode: a Redis connection or a timer opened before the failure would keep a server that serves nothing alive.
  process.exit(1);
});
