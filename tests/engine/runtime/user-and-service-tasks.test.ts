import { describe, expect, test } from '@jest/globals';
import { BpmnError, EngineError } from '../../../engine/index.js';
import { definitions, end, process, seq, serviceTask, start, userTask } from '../support/bpmn.js';
import { activeElements, testEngine } from '../support/harness.js';

const approval = definitions(process('approval',
  start(),
  userTask('accept', '<zeebe:assignmentDefinition assignee="=clerk" candidateGroups="window, backup"/><zeebe:formDefinition formKey="intake-form"/>'),
  serviceTask('register', 'register-case', '<zeebe:ioMapping><zeebe:input source="=applicant.name" target="name"/><zeebe:output source="=caseNo" target="caseNumber"/></zeebe:ioMapping>'),
  end(),
  seq('start', 'accept', 'register', 'end'),
));

describe('user tasks and service tasks', () => {
  test('a user task opens in the inbox with its assignee, candidate groups and form, and completing it moves on', async () => {
    const { engine } = testEngine({ jobHandlers: { 'register-case': (job) => ({ caseNo: `C-${String(job.variables.name)}` }) } });
    await engine.deploy(approval);
    const instance = await engine.start('approval', { clerk: 'li', applicant: { name: '王芳' } });
    const [task] = await engine.tasks({ candidateGroup: 'backup' });
    expect(task).toMatchObject({ instanceId: instance.id, elementId: 'accept', assignee: 'li', candidateGroups: ['window', 'backup'], formKey: 'intake-form' });
    await engine.completeTask(task!.id, { accepted: true });
    await engine.idle();
    const after = await engine.instance(instance.id);
    expect(after?.status).toBe('completed');
    expect(after?.variables).toMatchObject({ caseNumber: 'C-王芳', accepted: true });
    expect(after?.variables).not.toHaveProperty('caseNo');
    expect(after?.variables).not.toHaveProperty('name');
  });

  test('a job type computed to nothing is an incident on the task, not a job of type "null" (Zeebe)', async () => {
    const xml = definitions(process('routed', start(), serviceTask('run', '=action.path'), end(), seq('start', 'run', 'end')));
    const { engine } = testEngine();
    await engine.deploy(xml);
    await engine.start('routed');
    await engine.idle();
    expect(await engine.activateJobs('null', { max: 5, worker: 'w' })).toEqual([]);
    const [incident] = await engine.incidents();
    expect(incident).toMatchObject({ elementId: 'run', code: 'EXPRESSION_INVALID' });
    expect(incident!.message).toMatch(/job type .*"=action\.path".* null/);
    // A type computed from the variables still works.
    await engine.start('routed', { action: { path: 'restart-broker' } });
    await engine.idle();
    expect(await engine.activateJobs('restart-broker', { max: 5, worker: 'w' })).toHaveLength(1);
  });

  test('completing a task twice says it is already completed, and an unknown task says so', async () => {
    const { engine } = testEngine({ jobHandlers: { 'register-case': () => ({ caseNo: 1 }) } });
    await engine.deploy(approval);
    await engine.start('approval', { clerk: 'li', applicant: { name: 'x' } });
    const [task] = await engine.tasks();
    await engine.completeTask(task!.id);
    await expect(engine.completeTask(task!.id)).rejects.toMatchObject({ code: 'TASK_ALREADY_COMPLETED' });
    await expect(engine.completeTask('nope~1')).rejects.toMatchObject({ code: 'TASK_NOT_FOUND' });
  });

  test('variables that are not JSON are refused before anything changes', async () => {
    const { engine } = testEngine();
    await engine.deploy(approval);
    await expect(engine.start('approval', { when: new Date() })).rejects.toMatchObject({ code: 'VARIABLES_INVALID' });
    const instance = await engine.start('approval', { clerk: 'li' });
    const [task] = await engine.tasks();
    await expect(engine.completeTask(task!.id, { f: (() => 1) as unknown as string })).rejects.toBeInstanceOf(EngineError);
    expect(await activeElements(engine, instance.id)).toEqual(['accept']);
  });

  test('a failing job is retried after a growing backoff and then raises an incident that an operator can resolve', async () => {
    let calls = 0;
    const { engine } = testEngine({ jobHandlers: { 'register-case': () => { calls++; if (calls <= 3) throw new Error('registry offline'); return { caseNo: 7 }; } } });
    await engine.deploy(approval);
    const instance = await engine.start('approval', { clerk: 'li', applicant: { name: 'x' } });
    await engine.completeTask((await engine.tasks())[0]!.id);
    await engine.idle();
    expect(calls).toBe(1);
    await engine.advanceTime(999);
    expect(calls).toBe(1);
    await engine.advanceTime(1);
    expect(calls).toBe(2);
    await engine.advanceTime(2_000);
    const [incident] = await engine.incidents(instance.id);
    expect(incident).toMatchObject({ elementId: 'register', code: 'JOB_NO_RETRIES', message: 'registry offline' });
    expect(calls).toBe(3);
    await engine.resolveIncident(instance.id, incident!.key, { retries: 1 });
    await engine.idle();
    expect((await engine.instance(instance.id))?.status).toBe('completed');
  });

  test('external workers activate jobs with a lock, and an expired lock makes the job available again', async () => {
    const { engine, clock } = testEngine();
    await engine.deploy(approval);
    await engine.start('approval', { clerk: 'li', applicant: { name: '赵' } });
    await engine.completeTask((await engine.tasks())[0]!.id);
    await engine.idle();
    const [job] = await engine.activateJobs('register-case', { lockMs: 60_000, worker: 'w1' });
    expect(job).toMatchObject({ type: 'register-case', elementId: 'register', variables: { name: '赵' } });
    expect(await engine.activateJobs('register-case')).toEqual([]);
    clock.set(clock.now() + 61_000);
    const [again] = await engine.activateJobs('register-case', { worker: 'w2' });
    expect(again?.id).toBe(job!.id);
    await engine.completeJob(job!.id, { caseNo: 9 });
    await expect(engine.completeJob(job!.id, { caseNo: 9 })).rejects.toMatchObject({ code: 'JOB_NOT_FOUND' });
  });

  test('an activation takes at most max jobs and leaves the others for the next one', async () => {
    const { engine } = testEngine();
    await engine.deploy(approval);
    for (const name of ['赵', '钱', '孙']) {
      const instance = await engine.start('approval', { clerk: 'li', applicant: { name } });
      await engine.completeTask((await engine.tasks({ instanceId: instance.id }))[0]!.id);
    }
    await engine.idle();
    const first = await engine.activateJobs('register-case', { max: 2, worker: 'w1' });
    const second = await engine.activateJobs('register-case', { max: 2, worker: 'w2' });
    expect(first).toHaveLength(2);
    expect(second).toHaveLength(1);
    expect(new Set([...first, ...second].map((job) => job.variables.name))).toEqual(new Set(['赵', '钱', '孙']));
    expect(await engine.activateJobs('register-case', { worker: 'w3' })).toEqual([]);
  });

  test('a BpmnError from a job is caught by the error boundary event with its code', async () => {
    const xml = definitions(`<bpmn:error id="E1" errorCode="MATERIALS_MISSING"/>` + process('check',
      start(),
      serviceTask('verify', 'verify'),
      `<bpmn:boundaryEvent id="missing" attachedToRef="verify"><bpmn:errorEventDefinition errorRef="E1"/></bpmn:boundaryEvent>`,
      userTask('notify'),
      end('ok'), end('corrected'),
      seq('start', 'verify', 'ok'), seq('missing', 'notify', 'corrected'),
    ));
    const { engine } = testEngine({ jobHandlers: { verify: () => { throw new BpmnError('MATERIALS_MISSING', 'no ID card', { missing: ['身份证'] }); } } });
    await engine.deploy(xml);
    const instance = await engine.start('check');
    await engine.idle();
    expect(await activeElements(engine, instance.id)).toEqual(['notify']);
    expect((await engine.instance(instance.id))?.variables).toMatchObject({ missing: ['身份证'] });
  });
});
