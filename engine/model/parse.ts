import { BpmnModdle } from 'bpmn-moddle';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };
import yichuang from './descriptor/yichuang.json' with { type: 'json' };
import { bpmnDescriptor } from './descriptor/bpmn.js';
import { ModelError } from '../errors.js';
import type { ModdleElement } from './moddle.js';

/** The platform's own moddle descriptor; the modeler loads the same file. */
export const yichuangDescriptor = yichuang;

export interface ParsedDefinitions {
  definitions: ModdleElement;
  /** Reader warnings (unknown elements, unresolved references), kept for validation. */
  warnings: ParseWarning[];
}

export interface ParseWarning {
  message: string;
  elementId?: string;
}

/** Parses BPMN 2.0 XML with bpmn-moddle. Refuses XML that is not BPMN at all. */
export async function parseBpmn(xml: string): Promise<ParsedDefinitions> {
  if (typeof xml !== 'string' || xml.trim() === '') {
    throw new ModelError([{ elementId: '(document)', elementType: 'xml', rule: 'xml', message: 'the document is empty' }]);
  }
  const moddle = new BpmnModdle({ bpmn: bpmnDescriptor, zeebe, yichuang });
  let result;
  try {
    result = await moddle.fromXML(xml, 'bpmn:Definitions');
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new ModelError([{ elementId: '(document)', elementType: 'xml', rule: 'xml', message: `not readable as BPMN XML: ${message}` }]);
  }
  const warnings = (result.warnings ?? []).map((w: { message: string; element?: { id?: string } }) => ({
    message: w.message,
    elementId: w.element?.id,
  }));
  return { definitions: result.rootElement as ModdleElement, warnings };
}
