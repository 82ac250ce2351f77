import { describe, expect, test } from '@jest/globals';
import { definitions, end, process, seq, start, userTask } from '../support/bpmn.js';
import { XSI, boundary, multiInstance, standardLoop, subProcess, timerDef } from './elements.js';
import { drive } from './driver.js';
import type { Driver } from './driver.js';

/** start -> `work` (a user task with the given loop, assigned by FEEL) -> after -> end, plus extras. */
const looped = (loop: string, extras = '') => definitions(process('p',
  start(), `<bpmn:userTask id="work"><bpmn:extensionElements><zeebe:assignmentDefinition assignee="=item"/></bpmn:extensionElements>${loop}</bpmn:userTask>`,
  userTask('after'), end(), seq('start', 'work', 'after', 'end'), extras,
), XSI);

/** The open `work` tasks, oldest first, each with its iteration's local variables. */
function workItems(d: Driver) {
  return d.tasks().filter((t) => t.elementId === 'work').map((t) => ({ assignee: t.assignee, local: d.vars(t.key) }));
}

function completeWork(d: Driver, nth: number, variables?: Record<string, unknown>) {
  const task = d.tasks().filter((t) => t.elementId === 'work')[nth]!;
  return d.send({ type: 'complete', key: task.key, variables });
}

describe('standard loops', () => {
  test('a standard loop without testBefore runs its activity once before it tests the condition', async () => {
    const d = await drive(looped(standardLoop({ condition: '=not(passed)' })));
    d.start({ passed: true });
    expect(workItems(d)).toEqual([expect.objectContaining({ local: { loopCounter: 1 } })]);
    completeWork(d, 0);
    expect(d.active()).toEqual(['after']);
    expect(d.effectsOf('task.created').filter((t) => t.elementId === 'work')).toHaveLength(1);
  });

  test('a standard loop repeats its activity while its condition holds, counting iterations in loopCounter', async () => {
    const d = await drive(looped(standardLoop({ condition: '=not(passed)' })));
    d.start({ passed: false });
    expect(workItems(d)).toEqual([expect.objectContaining({ local: { loopCounter: 1 } })]);
    completeWork(d, 0, { passed: false });
    expect(workItems(d)).toEqual([expect.objectContaining({ local: { loopCounter: 2 } })]);
    completeWork(d, 0, { passed: true });
    expect(d.active()).toEqual(['after']);
    expect(d.effectsOf('task.created').filter((t) => t.elementId === 'work')).toHaveLength(2);
  });

  test('a standard loop with testBefore skips its activity when the condition is false from the start', async () => {
    const d = await drive(looped(standardLoop({ condition: '=not(passed)', testBefore: true })));
    d.start({ passed: true });
    expect(d.active()).toEqual(['after']);
    expect(d.effectsOf('task.created').filter((t) => t.elementId === 'work')).toEqual([]);
  });

  test('a standard loop with testBefore tests the condition before every iteration', async () => {
    const d = await drive(looped(standardLoop({ condition: '=not(passed)', testBefore: true })));
    d.start({ passed: false });
    completeWork(d, 0, { passed: false });
    completeWork(d, 0, { passed: true });
    expect(d.active()).toEqual(['after']);
    expect(d.effectsOf('task.created').filter((t) => t.elementId === 'work')).toHaveLength(2);
  });

  test('loopMaximum caps the iterations even while the condition still holds', async () => {
    const d = await drive(looped(standardLoop({ condition: '=true', maximum: 3 })));
    d.start();
    for (let i = 0; i < 3; i++) completeWork(d, 0);
    expect(d.active()).toEqual(['after']);
    expect(d.effectsOf('task.created').filter((t) => t.elementId === 'work')).toHaveLength(3);
  });
});

