import { describe, expect, test } from '@jest/globals';
import { parseBpmn } from '../../../../engine/model/parse.js';
import { indexModel } from '../../../../engine/model/rules/model-index.js';
import { definitions, straightProcess } from './check.js';

const withDiagram = definitions(`${straightProcess()}
<bpmndi:BPMNDiagram xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" id="diagram">
  <bpmndi:BPMNPlane id="plane" bpmnElement="p"/>
</bpmndi:BPMNDiagram>`);

describe('the model index the spec rules share', () => {
  test('knows every semantic element with the element that contains it', async () => {
    const model = indexModel(await parseBpmn(withDiagram));
    const task = model.byId.get('task');
    expect(task?.$type).toBe('bpmn:Task');
    expect(model.parentOf(task!)?.id).toBe('p');
  });

  test('leaves the diagram out, since deploy rules judge semantics', async () => {
    const model = indexModel(await parseBpmn(withDiagram));
    expect(model.byId.has('plane')).toBe(false);
    expect(model.visits.some((v) => v.element.$type.startsWith('bpmndi:'))).toBe(false);
  });

  test('finds elements by type including subtypes', async () => {
    const model = indexModel(await parseBpmn(withDiagram));
    expect(model.all('bpmn:Event').map((e) => e.id)).toEqual(['start', 'end']);
    expect(model.all('bpmn:FlowNode')).toHaveLength(3);
  });
});
