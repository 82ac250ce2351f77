import { describe, expect, test } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { connect } from '../../../engine/store/knex/connect.js';

const run = promisify(execFile);
const writer = fileURLToPath(new URL('./sqlite-writer.ts', import.meta.url));
const ROUNDS = 400;

describe('several processes on one SQLite file', () => {
  test('transactions that read before they write wait for each other instead of failing, and lose no update', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'yc-sqlite-writers-'));
    const filename = path.join(dir, 'shared.sqlite');
    const knex = connect({ filename });
    try {
      await knex.schema.createTable('counter', (t) => { t.integer('id').primary(); t.integer('n'); });
      await knex('counter').insert({ id: 1, n: 0 });
      const outputs = await Promise.all([1, 2, 3].map(() => run(process.execPath, ['--import', 'tsx', writer, filename, String(ROUNDS)])));
      const counts = outputs.map(({ stdout }) => /done (\d+) (\d+)/.exec(stdout)!.slice(1).map(Number));
      expect(counts).toEqual([[ROUNDS, 0], [ROUNDS, 0], [ROUNDS, 0]]);
      expect((await knex('counter').where({ id: 1 }).first()).n).toBe(3 * ROUNDS);
    } finally {
      await knex.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
