import { describe, expect, test } from '@jest/globals';
import { check, rulesBroken, straightProcess } from './check.js';

describe('referential integrity', () => {
  test('a sequence flow whose source names no element is refused under REF.01', async () => {
    const process = straightProcess(undefined, '<sequenceFlow id="dangling" sourceRef="nowhere" targetRef="end"/>');
    const problems = await check(process);
    expect(problems).toContainEqual(expect.objectContaining({ rule: 'REF.01', elementId: 'dangling', elementType: 'SequenceFlow' }));
  });

  test('a reference to an element of the wrong type is refused under REF.02, naming the holder', async () => {
    const process = straightProcess('<task id="task" default="start"><incoming>f1</incoming><outgoing>f2</outgoing></task>');
    const problems = await check(process);
    expect(problems).toContainEqual(expect.objectContaining({ rule: 'REF.02', elementId: 'task' }));
  });

  test('an ioBinding binding a data input and output is accepted, as the spec types them so', async () => {
    const roots = `
<itemDefinition id="item" structureRef="xsd:string"/>
<message id="in" itemRef="item"/><message id="out" itemRef="item"/>
<interface id="api" name="api">
  <operation id="op" name="op"><inMessageRef>in</inMessageRef><outMessageRef>out</outMessageRef></operation>
</interface>
<globalTask id="global">
  <supportedInterfaceRef>api</supportedInterfaceRef>
  <ioSpecification>
    <dataInput id="din" itemSubjectRef="item"/><dataOutput id="dout" itemSubjectRef="item"/>
    <inputSet><dataInputRefs>din</dataInputRefs></inputSet><outputSet><dataOutputRefs>dout</dataOutputRefs></outputSet>
  </ioSpecification>
  <ioBinding operationRef="op" inputDataRef="din" outputDataRef="dout"/>
</globalTask>`;
    expect(await rulesBroken(roots)).toEqual([]);
  });
});
