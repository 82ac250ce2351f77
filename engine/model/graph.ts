import type { CompiledExpression, CompiledMappings } from '../expressions/index.js';

/**
 * The compiled, immutable graph the runtime walks. Everything the runtime needs is resolved
 * here once at deploy (references, expressions, scopes), so a step never touches moddle.
 */
export interface CompiledDefinitions {
  id: string;
  /** Executable processes by id. */
  processes: Readonly<Record<string, ProcessDef>>;
  /** Processes the file declares but marks non-executable (reported, never run). */
  nonExecutable: readonly string[];
}

export interface ProcessDef {
  id: string;
  name?: string;
  /** Every flow node of the process and its sub-processes, by id. */
  elements: Readonly<Record<string, ElementDef>>;
  flows: Readonly<Record<string, FlowDef>>;
  /** The process itself as the outermost scope. */
  scope: ScopeDef;
  /** Start events that create instances from outside: none, message, signal, timer. */
  starts: readonly string[];
  /** The platform's own attributes (handling mode, time limits). */
  properties: Readonly<Record<string, unknown>>;
}

/** What a process, sub-process or event sub-process contains. */
export interface ScopeDef {
  id: string;
  /** None start events (the ones a plain activation starts). */
  noneStarts: readonly string[];
  /** Event sub-processes whose start events listen while the scope is active. */
  eventSubProcesses: readonly string[];
  /** Activities without incoming flows started by an ad hoc sub-process. */
  adHocChildren: readonly string[];
  /** Every direct child flow node. */
  children: readonly string[];
}

export type ElementKind =
  | 'startEvent' | 'endEvent' | 'intermediateCatchEvent' | 'intermediateThrowEvent' | 'boundaryEvent'
  | 'task' | 'userTask' | 'manualTask' | 'serviceTask' | 'sendTask' | 'receiveTask' | 'scriptTask' | 'businessRuleTask'
  | 'exclusiveGateway' | 'parallelGateway' | 'inclusiveGateway' | 'eventBasedGateway' | 'complexGateway'
  | 'subProcess' | 'transaction' | 'adHocSubProcess' | 'callActivity';

export type EventDefinition =
  | { kind: 'message'; name: string; correlationKey?: CompiledExpression }
  | { kind: 'signal'; name: string }
  | { kind: 'error'; code?: string }
  | { kind: 'escalation'; code?: string }
  | { kind: 'timer'; timer: TimerDef }
  | { kind: 'conditional'; condition: CompiledExpression }
  | { kind: 'terminate' }
  | { kind: 'cancel' }
  | { kind: 'compensate'; activityRef?: string; waitForCompletion: boolean }
  | { kind: 'link'; name: string };

export interface TimerDef {
  type: 'date' | 'duration' | 'cycle';
  /** A FEEL expression (`=...`) or an ISO 8601 literal. */
  value: CompiledExpression;
  /** Count days as working days (yc:calendar="working"). */
  workingDays: boolean;
}

export interface ElementDef {
  id: string;
  kind: ElementKind;
  name?: string;
  /** The id of the containing scope: the process or a sub-process. */
  scopeId: string;
  incoming: readonly string[];
  outgoing: readonly string[];
  defaultFlow?: string;
  /** Event definitions (catch or throw); several with `parallelMultiple` = all must occur. */
  events: readonly EventDefinition[];
  parallelMultiple: boolean;
  /** Boundary events: the activity they sit on, and whether they interrupt it. */
  attachedTo?: string;
  interrupting: boolean;
  /** Activities: boundary event ids, in document order. */
  boundaries: readonly string[];
  /** Sub-processes: the scope they open. Event sub-processes set `triggeredByEvent`. */
  scope?: ScopeDef;
  triggeredByEvent: boolean;
  adHocOrdering?: 'Parallel' | 'Sequential';
  loop?: LoopDef;
  job?: JobDef;
  userTask?: UserTaskDef;
  script?: { expression: CompiledExpression; resultVariable?: string };
  call?: { processId: CompiledExpression; propagateAll: boolean };
  inputs?: CompiledMappings;
  outputs?: CompiledMappings;
  startQuantity: number;
  completionQuantity: number;
  isForCompensation: boolean;
  /** A receive task (or event-based gateway) that starts the process when its message arrives. */
  instantiate: boolean;
  /** Activities with a compensation boundary event: the handler activity's id. */
  compensationHandler?: string;
  /** Gateways: FEEL activation condition of a complex gateway. */
  activationCondition?: CompiledExpression;
  /** The platform's own attributes (time limit, clock-suspending step). */
  properties: Readonly<Record<string, unknown>>;
}

export type LoopDef =
  | { kind: 'standard'; condition?: CompiledExpression; maximum?: CompiledExpression; testBefore: boolean }
  | {
      kind: 'multi';
      sequential: boolean;
      collection?: CompiledExpression;
      cardinality?: CompiledExpression;
      elementVariable?: string;
      outputCollection?: string;
      outputElement?: CompiledExpression;
      completionCondition?: CompiledExpression;
      /** BPMN's behavior attribute: when the multi-instance body throws its events. */
      behavior: 'All' | 'None' | 'One' | 'Complex';
      /** What the body throws after an instance completes (None, One), or when a condition holds (Complex). */
      behaviorEvents?: readonly { condition?: CompiledExpression; events: readonly EventDefinition[] }[];
    };

export interface JobDef {
  type: CompiledExpression;
  retries: CompiledExpression;
  headers: Readonly<Record<string, string>>;
}

export interface UserTaskDef {
  assignee?: CompiledExpression;
  candidateGroups?: CompiledExpression;
  candidateUsers?: CompiledExpression;
  dueDate?: CompiledExpression;
  followUpDate?: CompiledExpression;
  formKey?: string;
  headers: Readonly<Record<string, string>>;
}

export interface FlowDef {
  id: string;
  source: string;
  target: string;
  condition?: CompiledExpression;
}
