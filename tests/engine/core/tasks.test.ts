import { describe, expect, test } from '@jest/globals';
import { definitions, end, process, seq, serviceTask, start, userTask } from '../support/bpmn.js';
import { boundary, error, errorDef, io, message, node, task } from './elements.js';
import { drive } from './driver.js';

const line = (...elements: string[]) => {
  const ids = elements.map((e) => /id="([^"]+)"/.exec(e)![1]!);
  return process('p', start(), ...elements, end(), seq('start', ...ids, 'end'));
};

describe('user tasks', () => {
  test('a user task opens in an inbox with its assignment evaluated from variables, and completing it ends the instance', async () => {
    const assignment = `<zeebe:assignmentDefinition assignee="=clerk" candidateGroups="=[&quot;window&quot;, &quot;county&quot;]" candidateUsers="li, wang"/>`
      + '<zeebe:taskSchedule dueDate="=&quot;2026-03-04T17:00:00+08:00&quot;"/><zeebe:formDefinition formKey="accept-form"/>'
      + '<zeebe:taskHeaders><zeebe:header key="step" value="acceptance"/></zeebe:taskHeaders>';
    const d = await drive(definitions(line(userTask('accept', assignment, 'name="Accept the case"'))));
    d.start({ clerk: 'zhang' });
    expect(d.task('accept')).toMatchObject({
      name: 'Accept the case', assignee: 'zhang', candidateGroups: ['window', 'county'], candidateUsers: ['li', 'wang'],
      dueDate: '2026-03-04T17:00:00+08:00', formKey: 'accept-form', properties: { step: 'acceptance' },
    });
    d.completeTask('accept', { accepted: true });
    expect(d.effectsOf('task.closed')).toEqual([expect.objectContaining({ key: d.effectsOf('task.created')[0]!.key, outcome: 'completed' })]);
    expect(d.vars()).toEqual({ clerk: 'zhang', accepted: true });
    expect(d.status).toBe('completed');
    expect(d.effectsOf('instance.ended')).toEqual([expect.objectContaining({ status: 'completed' })]);
  });

  test('a completed task\'s close carries the answer, the commit\'s time and who gave it; a cancelled one carries none', async () => {
    const d = await drive(definitions(line(userTask('accept'), userTask('issue'))));
    d.start();
    d.send({ type: 'complete', key: d.task('accept').key, variables: { accepted: true }, by: 's-clerk' });
    expect(d.effectsOf('task.closed')).toEqual([expect.objectContaining({ outcome: 'completed', completion: { variables: { accepted: true }, at: d.now, by: 's-clerk' } })]);
    d.send({ type: 'cancel' });
    expect(d.effectsOf('task.closed')[1]).not.toHaveProperty('completion');
  });

  test('completing a task that is no longer open is refused and changes nothing', async () => {
    const d = await drive(definitions(line(userTask('accept'), userTask('issue'))));
    d.start();
    const key = d.task('accept').key;
    d.completeTask('accept');
    const before = d.state;
    expect(() => d.send({ type: 'complete', key })).toThrow(expect.objectContaining({ code: 'ELEMENT_INSTANCE_NOT_FOUND' }));
    expect(d.state).toBe(before);
    expect(d.active()).toEqual(['issue']);
  });

  test('a command for an instance that has ended is refused', async () => {
    const d = await drive(definitions(line(userTask('accept'))));
    d.start();
    const key = d.task('accept').key;
    d.completeTask('accept');
    expect(() => d.send({ type: 'complete', key })).toThrow(expect.objectContaining({ code: 'INSTANCE_ENDED' }));
  });

  test('output mappings decide what a task hands back; its input variables stay local to it', async () => {
    const d = await drive(definitions(line(userTask('check', io({ fee: '=amount * 2' }, { charged: '=fee', verdict: '=ok' })))));
    d.start({ amount: 21 });
    expect(d.vars(d.keyOf('check'))).toEqual({ fee: 42 });
    d.completeTask('check', { ok: 'yes', scratch: 1 });
    expect(d.vars()).toEqual({ amount: 21, charged: 42, verdict: 'yes' });
  });

  // Bug: input mappings alone compile to an empty output mapping list, and completion then maps
  // nothing back; Zeebe merges every result variable when no output mapping is defined.
  test('a task with input mappings but no output mappings hands back all of its result variables', async () => {
    const d = await drive(definitions(line(userTask('check', io({ fee: '=amount * 2' })), userTask('after'))));
    d.start({ amount: 21 });
    d.completeTask('check', { verdict: 'ok' });
    expect(d.vars()).toEqual({ amount: 21, verdict: 'ok' });
  });
});

