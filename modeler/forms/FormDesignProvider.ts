import { h } from '@bpmn-io/properties-panel/preact';
import { useService } from 'bpmn-js-properties-panel';
import type { Element } from '../properties/bpmn-access.js';
import { extensionOf } from '../properties/bpmn-access.js';

/** Fired when an administrator asks to design a user task's form; the page opens the form designer. */
export const FORM_DESIGN_EVENT = 'yc.formDesign.open';

interface EventBus { fire(event: string, data: Record<string, unknown>): void }
interface Group { id: string; label?: string; entries: unknown[] }

/** The formKey a user task's form is found by, or '' when it has none yet. */
export function formKeyOf(element: Element): string {
  const bo = element.businessObject;
  return bo.$type === 'bpmn:UserTask' ? String(extensionOf(bo, 'zeebe:FormDefinition')?.get('formKey') ?? '') : '';
}

const designEntry = {
  id: 'yc-form-design',
  component: (props: { element: Element }) => {
    const eventBus = useService('eventBus') as EventBus;
    const formKey = formKeyOf(props.element);
    return h('div', { class: 'bio-properties-panel-entry yc-form-design' },
      h('button', { type: 'button', class: 'yc-form-design__button', disabled: !formKey, onClick: () => eventBus.fire(FORM_DESIGN_EVENT, { formKey }) }, '设计表单…'),
      h('p', { class: 'bio-properties-panel-description' }, formKey ? `在表单设计器中编辑表单「${formKey}」：随草稿保存，发布后随新版本生效` : '先在上方选“自定义表单键”并填写表单键，再设计表单'));
  },
};

/**
 * A user task's 表单 group gets a 设计表单 button: the form is designed in form-js's editor
 * (the page opens it on FORM_DESIGN_EVENT) and kept with the draft, then with its version.
 */
export default class FormDesignProvider {
  static $inject = ['propertiesPanel'];

  constructor(propertiesPanel: { registerProvider(priority: number, provider: unknown): void }) {
    propertiesPanel.registerProvider(300, this);
  }

  getGroups(element: Element) {
    return (groups: Group[]) => {
      if (element.businessObject.$type !== 'bpmn:UserTask') return groups;
      const form = groups.find((g) => g.id === 'form');
      if (form) form.entries.push(designEntry);
      else groups.push({ id: 'form', label: '表单', entries: [designEntry] });
      return groups;
    };
  }
}
