import { describe, expect, test } from '@jest/globals';
import { definitions, end, process, seq, serviceTask, start, userTask } from '../support/bpmn.js';
import {
  XSI, boundary, conditionDef, endWith, error, errorDef, escalation, escalationDef, eventSubProcess, gateway, io, message,
  messageDef, node, startWith, subProcess, task, throwEvent, timerDef,
} from './elements.js';
import { HOUR, MONDAY_9AM, drive } from './driver.js';

/** The main flow: start -> review (user task) -> end, beside the given event sub-processes. */
const reviewWith = (roots: string, ...eventSubProcesses: string[]) => definitions(roots + process('p',
  start(), userTask('review'), end(), seq('start', 'review', 'end'), ...eventSubProcesses,
), XSI);

/** An event sub-process whose start event `startId` leads to the user task `taskId`. */
const onEvent = (id: string, startId: string, definition: string, taskId: string, interrupting = true) =>
  eventSubProcess(id, startWith(startId, definition, interrupting) + userTask(taskId) + end(`${id}_end`) + seq(startId, taskId, `${id}_end`));

const callModel = (attrs = '', ext = '', after = '') => definitions(error('E', 'REJECTED') + process('p',
  start(), node('callActivity', 'county', attrs, `<bpmn:extensionElements>${ext}</bpmn:extensionElements>`), userTask('issue'), end(),
  seq('start', 'county', 'issue', 'end'), after,
));

describe('embedded sub-processes', () => {
  test('a sub-process runs its own flow and, once all of it has ended, the process goes on after it', async () => {
    const d = await drive(definitions(process('p',
      start(), subProcess('check', start('s2') + gateway('parallel', 'fork') + userTask('a') + userTask('b') + end('ea') + end('eb')
        + seq('s2', 'fork') + seq('fork', 'a', 'ea') + seq('fork', 'b', 'eb')),
      userTask('after'), end(), seq('start', 'check', 'after', 'end'),
    )));
    d.start();
    expect(d.active()).toEqual(['a', 'b', 'check']);
    d.completeTask('a');
    expect(d.active()).toEqual(['b', 'check']);
    d.completeTask('b');
    expect(d.active()).toEqual(['after']);
  });

  test('a sub-process keeps its input variables local, and new variables set inside reach the process', async () => {
    const inputs = `<bpmn:extensionElements>${io({ limit: '=budget * 2' })}</bpmn:extensionElements>`;
    const d = await drive(definitions(process('p',
      start(), subProcess('check', inputs + start('s2') + userTask('a') + end('e2') + seq('s2', 'a', 'e2')), userTask('after'), end(),
      seq('start', 'check', 'after', 'end'),
    )));
    d.start({ budget: 5 });
    const check = d.keyOf('check');
    expect(d.vars(check)).toEqual({ limit: 10 });
    d.completeTask('a', { verdict: 'ok', limit: 12 });
    expect(d.vars()).toEqual({ budget: 5, verdict: 'ok' });
    expect(d.state.vars[check]).toBeUndefined();
  });
});

