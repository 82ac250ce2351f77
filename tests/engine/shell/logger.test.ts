import { describe, expect, test } from '@jest/globals';
import { createEngine, VirtualClock } from '../../../engine/index.js';
import type { EngineLogger } from '../../../engine/index.js';
import { definitions, end, process, seq, serviceTask, start, userTask } from '../support/bpmn.js';

/** Keeps what the engine logged, and lets a test wait for the first line of a level. */
function recordingLogger() {
  const lines: Array<{ level: 'error' | 'warn'; details: Record<string, unknown>; message: string }> = [];
  const waiters: Array<() => void> = [];
  const log = (level: 'error' | 'warn') => (details: Record<string, unknown>, message: string) => {
    lines.push({ level, details, message });
    waiters.splice(0).forEach((wake) => wake());
  };
  const logger: EngineLogger = { error: log('error'), warn: log('warn') };
  const next = () => new Promise<void>((resolve) => waiters.push(resolve));
  return { logger, lines, next };
}

describe('the engine tells its logger of failures in the background when they happen', () => {
  test('a failing job handler is logged at once with its job, not only at the next idle()', async () => {
    const { logger, lines, next } = recordingLogger();
    const engine = createEngine({ clock: new VirtualClock(), logger, jobHandlers: { lookup: () => { throw new Error('registry down'); } } });
    try {
      await engine.deploy(definitions(process('p', start(), serviceTask('lookup', 'lookup'), end(), seq('start', 'lookup', 'end'))));
      const logged = next();
      const instance = await engine.start('p');
      await logged;
      expect(lines[0]).toMatchObject({ level: 'warn', details: { jobType: 'lookup', instanceId: instance.id } });
      expect((lines[0]!.details.err as Error).message).toBe('registry down');
      expect(lines[0]!.message).toContain('runs again');
    } finally {
      await engine.close();
    }
  });

  test('a listener that throws is logged as a failure of background work, and idle() still reports it', async () => {
    const { logger, lines, next } = recordingLogger();
    const engine = createEngine({ clock: new VirtualClock(), logger });
    try {
      await engine.deploy(definitions(process('p', start(), userTask('review'), end(), seq('start', 'review', 'end'))));
      engine.subscribe(() => { throw new Error('read model down'); }, { types: ['task.created'] });
      const logged = next();
      await engine.start('p');
      await logged;
      expect(lines[0]).toMatchObject({ level: 'error', message: 'engine background work failed' });
      expect((lines[0]!.details.err as Error).message).toBe('read model down');
      await expect(engine.idle()).rejects.toThrow('read model down');
    } finally {
      await engine.close();
    }
  });

  test('without a logger the engine writes nowhere and the failure waits for idle()', async () => {
    const engine = createEngine({ clock: new VirtualClock() });
    try {
      await engine.deploy(definitions(process('p', start(), userTask('review'), end(), seq('start', 'review', 'end'))));
      engine.subscribe(() => { throw new Error('read model down'); }, { types: ['task.created'] });
      await engine.start('p');
      await expect(engine.idle()).rejects.toThrow('read model down');
    } finally {
      await engine.close();
    }
  });
});
