import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json';
import yichuang from '../engine/model/descriptor/yichuang.json';
import translateModule from './translate/zh.js';

/** The descriptors the engine reads: zeebe's and the platform's own, so the modeler writes what the engine runs. */
export const moddleExtensions = { zeebe, yc: yichuang };

/**
 * A read-only view of a version (or of both sides of a diff), with the same descriptors. Kept
 * apart from the modeler so that a page showing a diagram loads no editing (nor simulation).
 */
export function createProcessViewer(canvas: HTMLElement): NavigatedViewer {
  return new NavigatedViewer({ container: canvas, moddleExtensions, additionalModules: [translateModule] });
}
