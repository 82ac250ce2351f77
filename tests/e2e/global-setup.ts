import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Starts tests/e2e/serve.ts (building the pages first if they are stale) and hands its URL
 * to the tests in YC_E2E_URL; the returned function stops it.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/e2e/serve.ts'], {
    cwd: repo, env: { ...process.env, TZ: 'Asia/Shanghai' }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  process.env.YC_E2E_URL = await new Promise<string>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`the test server did not start in 3 minutes:\n${seen}`)), 180_000);
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const url = /YC_E2E_URL=(\S+)/.exec(seen)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve(url);
      }
    });
    child.on('exit', (code) => reject(new Error(`the test server exited (${code}) before it listened:\n${seen}`)));
  });
  return async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
}
