import { describe, expect, test } from '@jest/globals';
import { readFile, readdir } from 'node:fs/promises';
import { parseBpmn } from '../../engine/index.js';
import { lintDefinitions } from '../../modeler/lint/run-rules.js';

const dir = new URL('../../processes/', import.meta.url);
const shipped = (file: string) => readFile(new URL(file, dir), 'utf8');
const lint = async (xml: string) => lintDefinitions((await parseBpmn(xml)).definitions);
const findings = async (xml: string, rule: string) => (await lint(xml)).filter((f) => f.rule === `yichuang/${rule}`).map((f) => [f.elementId, f.message]);

describe('the platform\'s lint rules (bpmnlint-plugin-yichuang)', () => {
  test('every shipped process passes every rule', async () => {
    for (const file of (await readdir(dir)).filter((f) => f.endsWith('.bpmn'))) {
      expect([file, await lint(await shipped(file))]).toEqual([file, []]);
    }
  });

  test('a refusal path that ends without rejection filing is an error on the refusal step', async () => {
    const skipping = (await shipped('direct.bpmn')).replace('<bpmn:sequenceFlow id="to_file" sourceRef="notify_refusal" targetRef="file_refusal" />', '<bpmn:sequenceFlow id="to_file" sourceRef="notify_refusal" targetRef="filed" />');
    expect(skipping).not.toBe(await shipped('direct.bpmn'));
    const found = await findings(skipping, 'refusal-reaches-filing');
    expect(found.map(([id]) => id)).toEqual(expect.arrayContaining(['notify_refusal']));
    expect(found[0]![1]).toContain('未经否定报备');
  });

  test('a user task with neither group nor assignee is an error; a named assignee is enough', async () => {
    const xml = await shipped('direct.bpmn');
    const nobody = xml.replace('<bpmn:userTask id="accept" name="受理">', '<bpmn:userTask id="accept" name="受理" x="1">').replace(/(<bpmn:userTask id="accept"[\s\S]*?)<zeebe:assignmentDefinition candidateGroups="clerk" \/>/, '$1');
    expect(await findings(nobody, 'user-task-assignee')).toEqual([['accept', '人工环节「受理」未指定办理人或办理岗位（候选组）']]);
    const assignee = xml.replace(/(<bpmn:userTask id="accept"[\s\S]*?)<zeebe:assignmentDefinition candidateGroups="clerk" \/>/, '$1<zeebe:assignmentDefinition assignee="=clerkId" />');
    expect(await findings(assignee, 'user-task-assignee')).toEqual([]);
  });

  test('a promised process without its statutory time limit, or a step limit beyond it, is an error', async () => {
    const xml = await shipped('promised.bpmn');
    expect(await findings(xml.replace(' yc:statutoryDays="20"', ''), 'promised-time-limit')).toEqual([['promised', '「承诺办理（承诺件）」是限时办理的流程，须写明法定办理时限（工作日）']]);
    expect(await findings(xml.replace('yc:timeLimitDays="1"', 'yc:timeLimitDays="30"'), 'promised-time-limit')).toEqual([['decide', '环节「决定」的时限 30 个工作日超过流程的法定时限 20 个工作日']]);
  });

  test('a joint review names its departments: one by name, or one per department of a list', async () => {
    const xml = await shipped('joint.bpmn');
    const single = (groups: string) => xml.replace('candidateGroups="=&quot;reviewer:&quot; + department"', `candidateGroups="${groups}"`)
      .replace(/<bpmn:multiInstanceLoopCharacteristics>[\s\S]*?<\/bpmn:multiInstanceLoopCharacteristics>/, '');
    expect(await findings(single('reviewer:'), 'joint-review-departments')).toEqual([['joint_review', '联办审查「部门联合审查」未写明审查部门']]);
    expect(await findings(single('reviewer:消防'), 'joint-review-departments')).toEqual([]);
    const expressionAlone = xml.replace(/<bpmn:multiInstanceLoopCharacteristics>[\s\S]*?<\/bpmn:multiInstanceLoopCharacteristics>/, '');
    expect((await findings(expressionAlone, 'joint-review-departments'))[0]![0]).toBe('joint_review');
  });

  test('a report-up step that sends no named message does not name the upper unit', async () => {
    const xml = (await shipped('report-up.bpmn')).replace('<bpmn:messageEventDefinition id="report_up_def" messageRef="report_up_message" />', '<bpmn:messageEventDefinition id="report_up_def" />');
    expect(await findings(xml, 'report-up-names-unit')).toEqual([['report_up', '上报环节「上报县级」未指明上级单位（发往上级流程的消息）']]);
  });

  test('what the engine refuses at deploy is a lint error on its element too', async () => {
    const juel = (await shipped('direct.bpmn')).replace(/<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">[^<]*<\/bpmn:conditionExpression>/, '<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${accepted}</bpmn:conditionExpression>');
    const found = await findings(juel, 'engine-accepts');
    expect(found).toHaveLength(1);
    expect(found[0]![1]).toMatch(/^引擎不能运行：/);
  });
});
