import type { PlatformStep } from './platform-steps.js';
import { platformSteps } from './platform-steps.js';

interface Moddle { create(type: string, attrs?: Record<string, unknown>): ModdleObject }
interface ModdleObject { set(key: string, value: unknown): void; get(key: string): unknown; [key: string]: unknown }
interface ElementFactory { createShape(attrs: Record<string, unknown>): { businessObject: ModdleObject } }
interface Create { start(event: Event, shape: unknown): void }
interface Palette { registerProvider(priority: number, provider: unknown): void }

/**
 * The palette's 一窗环节 group: one entry per platform step (受理, 审核, 联办审查, 上报, 协调,
 * 出件, 否定报备). Clicking or dragging one places the step with its extensions set.
 */
export default class StepPalette {
  static $inject = ['palette', 'create', 'elementFactory', 'moddle'];

  constructor(palette: Palette, private readonly create: Create, private readonly elementFactory: ElementFactory, private readonly moddle: Moddle) {
    palette.registerProvider(500, this);
  }

  getPaletteEntries() {
    const entries: Record<string, unknown> = { 'yc-separator': { group: 'yichuang', separator: true } };
    for (const step of platformSteps) {
      const start = (event: Event) => this.create.start(event, this.shapeOf(step));
      entries[`yc-step-${step.key}`] = {
        group: 'yichuang', className: `yc-palette-step yc-palette-${step.key}`, title: `${step.name}：${step.hint}`,
        html: `<div class="entry yc-palette-step" draggable="true" title="${step.name}：${step.hint}"><span>${step.name}</span></div>`,
        action: { click: start, dragstart: start },
      };
    }
    return entries;
  }

  /** The step as a new shape: its type, name, zeebe extensions and time limit. */
  shapeOf(step: PlatformStep) {
    const shape = this.elementFactory.createShape({ type: step.type, ...(step.eventDefinition ? { eventDefinitionType: step.eventDefinition } : {}) });
    const bo = shape.businessObject;
    bo.set('name', step.name);
    const values: ModdleObject[] = [];
    if (step.candidateGroups !== undefined) values.push(this.moddle.create('zeebe:AssignmentDefinition', { candidateGroups: step.candidateGroups }));
    if (step.formKey) values.push(this.moddle.create('zeebe:FormDefinition', { formKey: step.formKey }));
    if (step.jobType) values.push(this.moddle.create('zeebe:TaskDefinition', { type: step.jobType }));
    if (step.calledProcess) values.push(this.moddle.create('zeebe:CalledElement', { processId: step.calledProcess, propagateAllChildVariables: true }));
    if (values.length > 0) {
      const extensionElements = this.moddle.create('bpmn:ExtensionElements', { values });
      for (const value of values) value.$parent = extensionElements;
      extensionElements.$parent = bo;
      bo.set('extensionElements', extensionElements);
    }
    if (step.timeLimitDays !== undefined) bo.set('yc:timeLimitDays', step.timeLimitDays);
    return shape;
  }
}
