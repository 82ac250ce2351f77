import Modeler from 'bpmn-js/lib/Modeler';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, ZeebePropertiesProviderModule } from 'bpmn-js-properties-panel';
import ZeebeBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-cloud';
import lintModule from 'bpmn-js-bpmnlint';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json';
import yichuang from '../engine/model/descriptor/yichuang.json';
import translateModule from './translate/zh.js';
import engineScopeModule from './palette/index.js';
import stepsModule from './steps/index.js';
import propertiesModule from './properties/index.js';
import { packedLintConfig } from './lint/index.js';

/**
 * Camunda 8.5's behaviours that turn every new user task into a zeebe:userTask and rewrite its
 * formKey as an externalReference: the engine reads formKey (the platform's forms by key), so
 * these two stay off; the other clean-up behaviours run.
 */
const keepFormKeys = { createZeebeUserTaskBehavior: ['value', {}], formsBehavior: ['value', {}] };

/** The descriptors the engine reads: zeebe's and the platform's own, so the modeler writes what the engine runs. */
export const moddleExtensions = { zeebe, yc: yichuang };

/**
 * The process modeler: bpmn-js with the properties panel (zeebe groups and the 一窗 group), in
 * Chinese, the palette and replace menu limited to what the engine runs, the platform's steps,
 * and the platform's lint shown on the diagram. Not pure: draws into the containers.
 */
export function createProcessModeler(canvas: HTMLElement, panel: HTMLElement): Modeler {
  return new Modeler({
    container: canvas,
    propertiesPanel: { parent: panel },
    linting: { bpmnlint: packedLintConfig(), active: true },
    moddleExtensions,
    additionalModules: [
      BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, ZeebePropertiesProviderModule, ZeebeBehaviorsModule,
      keepFormKeys, translateModule, engineScopeModule, stepsModule, propertiesModule, lintModule,
    ],
  });
}

/** A read-only view of a version (or of both sides of a diff), with the same descriptors. */
export function createProcessViewer(canvas: HTMLElement): NavigatedViewer {
  return new NavigatedViewer({ container: canvas, moddleExtensions, additionalModules: [translateModule] });
}
