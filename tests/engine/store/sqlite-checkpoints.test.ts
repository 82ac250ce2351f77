import { afterEach, describe, expect, test } from '@jest/globals';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Effect, InstanceState } from '../../../engine/index.js';
import type { Commit } from '../../../engine/store/types.js';
import { KnexStore } from '../../../engine/store/knex/store.js';

/** A new instance with a state of about 4 KB: a hundred of them fill far fewer WAL pages than SQLite's own checkpoint waits for (1,000). */
function start(id: string): Commit {
  const state: InstanceState = { id, processId: 'p', definitionKey: 'p:1', status: 'active', seq: 1, next: 2, items: {}, vars: { root: { note: 'x'.repeat(4_000) } }, joins: {} };
  const effects: Effect[] = [];
  return { instanceId: id, expectedVersion: 0, state, events: [{ seq: 1, at: 1_000, type: 'started', body: '{}', prev: 'p', hash: `h-${id}` }], effects, outbox: effects };
}

async function until(check: () => boolean, ms: number): Promise<boolean> {
  for (const started = Date.now(); Date.now() - started < ms; await new Promise((resolve) => setTimeout(resolve, 20))) if (check()) return true;
  return check();
}

describe('WAL checkpoints of a SQLite file, beside the commits', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  function fileStore(): { store: KnexStore; file: string } {
    const dir = mkdtempSync(join(tmpdir(), 'yc-checkpoints-'));
    dirs.push(dir);
    const file = join(dir, 'engine.sqlite');
    return { store: new KnexStore({ filename: file }), file };
  }

  test('commits far below SQLite\'s own threshold reach the database file soon after, copied by the checkpointer', async () => {
    const { store, file } = fileStore();
    await store.init();
    const before = statSync(file).size;
    for (let n = 0; n < 10; n++) await Promise.all(Array.from({ length: 10 }, (_, i) => store.commit(start(`i${n}-${i}`))));
    // A later commit asks again once the least time between two checkpoints has passed.
    await new Promise((resolve) => setTimeout(resolve, 150));
    await store.commit(start('last'));
    expect(await until(() => statSync(file).size > before + 100 * 4_000, 5_000)).toBe(true);
    await store.close();
  });

  test('closing waits for the checkpointer\'s connection: the last one to close removes the WAL, as before', async () => {
    const { store, file } = fileStore();
    await store.init();
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.commit(start(`c${i}`))));
    await store.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
    const reopened = new KnexStore({ filename: file });
    await reopened.init();
    expect((await reopened.instances()).length).toBe(20);
    await reopened.close();
  });
});
