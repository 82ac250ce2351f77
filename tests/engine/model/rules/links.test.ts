import { describe, expect, test } from '@jest/globals';
import { rulesBroken } from './check.js';

const linked = (catchName: string) => `<process id="p" isExecutable="true">
  <startEvent id="start"><outgoing>f1</outgoing></startEvent>
  <intermediateThrowEvent id="jump"><incoming>f1</incoming><linkEventDefinition name="A"/></intermediateThrowEvent>
  <intermediateCatchEvent id="land"><outgoing>f2</outgoing><linkEventDefinition name="${catchName}"/></intermediateCatchEvent>
  <endEvent id="end"><incoming>f2</incoming></endEvent>
  <sequenceFlow id="f1" sourceRef="start" targetRef="jump"/>
  <sequenceFlow id="f2" sourceRef="land" targetRef="end"/>
</process>`;

describe('link events', () => {
  test('a throwing link paired by name with a catching link on its level is accepted', async () => {
    expect(await rulesBroken(linked('A'))).toEqual([]);
  });

  test('a throwing link with neither a target nor a catching link of its name is refused under EXT.125', async () => {
    expect(await rulesBroken(linked('B'))).toEqual(['EXT.125']);
  });
});
