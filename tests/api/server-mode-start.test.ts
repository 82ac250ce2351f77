import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from '@jest/globals';
import knex from 'knex';
import { DEMO_PASSWORD } from '../../api/seed/demo-county.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const schema = `start_${process.pid}_${Date.now()}`;

/** `npm start` in server mode on this test's schema: runs until it says it is running, then SIGTERM; returns what it printed. */
async function npmStart(env: Record<string, string> = {}): Promise<string> {
  const { NODE_OPTIONS: _jestOptions, REDIS_URL: _noQueue, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/main.ts'], {
    cwd: repoRoot, env: { ...inherited, TZ: 'Asia/Shanghai', PORT: '0', YC_DB_SCHEMA: schema, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => { output += String(chunk); });
  child.stderr.on('data', (chunk: Buffer) => { output += String(chunk); });
  const ended = new Promise((resolve) => child.on('exit', resolve));
  const until = Date.now() + 120_000;
  while (!output.includes('is running') && child.exitCode === null && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 100));
  // The lines after "is running" are printed in the same tick.
  await new Promise((resolve) => setTimeout(resolve, 300));
  if (child.exitCode === null) child.kill('SIGTERM');
  await ended;
  if (!output.includes('is running')) throw new Error(`npm start did not come up:\n${output}`);
  return output;
}

const inServerMode: typeof describe.skip = process.env.TEST_STORE === 'postgres' ? describe : describe.skip;

inServerMode('npm start in server mode (DATABASE_URL)', () => {
  afterAll(async () => {
    const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });
    await db.raw('drop schema if exists ?? cascade', [schema]);
    await db.destroy();
  });

  test('the first start prints the first administrator\'s one-time password and no demo login; the next start prints no password at all', async () => {
    const first = await npmStart();
    expect(first).toMatch(/First administrator created: admin, one-time password [a-zA-Z2-9]{14} \(shown this once/);
    expect(first).not.toContain(DEMO_PASSWORD);
    expect(first).not.toContain('Demo logins');
    const second = await npmStart();
    expect(second).not.toMatch(/password|Demo logins/i);
  }, 300_000);
});
