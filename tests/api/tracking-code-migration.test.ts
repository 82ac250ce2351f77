import { describe, expect, test } from '@jest/globals';
import knex from 'knex';
import { platformMigrationSource } from '../../migrations/index.js';

describe('the tracking codes migration', () => {
  test('every case from before gets a code of its own', async () => {
    const db = knex({ client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
    const options = { migrationSource: platformMigrationSource, tableName: 'yc_platform_migrations' };
    try {
      for (let i = 0; i < 2; i++) await db.migrate.up(options);
      await db('yc_org_units').insert([{ id: '330324', level: 'county', name: '永嘉县', center_name: '永嘉县行政服务中心', center_class: '县级' }]);
      await db('yc_items').insert({ code: '000172001001', name: '出生登记', mode: 'direct', process_id: 'direct', guide: '{}' });
      const old = (id: string) => ({ id, item_code: '000172001001', org_unit_id: '330324', status: 'received', applicant: '{}', body: '{}', received_at: 0 });
      await db('yc_cases').insert([old('330324-20260302-0001'), old('330324-20260302-0002'), old('330324-20260302-0003')]);
      await db.migrate.latest(options);
      const codes = (await db('yc_cases').orderBy('id').select('tracking_code')).map((r: { tracking_code: string }) => r.tracking_code);
      expect(codes).toHaveLength(3);
      for (const code of codes) expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
      expect(new Set(codes).size).toBe(3);
    } finally {
      await db.destroy();
    }
  });
});
