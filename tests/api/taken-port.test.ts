import { describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../', import.meta.url));

/** Runs `npm start`'s entry point on a port and waits (at most `ms`) for it to exit. */
function startOn(port: number, ms: number): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/main.ts'], {
    cwd: repo, env: { ...process.env, PORT: String(port), TZ: 'Asia/Shanghai', NODE_OPTIONS: '' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('a port another program holds', () => {
  test('the server exits non-zero, saying in Chinese that the port is taken, and never says it is running', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, resolve));
    const port = (holder.address() as AddressInfo).port;
    try {
      const run = await startOn(port, 25_000);
      expect(run.code).toBe(1);
      expect(run.output).toContain(`端口 ${port} 已被占用`);
      expect(run.output).toContain('EADDRINUSE');
      expect(run.output).not.toContain('is running');
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });
});
