import { describe, expect, test } from '@jest/globals';
import { definitions, end, flow, process, seq, start, userTask } from '../support/bpmn.js';
import { XSI, catchEvent, conditionDef, gateway, message, messageDef, node, signal, signalDef, task, timerDef } from './elements.js';
import { HOUR, MONDAY_9AM, drive } from './driver.js';

/** start -> split -> a | b | c (user tasks) -> join -> after -> end, with conditions on the split's flows. */
function diamond(split: 'exclusive' | 'inclusive' | 'complex', join: 'exclusive' | 'inclusive' | 'complex' | 'parallel', conditions: [string?, string?, string?], splitAttrs = '') {
  const branches = ['a', 'b', 'c'];
  return definitions(process('p',
    start(), gateway(split, 'split', splitAttrs), ...branches.map((b) => userTask(b)), gateway(join, 'join'), userTask('after'), end(),
    seq('start', 'split'), ...branches.map((b, i) => flow(`to_${b}`, 'split', b, conditions[i])), ...branches.map((b) => seq(b, 'join')), seq('join', 'after', 'end'),
  ));
}

describe('exclusive gateways', () => {
  const route = diamond('exclusive', 'exclusive', ['=amount > 1000', '=amount > 100'], 'default="to_c"');

  test('an exclusive gateway takes the first flow whose condition holds, in document order', async () => {
    const d = await drive(route);
    d.start({ amount: 5000 });
    expect(d.active()).toEqual(['a']);
  });

  test('an exclusive gateway takes its default flow when no condition holds', async () => {
    const d = await drive(route);
    d.start({ amount: 5 });
    expect(d.active()).toEqual(['c']);
  });

  test('an exclusive gateway with no holding condition and no default raises an incident, resolved after the variables are fixed', async () => {
    const d = await drive(diamond('exclusive', 'exclusive', ['=kind = "a"', '=kind = "b"', '=kind = "c"']));
    d.start({ kind: 'z' });
    expect(d.incidents()).toEqual([{ el: 'split', code: 'NO_FLOW_HOLDS' }]);
    d.setVariables({ kind: 'b' });
    d.resolveIncident('split');
    expect(d.active()).toEqual(['b']);
  });

  test('an exclusive gateway merging branches passes each token on without waiting for the others', async () => {
    const d = await drive(definitions(process('p',
      start(), gateway('parallel', 'fork'), userTask('a'), userTask('b'), gateway('exclusive', 'merge'), userTask('after'), end(),
      seq('start', 'fork'), seq('fork', 'a', 'merge'), seq('fork', 'b', 'merge'), seq('merge', 'after', 'end'),
    )));
    d.start();
    d.completeTask('a');
    expect(d.active()).toEqual(['after', 'b']);
    d.completeTask('b');
    expect(d.keysOf('after')).toHaveLength(2);
  });
});

describe('conditional flows out of an activity', () => {
  const notify = (extra = '') => definitions(process('p',
    start(), `<bpmn:task id="decide" default="to_file"/>`, userTask('sms'), userTask('letter'), userTask('file'), end('e1'), end('e2'), end('e3'),
    seq('start', 'decide'), flow('to_sms', 'decide', 'sms', '=phone != null'), flow('to_letter', 'decide', 'letter', '=address != null'),
    flow('to_file', 'decide', 'file'), seq('sms', 'e1'), seq('letter', 'e2'), seq('file', 'e3'), extra,
  ));

  test('an activity takes every conditional flow that holds, not its default flow', async () => {
    const d = await drive(notify());
    d.start({ phone: '139', address: 'Xiangcheng' });
    expect(d.active()).toEqual(['letter', 'sms']);
  });

  test('an activity takes its default flow only when none of its conditional flows holds', async () => {
    const d = await drive(notify());
    d.start({ phone: null, address: null });
    expect(d.active()).toEqual(['file']);
  });
});

