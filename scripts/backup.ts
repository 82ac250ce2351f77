/**
 * `npm run backup [-- --db FILE] [--out FILE]`: a consistent copy of the embedded SQLite
 * database while the server runs (SQLite's online backup); default backups/yichuang-<time>.sqlite.
 * PostgreSQL (server mode) is backed up with its own tools: pg_dump / pg_restore (README).
 */
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { EMBEDDED_DATABASE } from '../api/ops/database-file.js';
import { OperationRefused, backupDatabase, backupName } from '../api/ops/sqlite-backup.js';

const { values } = parseArgs({ options: { db: { type: 'string' }, out: { type: 'string' } } });
const database = values.db ?? EMBEDDED_DATABASE;
const out = values.out ?? backupName(fileURLToPath(new URL('../backups', import.meta.url)), new Date());

try {
  if (process.env.DATABASE_URL && !values.db) throw new OperationRefused('DATABASE_URL 已设置（服务器模式，PostgreSQL）：请用 PostgreSQL 自己的工具备份，例如 pg_dump -Fc -f yichuang.dump "$DATABASE_URL"（见 README）');
  const { pages } = await backupDatabase(database, out);
  console.log(`已备份 ${database} → ${out}（${pages} 页，完整性检查通过）`);
} catch (err) {
  if (!(err instanceof OperationRefused)) throw err;
  console.error(`备份未完成：${err.message}`);
  process.exit(1);
}
