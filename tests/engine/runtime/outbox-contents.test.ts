import { describe, expect, test } from '@jest/globals';
import type { Effect, EngineStore } from '../../../engine/index.js';
import type { EngineQueue, QueuedJob, QueuedTimer } from '../../../engine/queue/types.js';
import { definitions, end, process as bpmnProcess, seq, serviceTask, start, userTask } from '../support/bpmn.js';
import { boundary, timerDef } from '../core/elements.js';
import { testEngine, testStore } from '../support/harness.js';

/** Two user tasks in a row; the first has a non-interrupting reminder after a day, then a job. */
const model = definitions(bpmnProcess('p',
  start(), userTask('accept'), boundary('remind', 'accept', timerDef('timeDuration', 'P1D'), false), userTask('review'),
  serviceTask('notify', 'sms'), end(), end('reminded'),
  seq('start', 'accept', 'review', 'notify', 'end'), seq('remind', 'reminded'),
));

/** The suite's store, with the types of each commit's outbox written down. */
function recorded(): { store: EngineStore; outboxes: Array<Array<Effect['type']>> } {
  const store = testStore();
  const outboxes: Array<Array<Effect['type']>> = [];
  const commit = store.commit.bind(store);
  store.commit = (c) => {
    outboxes.push(c.outbox.map((effect) => effect.type));
    return commit(c);
  };
  return { store, outboxes };
}

/** A queue that only writes down what it was handed (server mode's BullMQ has its own tests). */
class HandedOut implements EngineQueue {
  readonly handed: string[] = [];
  async enqueueJob(job: QueuedJob): Promise<boolean> {
    this.handed.push(`job ${job.type}`);
    return true;
  }
  async enqueueTimer(timer: QueuedTimer): Promise<boolean> {
    this.handed.push(`timer ${timer.key}`);
    return true;
  }
  async removeTimer(timer: QueuedTimer): Promise<void> {
    this.handed.push(`removed ${timer.key}`);
  }
  async close(): Promise<void> {}
}

type Subscribe = (engine: ReturnType<typeof testEngine>['engine']) => void;

async function run(subscribe?: Subscribe, queue?: EngineQueue): Promise<Array<Array<Effect['type']>>> {
  const { store, outboxes } = recorded();
  const { engine } = testEngine({ store, ...(queue ? { queue } : {}) });
  subscribe?.(engine);
  await engine.deploy(model);
  const { id } = await engine.start('p');
  for (const element of ['accept', 'review']) {
    const [task] = await engine.tasks({ instanceId: id, elementId: element });
    expect(task).toBeDefined();
    await engine.completeTask(task!.id);
    await engine.idle();
  }
  expect((await engine.store.jobs()).map((job) => job.type)).toEqual(['sms']);
  return outboxes;
}

describe('the outbox holds only effects that are carried out', () => {
  test('embedded, with no listener: a job goes in it; timers and tasks do not (the scheduler reads due timers from the store)', async () => {
    expect(await run()).toEqual([[], [], ['job.created']]);
  });

  test('with a queue, the timers go in it too: only the outbox remembers to hand them to the queue after a crash', async () => {
    const queue = new HandedOut();
    expect(await run(undefined, queue)).toEqual([['timer.scheduled'], ['timer.cancelled'], ['job.created']]);
    expect(queue.handed).toEqual(['timer 2', 'removed 2', 'job sms']);
  });

  test('a listener of some types adds those to the outbox and hears only them', async () => {
    const heard: Array<Effect['type']> = [];
    const outboxes = await run((engine) => engine.subscribe((_id, effect) => void heard.push(effect.type), { types: ['task.created', 'instance.ended'] }));
    expect(outboxes).toEqual([['task.created'], ['task.created'], ['job.created']]);
    expect(heard).toEqual(['task.created', 'task.created']);
  });

  test('a listener of every type puts every effect in the outbox, and one that stopped puts none', async () => {
    const heard: Array<Effect['type']> = [];
    const outboxes = await run((engine) => engine.subscribe((_id, effect) => void heard.push(effect.type)));
    expect(outboxes.flat()).toEqual(heard);
    expect(heard).toEqual(expect.arrayContaining(['task.created', 'task.closed', 'timer.scheduled', 'timer.cancelled', 'job.created']));
    expect(await run((engine) => engine.subscribe(() => undefined)())).toEqual(await run());
  });

  test('a listener that would hear nothing is refused with the types it could name', async () => {
    const { engine } = testEngine();
    await engine.idle(); // opened, so that closing it after the test aborts nothing
    expect(() => engine.subscribe(() => undefined, { types: ['task.created', 'task.create' as Effect['type']] }))
      .toThrow(expect.objectContaining({ code: 'EFFECT_TYPE_UNKNOWN', details: expect.objectContaining({ unknown: ['task.create'] }) }));
    expect(() => engine.subscribe(() => undefined, { types: ['task.create' as Effect['type']] })).toThrow(/no effect is of type "task.create": name some of job.created, .*task.created/);
    expect(() => engine.subscribe(() => undefined, { types: [] })).toThrow(/follows no effect type/);
  });
});
