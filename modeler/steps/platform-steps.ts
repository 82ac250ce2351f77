/**
 * The platform's steps, as an administrator places them: each a BPMN element with the zeebe
 * extensions and 一窗 attributes the case server reads, so nobody has to assemble a raw service
 * task. Pure data; `modeler/steps/StepPalette` turns each into a palette entry.
 */
export interface PlatformStep {
  key: string;
  /** The palette's and the new element's name. */
  name: string;
  type: 'bpmn:UserTask' | 'bpmn:ServiceTask' | 'bpmn:CallActivity' | 'bpmn:IntermediateThrowEvent';
  /** For the report-up event: the event definition it throws. */
  eventDefinition?: 'bpmn:MessageEventDefinition';
  candidateGroups?: string;
  formKey?: string;
  jobType?: string;
  calledProcess?: string;
  /** yc:timeLimitDays: the step's own limit in working days. */
  timeLimitDays?: number;
  hint: string;
}

export const platformSteps: readonly PlatformStep[] = [
  { key: 'accept', name: '受理', type: 'bpmn:UserTask', candidateGroups: 'clerk', formKey: 'acceptance', hint: '窗口审查申请和材料，决定受理、一次性告知补正或不予受理' },
  { key: 'review', name: '审核', type: 'bpmn:UserTask', candidateGroups: 'reviewer', formKey: 'review', timeLimitDays: 5, hint: '中心审核人员审查申请' },
  { key: 'joint-review', name: '联办审查', type: 'bpmn:UserTask', candidateGroups: 'reviewer:', formKey: 'joint-review', timeLimitDays: 5, hint: '一个部门的联合审查：须在“一窗”中写明审查部门' },
  { key: 'report-up', name: '上报', type: 'bpmn:IntermediateThrowEvent', eventDefinition: 'bpmn:MessageEventDefinition', hint: '报送上级单位办理：须指明上级单位接收的消息' },
  { key: 'coordinate', name: '协调', type: 'bpmn:UserTask', candidateGroups: 'clerk', formKey: 'coordination', hint: '窗口协调相关部门' },
  { key: 'issue', name: '出件', type: 'bpmn:ServiceTask', jobType: 'issue-result', hint: '编号出证，在窗口统一出件并告知申请人' },
  { key: 'file-refusal', name: '否定报备', type: 'bpmn:CallActivity', calledProcess: 'rejection-filing', hint: '不予办理的，先报备上一级再书面告知' },
];
