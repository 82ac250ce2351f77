import type { Rule } from './rule.js';
import { describe, report } from './rule.js';
import { identified, one } from './kinds.js';

/**
 * EXT.020 — a Data Object, Data Input or Data Output says isCollection exactly when its item
 * definition does. EXT.083 states it again for Data Outputs.
 */
const collectionMatchesItem: Rule = (model, problems) => {
  for (const type of ['bpmn:DataObject', 'bpmn:DataInput', 'bpmn:DataOutput']) {
    for (const element of model.all(type)) {
      const item = one(element.itemSubjectRef);
      if (!item || Boolean(element.isCollection) === Boolean(item.isCollection)) continue;
      const rules = type === 'bpmn:DataOutput' ? ['EXT.020', 'EXT.083'] : ['EXT.020'];
      const says = (e: typeof item) => `isCollection=${Boolean(e.isCollection)}`;
      const message = `${describe(element)} has ${says(element)} but its item ${describe(item)} has ${says(item)}`;
      report(problems, identified(model, element), rules, message);
    }
  }
};

/** EXT.076 — a named Data Object Reference with a state is called "Data Object name [state]". */
const referenceNamingConvention: Rule = (model, problems) => {
  for (const reference of model.all('bpmn:DataObjectReference')) {
    const state = one(reference.dataState)?.name;
    const object = one(reference.dataObjectRef);
    if (typeof reference.name !== 'string' || typeof state !== 'string' || !object) continue;
    const expected = `${object.name ?? ''} [${state}]`;
    if (reference.name !== expected) problems.add(reference, 'EXT.076', `${describe(reference)} should be named "${expected}"`);
  }
};

const misplacedProperty = /line: (\d+)[\s\S]*unrecognized element <bpmn:property>/;

/**
 * EXT.078 — Properties belong to a Process, an Activity or an Event. bpmn-moddle refuses one
 * anywhere else with a reader warning and drops it, so that is where the breach shows; the
 * definitions are named since the dropped property never became an element.
 */
const propertyPlacement: Rule = (model, problems) => {
  for (const warning of model.warnings) {
    const match = misplacedProperty.exec(warning.message);
    if (!match) continue;
    problems.add(model.definitions, 'EXT.078',
      `a property at line ${match[1]} sits where BPMN allows none; properties belong to a process, an activity or an event`);
  }
};

/** Constraints on data objects, inputs, outputs and properties. */
export const dataItemRules: readonly Rule[] = [collectionMatchesItem, referenceNamingConvention, propertyPlacement];
