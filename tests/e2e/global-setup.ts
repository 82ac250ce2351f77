import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../', import.meta.url));

/** Starts a script with tsx and waits for the line `NAME=<url>` it prints once it listens; the child and the URL. */
async function started(script: string, name: string, args: string[] = []): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: repo, env: { ...process.env, TZ: 'Asia/Shanghai' }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`${script} did not start in 3 minutes:\n${seen}`)), 180_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const found = new RegExp(`${name}=(\\S+)`).exec(seen)?.[1];
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    });
    child.on('exit', (code) => reject(new Error(`${script} exited (${code}) before it listened:\n${seen}`)));
  });
  return { child, url };
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/**
 * Starts tests/e2e/serve.ts (building the pages first if they are stale) and the window's
 * device simulator (devices/simulator.ts, on a free port), and hands their URLs to the tests
 * in YC_E2E_URL and YC_DEVICES_URL; the returned function stops both.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const server = await started('tests/e2e/serve.ts', 'YC_E2E_URL');
  const devices = await started('devices/simulator.ts', 'YC_DEVICES_URL', ['--port', '0']);
  process.env.YC_E2E_URL = server.url;
  process.env.YC_DEVICES_URL = devices.url;
  return async () => {
    await Promise.all([stop(server.child), stop(devices.child)]);
  };
}
