import type { ElementDef, FlowDef } from '../model/graph.js';
import { EngineError } from '../errors.js';
import type { Effect, EffectBody } from './effects.js';
import type { HistoryEvent, RuntimeEvent } from './events.js';
import { apply } from './events.js';
import type { InstanceState, Item } from './state.js';
import type { StepContext } from './context.js';

/**
 * One step in progress: the working copy of the state, the events and effects it has
 * produced, and the agenda of work still to do. Every state change goes through `emit`.
 */
export class Tx {
  readonly events: HistoryEvent[] = [];
  readonly effects: Effect[] = [];
  private readonly agenda: Array<() => void> = [];

  constructor(readonly state: InstanceState, readonly ctx: StepContext) {}

  emit(event: RuntimeEvent): void {
    this.events.push({ ...event, seq: this.state.seq, at: this.ctx.now });
    apply(this.state, event);
  }

  effect(body: EffectBody): void {
    this.effects.push({ id: `${this.state.id}:${this.state.seq}.${this.effects.length}`, ...body } as Effect);
  }

  /** Queues work; the agenda runs first in, first out, so parallel branches interleave. */
  later(work: () => void): void {
    this.agenda.push(work);
  }

  run(): void {
    for (let work = this.agenda.shift(); work; work = this.agenda.shift()) work();
  }

  newKey(): string {
    return String(this.state.next);
  }

  item(key: string): Item | undefined {
    return this.state.items[key];
  }

  element(id: string): ElementDef {
    const element = this.ctx.definition.elements[id];
    if (!element) throw new EngineError('ELEMENT_UNKNOWN', `element "${id}" is not in process "${this.ctx.definition.id}"`, { elementId: id });
    return element;
  }

  flow(id: string): FlowDef {
    const flow = this.ctx.definition.flows[id];
    if (!flow) throw new EngineError('FLOW_UNKNOWN', `sequence flow "${id}" is not in process "${this.ctx.definition.id}"`, { flowId: id });
    return flow;
  }

  /** Keys of the live items directly inside a scope item. */
  children(scopeKey: string): string[] {
    return Object.keys(this.state.items).filter((key) => this.state.items[key]?.parent === scopeKey);
  }
}
