import { describe, expect, test } from '@jest/globals';
import { definitions, end, process, seq, serviceTask, start, userTask } from '../support/bpmn.js';
import { testEngine } from '../support/harness.js';

const withGroups = '<zeebe:assignmentDefinition candidateGroups="window"/>';

describe('what a step commits', () => {
  test('a task opened and closed within one step leaves no open task behind, nor a candidate match', async () => {
    const xml = definitions(process('p',
      start(), '<bpmn:parallelGateway id="fork"/>', userTask('review', withGroups), end(),
      '<bpmn:endEvent id="stop"><bpmn:terminateEventDefinition/></bpmn:endEvent>',
      seq('start', 'fork'), seq('fork', 'review', 'end'), seq('fork', 'stop'),
    ));
    const { engine } = testEngine();
    await engine.deploy(xml);
    const instance = await engine.start('p');
    expect(instance.status).toBe('completed');
    expect(await engine.tasks()).toEqual([]);
    expect(await engine.tasks({ candidateGroup: 'window' })).toEqual([]);
    expect(await engine.verify(instance.id)).toEqual({ ok: true, replayMatches: true });
  });

  test('start answers with the instance as committed', async () => {
    const { engine } = testEngine();
    await engine.deploy(definitions(process('p', start(), userTask('accept'), end(), seq('start', 'accept', 'end'))));
    const instance = await engine.start('p', { applicant: '王芳' }, { businessKey: 'case-1' });
    expect(instance).toEqual(await engine.instance(instance.id));
    expect(instance).toMatchObject({ status: 'active', businessKey: 'case-1', variables: { applicant: '王芳' }, active: [{ elementId: 'accept' }] });
  });

  test('a job is not a task: completing it by its id as a task finds no task', async () => {
    const xml = definitions(process('p', start(), serviceTask('register', 'register'), end(), seq('start', 'register', 'end')));
    const { engine } = testEngine();
    await engine.deploy(xml);
    await engine.start('p');
    const [job] = await engine.store.jobs('register');
    await expect(engine.completeTask(job!.id)).rejects.toMatchObject({ code: 'TASK_NOT_FOUND' });
    expect(await engine.store.jobs('register')).toHaveLength(1);
  });

  test('what a caller does to its variables object afterwards changes nothing stored', async () => {
    const { engine } = testEngine();
    await engine.deploy(definitions(process('p', start(), userTask('accept'), end(), seq('start', 'accept', 'end'))));
    const variables = { applicant: { name: '王芳' } };
    const instance = await engine.start('p', variables);
    variables.applicant.name = '李四';
    expect((await engine.instance(instance.id))?.variables).toEqual({ applicant: { name: '王芳' } });
    expect(await engine.verify(instance.id)).toEqual({ ok: true, replayMatches: true });
  });
});