describe('parallel gateways', () => {
  test('a parallel gateway forks every outgoing flow and joins only when a token came on each incoming flow', async () => {
    const d = await drive(definitions(process('p',
      start(), gateway('parallel', 'fork'), userTask('a'), userTask('b'), userTask('c'), gateway('parallel', 'join'), userTask('after'), end(),
      seq('start', 'fork'), seq('fork', 'a', 'join'), seq('fork', 'b', 'join'), seq('fork', 'c', 'join'), seq('join', 'after', 'end'),
    )));
    d.start();
    expect(d.active()).toEqual(['a', 'b', 'c']);
    d.completeTask('c');
    d.completeTask('a');
    expect(d.active()).toEqual(['b']);
    expect(d.state.joins).toEqual({ 0: { join: { c_join: 1, a_join: 1 } } });
    d.completeTask('b');
    expect(d.active()).toEqual(['after']);
    expect(d.state.joins).toEqual({});
    expect(d.eventsOf('joined')).toEqual([expect.objectContaining({ el: 'join', flows: ['a_join', 'b_join', 'c_join'] })]);
  });
});

describe('inclusive gateways', () => {
  const parts = ['=list contains(parts, "a")', '=list contains(parts, "b")', '=list contains(parts, "c")'] as [string, string, string];

  test('an inclusive gateway takes every flow whose condition holds, and its join waits only for those branches', async () => {
    const d = await drive(diamond('inclusive', 'inclusive', parts));
    d.start({ parts: ['a', 'c'] });
    expect(d.active()).toEqual(['a', 'c']);
    d.completeTask('a');
    expect(d.active()).toEqual(['c']);
    d.completeTask('c');
    expect(d.active()).toEqual(['after']);
    expect(d.eventsOf('joined')).toEqual([expect.objectContaining({ flows: ['a_join', 'c_join'] })]);
  });

  test('an inclusive join with one branch taken fires as soon as that branch arrives', async () => {
    const d = await drive(diamond('inclusive', 'inclusive', parts));
    d.start({ parts: ['b'] });
    d.completeTask('b');
    expect(d.active()).toEqual(['after']);
  });

  test('an inclusive gateway takes its default flow when no condition holds, and raises an incident when there is none', async () => {
    const withDefault = await drive(diamond('inclusive', 'inclusive', ['=false', '=false'], 'default="to_c"'));
    withDefault.start();
    expect(withDefault.active()).toEqual(['c']);
    const without = await drive(diamond('inclusive', 'inclusive', parts));
    without.start({ parts: [] });
    expect(without.incidents()).toEqual([{ el: 'split', code: 'NO_FLOW_HOLDS' }]);
  });

  test('an inclusive join waits for a branch that is still running upstream, even one that did not pass its split', async () => {
    // fork -> slow (user task) -> join; fork -> quick -> join: the quick token must wait for slow.
    const d = await drive(definitions(process('p',
      start(), gateway('parallel', 'fork'), userTask('slow'), task('quick'), gateway('inclusive', 'join'), userTask('after'), end(),
      seq('start', 'fork'), seq('fork', 'slow', 'join'), seq('fork', 'quick', 'join'), seq('join', 'after', 'end'),
    )));
    d.start();
    expect(d.active()).toEqual(['slow']);
    expect(d.state.joins).toEqual({ 0: { join: { quick_join: 1 } } });
    d.completeTask('slow');
    expect(d.active()).toEqual(['after']);
    expect(d.eventsOf('joined')).toHaveLength(1);
  });

  test('an inclusive join does not wait for a running branch that can no longer reach it', async () => {
    const d = await drive(definitions(process('p',
      start(), gateway('parallel', 'fork'), userTask('elsewhere'), end('e2'), gateway('exclusive', 'choose', 'default="to_quick"'),
      task('quick'), userTask('other'), gateway('inclusive', 'join'), userTask('after'), end(),
      seq('start', 'fork'), seq('fork', 'elsewhere', 'e2'), seq('fork', 'choose'), flow('to_quick', 'choose', 'quick'), flow('to_other', 'choose', 'other', '=false'),
      seq('quick', 'join'), seq('other', 'join'), seq('join', 'after', 'end'),
    )));
    d.start();
    expect(d.active()).toEqual(['after', 'elsewhere']);
  });

  test('an inclusive join fires once the branch it waited for turns away from it', async () => {
    const d = await drive(definitions(process('p',
      start(), gateway('inclusive', 'split'), userTask('a'), userTask('b'), gateway('exclusive', 'route', 'default="away"'), end('gone'),
      gateway('inclusive', 'join'), userTask('after'), end(),
      seq('start', 'split'), seq('split', 'a', 'join'), seq('split', 'b', 'route'), flow('back', 'route', 'join', '=rejoin'), flow('away', 'route', 'gone'),
      seq('join', 'after', 'end'),
    )));
    d.start();
    d.completeTask('a');
    expect(d.active()).toEqual(['b']);
    d.completeTask('b', { rejoin: false });
    expect(d.active()).toEqual(['after']);
  });
});

