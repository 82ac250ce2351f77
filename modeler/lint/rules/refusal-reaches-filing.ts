import type { Node, Reporter } from '../model.js';
import { calledProcess, flowElements, formKey, is, label, taskType } from '../model.js';

/** Words a flow's name carries when it is a refusal (不予受理, 不予许可, 驳回, 否定). */
const REFUSAL_WORDS = ['不予', '驳回', '否定'];

/**
 * 否定备案制: every refusal is filed (否定报备) before the case ends. From each refusal (the
 * refusal step, whose form is `refusal`, or a flow named as a refusal) every path must pass a
 * rejection filing (the call of `rejection-filing`, or its job) before it reaches an end.
 */
export default function refusalReachesFiling() {
  return {
    check(node: Node, reporter: Reporter) {
      if (!is(node, 'bpmn:Process') && !is(node, 'bpmn:SubProcess')) return;
      for (const element of flowElements(node)) {
        const start = refusalStart(element);
        if (!start) continue;
        const end = unfiledEnd(start);
        if (end) reporter.report(element.id!, `不予办理的路径（自${label(element)}起）未经否定报备即到达${label(end)}`);
      }
    },
  };
}

function refusalStart(element: Node): Node | undefined {
  if (is(element, 'bpmn:SequenceFlow')) {
    const named = REFUSAL_WORDS.some((w) => String(element.name ?? '').includes(w));
    return named ? (element.targetRef as Node | undefined) : undefined;
  }
  return formKey(element) === 'refusal' ? element : undefined;
}

function isFiling(node: Node): boolean {
  return calledProcess(node) === 'rejection-filing' || taskType(node) === 'rejection-filing';
}

/** The first end reached from `start` without passing a filing, if any (depth first, each node once). */
function unfiledEnd(start: Node): Node | undefined {
  const seen = new Set<Node>();
  const stack = [start];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (seen.has(node) || isFiling(node)) continue;
    seen.add(node);
    const next = ((node.outgoing as Node[] | undefined) ?? []).map((f) => f.targetRef as Node).filter(Boolean);
    if (next.length === 0) return node;
    stack.push(...next);
  }
  return undefined;
}
