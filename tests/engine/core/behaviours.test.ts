import { describe, expect, test } from '@jest/globals';
import { compileBpmn } from '../../../engine/model/compile.js';
import { behaviourOf, kindsWithBehaviour } from '../../../engine/runtime/behaviours/index.js';
import { definitions, end, flow, process, seq, start } from '../support/bpmn.js';
import { node } from './elements.js';

const job = (type: string) => `<bpmn:extensionElements><zeebe:taskDefinition type="${type}"/></bpmn:extensionElements>`;
const timer = '<bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>';
const inside = (id: string) => start(`${id}_start`) + end(`${id}_end`) + seq(`${id}_start`, `${id}_end`);

/** One element of every BPMN type the model parser turns into a flow node the runtime runs. */
const everyKind = definitions(`<bpmn:message id="m" name="m"/>
${process('p',
  start(),
  node('task', 'task'),
  node('manualTask', 'manual'),
  node('userTask', 'user'),
  node('boundaryEvent', 'late', 'attachedToRef="user"', timer),
  end('late_end'),
  node('serviceTask', 'service', '', job('a')),
  node('businessRuleTask', 'rule', '', job('b')),
  node('scriptTask', 'script', '', '<bpmn:extensionElements><zeebe:script expression="=1" resultVariable="one"/></bpmn:extensionElements>'),
  node('sendTask', 'send', '', job('c')),
  node('receiveTask', 'receive', 'messageRef="m"'),
  node('intermediateThrowEvent', 'thrown'),
  node('exclusiveGateway', 'exclusive'),
  node('parallelGateway', 'parallel'),
  node('inclusiveGateway', 'inclusive'),
  node('complexGateway', 'complex'),
  node('subProcess', 'sub', '', inside('sub')),
  node('transaction', 'transaction', '', inside('transaction')),
  node('adHocSubProcess', 'adHoc', '', node('task', 'adHoc_task')),
  node('callActivity', 'call', '', '<bpmn:extensionElements><zeebe:calledElement processId="p"/></bpmn:extensionElements>'),
  node('eventBasedGateway', 'eventBased'),
  node('intermediateCatchEvent', 'caught', '', timer),
  node('intermediateCatchEvent', 'caughtToo', '', timer),
  end(),
  seq('start', 'task', 'manual', 'user', 'service', 'rule', 'script', 'send', 'receive', 'thrown', 'exclusive', 'parallel', 'inclusive', 'complex'),
  flow('exclusive_inclusive', 'exclusive', 'inclusive'),
  flow('parallel_complex', 'parallel', 'complex'),
  seq('complex', 'sub', 'transaction', 'adHoc', 'call', 'eventBased', 'caught', 'end'),
  seq('eventBased', 'caughtToo', 'end'),
  flow('late_to_end', 'late', 'late_end'),
)}`);

describe('element behaviours', () => {
  test('every kind of element the model parser produces has a behaviour with each operation the runtime calls', async () => {
    const elements = Object.values((await compileBpmn(everyKind)).processes.p!.elements);
    const kinds = [...new Set(elements.map((e) => e.kind))].sort();
    expect(kinds).toEqual(kindsWithBehaviour().sort());
    for (const kind of kinds) {
      const behaviour = behaviourOf(kind);
      expect([kind, typeof behaviour?.enter, typeof behaviour?.trigger, typeof behaviour?.leave, typeof behaviour?.emptied])
        .toEqual([kind, 'function', 'function', 'function', 'function']);
      expect(['activity', 'event', 'gateway']).toContain(behaviour.node);
    }
  });
});
