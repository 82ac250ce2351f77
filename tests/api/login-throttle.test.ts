import { afterEach, describe, expect, test } from '@jest/globals';
import { randomBytes, scryptSync } from 'node:crypto';
import { startServer } from './support.js';
import type { TestServer } from './support.js';
import { DEMO_PASSWORD } from '../../api/seed/demo-county.js';
import { OWASP_COST, hashPassword, needsRehash, verifyPassword } from '../../api/auth/passwords.js';
import { securitySettings } from '../../api/security/settings.js';
import { RedisLimiters } from '../../api/security/limiters.js';
import { uniqueName } from '../engine/queue/support.js';

const login = (server: TestServer, username: string, password: string, from?: string) =>
  server.call('POST', '/auth/login', { body: { username, password }, ...(from ? { headers: { 'x-forwarded-for': from } } : {}) });

async function fail(server: TestServer, username: string, times: number): Promise<number[]> {
  const seen: number[] = [];
  for (let i = 0; i < times; i++) seen.push((await login(server, username, `wrong-${i}`)).status);
  return seen;
}

describe('sign-in throttling', () => {
  test('an account is locked after 10 failures: the 11th try is refused with 429 even with the right password, other accounts still sign in', async () => {
    const server = await startServer();
    expect(await fail(server, 'ob.clerk.a', 10)).toEqual(Array(10).fill(401));
    const locked = await login(server, 'ob.clerk.a', DEMO_PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('LOGIN_LOCKED');
    expect(locked.body.error.message).toMatch(/登录失败次数过多，已暂时锁定，请 1[45] 分钟后再试/);
    expect((await login(server, 'OB.CLERK.A', DEMO_PASSWORD)).status).toBe(429);
    expect((await login(server, 'ob.clerk.b', DEMO_PASSWORD)).status).toBe(200);
  });

  test('an unknown username locks like a known one, so the lock tells nothing', async () => {
    const server = await startServer();
    expect(await fail(server, 'nobody.here', 10)).toEqual(Array(10).fill(401));
    expect((await login(server, 'nobody.here', 'x')).body.error.code).toBe('LOGIN_LOCKED');
  });

  test('an address is locked after its own (higher) limit of failures across accounts; a success does not clear it', async () => {
    const server = await startServer(undefined, { security: securitySettings({ loginAddressFailures: 6 }) });
    expect(await fail(server, 'a.one', 3)).toEqual([401, 401, 401]);
    expect((await login(server, 'ob.clerk.a', DEMO_PASSWORD)).status).toBe(200);
    expect(await fail(server, 'b.two', 3)).toEqual([401, 401, 401]);
    const refused = await login(server, 'ob.clerk.b', DEMO_PASSWORD);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('LOGIN_LOCKED');
  });

  test('a good sign-in clears the account\'s earlier failures', async () => {
    const server = await startServer(undefined, { security: securitySettings({ loginAccountFailures: 3 }) });
    expect(await fail(server, 'ob.clerk.a', 2)).toEqual([401, 401]);
    expect((await login(server, 'ob.clerk.a', DEMO_PASSWORD)).status).toBe(200);
    expect(await fail(server, 'ob.clerk.a', 2)).toEqual([401, 401]);
    expect((await login(server, 'ob.clerk.a', DEMO_PASSWORD)).status).toBe(200);
  });
});

const describeRedis: typeof describe.skip = process.env.REDIS_URL ? describe : describe.skip;
const redisStores: RedisLimiters[] = [];
afterEach(async () => {
  await Promise.all(redisStores.splice(0).map(async (store) => { await store.forget(); await store.close(); }));
});

describeRedis(process.env.REDIS_URL ? 'sign-in throttling shared in Redis (server mode)' : 'sign-in throttling in Redis (skipped: set REDIS_URL)', () => {
  test('failures at two api processes count into one lock, and a lock is seen by both', async () => {
    const prefix = uniqueName('login');
    const store = () => {
      const s = new RedisLimiters({ url: process.env.REDIS_URL!, prefix });
      redisStores.push(s);
      return s;
    };
    const security = securitySettings({ loginAccountFailures: 4 });
    const [first, second] = [await startServer(undefined, { security, limiters: store() }), await startServer(undefined, { security, limiters: store() })];
    expect([...await fail(first, 'ob.clerk.a', 2), ...await fail(second, 'ob.clerk.a', 2)]).toEqual([401, 401, 401, 401]);
    expect((await login(first, 'ob.clerk.a', DEMO_PASSWORD)).body.error.code).toBe('LOGIN_LOCKED');
    expect((await login(second, 'ob.clerk.a', DEMO_PASSWORD)).body.error.code).toBe('LOGIN_LOCKED');
    expect((await login(second, 'ob.clerk.b', DEMO_PASSWORD)).status).toBe(200);
  });
});

describe('password hashes', () => {
  test('new hashes are Argon2id at OWASP\'s parameters (19 MiB, 2 passes, 1 lane) unless the test cost is asked for', async () => {
    const saved = process.env.YC_PASSWORD_COST;
    delete process.env.YC_PASSWORD_COST;
    try {
      const stored = await hashPassword('密码 correct horse');
      expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(await verifyPassword('密码 correct horse', stored)).toBe(true);
      expect(await verifyPassword('密码 correct horsE', stored)).toBe(false);
      expect(needsRehash(stored)).toBe(false);
    } finally {
      process.env.YC_PASSWORD_COST = saved;
    }
  });

  test('an older scrypt hash still signs in and is rewritten as Argon2id at that sign-in; a cheaper Argon2id counts as old', async () => {
    const server = await startServer();
    const salt = randomBytes(16);
    const legacy = `scrypt$16384$${salt.toString('base64')}$${scryptSync(DEMO_PASSWORD, salt, 32, { N: 16384, r: 8, p: 1 }).toString('base64')}`;
    await server.store.knex('yc_staff').where({ id: 's-ob-clerk-a' }).update({ password_hash: legacy });
    expect((await login(server, 'ob.clerk.a', DEMO_PASSWORD)).status).toBe(200);
    const after = (await server.store.knex('yc_staff').where({ id: 's-ob-clerk-a' }).first()).password_hash as string;
    expect(after).toMatch(/^\$argon2id\$/);
    expect((await login(server, 'ob.clerk.a', DEMO_PASSWORD)).status).toBe(200);
    expect(needsRehash('$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHQ$aGFzaA', OWASP_COST)).toBe(true);
  });

  test('an unknown username costs as much work as a wrong password (no probing by answer time)', async () => {
    const saved = process.env.YC_PASSWORD_COST;
    delete process.env.YC_PASSWORD_COST;
    try {
      const server = await startServer(undefined, { security: securitySettings({ loginAccountFailures: 100 }) });
      await server.store.knex('yc_staff').where({ id: 's-ob-clerk-a' }).update({ password_hash: await hashPassword(DEMO_PASSWORD) });
      const median = async (username: string) => {
        const times: number[] = [];
        for (let i = 0; i < 5; i++) {
          const started = performance.now();
          expect((await login(server, username, 'wrong')).status).toBe(401);
          times.push(performance.now() - started);
        }
        return times.sort((a, b) => a - b)[2]!;
      };
      await median('warm.up');
      const [known, unknown] = [await median('ob.clerk.a'), await median('no.such.person')];
      expect(unknown / known).toBeGreaterThan(0.5);
    } finally {
      process.env.YC_PASSWORD_COST = saved;
    }
  });
});
