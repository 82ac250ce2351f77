import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { holder } from './database-file.js';

/** A refusal the backup and restore commands print as it is and exit 1 with. */
export class OperationRefused extends Error {}

/** A backup's name: the database's, with the time it was taken (local time, to the second). Pure. */
export function backupName(dir: string, at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
  return `${dir}/yichuang-${stamp}.sqlite`;
}

/** Whether a file is a sound yichuang database: SQLite's integrity check passes and the case table is there. Not pure: it reads it. */
function checkDatabase(file: string): void {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const [result] = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
      if (result?.integrity_check !== 'ok') throw new OperationRefused(`${file} 已损坏（SQLite integrity_check: ${result?.integrity_check}）`);
      if (!db.prepare("select 1 from sqlite_master where type = 'table' and name = 'yc_cases'").get()) throw new OperationRefused(`${file} 不是一窗的数据库（没有办件表 yc_cases）`);
    } finally {
      db.close();
    }
  } catch (err) {
    if (err instanceof OperationRefused) throw err;
    throw new OperationRefused(`${file} 不是可读的 SQLite 数据库（${(err as Error).message}）`);
  }
}

/**
 * Copies a live database with SQLite's online backup (better-sqlite3's `db.backup()`): page by
 * page, starting over when the server writes meanwhile, so the copy is one consistent moment
 * while the server keeps working. The copy is checked before it counts. Not pure.
 */
export async function backupDatabase(database: string, out: string): Promise<{ pages: number }> {
  if (!existsSync(database)) throw new OperationRefused(`没有找到数据库 ${database}（嵌入式数据库在第一次 npm start 时创建）`);
  if (existsSync(out)) throw new OperationRefused(`${out} 已存在，不会覆盖；请换一个文件名`);
  mkdirSync(dirname(out), { recursive: true });
  const db = new Database(database, { readonly: true, fileMustExist: true });
  try {
    const progress = await db.backup(out);
    checkDatabase(out);
    return { pages: progress.totalPages };
  } finally {
    db.close();
  }
}

/**
 * Puts a backup in the database's place, through SQLite's backup too (the database's own
 * journal sees every page, so a write-ahead log left behind cannot mix old and new). Refused
 * while a server holds the database, and unless `confirmed`; the database as it was is kept
 * beside it first (`<file>.before-restore-<time>`). Not pure.
 */
export async function restoreDatabase(backup: string, database: string, options: { confirmed: boolean; now?: Date }): Promise<{ kept?: string }> {
  const pid = holder(database);
  if (pid !== undefined) throw new OperationRefused(`服务器（进程 ${pid}）正在使用 ${database}，不能恢复：请先停止它（Ctrl+C），再运行 npm run restore`);
  checkDatabase(backup);
  if (!options.confirmed) {
    throw new OperationRefused(`恢复会用 ${backup} 替换 ${database} 中现有的全部数据（备份之后的办件都会消失）。确认无误后，加上 --yes 再运行一次：npm run restore -- ${backup} --yes`);
  }
  let kept: string | undefined;
  if (existsSync(database)) {
    kept = `${database}.before-restore-${(options.now ?? new Date()).toISOString().replace(/[:.]/g, '-')}`;
    await backupDatabase(database, kept);
  }
  const source = new Database(backup, { readonly: true, fileMustExist: true });
  try {
    await source.backup(database);
  } finally {
    source.close();
  }
  return kept ? { kept } : {};
}
