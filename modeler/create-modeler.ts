import Modeler from 'bpmn-js/lib/Modeler';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, ZeebePropertiesProviderModule } from 'bpmn-js-properties-panel';
import ZeebeBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-cloud';
import lintModule from 'bpmn-js-bpmnlint';
import translateModule from './translate/zh.js';
import engineScopeModule from './palette/index.js';
import stepsModule from './steps/index.js';
import propertiesModule from './properties/index.js';
import { packedLintConfig } from './lint/index.js';
import simulateModule from './simulate/index.js';
import formDesignModule from './forms/index.js';
import roundTripModule from './round-trip/index.js';
import { moddleExtensions } from './create-viewer.js';

/**
 * Camunda 8.5's behaviours that turn every new user task into a zeebe:userTask and rewrite its
 * formKey as an externalReference: the engine reads formKey (the platform's forms by key), so
 * these two stay off; the other clean-up behaviours run.
 */
const keepFormKeys = { createZeebeUserTaskBehavior: ['value', {}], formsBehavior: ['value', {}] };

/**
 * The process modeler: bpmn-js with the properties panel (zeebe groups and the 一窗 group), in
 * Chinese, the palette and replace menu limited to what the engine runs, the platform's steps,
 * the platform's lint shown on the diagram, and token simulation on the draft. Not pure: draws into the containers.
 */
export function createProcessModeler(canvas: HTMLElement, panel: HTMLElement): Modeler {
  return new Modeler({
    container: canvas,
    propertiesPanel: { parent: panel },
    linting: { bpmnlint: packedLintConfig(), active: true },
    moddleExtensions,
    additionalModules: [
      BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, ZeebePropertiesProviderModule, ZeebeBehaviorsModule,
      keepFormKeys, translateModule, engineScopeModule, stepsModule, propertiesModule, lintModule, simulateModule, formDesignModule, roundTripModule,
    ],
  });
}