describe('service tasks (jobs)', () => {
  test('a service task creates a job with its type, retries and headers, and the job result becomes process variables', async () => {
    const headers = '<zeebe:taskHeaders><zeebe:header key="system" value="registry"/></zeebe:taskHeaders>';
    const d = await drive(definitions(line(serviceTask('lookup', 'registry-lookup', headers))));
    d.start();
    expect(d.job('lookup')).toMatchObject({ jobType: 'registry-lookup', retries: 3, headers: { system: 'registry' } });
    d.completeJob('lookup', { household: 4 });
    expect(d.effectsOf('job.closed')).toEqual([expect.objectContaining({ outcome: 'completed' })]);
    expect(d.vars()).toEqual({ household: 4 });
    expect(d.status).toBe('completed');
  });

  test('a job type given as FEEL is evaluated when the job is created', async () => {
    const d = await drive(definitions(line(serviceTask('lookup', '=region + &quot;-lookup&quot;'))));
    d.start({ region: 'xiangcheng' });
    expect(d.job('lookup').jobType).toBe('xiangcheng-lookup');
  });

  test('a failed job with retries left goes back to workers; with none left it becomes an incident, and resolving it hands the job out again', async () => {
    const d = await drive(definitions(line(serviceTask('lookup', 'lookup'))));
    d.start();
    d.failJob('lookup', 2, 'registry timed out');
    expect(d.job('lookup').retries).toBe(2);
    expect(d.incidents()).toEqual([]);
    d.failJob('lookup', 0, 'registry down');
    expect(d.incidents()).toEqual([{ el: 'lookup', code: 'JOB_NO_RETRIES' }]);
    d.resolveIncident('lookup', 1);
    expect(d.incidents()).toEqual([]);
    expect(d.job('lookup').retries).toBe(1);
    d.completeJob('lookup');
    expect(d.status).toBe('completed');
  });

  test('a BPMN error from a worker is caught by the error boundary event with that code', async () => {
    const d = await drive(definitions(error('E', 'NOT_FOUND') + process('p',
      start(), serviceTask('lookup', 'lookup'), end(), boundary('missing', 'lookup', errorDef('E')), userTask('by_hand'), end('e2'),
      seq('start', 'lookup', 'end'), seq('missing', 'by_hand', 'e2'),
    )));
    d.start();
    d.throwError('lookup', 'NOT_FOUND', { reason: 'no record' });
    expect(d.active()).toEqual(['by_hand']);
    expect(d.vars()).toEqual({ reason: 'no record' });
    expect(d.effectsOf('job.closed')).toEqual([expect.objectContaining({ outcome: 'cancelled' })]);
  });

  test('a BPMN error from a worker that nothing catches is an incident on the task', async () => {
    const d = await drive(definitions(line(serviceTask('lookup', 'lookup'))));
    d.start();
    d.throwError('lookup', 'NOT_FOUND');
    expect(d.incidents()).toEqual([{ el: 'lookup', code: 'UNHANDLED_ERROR' }]);
    expect(d.status).toBe('active');
  });
});

