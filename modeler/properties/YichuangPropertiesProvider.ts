import { h } from '@bpmn-io/properties-panel/preact';
import { CheckboxEntry, SelectEntry, TextFieldEntry, isCheckboxEntryEdited, isSelectEntryEdited, isTextFieldEntryEdited } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import type { Element, ModdleObject } from './bpmn-access.js';
import { REVIEWER, departmentOf, extensionOf, isFlowNode, isJointReview, processOf } from './bpmn-access.js';

interface Modeling {
  updateModdleProperties(element: Element, target: ModdleObject, properties: Record<string, unknown>): void;
}

const MODES = [
  { value: '', label: '（未指定）' }, { value: 'direct', label: '即办件' }, { value: 'promised', label: '承诺件' }, { value: 'joint', label: '联办件' },
  { value: 'coordinate', label: '协调件' }, { value: 'report-up', label: '上报件' }, { value: 'rejection-filing', label: '否定报备' },
];

const wholeDays = (value: string) => (value === '' || /^\d{1,3}$/.test(value) ? null : '请填写 0 至 999 的整数（工作日）');
const daysValue = (value: string) => (value === '' ? undefined : Number(value));

/** A text field for a yc: attribute of `target` (the element's business object or its process). */
function attributeField(id: string, label: string, attr: string, target: (e: Element) => ModdleObject, asDays = false) {
  return {
    id, isEdited: isTextFieldEntryEdited,
    component: (props: { element: Element }) => {
      const modeling = useService('modeling') as Modeling;
      const debounce = useService('debounceInput');
      const bo = target(props.element);
      return h(TextFieldEntry, {
        element: props.element, id, label, debounce, validate: asDays ? wholeDays : undefined,
        getValue: () => String(bo.get(`yc:${attr}`) ?? ''),
        setValue: (value: string) => modeling.updateModdleProperties(props.element, bo, { [`yc:${attr}`]: asDays ? daysValue(value) : value || undefined }),
      });
    },
  };
}

function handlingModeField(target: (e: Element) => ModdleObject) {
  return {
    id: 'yc-handlingMode', isEdited: isSelectEntryEdited,
    component: (props: { element: Element }) => {
      const modeling = useService('modeling') as Modeling;
      const bo = target(props.element);
      return h(SelectEntry, {
        element: props.element, id: 'yc-handlingMode', label: '办理模式', getOptions: () => MODES,
        getValue: () => String(bo.get('yc:handlingMode') ?? ''),
        setValue: (value: string) => modeling.updateModdleProperties(props.element, bo, { 'yc:handlingMode': value || undefined }),
      });
    },
  };
}

const suspendsClockField = {
  id: 'yc-suspendsClock', isEdited: isCheckboxEntryEdited,
  component: (props: { element: Element }) => {
    const modeling = useService('modeling') as Modeling;
    const bo = props.element.businessObject;
    return h(CheckboxEntry, {
      element: props.element, id: 'yc-suspendsClock', label: '特别程序（停止计时）',
      getValue: () => Boolean(bo.get('yc:suspendsClock')),
      setValue: (value: boolean) => modeling.updateModdleProperties(props.element, bo, { 'yc:suspendsClock': value || undefined }),
    });
  },
};

/** The reviewing department of a joint review, written as its candidate group reviewer:<部门>. */
const departmentField = {
  id: 'yc-department', isEdited: isTextFieldEntryEdited,
  component: (props: { element: Element }) => {
    const modeling = useService('modeling') as Modeling;
    const debounce = useService('debounceInput');
    return h(TextFieldEntry, {
      element: props.element, id: 'yc-department', label: '审查部门', debounce,
      description: '联合审查的部门，如“消防”“市场监管”；该部门的审查人员在待办中收到此环节',
      getValue: () => departmentOf(props.element),
      setValue: (value: string) => {
        const assignment = extensionOf(props.element.businessObject, 'zeebe:AssignmentDefinition');
        if (assignment) modeling.updateModdleProperties(props.element, assignment, { candidateGroups: `${REVIEWER}${value.trim()}` });
      },
    });
  },
};

/** The 一窗 group's entries for an element: the process's mode and limits, a step's limit and clock, a joint review's department. */
function entriesFor(element: Element) {
  const process = processOf(element);
  if (process) {
    const on = () => process;
    return [handlingModeField(on), attributeField('yc-statutoryDays', '法定办理时限（工作日）', 'statutoryDays', on, true), attributeField('yc-promisedDays', '承诺办理时限（工作日）', 'promisedDays', on, true)];
  }
  if (!isFlowNode(element)) return [];
  const own = (e: Element) => e.businessObject;
  return [
    ...(isJointReview(element) ? [departmentField] : []),
    attributeField('yc-timeLimitDays', '环节时限（工作日）', 'timeLimitDays', own, true),
    suspendsClockField,
    attributeField('yc-specialProcedure', '特别程序种类', 'specialProcedure', own),
  ];
}

/**
 * The 一窗 group of the properties panel: the platform's own attributes from the moddle
 * descriptor the engine reads (engine/model/descriptor/yichuang.json), placed after 基本信息.
 */
export default class YichuangPropertiesProvider {
  static $inject = ['propertiesPanel'];

  constructor(propertiesPanel: { registerProvider(priority: number, provider: unknown): void }) {
    propertiesPanel.registerProvider(400, this);
  }

  getGroups(element: Element) {
    return (groups: Array<{ id: string }>) => {
      const entries = entriesFor(element);
      if (entries.length > 0) groups.splice(1, 0, { id: 'yichuang', label: '一窗', entries } as { id: string });
      return groups;
    };
  }
}
