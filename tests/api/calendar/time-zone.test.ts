import { describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { packageAloneSaysSaturdayWorks, probe } from './fixtures/tz-probe.js';

const run = promisify(execFile);
const script = fileURLToPath(new URL('./fixtures/print-tz-probe.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Runs the probe in a fresh node (via tsx) whose process time zone is `tz`. */
async function probeIn(tz: string): Promise<{ probe: unknown; packageAlone: boolean }> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', script], {
    cwd: repoRoot,
    env: { ...process.env, TZ: tz, NODE_OPTIONS: '' },
  });
  return JSON.parse(stdout) as { probe: unknown; packageAlone: boolean };
}

describe('independence from the process time zone', () => {
  it('runs this suite in China time, where chinese-days is right on its own', () => {
    expect(new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset()).toBe(-480);
    expect(packageAloneSaysSaturdayWorks()).toBe(false);
  });

  it.each(['America/Los_Angeles', 'Etc/GMT+12', 'UTC', 'Pacific/Kiritimati'])(
    'gives the same calendar and timer answers when the process runs in %s',
    async (tz) => {
      const child = await probeIn(tz);
      expect(child.probe).toEqual(JSON.parse(JSON.stringify(probe())));
    },
    30_000,
  );

  it('needs the adapter: in Los Angeles the package alone calls Saturday 14 March 2026 a working day', async () => {
    const child = await probeIn('America/Los_Angeles');
    expect(child.packageAlone).toBe(true);
  }, 30_000);
});
