import { afterEach, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VirtualClock } from '../../engine/index.js';
import { applicant, itemNamed, required } from './cases.js';
import { boot, durableDatabase } from './support-durable.js';
import type { BootedServer } from './support-durable.js';
import { holdDatabase } from '../../api/ops/database-file.js';

const BIRTH = itemNamed('出生登记');
const repo = fileURLToPath(new URL('../../', import.meta.url));
const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** `npm run backup` / `npm run restore` as an operator runs them. */
function run(script: 'backup' | 'restore', args: string[]): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], {
    cwd: repo, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '', DATABASE_URL: '' }, timeout: 60_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

async function caseIds(server: BootedServer): Promise<string[]> {
  return (await server.platform.db('yc_cases').orderBy('id').select('id')).map((r: { id: string }) => r.id);
}

// The embedded database is SQLite; PostgreSQL is backed up with pg_dump (README).
const sqlite = process.env.TEST_STORE === 'postgres' ? describe.skip : describe;

sqlite('npm run backup and npm run restore (the embedded SQLite database)', () => {
  test('a backup taken while the server runs is restored once it stops: the cases after it are gone, those before it are there', async () => {
    const database = durableDatabase();
    cleanup.push(database.drop);
    const file = database.file!;
    const clock = new VirtualClock(Date.UTC(2026, 2, 2, 1, 0, 0));
    let server: BootedServer | undefined = await boot(database.store(), clock);
    let release = holdDatabase(file); // as npm start does
    cleanup.push(async () => { release(); await server?.stop(); });
    const clerk = await server.login('ob.clerk.a');
    const intake = () => server!.call('POST', '/cases', { token: clerk, body: { itemCode: BIRTH.code, applicant, provided: required(BIRTH) } });
    const before = (await intake()).body.id as string;

    const out = join(dirname(file), 'backups', 'first.sqlite');
    const backup = run('backup', ['--db', file, '--out', out]);
    expect([backup.status, backup.output]).toEqual([0, expect.stringContaining('完整性检查通过')]);
    const after = (await intake()).body.id as string;
    expect(await caseIds(server)).toEqual([before, after]);

    const whileRunning = run('restore', [out, '--db', file, '--yes']);
    expect([whileRunning.status, whileRunning.output]).toEqual([1, expect.stringContaining(`进程 ${process.pid}`)]);
    await server.stop();
    server = undefined;
    release();
    const unconfirmed = run('restore', [out, '--db', file]);
    expect([unconfirmed.status, unconfirmed.output]).toEqual([1, expect.stringContaining('--yes')]);
    const restored = run('restore', [out, '--db', file, '--yes']);
    expect([restored.status, restored.output]).toEqual([0, expect.stringContaining('恢复前的数据库保存在')]);

    server = await boot(database.store(), clock);
    release = holdDatabase(file);
    expect(await caseIds(server)).toEqual([before]);
    expect((await server.call('GET', `/cases/${before}`, { token: await server.login('ob.clerk.a') })).status).toBe(200);
  });

  test('a backup is never written over a file, and a file that is not a yichuang database is not restored', async () => {
    const database = durableDatabase();
    cleanup.push(database.drop);
    const server = await boot(database.store(), new VirtualClock(Date.UTC(2026, 2, 2, 1, 0, 0)));
    cleanup.push(server.stop);
    const out = join(dirname(database.file!), 'b.sqlite');
    expect(run('backup', ['--db', database.file!, '--out', out]).status).toBe(0);
    const twice = run('backup', ['--db', database.file!, '--out', out]);
    expect([twice.status, twice.output]).toEqual([1, expect.stringContaining('已存在')]);
    const notOurs = run('restore', [join(repo, 'package.json'), '--db', join(dirname(database.file!), 'other.sqlite'), '--yes']);
    expect([notOurs.status, notOurs.output]).toEqual([1, expect.stringContaining('不是可读的 SQLite 数据库')]);
    expect(existsSync(join(dirname(database.file!), 'other.sqlite'))).toBe(false);
  });
});
