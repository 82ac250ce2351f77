import type { ElementDef, FlowDef } from '../model/graph.js';
import { EngineError } from '../errors.js';
import type { Effect, EffectBody, TaskCompletion } from './effects.js';
import type { HistoryEvent, RuntimeEvent } from './events.js';
import { apply, HISTORY_FORMAT } from './events.js';
import type { InstanceState, Item } from './state.js';
import type { StepContext } from './context.js';

/**
 * One step in progress: the working copy of the state, the events and effects it has
 * produced, and the agenda of work still to do. Every state change goes through `emit`.
 */
export class Tx {
  readonly events: HistoryEvent[] = [];
  private readonly bodies: EffectBody[] = [];
  private readonly agenda: Array<() => void> = [];
  /** Tokens on their way along a flow, by scope key: a scope with one is not done. */
  private readonly inFlight = new Map<string, number>();

  /** The task a 'complete' command completes in this step, told to the task's 'task.closed' effect. */
  completing?: { key: string } & TaskCompletion;

  constructor(readonly state: InstanceState, readonly ctx: StepContext) {}

  /** Records an event, in today's history format, and applies it. */
  emit(event: RuntimeEvent): void {
    this.events.push({ ...event, v: HISTORY_FORMAT, seq: this.state.seq, at: this.ctx.now });
    apply(this.state, event);
  }

  effect(body: EffectBody): void {
    this.bodies.push(body);
  }

  /**
   * The step's effects with their ids: `instanceId:seq.n`, seq being where the step left the
   * history. A step always moves the history on, so ids never repeat, and the same state and
   * command always give the same ids.
   */
  get effects(): Effect[] {
    return this.bodies.map((body, n) => ({ id: `${this.state.id}:${this.state.seq}.${n}`, ...body }) as Effect);
  }

  /** Queues work; the agenda runs first in, first out, so parallel branches interleave. */
  later(work: () => void): void {
    this.agenda.push(work);
  }

  /** Queues a token's arrival; until it arrives, its scope counts it as alive. */
  send(scope: string, arrive: () => void): void {
    this.inFlight.set(scope, (this.inFlight.get(scope) ?? 0) + 1);
    this.later(() => {
      this.inFlight.set(scope, this.inFlight.get(scope)! - 1);
      arrive();
    });
  }

  tokensInFlight(scope: string): boolean {
    return (this.inFlight.get(scope) ?? 0) > 0;
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