describe('event sub-processes', () => {
  test('an interrupting message event sub-process ends the main flow and the instance completes when it ends', async () => {
    const d = await drive(reviewWith(message('m', 'withdraw'), onEvent('on_withdraw', 'w', messageDef('m'), 'archive')));
    d.start();
    expect(d.listening()).toEqual(['w']);
    d.fire('w', { reason: 'moved' });
    expect(d.active()).toEqual(['archive', 'on_withdraw']);
    expect(d.effectsOf('task.closed')).toEqual([expect.objectContaining({ outcome: 'cancelled' })]);
    expect(d.vars()).toEqual({ reason: 'moved' });
    expect(d.openWaits()).toEqual([]);
    d.completeTask('archive');
    expect(d.status).toBe('completed');
  });

  test('a non-interrupting message event sub-process runs beside the main flow and keeps listening', async () => {
    const d = await drive(reviewWith(message('m', 'inquiry'), onEvent('on_inquiry', 'q', messageDef('m'), 'answer', false)));
    d.start();
    d.fire('q');
    d.fire('q');
    expect(d.active()).toEqual(['answer', 'answer', 'on_inquiry', 'on_inquiry', 'review']);
    expect(d.listening()).toEqual(['q']);
  });

  test('the instance waits for a running non-interrupting event sub-process before it completes', async () => {
    const d = await drive(reviewWith(message('m', 'inquiry'), onEvent('on_inquiry', 'q', messageDef('m'), 'answer', false)));
    d.start();
    d.fire('q');
    d.completeTask('review');
    expect(d.status).toBe('active');
    expect(d.listening()).toEqual(['q']);
    d.completeTask('answer');
    expect(d.status).toBe('completed');
    expect(d.openWaits()).toEqual([]);
  });

  test('a non-interrupting timer event sub-process repeats on its cycle while the scope is active', async () => {
    const d = await drive(reviewWith('', onEvent('on_tick', 'tick', timerDef('timeCycle', 'R2/PT4H'), 'remind', false)));
    d.start();
    expect(d.timer('tick').due).toBe(MONDAY_9AM + 4 * HOUR);
    d.fire('tick');
    expect(d.timer('tick').due).toBe(MONDAY_9AM + 8 * HOUR);
    d.fire('tick');
    expect(d.waitsFor('tick')).toEqual([]);
    expect(d.keysOf('remind')).toHaveLength(2);
  });

  test('an error event sub-process catches a BPMN error thrown by a worker in its scope', async () => {
    const d = await drive(definitions(error('E', 'NO_RECORD') + process('p',
      start(), serviceTask('lookup', 'lookup'), end(), seq('start', 'lookup', 'end'),
      onEvent('on_error', 'oops', errorDef('E'), 'by_hand'),
    )));
    d.start();
    d.throwError('lookup', 'NO_RECORD', { detail: 'x' });
    expect(d.active()).toEqual(['by_hand', 'on_error']);
    expect(d.vars()).toEqual({ detail: 'x' });
  });

  test('an escalation event sub-process in a sub-process catches an escalation thrown inside it without interrupting', async () => {
    const d = await drive(definitions(escalation('X', 'LATE') + process('p',
      start(), subProcess('work', start('s2') + throwEvent('raise', escalationDef('X')) + userTask('a') + end('e2') + seq('s2', 'raise', 'a', 'e2')
        + onEvent('on_late', 'late', escalationDef('X'), 'notify', false)),
      userTask('after'), end(), seq('start', 'work', 'after', 'end'),
    )));
    d.start();
    expect(d.active()).toEqual(['a', 'notify', 'on_late', 'work']);
    d.completeTask('a');
    d.completeTask('notify');
    expect(d.active()).toEqual(['after']);
  });

  test('a conditional event sub-process starts when variables make its condition true', async () => {
    const d = await drive(reviewWith('', onEvent('on_urgent', 'urgent', conditionDef('=priority = "high"'), 'expedite', false)));
    d.start({ priority: 'low' });
    expect(d.active()).toEqual(['review']);
    d.setVariables({ priority: 'high' });
    expect(d.active()).toEqual(['expedite', 'on_urgent', 'review']);
  });

  test('an event sub-process in a sub-process listens only while that sub-process is active', async () => {
    const d = await drive(definitions(message('m', 'inquiry') + process('p',
      start(), subProcess('work', start('s2') + userTask('a') + end('e2') + seq('s2', 'a', 'e2') + onEvent('on_q', 'q', messageDef('m'), 'answer', false)),
      userTask('after'), end(), seq('start', 'work', 'after', 'end'),
    )));
    d.start();
    expect(d.openWaits()).toEqual([expect.objectContaining({ el: 'q', key: d.keyOf('work') })]);
    d.completeTask('a');
    expect(d.openWaits()).toEqual([]);
    expect(d.active()).toEqual(['after']);
  });

  test('an interrupting event sub-process in a sub-process ends the sub-process content, and the sub-process completes after it', async () => {
    const d = await drive(definitions(message('m', 'stop') + process('p',
      start(), subProcess('work', start('s2') + userTask('a') + end('e2') + seq('s2', 'a', 'e2') + onEvent('on_stop', 'stop', messageDef('m'), 'wrap_up')),
      userTask('after'), end(), seq('start', 'work', 'after', 'end'),
    )));
    d.start();
    d.fire('stop');
    expect(d.active()).toEqual(['on_stop', 'work', 'wrap_up']);
    d.completeTask('wrap_up');
    expect(d.active()).toEqual(['after']);
  });

  // Bug: the interrupting event sub-process terminates the scope's children but leaves tokens
  // waiting at a join of that scope, so the scope never completes after the event sub-process.
  test('an interrupting event sub-process also ends a branch whose token waits at a parallel join', async () => {
    const d = await drive(definitions(message('m', 'withdraw') + process('p',
      start(), gateway('parallel', 'fork'), task('quick'), userTask('slow'), gateway('parallel', 'join'), end(),
      seq('start', 'fork'), seq('fork', 'quick', 'join'), seq('fork', 'slow', 'join'), seq('join', 'end'),
      onEvent('on_withdraw', 'w', messageDef('m'), 'archive'),
    )));
    d.start();
    d.fire('w');
    d.completeTask('archive');
    expect(d.status).toBe('completed');
  });
});

describe('ad hoc sub-processes', () => {
  const adHoc = (ordering: 'Parallel' | 'Sequential') => definitions(process('p',
    start(), node('adHocSubProcess', 'gather', `ordering="${ordering}"`, userTask('id_card') + userTask('household') + userTask('photo') + task('copy') + seq('photo', 'copy')),
    userTask('after'), end(), seq('start', 'gather', 'after', 'end'),
  ));

  test('a parallel ad hoc sub-process starts all of its unconnected activities at once and completes when all are done', async () => {
    const d = await drive(adHoc('Parallel'));
    d.start();
    expect(d.active()).toEqual(['gather', 'household', 'id_card', 'photo']);
    d.completeTask('photo');
    d.completeTask('id_card');
    expect(d.completed()).toContain('copy');
    expect(d.active()).toEqual(['gather', 'household']);
    d.completeTask('household');
    expect(d.active()).toEqual(['after']);
  });

  test('a sequential ad hoc sub-process runs its activities one after another in document order', async () => {
    const d = await drive(adHoc('Sequential'));
    d.start();
    expect(d.active()).toEqual(['gather', 'id_card']);
    d.completeTask('id_card');
    expect(d.active()).toEqual(['gather', 'household']);
    d.completeTask('household');
    expect(d.active()).toEqual(['gather', 'photo']);
    d.completeTask('photo');
    expect(d.active()).toEqual(['after']);
  });
});

