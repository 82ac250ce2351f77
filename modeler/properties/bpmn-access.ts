/** Reading and writing the 一窗 attributes and the reviewing department on a diagram element. */
export interface ModdleObject { $type: string; get(key: string): unknown; set(key: string, value: unknown): void; [key: string]: unknown }
export interface Element { businessObject: ModdleObject }

export const REVIEWER = 'reviewer:';

/** The process an element's attributes live on: the process itself, or a pool's process. */
export function processOf(element: Element): ModdleObject | undefined {
  const bo = element.businessObject;
  if (bo.$type === 'bpmn:Process') return bo;
  if (bo.$type === 'bpmn:Participant') return bo.get('processRef') as ModdleObject | undefined;
  return undefined;
}

export function isFlowNode(element: Element): boolean {
  return /Task$|SubProcess$|CallActivity$|Event$|Gateway$/.test(element.businessObject.$type);
}

export function extensionOf(bo: ModdleObject, type: string): ModdleObject | undefined {
  const ext = bo.get('extensionElements') as ModdleObject | undefined;
  return ((ext?.get('values') as ModdleObject[] | undefined) ?? []).find((v) => v.$type === type);
}

/** A joint review step: its form is the joint review's. */
export function isJointReview(element: Element): boolean {
  const bo = element.businessObject;
  return bo.$type === 'bpmn:UserTask' && extensionOf(bo, 'zeebe:FormDefinition')?.get('formKey') === 'joint-review';
}

/** The department named in a joint review's candidate group (reviewer:<部门>), or '' when none or an expression. */
export function departmentOf(element: Element): string {
  const groups = String(extensionOf(element.businessObject, 'zeebe:AssignmentDefinition')?.get('candidateGroups') ?? '');
  return groups.startsWith(REVIEWER) ? groups.slice(REVIEWER.length) : '';
}
