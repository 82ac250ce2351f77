import type { Node, Reporter } from '../model.js';
import { is, label } from '../model.js';

/** The element template of the 上报 step, and the word its name carries. */
export const REPORT_UP_TEMPLATE = 'yichuang.report-up';

/**
 * 全程上报代理: a report-up step (an event or send task that throws a message, named 上报… or
 * placed from the 上报 template) names the upper unit that takes the case over: the message
 * it sends has a name, which the upper unit's process starts on.
 */
export default function reportUpNamesUnit() {
  return {
    check(node: Node, reporter: Reporter) {
      if (!isReportUp(node)) return;
      const message = messageOf(node);
      if (!message || String(message.name ?? '').trim() === '') reporter.report(node.id!, `上报环节${label(node)}未指明上级单位（发往上级流程的消息）`);
    },
  };
}

function isReportUp(node: Node): boolean {
  const throwing = is(node, 'bpmn:IntermediateThrowEvent') || is(node, 'bpmn:SendTask') || is(node, 'bpmn:EndEvent');
  if (!throwing) return false;
  const template = (node.modelerTemplate as string | undefined) ?? (node.$attrs as Record<string, string> | undefined)?.['zeebe:modelerTemplate'];
  return template === REPORT_UP_TEMPLATE || String(node.name ?? '').startsWith('上报');
}

function messageOf(node: Node): Node | undefined {
  if (is(node, 'bpmn:SendTask')) return node.messageRef as Node | undefined;
  const definition = ((node.eventDefinitions as Node[] | undefined) ?? []).find((d) => is(d, 'bpmn:MessageEventDefinition'));
  return definition?.messageRef as Node | undefined;
}
