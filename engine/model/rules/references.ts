import type { ModdleElement } from '../moddle.js';
import type { Problems } from '../problems.js';
import type { ModelIndex, PropertyDescriptor } from './model-index.js';
import { isA, isElement, propertiesOf } from './model-index.js';
import type { Rule } from './rule.js';
import { describe } from './rule.js';
import { identified } from './kinds.js';

/** References the spec requires (cardinality 1): without them the element means nothing. */
const mandatory: Readonly<Record<string, readonly string[]>> = {
  'bpmn:SequenceFlow': ['sourceRef', 'targetRef'],
  'bpmn:MessageFlow': ['sourceRef', 'targetRef'],
  'bpmn:Association': ['sourceRef', 'targetRef'],
  'bpmn:BoundaryEvent': ['attachedToRef'],
};

/** REF.01 — a mandatory reference is present and resolves to an element of the model. */
const mandatoryResolves: Rule = (model, problems) => {
  for (const [type, names] of Object.entries(mandatory)) {
    for (const element of model.all(type)) {
      for (const name of names.filter((n) => !isElement(element[n]))) {
        problems.add(element, 'REF.01', `${describe(element)}: ${name} is missing or names no element of this model`);
      }
    }
  }
};

/** Where bpmn-moddle's metamodel types a reference differently from the spec, the spec wins. */
const specTypes: Readonly<Record<string, string>> = {
  'bpmn:InputOutputBinding.inputDataRef': 'bpmn:DataInput',
  'bpmn:InputOutputBinding.outputDataRef': 'bpmn:DataOutput',
};

function expectedType(element: ModdleElement, property: PropertyDescriptor): string | undefined {
  const type = specTypes[`${element.$type}.${property.name}`] ?? property.type;
  return type === 'Element' ? undefined : type; // 'Element' is moddle's "anything"
}

/** REF.02 — every reference resolves to an element of the type the spec gives that reference. */
const referencedTypeFits: Rule = (model, problems) => {
  for (const { element } of model.visits.filter((v) => v.element.$type.startsWith('bpmn:'))) {
    for (const property of propertiesOf(element).filter((p) => p.isReference)) {
      const wanted = expectedType(element, property);
      if (wanted) reportMisfits(model, problems, element, property.name, wanted);
    }
  }
};

function reportMisfits(model: ModelIndex, problems: Problems, element: ModdleElement, name: string, wanted: string): void {
  const value = element[name];
  for (const target of (Array.isArray(value) ? value : [value]).filter(isElement)) {
    if (isA(target, wanted)) continue;
    problems.add(identified(model, element), 'REF.02',
      `${describe(element)}: ${name} must name an element of type ${wanted.replace(/^bpmn:/, '')}, but names ${describe(target)}`);
  }
}

/** Referential integrity: references exist and point at elements of the right type. */
export const referenceRules: readonly Rule[] = [mandatoryResolves, referencedTypeFits];
