/** The processes' purposes and a draft's origin in words. Pure. */
export const purposeNames: Record<string, string> = {
  direct: '即办件', promised: '承诺件', joint: '联办件', coordinate: '协调件', 'report-up': '上报件',
  'one-time-notice': '一次性告知', 'rejection-filing': '否定报备', 'time-limit-watch': '时限监察',
};

export const draftOrigin = (origin: 'administrator' | 'shipped'): string => (origin === 'shipped' ? '新版本待审核' : '草稿');

const typeWords: Record<string, string> = {
  UserTask: '人工环节', ServiceTask: '自动环节', SendTask: '发送任务', ReceiveTask: '接收任务', ManualTask: '手工任务', ScriptTask: '脚本任务',
  BusinessRuleTask: '规则任务', Task: '任务', CallActivity: '调用流程', SubProcess: '子流程', SequenceFlow: '连线',
  ExclusiveGateway: '排他网关', ParallelGateway: '并行网关', InclusiveGateway: '包容网关', EventBasedGateway: '事件网关',
  StartEvent: '开始事件', EndEvent: '结束事件', IntermediateThrowEvent: '中间事件（发出）', IntermediateCatchEvent: '中间事件（等待）',
  BoundaryEvent: '边界事件', Process: '流程', Message: '消息', Error: '错误', Signal: '信号',
};

const propertyWords: Record<string, string> = {
  name: '名称', incoming: '进入的连线', outgoing: '离开的连线', sourceRef: '起点', targetRef: '终点', conditionExpression: '条件',
  default: '默认连线', documentation: '说明', loopCharacteristics: '多实例', eventDefinitions: '事件定义', attachedToRef: '附着的环节',
  timeLimitDays: '环节时限', suspendsClock: '停止计时', specialProcedure: '特别程序', handlingMode: '办理模式', statutoryDays: '法定时限', promisedDays: '承诺时限',
  'extension:zeebe:AssignmentDefinition': '办理人或岗位', 'extension:zeebe:FormDefinition': '表单', 'extension:zeebe:TaskDefinition': '任务定义',
  'extension:zeebe:IoMapping': '输入输出映射', 'extension:zeebe:CalledElement': '调用的流程', 'extension:zeebe:TaskHeaders': '任务头',
  'extension:zeebe:Subscription': '消息关联', 'extension:zeebe:LoopCharacteristics': '多实例设置',
};

/** An element type (bpmn:UserTask) in words; an unknown one as its BPMN name. Pure. */
export const typeWord = (type: string): string => typeWords[type.replace(/^bpmn:/, '')] ?? type.replace(/^bpmn:/, '');

/** A changed property in words (extension elements by what they set). Pure. */
export const propertyWord = (property: string): string => propertyWords[property] ?? property.replace(/^extension:/, '扩展属性 ');

/** An engine element kind (userTask) in words. Pure. */
export const kindWord = (kind: string): string => typeWord(kind.charAt(0).toUpperCase() + kind.slice(1));

interface StepWords { elementId: string; name?: string; kind: string }
interface ProblemWords { code: string; what: string; step: StepWords; target: StepWords }

/** A step by its name, its id beside it for the administrator who knows the ids. Pure. */
export const stepWord = (step: StepWords): string => (step.name ? `「${step.name}」（${step.elementId}）` : step.elementId);

const whereWords: Record<string, string> = { 'active element': '停在', event: '等待事件', join: '在汇合处等待' };

/** Why a case cannot move to the new version, in words. Pure. */
export function problemWord(p: ProblemWords, toVersion: number): string {
  const at = `${whereWords[p.what] ?? ''}${stepWord(p.step)}`;
  switch (p.code) {
    case 'NO_COUNTERPART': return `${at}，第 ${toVersion} 版没有对应的环节：请在“环节对应”中选一个`;
    case 'KIND_DIFFERS': return `${at}（${kindWord(p.step.kind)}），对应的${stepWord(p.target)}却是${kindWord(p.target.kind)}`;
    case 'LOOP_DIFFERS': return `${at}，它与对应的${stepWord(p.target)}一个是多实例、一个不是`;
    default: return `${at}，对应的${stepWord(p.target)}不在它原来的子流程中`;
  }
}

/** Form keys as a list in words: 「review」、「site-check」. Pure. */
const formList = (formKeys: readonly string[]): string => formKeys.map((k) => `「${k}」`).join('、');

/** What a version changed against the one before, for the versions list. Pure. */
export function versionChangeWords(v: { version: number; formsOnly: boolean; changedForms: readonly string[] }): string {
  if (v.formsOnly) return `只改了表单 ${formList(v.changedForms)}，流程图与第 ${v.version - 1} 版相同`;
  if (v.version === 1) return v.changedForms.length > 0 ? `首个版本，含设计的表单 ${formList(v.changedForms)}` : '首个版本';
  return v.changedForms.length > 0 ? `流程图和表单 ${formList(v.changedForms)}` : '流程图';
}

/** What the draft's designed forms change, beside the diagram's changes, for the diff; '' when no form changed. Pure. */
export function draftFormsWords(diagramChanges: number, changedForms: readonly string[], version: number): string {
  if (changedForms.length === 0) return '';
  if (diagramChanges > 0) return `另外改了表单 ${formList(changedForms)}。`;
  return `流程图没有改动，只改了表单 ${formList(changedForms)}。发布后仍成为新版本（第 ${version} 版之后的一版）：在办的办件继续用原来的表单，新收的办件用新表单。`;
}

/** The editor's line after deploying. Pure. */
export function deployedWords(d: { version: number; formsOnly: boolean; changedForms: readonly string[] }): string {
  if (d.formsOnly) return `已发布为第 ${d.version} 版（只改了表单 ${formList(d.changedForms)}）：新收的办件按此版本办理，在办的办件继续用原来的表单`;
  return `已发布为第 ${d.version} 版：新收的办件按此版本办理`;
}