describe('call activities', () => {
  test('a call activity starts a child instance with the variables it can see, its input mappings included', async () => {
    const d = await drive(callModel('', `<zeebe:calledElement processId="county-review"/>${io({ level: '="county"' })}`));
    d.start({ caseId: 'C-1' });
    expect(d.child('county')).toMatchObject({ key: d.keyOf('county'), processId: 'county-review', variables: { caseId: 'C-1', level: 'county' } });
    expect(d.active()).toEqual(['county']);
  });

  test('a call activity goes on with the child\'s variables when the child completes', async () => {
    const d = await drive(callModel('calledElement="county-review"'));
    d.start({ caseId: 'C-1' });
    d.endChild('county', { approved: true });
    expect(d.active()).toEqual(['issue']);
    expect(d.vars()).toEqual({ caseId: 'C-1', approved: true });
    expect(d.children()).toEqual([]);
  });

  test('a called process id given as FEEL is evaluated when the call activity starts', async () => {
    const d = await drive(callModel('', '<zeebe:calledElement processId="=level + &quot;-review&quot;"/>'));
    d.start({ level: 'city' });
    expect(d.child('county').processId).toBe('city-review');
  });

  // Bug: with propagateAllChildVariables="false" the child's variables are dropped before the
  // output mappings run, so the mappings cannot read them (Zeebe maps from the child's variables).
  test('a call activity that does not propagate all child variables hands back only what its output mappings take from the child', async () => {
    const d = await drive(callModel('', `<zeebe:calledElement processId="county-review" propagateAllChildVariables="false"/>${io({}, { decision: '=result' })}`));
    d.start({ caseId: 'C-1' });
    d.endChild('county', { result: 'approved', noise: 1 });
    expect(d.vars()).toEqual({ caseId: 'C-1', decision: 'approved' });
  });

  test('a BPMN error that ends the child is caught by an error boundary event on the call activity', async () => {
    const d = await drive(callModel('calledElement="county-review"', '', boundary('rejected', 'county', errorDef('E')) + userTask('appeal') + end('e2') + seq('rejected', 'appeal', 'e2')));
    d.start();
    d.endChild('county', { why: 'incomplete' }, { code: 'REJECTED', message: 'rejected by county' });
    expect(d.active()).toEqual(['appeal']);
    expect(d.vars()).toEqual({ why: 'incomplete' });
  });

  test('an interrupting boundary event on a call activity cancels the child instance', async () => {
    const d = await drive(callModel('calledElement="county-review"', '', boundary('late', 'county', timerDef('timeDuration', 'P10D')) + userTask('chase') + end('e2') + seq('late', 'chase', 'e2')));
    d.start();
    const childId = d.child('county').childId;
    d.fire('late');
    expect(d.effectsOf('child.cancelled')).toEqual([expect.objectContaining({ childId })]);
    expect(d.children()).toEqual([]);
    expect(d.active()).toEqual(['chase']);
  });

  test('cancelling the parent cancels its running child', async () => {
    const d = await drive(callModel('calledElement="county-review"'));
    d.start();
    d.cancel();
    expect(d.status).toBe('terminated');
    expect(d.effectsOf('child.cancelled')).toHaveLength(1);
    expect(d.effectsOf('instance.ended')).toEqual([expect.objectContaining({ status: 'terminated' })]);
  });

  test('a child instance reports its variables to the parent when it completes', async () => {
    const d = await drive(definitions(process('p', start(), userTask('decide'), end(), seq('start', 'decide', 'end'))), { instanceId: 'i1.3' });
    d.start({ caseId: 'C-1' }, { parent: { instanceId: 'i1', key: '3' } });
    d.completeTask('decide', { approved: true });
    expect(d.effectsOf('parent.completed')).toEqual([expect.objectContaining({ parent: { instanceId: 'i1', key: '3' }, variables: { caseId: 'C-1', approved: true } })]);
  });

  test('a child instance whose BPMN error nothing catches reports it to the parent and terminates', async () => {
    const d = await drive(definitions(error('E', 'REJECTED') + process('p', start(), userTask('decide'), endWith('reject', errorDef('E')), seq('start', 'decide', 'reject'))), { instanceId: 'i1.3' });
    d.start({}, { parent: { instanceId: 'i1', key: '3' } });
    d.completeTask('decide', { why: 'late' });
    expect(d.effectsOf('parent.errored')).toEqual([expect.objectContaining({ code: 'REJECTED', parent: { instanceId: 'i1', key: '3' } })]);
    expect(d.status).toBe('terminated');
    expect(d.incidents()).toEqual([]);
  });
});
