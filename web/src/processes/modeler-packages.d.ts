/** The modeler's packages that ship no types: only what modeler/ uses of them. */
declare module 'bpmn-js-properties-panel' {
  export const BpmnPropertiesPanelModule: import('didi').ModuleDeclaration;
  export const BpmnPropertiesProviderModule: import('didi').ModuleDeclaration;
  export const ZeebePropertiesProviderModule: import('didi').ModuleDeclaration;
  export function useService(name: string): unknown;
}
declare module '@bpmn-io/properties-panel' {
  export const TextFieldEntry: unknown;
  export const SelectEntry: unknown;
  export const CheckboxEntry: unknown;
  export const isTextFieldEntryEdited: unknown;
  export const isSelectEntryEdited: unknown;
  export const isCheckboxEntryEdited: unknown;
}
declare module '@bpmn-io/properties-panel/preact' {
  export function h(type: unknown, props: Record<string, unknown>, ...children: unknown[]): unknown;
}
declare module 'camunda-bpmn-js-behaviors/lib/camunda-cloud' {
  const module: import('didi').ModuleDeclaration;
  export default module;
}
declare module 'bpmn-js-bpmnlint' {
  const module: import('didi').ModuleDeclaration;
  export default module;
}
declare module 'bpmn-js-differ' {
  export function diff(before: unknown, after: unknown): unknown;
}
declare module 'bpmn-js-i18n/translations/zn.js' {
  const table: Record<string, string>;
  export default table;
}
declare module 'bpmnlint/lib/resolver/static-resolver.js' {
  export default class StaticResolver {
    constructor(cache: Record<string, unknown>);
  }
}
declare module 'bpmn-js-token-simulation' {
  const module: import('didi').ModuleDeclaration;
  export default module;
}