describe('parallel multi-instance', () => {
  test('a parallel multi-instance activity starts one instance per collection element at once, each with its own element and counter', async () => {
    const d = await drive(looped(multiInstance({ collection: '=clerks', element: 'item' })));
    d.start({ clerks: ['li', 'wang', 'zhao'] });
    expect(workItems(d)).toEqual([
      { assignee: 'li', local: { loopCounter: 1, item: 'li' } },
      { assignee: 'wang', local: { loopCounter: 2, item: 'wang' } },
      { assignee: 'zhao', local: { loopCounter: 3, item: 'zhao' } },
    ]);
    completeWork(d, 1);
    completeWork(d, 0);
    expect(d.active()).toEqual(['work', 'work']);
    completeWork(d, 0);
    expect(d.active()).toEqual(['after']);
  });

  test('the output collection keeps the collection\'s order, whatever order the instances complete in', async () => {
    const d = await drive(looped(multiInstance({ collection: '=clerks', element: 'item', output: ['votes', '=vote'] })));
    d.start({ clerks: ['li', 'wang', 'zhao'] });
    completeWork(d, 2, { vote: 'no' });
    completeWork(d, 0, { vote: 'yes' });
    completeWork(d, 0, { vote: 'abstain' });
    expect(d.vars().votes).toEqual(['yes', 'abstain', 'no']);
  });

  test('a loop cardinality starts that many instances, numbered by loopCounter', async () => {
    const d = await drive(looped(multiInstance({ cardinality: '=copies' })));
    d.start({ copies: 3 });
    expect(workItems(d).map((w) => w.local)).toEqual([{ loopCounter: 1 }, { loopCounter: 2 }, { loopCounter: 3 }]);
  });

  test('a completion condition ends the remaining instances early and the activity completes', async () => {
    const d = await drive(looped(multiInstance({ collection: '=clerks', element: 'item', completion: '=numberOfCompletedInstances >= 2' })));
    d.start({ clerks: ['li', 'wang', 'zhao'] });
    completeWork(d, 0);
    completeWork(d, 0);
    expect(d.active()).toEqual(['after']);
    expect(d.effectsOf('task.closed').map((t) => t.outcome)).toEqual(['completed', 'completed', 'cancelled']);
  });

  // Bug: the output collection starts empty and grows as instances complete; Zeebe creates it
  // as one null per instance, so an instance cut off by the completion condition leaves null.
  test('instances cut off by the completion condition leave null in the output collection', async () => {
    const d = await drive(looped(multiInstance({ collection: '=clerks', element: 'item', output: ['votes', '=vote'], completion: '=numberOfCompletedInstances >= 2' })));
    d.start({ clerks: ['li', 'wang', 'zhao'] });
    completeWork(d, 2, { vote: 'no' });
    completeWork(d, 0, { vote: 'yes' });
    expect(d.vars().votes).toEqual(['yes', null, 'no']);
  });

  // Bug: the output element variable is not created in each instance's local scope, so
  // a variable of that name set inside an instance goes to the process and the instances
  // overwrite each other's output (Zeebe nil-initializes it locally per inner instance).
  test('each instance of a multi-instance sub-process collects its own output, not the one another instance set last', async () => {
    const inner = start('s2') + userTask('decide') + userTask('confirm') + end('e2') + seq('s2', 'decide', 'confirm', 'e2');
    const d = await drive(definitions(process('p',
      start(), subProcess('vote', inner + multiInstance({ collection: '=clerks', element: 'clerk', output: ['votes', '=vote'] })), userTask('after'), end(),
      seq('start', 'vote', 'after', 'end'),
    ), XSI));
    d.start({ clerks: ['li', 'wang'] });
    const [first, second] = d.tasks().filter((t) => t.elementId === 'decide');
    d.send({ type: 'complete', key: first!.key, variables: { vote: 'yes' } });
    d.send({ type: 'complete', key: second!.key, variables: { vote: 'no' } });
    for (const task of d.tasks().filter((t) => t.elementId === 'confirm')) d.send({ type: 'complete', key: task.key });
    expect(d.vars()).toEqual({ clerks: ['li', 'wang'], votes: ['yes', 'no'] });
  });

  test('an empty collection completes the activity at once with an empty output collection', async () => {
    const d = await drive(looped(multiInstance({ collection: '=clerks', element: 'item', output: ['votes', '=vote'] })));
    d.start({ clerks: [] });
    expect(d.active()).toEqual(['after']);
    expect(d.vars().votes).toEqual([]);
  });

  test('an input collection that is not a list raises an incident on the multi-instance activity', async () => {
    const d = await drive(looped(multiInstance({ collection: '=clerks', element: 'item' })));
    d.start({ clerks: 'li' });
    expect(d.incidents()).toEqual([{ el: 'work', code: expect.any(String) }]);
    expect(d.tasks()).toEqual([]);
  });

  test('an interrupting boundary event on a multi-instance activity ends every instance', async () => {
    const d = await drive(looped(multiInstance({ collection: '=clerks', element: 'item' }),
      boundary('late', 'work', timerDef('timeDuration', 'P3D')) + userTask('chase') + end('e2') + seq('late', 'chase', 'e2')));
    d.start({ clerks: ['li', 'wang'] });
    expect(d.listening()).toEqual(['late']);
    d.fire('late');
    expect(d.active()).toEqual(['chase']);
    expect(d.tasks().map((t) => t.elementId)).toEqual(['chase']);
  });
});

describe('sequential multi-instance', () => {
  test('a sequential multi-instance activity runs one instance at a time, in collection order', async () => {
    const d = await drive(looped(multiInstance({ sequential: true, collection: '=clerks', element: 'item', output: ['votes', '=vote'] })));
    d.start({ clerks: ['li', 'wang', 'zhao'] });
    const assignees: unknown[] = [];
    while (d.tasks().some((t) => t.elementId === 'work')) {
      const [only] = workItems(d);
      assignees.push(only!.assignee);
      expect(workItems(d)).toHaveLength(1);
      completeWork(d, 0, { vote: `${only!.assignee}:${String(only!.local.loopCounter)}` });
    }
    expect(assignees).toEqual(['li', 'wang', 'zhao']);
    expect(d.vars().votes).toEqual(['li:1', 'wang:2', 'zhao:3']);
    expect(d.active()).toEqual(['after']);
  });

  test('a sequential multi-instance activity stops starting instances once its completion condition holds', async () => {
    const d = await drive(looped(multiInstance({ sequential: true, cardinality: '5', completion: '=done' })));
    d.start({ done: false });
    completeWork(d, 0);
    completeWork(d, 0, { done: true });
    expect(d.active()).toEqual(['after']);
    expect(d.effectsOf('task.created').filter((t) => t.elementId === 'work')).toHaveLength(2);
  });
});
