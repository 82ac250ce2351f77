import zn from 'bpmn-js-i18n/translations/zn.js';
import { panelZh } from './panel-zh.js';
import { headerZh } from './header-zh.js';

/**
 * The modeler's Chinese: bpmn-js-i18n's table for the palette, context pad and replace menu,
 * corrected where it reads wrong to a service-centre administrator, then the panel's labels and its header.
 */
const corrections: Record<string, string> = {
  'Activate lasso tool': '启动套索工具', 'Activate hand tool': '启动抓手工具（移动画布）', 'Activate create/remove space tool': '启动空间工具（插入或删除空白）',
  'Activate global connect tool': '启动连线工具', 'Create task': '创建任务', 'Create expanded sub-process': '创建展开的子流程', 'Create pool/participant': '创建泳池/参与者',
  'Create start event': '创建开始事件', 'Create end event': '创建结束事件', 'Create gateway': '创建网关', 'Create intermediate/boundary event': '创建中间/边界事件',
  'Change element': '更改类型', 'Change type': '更改类型', 'Connect to other element': '连接到其他元素', 'Connect using association': '用关联连接', Delete: '删除',
  'Append task': '追加任务', 'Append end event': '追加结束事件', 'Append gateway': '追加网关', 'Append intermediate/boundary event': '追加中间/边界事件', 'Add text annotation': '添加文字注释',
  'Search in diagram': '在图中查找', 'Set color': '设置颜色', 'Append user task': '追加人工环节', 'Append service task': '追加自动环节',
  'Sub-process (collapsed)': '子流程（折叠）', 'Sub-process (expanded)': '子流程（展开）', 'Call activity': '调用流程', 'User task': '人工环节（用户任务）', 'Service task': '自动环节（服务任务）',
  'No Issues': '没有问题', '{errors} Errors, {warnings} Warnings': '{errors} 个错误，{warnings} 个提醒', 'Toggle linting overlays': '显示或隐藏检查结果', 'Issues for child elements': '内部元素的问题',
  'Toggle non-interrupting': '切换为不中断/中断', 'Event based instantiating Gateway': '事件网关（启动实例）',
  'Parallel Event based instantiating Gateway': '并行事件网关（启动实例）', 'Ad-hoc sub-process': '自由子流程（ad hoc）',
  'Exclusive gateway': '排他网关（单选分支）', 'Parallel gateway': '并行网关（同时进行）', 'Inclusive gateway': '包容网关（多选分支）', 'Event-based gateway': '事件网关',
};

/** Every string the modeler shows, in Chinese; a string with no entry stays as it is. */
export const zhTable: Record<string, string> = { ...(zn as Record<string, string>), ...corrections, ...panelZh, ...headerZh };

/** diagram-js's translate service: a template with `{name}` placeholders, filled after translating. Pure. */
export function translate(template: string, replacements: Record<string, string> = {}): string {
  const text = zhTable[template] ?? template;
  return text.replace(/{([^}]+)}/g, (whole, key: string) => replacements[key] ?? whole);
}

export default { translate: ['value', translate] };
