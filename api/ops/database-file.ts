import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The embedded default's database: data/yichuang.sqlite beside the code (`npm start` without DATABASE_URL). */
export const EMBEDDED_DATABASE = fileURLToPath(new URL('../../data/yichuang.sqlite', import.meta.url));

/** The file a running server keeps beside its database, naming its process: a restore refuses while it lives. */
const lockFileOf = (database: string) => `${database}.server-pid`;

/**
 * Marks the database as held by this process (the server, while it runs). Returns the
 * release, to call at stop; a process killed leaves the file, which then names a dead
 * process and holds nothing. Not pure.
 */
export function holdDatabase(database: string, pid = process.pid): () => void {
  writeFileSync(lockFileOf(database), `${pid}\n`);
  return () => {
    if (holder(database) === pid) rmSync(lockFileOf(database), { force: true });
  };
}

/** The process id of a live server holding the database, if any. Not pure: it asks the system. */
export function holder(database: string): number | undefined {
  const file = lockFileOf(database);
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (err) {
    // EPERM: it lives, under another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM' ? pid : undefined;
  }
}
