import type { ElementDef, ProcessDef } from './graph.js';

type Add = (element: ElementDef, rule: string, message: string) => void;

/**
 * Event cells of the matrix (README: "The event matrix") that the specification allows but
 * the engine refuses, each for a reason it names: deployed, they would wait for ever or fire
 * when they should not.
 */
export function checkEvents(process: ProcessDef, add: Add): void {
  for (const element of Object.values(process.elements)) {
    if (element.kind === 'endEvent' && element.events.some((e) => e.kind === 'cancel')) checkCancelCaught(process, element, add);
    if (element.kind !== 'startEvent') continue;
    if (element.scopeId === process.id && element.parallelMultiple && element.events.length > 1) {
      add(element, 'unsupported', 'a parallel multiple start event of a process would have to gather its triggers outside any instance before one starts; '
        + 'start the process by one of them and wait for the others inside it (a parallel multiple intermediate catch event)');
    }
    if (element.events.some((e) => e.kind === 'compensate')) {
      add(element, 'unsupported', 'a compensation event sub-process is not run by the engine; '
        + 'undo the sub-process with a compensation boundary event on it and a handler marked isForCompensation');
    }
  }
}

/** A cancel end event is caught by the cancel boundary event of its transaction (§10.5.4); without one the cancel would hang. */
function checkCancelCaught(process: ProcessDef, end: ElementDef, add: Add): void {
  let scope = process.elements[end.scopeId];
  while (scope && scope.kind !== 'transaction') scope = process.elements[scope.scopeId];
  if (!scope || scope.boundaries.some((id) => process.elements[id]?.events.some((e) => e.kind === 'cancel'))) return;
  add(end, 'cancel', `cancels transaction "${scope.id}", which has no cancel boundary event to catch the cancel and leave by`);
}
