/**
 * `npm run restore -- BACKUP [--db FILE] --yes`: puts a backup made by `npm run backup` in
 * the embedded database's place. Refused while a server holds the database, and without
 * --yes (it says what would be replaced). The database as it was is kept beside it first.
 * PostgreSQL (server mode): pg_restore (README).
 */
import { parseArgs } from 'node:util';
import { EMBEDDED_DATABASE } from '../api/ops/database-file.js';
import { OperationRefused, restoreDatabase } from '../api/ops/sqlite-backup.js';

const { values, positionals } = parseArgs({ options: { db: { type: 'string' }, yes: { type: 'boolean', default: false } }, allowPositionals: true });
const database = values.db ?? EMBEDDED_DATABASE;

try {
  if (process.env.DATABASE_URL && !values.db) throw new OperationRefused('DATABASE_URL 已设置（服务器模式，PostgreSQL）：请用 PostgreSQL 自己的工具恢复，例如 pg_restore --clean -d "$DATABASE_URL" yichuang.dump（见 README）');
  const [backup] = positionals;
  if (!backup || positionals.length > 1) throw new OperationRefused('请给出一个备份文件：npm run restore -- backups/yichuang-20260302-090000.sqlite --yes');
  const { kept } = await restoreDatabase(backup, database, { confirmed: values.yes });
  console.log(`已用 ${backup} 恢复 ${database}${kept ? `；恢复前的数据库保存在 ${kept}` : ''}。现在可以启动服务器（npm start）`);
} catch (err) {
  if (!(err instanceof OperationRefused)) throw err;
  console.error(`恢复未进行：${err.message}`);
  process.exit(1);
}
