/**
 * Small BPMN writing aids for tests: a process body in, a full definitions document out.
 * Models stay readable XML, the same thing an administrator's modeler would save.
 */
export function definitions(body: string, extraNamespaces = ''): string {
  return withFlowLists(`<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:yc="urn:yichuang:bpmn:1.0" ${extraNamespaces}
  id="tests" targetNamespace="urn:yichuang:tests">
${body}
</bpmn:definitions>`);
}

/** A process from a list of element snippets; flows are written with `flow()`. */
export function process(id: string, ...elements: string[]): string {
  return `<bpmn:process id="${id}" isExecutable="true">\n${elements.join('\n')}\n</bpmn:process>`;
}

export function flow(id: string, from: string, to: string, condition?: string): string {
  const body = condition ? `<bpmn:conditionExpression>${escape(condition)}</bpmn:conditionExpression>` : '';
  return `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}">${body}</bpmn:sequenceFlow>`;
}

export function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A chain of flows through the given ids: seq('a','b','c') -> a->b, b->c. */
export function seq(...ids: string[]): string {
  return ids.slice(1).map((to, i) => flow(`${ids[i]}_${to}`, ids[i]!, to)).join('\n');
}

export const start = (id = 'start', inner = '') => `<bpmn:startEvent id="${id}">${inner}</bpmn:startEvent>`;
export const end = (id = 'end', inner = '') => `<bpmn:endEvent id="${id}">${inner}</bpmn:endEvent>`;

export function userTask(id: string, ext = '', attrs = ''): string {
  return `<bpmn:userTask id="${id}" ${attrs}>${ext ? `<bpmn:extensionElements>${ext}</bpmn:extensionElements>` : ''}</bpmn:userTask>`;
}

export function serviceTask(id: string, type: string, ext = '', inner = ''): string {
  return `<bpmn:serviceTask id="${id}"><bpmn:extensionElements><zeebe:taskDefinition type="${type}"/>${ext}</bpmn:extensionElements>${inner}</bpmn:serviceTask>`;
}

/**
 * BPMN interchange lists a node's flows on both ends (`incoming`/`outgoing`), as bpmn-js
 * writes them; the spec checks hold models to it. Tests write only the flows, this adds the lists.
 */
export function withFlowLists(xml: string): string {
  const lists = new Map<string, string[]>();
  for (const m of xml.matchAll(/<bpmn:sequenceFlow id="([^"]+)" sourceRef="([^"]+)" targetRef="([^"]+)"/g)) {
    const [, id, source, target] = m as unknown as [string, string, string, string];
    lists.set(source, [...(lists.get(source) ?? []), `<bpmn:outgoing>${id}</bpmn:outgoing>`]);
    lists.set(target, [...(lists.get(target) ?? []), `<bpmn:incoming>${id}</bpmn:incoming>`]);
  }
  return xml.replace(/<bpmn:(\w+) id="([^"]+)"([^>]*?)(\/?)>/g, (tag, kind: string, id: string, attrs: string, selfClosing: string) => {
    const inner = kind === 'sequenceFlow' ? undefined : lists.get(id);
    if (!inner) return tag;
    return selfClosing ? `<bpmn:${kind} id="${id}"${attrs}>${inner.join('')}</bpmn:${kind}>` : `${tag}${inner.join('')}`;
  });
}
