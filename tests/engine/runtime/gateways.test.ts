import { describe, expect, test } from '@jest/globals';
import { definitions, end, flow, process, seq, start, userTask } from '../support/bpmn.js';
import { activeElements, testEngine } from '../support/harness.js';

const gateway = (kind: string, id: string, attrs = '') => `<bpmn:${kind} id="${id}" ${attrs}/>`;

describe('gateways', () => {
  test('an exclusive gateway takes the first flow whose condition holds, else its default', async () => {
    const xml = definitions(process('route',
      start(), gateway('exclusiveGateway', 'g', 'default="toC"'), userTask('a'), userTask('b'), userTask('c'), end(),
      seq('start', 'g'), seq('a', 'end'), seq('b', 'end'), seq('c', 'end'), flow('toA', 'g', 'a', '=amount > 1000'), flow('toB', 'g', 'b', '=amount > 100'), flow('toC', 'g', 'c'),
    ));
    const { engine } = testEngine();
    await engine.deploy(xml);
    const big = await engine.start('route', { amount: 5000 });
    const mid = await engine.start('route', { amount: 500 });
    const small = await engine.start('route', { amount: 5 });
    expect(await activeElements(engine, big.id)).toEqual(['a']);
    expect(await activeElements(engine, mid.id)).toEqual(['b']);
    expect(await activeElements(engine, small.id)).toEqual(['c']);
  });

  test('an exclusive gateway with no holding condition and no default raises an incident, fixed by new variables', async () => {
    const xml = definitions(process('route',
      start(), gateway('exclusiveGateway', 'g'), userTask('a'), userTask('b'), end(),
      seq('start', 'g'), seq('a', 'end'), seq('b', 'end'), flow('toA', 'g', 'a', '=kind = "a"'), flow('toB', 'g', 'b', '=kind = "b"'),
    ));
    const { engine } = testEngine();
    await engine.deploy(xml);
    const instance = await engine.start('route', { kind: 'z' });
    const [incident] = await engine.incidents(instance.id);
    expect(incident).toMatchObject({ elementId: 'g', code: 'NO_FLOW_HOLDS' });
    await engine.setVariables(instance.id, { kind: 'b' });
    await engine.resolveIncident(instance.id, incident!.key);
    expect(await activeElements(engine, instance.id)).toEqual(['b']);
  });

  test('a parallel gateway forks three reviews and joins them before the decision', async () => {
    const xml = definitions(process('joint',
      start(), gateway('parallelGateway', 'fork'), userTask('r1'), userTask('r2'), userTask('r3'), gateway('parallelGateway', 'join'), userTask('decide'), end(),
      seq('start', 'fork'), seq('fork', 'r1', 'join'), seq('fork', 'r2', 'join'), seq('fork', 'r3', 'join'), seq('join', 'decide', 'end'),
    ));
    const { engine } = testEngine();
    await engine.deploy(xml);
    const instance = await engine.start('joint');
    expect(await activeElements(engine, instance.id)).toEqual(['r1', 'r2', 'r3']);
    for (const id of ['r1', 'r2']) await engine.completeTask((await engine.tasks({ elementId: id }))[0]!.id);
    expect(await activeElements(engine, instance.id)).toEqual(['r3']);
    await engine.completeTask((await engine.tasks({ elementId: 'r3' }))[0]!.id);
    expect(await activeElements(engine, instance.id)).toEqual(['decide']);
  });

  test('an inclusive join waits only for the branches that were taken', async () => {
    const xml = definitions(process('incl',
      start(), gateway('inclusiveGateway', 'split'), userTask('a'), userTask('b'), userTask('c'), gateway('inclusiveGateway', 'join'), userTask('after'), end(),
      seq('start', 'split'),
      flow('sa', 'split', 'a', '=list contains(parts, "a")'), flow('sb', 'split', 'b', '=list contains(parts, "b")'), flow('sc', 'split', 'c', '=list contains(parts, "c")'),
      seq('a', 'join'), seq('b', 'join'), seq('c', 'join'), seq('join', 'after', 'end'),
    ));
    const { engine } = testEngine();
    await engine.deploy(xml);
    const instance = await engine.start('incl', { parts: ['a', 'c'] });
    expect(await activeElements(engine, instance.id)).toEqual(['a', 'c']);
    await engine.completeTask((await engine.tasks({ elementId: 'a' }))[0]!.id);
    expect(await activeElements(engine, instance.id)).toEqual(['c']);
    await engine.completeTask((await engine.tasks({ elementId: 'c' }))[0]!.id);
    expect(await activeElements(engine, instance.id)).toEqual(['after']);
  });

  test('an event-based gateway follows whichever event comes first and drops the other', async () => {
    const xml = definitions(`<bpmn:message id="m" name="materials-arrived"><bpmn:extensionElements><zeebe:subscription correlationKey="=caseId"/></bpmn:extensionElements></bpmn:message>` + process('wait',
      start(), gateway('eventBasedGateway', 'g'),
      `<bpmn:intermediateCatchEvent id="arrived"><bpmn:messageEventDefinition messageRef="m"/></bpmn:intermediateCatchEvent>`,
      `<bpmn:intermediateCatchEvent id="timeout"><bpmn:timerEventDefinition><bpmn:timeDuration>P5D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>`,
      userTask('review'), userTask('reject'), end(),
      seq('start', 'g'), seq('g', 'arrived', 'review', 'end'), seq('g', 'timeout', 'reject', 'end'),
    ));
    const { engine } = testEngine();
    await engine.deploy(xml);
    const first = await engine.start('wait', { caseId: 'A1' });
    const second = await engine.start('wait', { caseId: 'A2' });
    await engine.correlateMessage('materials-arrived', 'A1', { pages: 3 });
    await engine.idle();
    expect(await activeElements(engine, first.id)).toEqual(['review']);
    expect((await engine.instance(first.id))?.variables).toMatchObject({ pages: 3 });
    await engine.advanceTime(5 * 86_400_000);
    expect(await activeElements(engine, first.id)).toEqual(['review']);
    expect(await activeElements(engine, second.id)).toEqual(['reject']);
  });
});