describe('complex gateways', () => {
  test('a complex gateway without an activation condition splits and joins like an inclusive gateway', async () => {
    const d = await drive(diamond('complex', 'complex', ['=x > 1', '=x > 2', '=x > 3']));
    d.start({ x: 3 });
    expect(d.active()).toEqual(['a', 'b']);
    d.completeTask('b');
    expect(d.active()).toEqual(['a']);
    d.completeTask('a');
    expect(d.active()).toEqual(['after']);
    expect(d.eventsOf('joined')).toEqual([expect.objectContaining({ el: 'join' })]);
  });
});

describe('event-based gateways', () => {
  const race = definitions(message('m', 'reply', '=caseId') + signal('s', 'recall') + process('p',
    start(), gateway('eventBased', 'race'), catchEvent('reply', messageDef('m')), catchEvent('timeout', timerDef('timeDuration', 'P2D')),
    catchEvent('recall', signalDef('s')), userTask('decide'), userTask('remind'), userTask('archive'), end(), end('e2'), end('e3'),
    seq('start', 'race'), seq('race', 'reply', 'decide', 'end'), seq('race', 'timeout', 'remind', 'e2'), seq('race', 'recall', 'archive', 'e3'),
  ));

  test('an event-based gateway listens for every event after it at once', async () => {
    const d = await drive(race);
    d.start({ caseId: 'C-1' });
    expect(d.active()).toEqual(['race']);
    expect(d.openWaits()).toEqual([
      expect.objectContaining({ el: 'reply', kind: 'msg', correlationKey: 'C-1' }),
      expect.objectContaining({ el: 'timeout', kind: 'timer', due: MONDAY_9AM + 48 * HOUR }),
      expect.objectContaining({ el: 'recall', kind: 'sig', name: 'recall' }),
    ]);
  });

  test('the first event to occur after an event-based gateway decides the path and the others are withdrawn', async () => {
    const d = await drive(race);
    d.start({ caseId: 'C-1' });
    d.fire('reply', { approved: true });
    expect(d.active()).toEqual(['decide']);
    expect(d.openWaits()).toEqual([]);
    expect(d.vars()).toEqual({ caseId: 'C-1', approved: true });
    expect(d.completed()).toEqual(['start', 'race', 'reply']);
  });

  test('a timer after an event-based gateway takes its path when it falls due', async () => {
    const d = await drive(race);
    d.start({ caseId: 'C-1' });
    d.fire('timeout');
    expect(d.active()).toEqual(['remind']);
    expect(d.effectsOf('message.unsubscribed')).toHaveLength(1);
    expect(d.effectsOf('signal.unsubscribed')).toHaveLength(1);
  });

  test('a conditional event after an event-based gateway wins as soon as its condition becomes true', async () => {
    const d = await drive(definitions(process('p',
      start(), gateway('eventBased', 'race'), catchEvent('paid', conditionDef('=paid')), catchEvent('timeout', timerDef('timeDuration', 'P2D')),
      userTask('issue'), userTask('remind'), end(), end('e2'),
      seq('start', 'race'), seq('race', 'paid', 'issue', 'end'), seq('race', 'timeout', 'remind', 'e2'),
    ), XSI));
    d.start({ paid: false });
    expect(d.active()).toEqual(['race']);
    d.setVariables({ paid: true });
    expect(d.active()).toEqual(['issue']);
    expect(d.openWaits()).toEqual([]);
  });

  test('an event-based gateway may lead to a receive task, which counts as having received the message', async () => {
    const d = await drive(definitions(message('m', 'reply') + process('p',
      start(), gateway('eventBased', 'race'), node('receiveTask', 'answer', 'messageRef="m"'), catchEvent('timeout', timerDef('timeDuration', 'P2D')),
      userTask('decide'), end(), end('e2'),
      seq('start', 'race'), seq('race', 'answer', 'decide', 'end'), seq('race', 'timeout', 'e2'),
    )));
    d.start();
    d.fire('answer', { text: 'ok' });
    expect(d.active()).toEqual(['decide']);
    expect(d.vars()).toEqual({ text: 'ok' });
  });
});
