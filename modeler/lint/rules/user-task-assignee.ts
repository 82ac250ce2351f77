import type { Node, Reporter } from '../model.js';
import { extension, is, label } from '../model.js';

/** Every user task lands in someone's inbox: it names a group (candidateGroups), people, or an assignee. */
export default function userTaskAssignee() {
  return {
    check(node: Node, reporter: Reporter) {
      if (!is(node, 'bpmn:UserTask')) return;
      const assignment = extension(node, 'zeebe:AssignmentDefinition');
      const named = ['assignee', 'candidateGroups', 'candidateUsers'].some((key) => String(assignment?.[key] ?? '').trim() !== '');
      if (!named) reporter.report(node.id!, `人工环节${label(node)}未指定办理人或办理岗位（候选组）`);
    },
  };
}
