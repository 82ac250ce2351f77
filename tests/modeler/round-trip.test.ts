import { describe, expect, test } from '@jest/globals';
import { BpmnModdle } from 'bpmn-moddle';
import { canonical } from '../../modeler/diff/canonical.js';
import type { ModdleLike } from '../../modeler/diff/canonical.js';
import { nameBack, renameClashing, undoRenames } from '../../modeler/round-trip/same-namespace-attributes.js';

const TRISO = 'http://www.trisotech.com/2015/triso/modeling';
const file = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:triso="${TRISO}" id="d" targetNamespace="urn:t">
  <bpmn:process id="p">
    <bpmn:extensionElements><triso:allowedValues constraintsType="enumeration" triso:constraintsType="list" /></bpmn:extensionElements>
    <bpmn:userTask id="t"><bpmn:potentialOwner id="o"><bpmn:resourceAssignmentExpression id="r"><bpmn:formalExpression>manager</bpmn:formalExpression></bpmn:resourceAssignmentExpression></bpmn:potentialOwner></bpmn:userTask>
  </bpmn:process>
</bpmn:definitions>`;

async function read(xml: string) {
  return (await new BpmnModdle().fromXML(xml, 'bpmn:Definitions')).rootElement as unknown as ModdleLike & Record<string, unknown>;
}

describe('what the modeler keeps that moddle alone would not write back', () => {
  test('moddle writes one of name and prefix:name on an element of that prefix; renamed around the write, both come back, and the model is as it was', async () => {
    const definitions = await read(file);
    const plain = (await new BpmnModdle().toXML(definitions)).xml;
    expect(plain).not.toContain('triso:constraintsType');

    const renamed = renameClashing(definitions);
    expect(renamed.map((r) => r.key)).toEqual(['triso:constraintsType']);
    const kept = nameBack((await new BpmnModdle().toXML(definitions)).xml, renamed);
    undoRenames(renamed);
    expect(kept).toMatch(/<triso:allowedValues constraintsType="enumeration" triso:constraintsType="list"\s*\/>/);
    expect(canonical(await read(kept))).toEqual(canonical(await read(file)));
    expect(canonical(definitions)).toEqual(canonical(await read(file)));
  });

  test('a formal expression written with xsi:type="tFormalExpression" means what <formalExpression> meant; an xsi:type naming another type still counts', async () => {
    const substituted = file.replace('<bpmn:formalExpression>manager</bpmn:formalExpression>', '<bpmn:expression xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="bpmn:tFormalExpression">manager</bpmn:expression>');
    expect(canonical(await read(substituted))).toEqual(canonical(await read(file)));
    const other = await read(substituted);
    const expression = ((((other.rootElements as ModdleLike[])[0]!.flowElements as ModdleLike[])[0]!.resources as ModdleLike[])[0]!.resourceAssignmentExpression as ModdleLike).expression as ModdleLike;
    expression.$attrs!['xsi:type'] = 'bpmn:tExpression';
    expect(canonical(other)).not.toEqual(canonical(await read(file)));
  });
});
