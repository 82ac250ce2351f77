/**
 * yichuang's embeddable BPMN 2.0 engine: compile BPMN (bpmn-moddle), run it through a pure
 * step function, keep a hash-chained history, replay it. Knows nothing about government.
 */
export { createEngine, Engine } from './engine.js';
export type { EffectListener, FollowOptions, EngineOptions, MigrationReport, VersionRef } from './engine.js';
export type { MigrationProblem } from './runtime/migration.js';
export type { Deployment, DeployedProcess } from './deploy/deployments.js';
export type { InstanceView, Incident } from './instance-view.js';
export type { PublishOptions, Published } from './delivery/message-buffer.js';
export { BpmnError } from './jobs/jobs.js';
export type { Job, JobHandler } from './jobs/jobs.js';
export { EngineError, ModelError, ExpressionError, ENGINE_ERROR_CODES } from './errors.js';
export type { ModelProblem, EngineErrorCode } from './errors.js';
export type { EngineLogger } from './logger.js';
export { VirtualClock, systemClock } from './clock/index.js';
export type { Clock } from './clock/index.js';
export { weekdayCalendar } from './calendar/weekdays.js';
export type { WorkingCalendar, DayOverride, DayInfo } from './calendar/types.js';
export { addWorkingDays, deadlineAfterReceipt, workingDaysBetween } from './calendar/working-days.js';
export { compileExpression, evaluate as evaluateExpression } from './expressions/index.js';
export type { FeelExpression } from './expressions/index.js';
export { compileBpmn } from './model/compile.js';
export { parseBpmn, yichuangDescriptor } from './model/parse.js';
export type { CompiledDefinitions, ProcessDef, ElementDef } from './model/graph.js';
export { step } from './runtime/step.js';
export type { StepResult } from './runtime/step.js';
export { replay, apply, formatOf, HISTORY_FORMAT } from './runtime/events.js';
export type { RuntimeEvent, HistoryEvent } from './runtime/events.js';
export type { Command } from './runtime/commands.js';
export type { Effect } from './runtime/effects.js';
export { EFFECT_TYPES } from './runtime/effects.js';
export type { InstanceState } from './runtime/state.js';
export { verifyChain } from './history/chain.js';
export { checkSeals, ed25519Sealer, ed25519Verifier, sealMessage } from './history/seals.js';
export type { HistorySeal, HistorySealer, SealCheck, SealVerifier } from './history/seals.js';
export type { StoredEvent, ChainCheck, HistoryHash } from './history/chain.js';
export { MemoryStore } from './store/memory.js';
export { ITEM_SEPARATOR, canonicalItemId, itemId, splitItemId } from './store/projections.js';
export type { EngineStore, OpenTask, TaskQuery } from './store/types.js';
export type { ClaimedEffect, EffectClaim } from './store/claims.js';
export type { BufferedMessage, StartTimer } from './store/start-timers-and-messages.js';
export { exponentialBackoff } from './jobs/job-runner.js';
export type { JobHandlerEntry, RunOutcome } from './jobs/job-runner.js';
export { DEFAULT_JOB_LOCK_MS } from './jobs/job-locks.js';
export type { OutboxTiming } from './effects/outbox-sweep.js';
// The BullMQ adapter and its worker are imported from engine/queue/ by server-mode code only, so embedding needs no Redis client.
export type { EngineQueue, QueuedJob, QueuedTimer } from './queue/types.js';
