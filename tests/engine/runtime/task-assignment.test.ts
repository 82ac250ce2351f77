import { describe, expect, test } from '@jest/globals';
import { definitions, end, process, seq, start, userTask } from '../support/bpmn.js';
import { testEngine } from '../support/harness.js';

const review = definitions(process('review',
  start(),
  userTask('check', '<zeebe:assignmentDefinition candidateGroups="reviewer"/>'),
  end(),
  seq('start', 'check', 'end'),
));

async function openTask() {
  const { engine } = testEngine();
  await engine.deploy(review);
  const instance = await engine.start('review', {});
  const [task] = await engine.tasks({ instanceId: instance.id });
  return { engine, instance, task: task! };
}

describe('claiming and handing on a user task', () => {
  test('a claim makes the claimant the assignee, recorded in the history as a claimed event that replays', async () => {
    const { engine, instance, task } = await openTask();
    await engine.claimTask(task.id, 'li');
    expect(await engine.tasks({ assignee: 'li' })).toEqual([expect.objectContaining({ id: task.id, assignee: 'li', candidateGroups: ['reviewer'] })]);
    const history = await engine.history(instance.id);
    expect(history.at(-1)).toMatchObject({ t: 'claimed', assignee: 'li' });
    expect(await engine.verify(instance.id)).toMatchObject({ ok: true, replayMatches: true });
  });

  test('a task claimed by one person cannot be claimed by another; the holder claiming again changes nothing harmful', async () => {
    const { engine, task } = await openTask();
    await engine.claimTask(task.id, 'li');
    await expect(engine.claimTask(task.id, 'wang')).rejects.toMatchObject({ code: 'TASK_CLAIMED', details: { assignee: 'li' } });
    await engine.claimTask(task.id, 'li');
    expect((await engine.tasks())[0]?.assignee).toBe('li');
  });

  test('unclaiming gives the task back to its group: no assignee, and another person may claim it', async () => {
    const { engine, instance, task } = await openTask();
    await engine.claimTask(task.id, 'li');
    await engine.unclaimTask(task.id);
    const [back] = await engine.tasks();
    expect(back).not.toHaveProperty('assignee');
    expect(await engine.tasks({ assignee: 'li' })).toEqual([]);
    await engine.claimTask(task.id, 'wang');
    expect((await engine.history(instance.id)).map((e) => e.t).slice(-2)).toEqual(['unclaimed', 'claimed']);
  });

  test('handing on names the new holder, who handed it on and why, and the new holder completes it', async () => {
    const { engine, instance, task } = await openTask();
    await engine.claimTask(task.id, 'li');
    await engine.handOnTask(task.id, { to: 'zhao', by: 'li', reason: '李明休假，转赵敏办理' });
    expect((await engine.tasks())[0]).toMatchObject({ assignee: 'zhao' });
    expect((await engine.history(instance.id)).at(-1)).toMatchObject({ t: 'handedOn', to: 'zhao', by: 'li', reason: '李明休假，转赵敏办理' });
    await engine.completeTask(task.id);
    await engine.idle();
    expect((await engine.instance(instance.id))?.status).toBe('completed');
    expect(await engine.verify(instance.id)).toMatchObject({ ok: true, replayMatches: true });
  });

  test('a completed task or an unknown one cannot be claimed or handed on', async () => {
    const { engine, task } = await openTask();
    await engine.completeTask(task.id);
    await expect(engine.claimTask(task.id, 'li')).rejects.toMatchObject({ code: 'TASK_ALREADY_COMPLETED' });
    await expect(engine.handOnTask(task.id, { to: 'zhao', reason: 'x' })).rejects.toMatchObject({ code: 'TASK_ALREADY_COMPLETED' });
    await expect(engine.unclaimTask('nope~1')).rejects.toMatchObject({ code: 'TASK_NOT_FOUND' });
  });
});
