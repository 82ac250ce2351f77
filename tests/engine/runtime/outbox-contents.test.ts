import { describe, expect, test } from '@jest/globals';
import type { Effect, EngineStore } from '../../../engine/index.js';
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

async function run(subscribe?: (engine: ReturnType<typeof testEngine>['engine']) => void): Promise<Array<Array<Effect['type']>>> {
  const { store, outboxes } = recorded();
  const { engine } = testEngine({ store });
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
  test('with no listener: timers and jobs go in it, the tasks that only feed read models do not', async () => {
    expect(await run()).toEqual([
      ['timer.scheduled'],
      ['timer.cancelled'],
      ['job.created'],
    ]);
  });

  test('a listener of some types adds those to the outbox and hears only them', async () => {
    const heard: Array<Effect['type']> = [];
    const outboxes = await run((engine) => engine.subscribe((_id, effect) => void heard.push(effect.type), { types: ['task.created', 'instance.ended'] }));
    expect(outboxes).toEqual([
      ['timer.scheduled', 'task.created'],
      ['timer.cancelled', 'task.created'],
      ['job.created'],
    ]);
    expect(heard).toEqual(['task.created', 'task.created']);
  });

  test('a listener of every type puts every effect in the outbox, and one that stopped puts none', async () => {
    const heard: Array<Effect['type']> = [];
    const outboxes = await run((engine) => engine.subscribe((_id, effect) => void heard.push(effect.type)));
    expect(outboxes.flat()).toEqual(heard);
    expect(heard).toEqual(expect.arrayContaining(['task.created', 'task.closed', 'timer.scheduled', 'timer.cancelled', 'job.created']));
    expect(await run((engine) => engine.subscribe(() => undefined)())).toEqual(await run());
  });
});
