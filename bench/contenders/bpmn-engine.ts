import { Engine } from 'bpmn-engine';
import type { BpmnEngineExecutionState } from 'bpmn-engine';
import { BpmnModdle } from 'bpmn-moddle';
import * as Elements from 'bpmn-elements';
import Serializer, { TypeResolver } from 'moddle-context-serializer';
import type { SerializableContext } from 'moddle-context-serializer';
import type { BenchModel } from '../models.js';
import type { Contender } from './contender.js';

export type BpmnEngineMode = 'memory' | 'recover';

/** What the recover path keeps between steps: the JSON state and the tasks it left open. */
interface Saved {
  json: string;
  open: string[];
}

/**
 * bpmn-engine on its fastest path: each model's XML is parsed and serialized once, and that
 * context is handed to every Engine (one Engine is one instance). `memory` keeps the engines
 * running; `recover` saves `getState()` as JSON after every step and, for the next one,
 * recovers a new Engine from it and resumes it, as a process that keeps no engine in memory
 * must. The saved state leaves out `source` (the serialized model, the same for every
 * instance): recover takes it from the shared context instead.
 */
export class BpmnEngineContender implements Contender {
  readonly name: string;
  readonly durable = false;
  readonly note: string;
  private readonly contexts = new Map<string, SerializableContext>();
  private readonly running = new Map<string, Engine>();
  private readonly saved = new Map<string, Saved>();
  private seq = 0;

  constructor(private readonly mode: BpmnEngineMode) {
    this.name = mode === 'memory' ? 'bpmn-engine memory' : 'bpmn-engine recover';
    this.note = mode === 'memory'
      ? 'state bytes: JSON of getState() with its source, as one would store it'
      : 'state bytes: JSON of getState() without its source (the shared model is passed to recover)';
  }

  async open(models: readonly BenchModel[]): Promise<void> {
    const resolver = TypeResolver(Elements);
    for (const model of models) {
      const moddleContext = await new BpmnModdle().fromXML(model.xml);
      this.contexts.set(model.id, Serializer(moddleContext as never, resolver));
    }
  }

  private newEngine(model: string, name: string): Engine {
    return new Engine({ name, sourceContext: this.contexts.get(model) });
  }

  async start(model: BenchModel): Promise<string> {
    const id = `${model.id}-${++this.seq}`;
    const engine = this.newEngine(model.id, id);
    await engine.execute();
    if (this.mode === 'memory') this.running.set(id, engine);
    else await this.save(id, engine);
    return id;
  }

  async openTasks(instanceId: string): Promise<string[]> {
    const open = this.mode === 'memory' ? waitingTasks(this.running.get(instanceId)!) : this.saved.get(instanceId)!.open;
    if (open.length === 0) {
      this.running.delete(instanceId);
      this.saved.delete(instanceId);
    }
    return open;
  }

  async complete(instanceId: string, taskId: string): Promise<void> {
    if (this.mode === 'memory') {
      this.running.get(instanceId)!.execution.signal({ id: taskId });
      return;
    }
    const state = JSON.parse(this.saved.get(instanceId)!.json) as BpmnEngineExecutionState;
    const engine = this.newEngine(instanceId.split('-')[0]!, instanceId).recover(state);
    const execution = await engine.resume();
    execution.signal({ id: taskId });
    await this.save(instanceId, engine);
  }

  /** Saves the state; the engine is then stopped, as the process that ran it would be gone. */
  private async save(id: string, engine: Engine): Promise<void> {
    const state = await engine.getState();
    for (const definition of state.definitions) delete definition.source;
    const open = waitingTasks(engine);
    this.saved.set(id, { json: JSON.stringify(state), open });
    if (open.length > 0) await engine.stop();
  }

  async storedBytes(instanceId: string): Promise<number> {
    if (this.mode === 'recover') return Buffer.byteLength(this.saved.get(instanceId)!.json);
    return Buffer.byteLength(JSON.stringify(await this.running.get(instanceId)!.getState()));
  }

  async close(): Promise<void> {
    for (const engine of this.running.values()) await engine.stop();
    this.running.clear();
    this.saved.clear();
  }
}

function waitingTasks(engine: Engine): string[] {
  return engine.execution.getPostponed().filter((activity) => activity.type === 'bpmn:UserTask').map((activity) => activity.id);
}
