import { describe, expect, test } from '@jest/globals';
import knex from 'knex';
import { platformMigrationSource } from '../../migrations/index.js';
import { nextCaseNo } from '../../api/cases/case-numbers.js';

describe('the counters migration', () => {
  test('a database numbered by counting rows goes on from each unit\'s highest number of the day', async () => {
    const db = knex({ client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
    const options = { migrationSource: platformMigrationSource, tableName: 'yc_platform_migrations' };
    try {
      for (let i = 0; i < 2; i++) await db.migrate.up(options);
      await db('yc_org_units').insert([{ id: '330324', level: 'county', name: '永嘉县', center_name: '永嘉县行政服务中心', center_class: '县级' }]);
      await db('yc_items').insert({ code: '000172001001', name: '出生登记', mode: 'direct', process_id: 'direct', guide: '{}' });
      const old = (id: string, unit: string) => ({ id, item_code: '000172001001', org_unit_id: unit, status: 'received', applicant: '{}', body: '{}', received_at: 0 });
      await db('yc_cases').insert([old('330324-20260302-0001', '330324'), old('330324-20260302-0007', '330324'), old('330324-20260303-0002', '330324')]);
      await db.migrate.latest(options);
      const next = (day: string) => db.transaction((trx) => nextCaseNo(trx, '330324', day));
      expect([await next('2026-03-02'), await next('2026-03-03'), await next('2026-03-04')]).toEqual(['330324-20260302-0008', '330324-20260303-0003', '330324-20260304-0001']);
    } finally {
      await db.destroy();
    }
  });
});
