import type { Node, Reporter } from '../model.js';
import { extension, formKey, is, label } from '../model.js';

const REVIEWER = 'reviewer:';

/**
 * 联合办公: a joint review step (form `joint-review`) says which departments review: either
 * one department by name (candidate group `reviewer:<部门>`), or one review per department of
 * a list (multi-instance over a collection, the group made from its element).
 */
export default function jointReviewDepartments() {
  return {
    check(node: Node, reporter: Reporter) {
      if (!is(node, 'bpmn:UserTask') || formKey(node) !== 'joint-review') return;
      const groups = String(extension(node, 'zeebe:AssignmentDefinition')?.candidateGroups ?? '').trim();
      if (groups.startsWith('=')) {
        if (!perDepartment(node)) reporter.report(node.id!, `联办审查${label(node)}的审查部门由表达式给出，但它不是按部门列表逐一审查（多实例）`);
        return;
      }
      const named = groups.split(',').map((g) => g.trim()).filter((g) => g.startsWith(REVIEWER) && g.length > REVIEWER.length);
      if (named.length === 0) reporter.report(node.id!, `联办审查${label(node)}未写明审查部门`);
    },
  };
}

function perDepartment(node: Node): boolean {
  const loop = node.loopCharacteristics as Node | undefined;
  if (!loop) return false;
  const zeebeLoop = extension(loop, 'zeebe:LoopCharacteristics');
  return Boolean(zeebeLoop?.inputCollection && zeebeLoop?.inputElement);
}
