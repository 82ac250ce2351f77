import type { EventDefinition, TimerDef } from './graph.js';
import type { ModdleElement } from './moddle.js';
import { listOf } from './moddle.js';
import type { Problems } from './problems.js';
import { extension } from './extensions.js';
import { compileExpression, compileAttribute } from '../expressions/index.js';

/** The event's own definitions and the ones it references by `eventDefinitionRef`. */
export function eventDefinitionsOf(event: ModdleElement): ModdleElement[] {
  return [...listOf(event.eventDefinitions), ...listOf(event.eventDefinitionRef)];
}

/** Compiles one event definition; an unsupported one becomes a problem, not a silent skip. */
export function compileEventDefinition(
  event: ModdleElement,
  def: ModdleElement,
  problems: Problems,
): EventDefinition | undefined {
  const where = { elementId: event.id ?? '', attribute: '' };
  switch (def.$type) {
    case 'bpmn:MessageEventDefinition':
      return compileMessage(event, def.messageRef as ModdleElement | undefined, problems);
    case 'bpmn:SignalEventDefinition': {
      const signal = def.signalRef as ModdleElement | undefined;
      return { kind: 'signal', name: String(signal?.name ?? signal?.id ?? event.id) };
    }
    case 'bpmn:ErrorEventDefinition': {
      const error = def.errorRef as ModdleElement | undefined;
      return { kind: 'error', code: codeOf(error, 'errorCode') };
    }
    case 'bpmn:EscalationEventDefinition': {
      const escalation = def.escalationRef as ModdleElement | undefined;
      return { kind: 'escalation', code: codeOf(escalation, 'escalationCode') };
    }
    case 'bpmn:TimerEventDefinition': {
      const timer = problems.guard(event, 'timer', () => compileTimer(def, where.elementId));
      return timer ? { kind: 'timer', timer } : undefined;
    }
    case 'bpmn:ConditionalEventDefinition': {
      const body = (def.condition as ModdleElement | undefined)?.body;
      if (typeof body !== 'string' || body.trim() === '') {
        problems.add(event, 'conditional', 'a conditional event needs a condition expression');
        return undefined;
      }
      const condition = problems.guard(event, 'expression', () =>
        compileExpression(body, { ...where, attribute: 'condition' }));
      return condition ? { kind: 'conditional', condition } : undefined;
    }
    case 'bpmn:TerminateEventDefinition':
      return { kind: 'terminate' };
    case 'bpmn:CancelEventDefinition':
      return { kind: 'cancel' };
    case 'bpmn:CompensateEventDefinition':
      return {
        kind: 'compensate',
        activityRef: (def.activityRef as ModdleElement | undefined)?.id,
        waitForCompletion: def.waitForCompletion !== false,
      };
    case 'bpmn:LinkEventDefinition':
      return { kind: 'link', name: String(def.name ?? '') };
    default:
      problems.add(event, 'unsupported', `event definition ${def.$type} is not supported`);
      return undefined;
  }
}

function codeOf(ref: ModdleElement | undefined, attribute: string): string | undefined {
  const code = ref?.[attribute];
  return typeof code === 'string' && code !== '' ? code : undefined;
}

/** A message event definition, or a receive/send task's own messageRef. */
export function compileMessage(event: ModdleElement, message: ModdleElement | undefined, problems: Problems): EventDefinition | undefined {
  if (!message) {
    problems.add(event, 'message', event.$type === 'bpmn:IntermediateThrowEvent' || event.$type === 'bpmn:EndEvent'
      ? 'a message throw event needs a messageRef to a bpmn:message (the engine publishes it), or a zeebe:taskDefinition (a job worker sends it, as in Camunda 8)'
      : 'a message event needs a messageRef to a bpmn:message');
    return undefined;
  }
  const name = String(message.name ?? message.id);
  const key = extension(message, 'zeebe:Subscription')?.correlationKey;
  if (typeof key !== 'string' || key === '') return { kind: 'message', name };
  const correlationKey = problems.guard(event, 'expression', () =>
    compileAttribute(key, { elementId: message.id ?? '', attribute: 'correlationKey' }));
  return correlationKey ? { kind: 'message', name, correlationKey } : undefined;
}

const timerKinds = [['timeDate', 'date'], ['timeDuration', 'duration'], ['timeCycle', 'cycle']] as const;

/** A timer's one expression (date, duration or cycle); checked again at run time by engine/time. */
function compileTimer(def: ModdleElement, elementId: string): TimerDef {
  const workingDays = def.calendar === 'working';
  for (const [attribute, type] of timerKinds) {
    const body = (def[attribute] as ModdleElement | undefined)?.body;
    if (typeof body === 'string' && body.trim() !== '') {
      return { type, workingDays, value: compileAttribute(body.trim(), { elementId, attribute }) };
    }
  }
  throw new Error('a timer needs a timeDate, timeDuration or timeCycle with a value');
}
