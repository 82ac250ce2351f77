import { describe, expect, test } from '@jest/globals';
import { rulesBroken, straightProcess } from './check.js';

const compensation = (handlerAttrs: string) => straightProcess(undefined, `
  <boundaryEvent id="undo" attachedToRef="task"><compensateEventDefinition/></boundaryEvent>
  <task id="handler" ${handlerAttrs}/>
  <association id="a" sourceRef="undo" targetRef="handler"/>`);

describe('event constraints', () => {
  test('a compensation boundary event associated with a compensation task is accepted', async () => {
    expect(await rulesBroken(compensation('isForCompensation="true"'))).toEqual([]);
  });

  test('a compensation boundary event whose handler is not marked for compensation is refused under EXT.144', async () => {
    // Unmarked, the handler is an ordinary task left without flows, which EXT.150/151 report too.
    expect(await rulesBroken(compensation(''))).toEqual(['EXT.144', 'EXT.150', 'EXT.151']);
  });

  test('a process started by an instantiating receive task may end without a start event', async () => {
    const process = `<message id="m" name="m"/>
<process id="p" isExecutable="true">
  <receiveTask id="r" instantiate="true" messageRef="m"><outgoing>f</outgoing></receiveTask>
  <endEvent id="end"><incoming>f</incoming></endEvent>
  <sequenceFlow id="f" sourceRef="r" targetRef="end"/>
</process>`;
    expect(await rulesBroken(process)).toEqual([]);
  });

  test('a timer whose duration is an expression is left for run time, a malformed literal is refused under EXT.134', async () => {
    const timer = (body: string) => straightProcess(undefined, `
  <boundaryEvent id="late" attachedToRef="task"><outgoing>f3</outgoing>
    <timerEventDefinition><timeDuration xsi:type="tFormalExpression">${body}</timeDuration></timerEventDefinition>
  </boundaryEvent>
  <endEvent id="lateEnd"><incoming>f3</incoming></endEvent>
  <sequenceFlow id="f3" sourceRef="late" targetRef="lateEnd"/>`);
    expect(await rulesBroken(timer('=duration'))).toEqual([]);
    expect(await rulesBroken(timer('PT5M'))).toEqual([]);
    expect(await rulesBroken(timer('five minutes'))).toEqual(['EXT.134']);
  });
});