describe('send and receive tasks', () => {
  test('a send task publishes its message with the correlation key and its input variables, then goes on', async () => {
    const d = await drive(definitions(message('m', 'report-up', '=caseId') + line(
      node('sendTask', 'report', 'messageRef="m"', `<bpmn:extensionElements>${io({ caseId: '=caseId', summary: '="case " + caseId' })}</bpmn:extensionElements>`),
      userTask('after'),
    )));
    d.start({ caseId: 'T-7', secret: 'x' });
    expect(d.effectsOf('message.published')).toEqual([expect.objectContaining({ name: 'report-up', correlationKey: 'T-7', variables: { caseId: 'T-7', summary: 'case T-7' } })]);
    expect(d.active()).toEqual(['after']);
  });

  test('a send task with a task definition is carried out by a job worker', async () => {
    const d = await drive(definitions(line(node('sendTask', 'notify', '', '<bpmn:extensionElements><zeebe:taskDefinition type="sms"/></bpmn:extensionElements>'))));
    d.start();
    expect(d.job('notify').jobType).toBe('sms');
    expect(d.effectsOf('message.published')).toEqual([]);
  });

  test('a receive task subscribes with its correlation key and goes on with the message variables when it arrives', async () => {
    const d = await drive(definitions(message('m', 'county-decision', '=caseId') + line(node('receiveTask', 'await', 'messageRef="m"'), userTask('issue'))));
    d.start({ caseId: 'A-1' });
    expect(d.openWaits()).toEqual([expect.objectContaining({ el: 'await', kind: 'msg', name: 'county-decision', correlationKey: 'A-1' })]);
    d.fire('await', { approved: true });
    expect(d.active()).toEqual(['issue']);
    expect(d.vars()).toEqual({ caseId: 'A-1', approved: true });
    expect(d.effectsOf('message.unsubscribed')).toHaveLength(1);
  });
});

describe('tasks without work of their own, business rules and scripts', () => {
  test('an abstract task and a manual task pass the token straight on', async () => {
    const d = await drive(definitions(line(task('note'), node('manualTask', 'stamp'), userTask('after'))));
    d.start();
    expect(d.active()).toEqual(['after']);
    expect(d.completed()).toEqual(['start', 'note', 'stamp']);
  });

  test('a business-rule task with a task definition is decided by a job worker', async () => {
    const d = await drive(definitions(line(node('businessRuleTask', 'eligibility', '', '<bpmn:extensionElements><zeebe:taskDefinition type="eligibility-rules" retries="5"/></bpmn:extensionElements>'))));
    d.start({ age: 70 });
    expect(d.job('eligibility')).toMatchObject({ jobType: 'eligibility-rules', retries: 5 });
    d.completeJob('eligibility', { eligible: true });
    expect(d.vars()).toEqual({ age: 70, eligible: true });
  });

  test('a FEEL script task computes its result variable inside the step', async () => {
    const d = await drive(definitions(line(
      node('scriptTask', 'fee', '', '<bpmn:extensionElements><zeebe:script expression="=sum(items) * 2" resultVariable="fee"/></bpmn:extensionElements>'),
      node('scriptTask', 'label', 'scriptFormat="feel" zeebe:resultVariable="label"', '<bpmn:script>="fee " + string(fee)</bpmn:script>'),
      userTask('pay'),
    )));
    d.start({ items: [1, 2, 3] });
    expect(d.vars()).toEqual({ items: [1, 2, 3], fee: 12, label: 'fee 12' });
    expect(d.active()).toEqual(['pay']);
  });

  test('a script whose result is not data raises an incident, and runs again once the variables are fixed', async () => {
    // With `ready` false the expression yields the function `count` itself, which no variable can hold.
    const d = await drive(definitions(line(
      node('scriptTask', 'fee', '', '<bpmn:extensionElements><zeebe:script expression="=if ready then count(items) + 1 else count" resultVariable="fee"/></bpmn:extensionElements>'),
      userTask('pay'),
    )));
    d.start({ ready: false, items: [1, 2] });
    expect(d.incidents()).toEqual([{ el: 'fee', code: expect.any(String) }]);
    expect(d.active()).toEqual(['fee']);
    d.setVariables({ ready: true });
    d.resolveIncident('fee');
    expect(d.vars().fee).toBe(3);
    expect(d.active()).toEqual(['pay']);
  });
});
