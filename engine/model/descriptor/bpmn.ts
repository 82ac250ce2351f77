import bpmn from 'bpmn-moddle/resources/bpmn/json/bpmn.json' with { type: 'json' };

interface Property { name: string; isAttr?: boolean; [key: string]: unknown }
interface Type { name: string; properties?: Property[]; [key: string]: unknown }

/**
 * bpmn-moddle's BPMN 2.0 descriptor with one correction: it declares a global script
 * task's `script` as an XML attribute, while the BPMN 2.0 schema (tGlobalScriptTask) has it
 * as a child element, as for tScriptTask. Read as written, the script of every
 * spec-conformant global script task would be dropped; with the correction it is read.
 */
export const bpmnDescriptor = {
  ...bpmn,
  types: (bpmn.types as Type[]).map((type) => (type.name === 'GlobalScriptTask' ? withScriptElement(type) : type)),
};

function withScriptElement(type: Type): Type {
  return {
    ...type,
    properties: (type.properties ?? []).map((property) => {
      if (property.name !== 'script') return property;
      const { isAttr: _attribute, ...element } = property;
      return element;
    }),
  };
}
