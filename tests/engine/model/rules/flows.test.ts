import { describe, expect, test } from '@jest/globals';
import { rulesBroken, straightProcess } from './check.js';

describe('flow constraints', () => {
  test('a message flow between two pools is accepted', async () => {
    const roots = `<collaboration id="c">
  <participant id="office" processRef="p"/><participant id="citizen"/>
  <messageFlow id="m" sourceRef="citizen" targetRef="task"/>
</collaboration>
${straightProcess()}`;
    expect(await rulesBroken(roots)).toEqual([]);
  });

  test('a conditional flow beside a default flow out of an activity is accepted', async () => {
    const task = '<task id="task" default="f2"><incoming>f1</incoming><outgoing>f2</outgoing><outgoing>f3</outgoing></task>';
    const extra = `<sequenceFlow id="f3" sourceRef="task" targetRef="end2">
    <conditionExpression xsi:type="tFormalExpression">=urgent</conditionExpression>
  </sequenceFlow>
  <endEvent id="end2"><incoming>f3</incoming></endEvent>`;
    expect(await rulesBroken(straightProcess(task, extra))).toEqual([]);
  });

  test('a gateway that neither splits nor joins is refused under EXT.135', async () => {
    const task = `<task id="task"><incoming>f1</incoming><outgoing>g1</outgoing></task>
  <exclusiveGateway id="gw"><incoming>g1</incoming><outgoing>f2</outgoing></exclusiveGateway>
  <sequenceFlow id="g1" sourceRef="task" targetRef="gw"/>`;
    const process = straightProcess(task).replace('sourceRef="task" targetRef="end"', 'sourceRef="gw" targetRef="end"');
    expect(await rulesBroken(process)).toEqual(['EXT.135']);
  });
});
