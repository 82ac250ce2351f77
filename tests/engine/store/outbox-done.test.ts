import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@jest/globals';
import { createEngine } from '../../../engine/index.js';
import { KnexStore } from '../../../engine/store/knex/store.js';
import { connect } from '../../../engine/store/knex/connect.js';
import { migrationSource } from '../../../migrations/index.js';
import { definitions, end, process, seq, start, userTask } from '../support/bpmn.js';

const REVIEW = definitions(process('review', start(), userTask('check'), end(), seq('start', 'check', 'end')));

test('effects carried out leave the outbox: once a run is over and its marks are written, no row is kept', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'yc-outbox-'));
  try {
    const filename = join(dir, 'engine.sqlite');
    const engine = createEngine({ store: new KnexStore({ filename }) });
    engine.subscribe(() => undefined); // a listener of every effect: each goes to the outbox
    try {
      await engine.deploy(REVIEW, { name: 'review.bpmn' });
      const started = await engine.start('review');
      const [task] = await engine.tasks({ instanceId: started.id });
      await engine.completeTask(task!.id);
      expect(await outboxRows(filename)).toBeGreaterThan(0); // written with the commits; the marks gather for a moment
    } finally {
      await engine.close(); // writes the marks that were gathering
    }
    expect(await outboxRows(filename)).toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

async function outboxRows(filename: string): Promise<number> {
  const knex = connect({ filename });
  try {
    return Number((await knex('yc_outbox').count({ n: '*' }).first())!.n);
  } finally {
    await knex.destroy();
  }
}

test('migration 007 drops the outbox rows earlier versions marked done and keeps the pending ones', async () => {
  const knex = connect({});
  try {
    for (let n = 0; n < 4; n++) await knex.migrate.up({ migrationSource, tableName: 'yc_migrations' });
    const row = { instance_id: 'i', body: '{}', created_at: 1 };
    await knex('yc_outbox').insert([{ ...row, id: 'done', position: 0, done_at: 5 }, { ...row, id: 'pending', position: 1, done_at: null }]);
    await knex.migrate.up({ migrationSource, tableName: 'yc_migrations' });
    expect((await knex('yc_outbox').select('id')).map((r) => r.id)).toEqual(['pending']);
  } finally {
    await knex.destroy();
  }
});
