import { parseBpmn } from '../../../../engine/model/parse.js';
import { checkSpecRules } from '../../../../engine/model/rules/index.js';
import type { ModelProblem } from '../../../../engine/errors.js';

/** Wraps root elements (processes, messages…) into a BPMN definitions document. */
export function definitions(roots: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="defs" targetNamespace="http://example.org/test">
${roots}
</definitions>`;
}

/** Parses the document and runs every spec rule over it. */
export async function check(roots: string): Promise<ModelProblem[]> {
  return checkSpecRules(await parseBpmn(definitions(roots)));
}

/** The rule ids of the problems, sorted and without repeats. */
export async function rulesBroken(roots: string): Promise<string[]> {
  return [...new Set((await check(roots)).map((p) => p.rule))].sort();
}

/** A start → task → end process around `middle`, which may add nodes and flows. */
export function straightProcess(taskXml = '<task id="task"><incoming>f1</incoming><outgoing>f2</outgoing></task>', extra = ''): string {
  return `<process id="p" isExecutable="true">
  <startEvent id="start"><outgoing>f1</outgoing></startEvent>
  ${taskXml}
  <endEvent id="end"><incoming>f2</incoming></endEvent>
  <sequenceFlow id="f1" sourceRef="start" targetRef="task"/>
  <sequenceFlow id="f2" sourceRef="task" targetRef="end"/>
  ${extra}
</process>`;
}
