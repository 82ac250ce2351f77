import { create, listAt } from './model-tree.js';
import type { ModdleElement } from './model-tree.js';

/** The job type every placeholder script becomes; one handler gives the tokens their meaning. */
export const BETSY_JOB = 'betsy';
/**
 * The job type of `WAIT_TEN_SECONDS`. No in-process handler takes it: a handler that slept
 * would keep `engine.idle()` from returning, so the clock could never move. The runner works
 * it as an external worker does, completing it once the virtual clock passes its wake-up time.
 */
export const WAIT_JOB = 'betsy-wait';
/** How long `WAIT_TEN_SECONDS` waits, in virtual milliseconds. */
export const WAIT_MS = 10_000;

const PLACEHOLDER = /^(SCRIPT_task\d+|CREATE_MARKER_FILE|INCREMENT_INTEGER_VARIABLE(_AND_LOG)?|SET_STRING_DATA|LOG_DATA|THROW_ERROR|WAIT_TEN_SECONDS|CREATE_LOG_FILE)$/;

/** Elements whose `script` may hold a placeholder: script tasks and global script tasks. */
const SCRIPTED = new Set(['bpmn:ScriptTask', 'bpmn:GlobalScriptTask']);

/** The placeholder token a script (task) holds, or null when its body is real code. Pure. */
export function placeholderOf(element: ModdleElement): string | null {
  if (!SCRIPTED.has(element.$type) || typeof element.script !== 'string') return null;
  const token = element.script.trim();
  return PLACEHOLDER.test(token) ? token : null;
}

/**
 * Turns a placeholder script task into a job: a `zeebe:taskDefinition` and headers naming
 * the token (and, for `THROW_ERROR`, the error code the model waits for). Mutates the element.
 */
export function bindPlaceholder(element: ModdleElement): void {
  const token = placeholderOf(element);
  if (token === null) return;
  const headers: Record<string, string> = { placeholder: token };
  const code = token === 'THROW_ERROR' ? expectedErrorCode(element) : undefined;
  if (code !== undefined) headers.errorCode = code;
  const extensions = (element.extensionElements as ModdleElement | undefined) ?? create('bpmn:ExtensionElements', { values: [] });
  (extensions.values as ModdleElement[]).push(
    create('zeebe:TaskDefinition', { type: token === 'WAIT_TEN_SECONDS' ? WAIT_JOB : BETSY_JOB }),
    create('zeebe:TaskHeaders', { values: Object.entries(headers).map(([key, value]) => create('zeebe:Header', { key, value })) }),
  );
  element.extensionElements = extensions;
  // The job does the work now; the placeholder is no script (a body without a format breaks EXT.053).
  element.script = undefined;
}

/**
 * The error code of the nearest error catcher around `element`: an error boundary event on it
 * or on an enclosing sub-process, or an error start event of an event sub-process in an
 * enclosing scope. Undefined when no catcher names a code. Pure.
 */
export function expectedErrorCode(element: ModdleElement): string | undefined {
  for (let scope: ModdleElement | undefined = element; scope; scope = scope.$parent) {
    const siblings = listAt(scope.$parent, 'flowElements');
    const boundaries = siblings.filter((e) => e.$type === 'bpmn:BoundaryEvent' && e.attachedToRef === scope);
    const eventSubProcessStarts = listAt(scope, 'flowElements')
      .filter((e) => e.$type === 'bpmn:SubProcess' && e.triggeredByEvent === true)
      .flatMap((sub) => listAt(sub, 'flowElements').filter((e) => e.$type === 'bpmn:StartEvent'));
    const code = [...boundaries, ...eventSubProcessStarts].map(errorCodeOf).find((c) => c !== undefined);
    if (code !== undefined) return code;
  }
  return undefined;
}

function errorCodeOf(event: ModdleElement): string | undefined {
  const definition = listAt(event, 'eventDefinitions').find((d) => d.$type === 'bpmn:ErrorEventDefinition');
  const code = (definition?.errorRef as ModdleElement | undefined)?.errorCode;
  return typeof code === 'string' && code !== '' ? code : undefined;
}
