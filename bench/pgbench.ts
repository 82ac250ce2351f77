import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import knexFactory from 'knex';

const run = promisify(execFile);

export type PgbenchResult =
  | { ok: true; tps: number; clients: number; seconds: number; where: string; version: string }
  | { ok: false; reason: string };

/**
 * The server's own yardstick: `pgbench -N` (simple update) for `seconds` with `clients`
 * connections, against DATABASE_URL's server, in a throwaway database (or, where creating a
 * database is not allowed, a throwaway schema). Never a made-up number: when it cannot run,
 * the result says why.
 */
export async function runPgbench(databaseUrl: string | undefined, clients: number, seconds: number): Promise<PgbenchResult> {
  if (!databaseUrl) return { ok: false, reason: 'DATABASE_URL is not set' };
  let version: string;
  try {
    version = (await run('pgbench', ['--version'])).stdout.trim();
  } catch (err) {
    return { ok: false, reason: `pgbench cannot be run (${(err as NodeJS.ErrnoException).code ?? String(err)}); it comes with PostgreSQL's client tools` };
  }
  const scratch = await Scratch.create(databaseUrl).catch((err: Error) => err);
  if (scratch instanceof Error) return { ok: false, reason: `no throwaway database or schema for pgbench: ${scratch.message}` };
  try {
    const env = { ...process.env, ...scratch.env };
    await run('pgbench', ['-i', '-q', scratch.url], { env });
    const args = ['-N', '-T', String(seconds), '-c', String(clients), '-j', String(clients), scratch.url];
    const { stdout } = await run('pgbench', args, { env, maxBuffer: 1 << 20 });
    const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1];
    if (!tps) return { ok: false, reason: `pgbench printed no tps line: ${stdout.slice(-300)}` };
    return { ok: true, tps: Number(tps), clients, seconds, where: scratch.where, version };
  } catch (err) {
    return { ok: false, reason: `pgbench failed: ${String((err as { stderr?: string }).stderr || err).trim().slice(-300)}` };
  } finally {
    await scratch.drop().catch(() => undefined);
  }
}

/** A database pgbench may fill and that is dropped afterwards. */
class Scratch {
  private constructor(
    readonly url: string,
    readonly where: string,
    readonly env: Record<string, string>,
    readonly drop: () => Promise<void>,
  ) {}

  static async create(databaseUrl: string): Promise<Scratch> {
    const name = `yc_bench_pgbench_${process.pid}`;
    try {
      await sql(databaseUrl, `create database ${name}`);
      const url = new URL(databaseUrl);
      url.pathname = `/${name}`;
      return new Scratch(url.toString(), `database ${name}`, {}, () => sql(databaseUrl, `drop database if exists ${name} with (force)`));
    } catch {
      await sql(databaseUrl, `create schema ${name}`);
      return new Scratch(databaseUrl, `schema ${name}`, { PGOPTIONS: `-c search_path=${name}` }, () => sql(databaseUrl, `drop schema if exists ${name} cascade`));
    }
  }
}

async function sql(databaseUrl: string, text: string): Promise<void> {
  const knex = knexFactory({ client: 'pg', connection: databaseUrl, pool: { min: 0, max: 1 } });
  try {
    await knex.raw(text);
  } finally {
    await knex.destroy();
  }
}
