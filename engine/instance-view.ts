import type { InstanceState } from './runtime/state.js';
import { ROOT } from './runtime/state.js';
import { itemId } from './store/projections.js';

export interface Incident {
  instanceId: string;
  key: string;
  elementId: string;
  code: string;
  message: string;
}

/** What callers see of an instance: status, variables, where its tokens are, its incidents. */
export interface InstanceView {
  id: string;
  processId: string;
  definitionKey: string;
  businessKey?: string;
  status: InstanceState['status'];
  variables: Record<string, unknown>;
  active: Array<{ key: string; id: string; elementId: string }>;
  incidents: Incident[];
}

/** A read-only view of a state. Pure. */
export function describeInstance(state: InstanceState): InstanceView {
  const items = Object.entries(state.items).filter(([key]) => key !== ROOT);
  return {
    id: state.id,
    processId: state.processId,
    definitionKey: state.definitionKey,
    ...(state.businessKey ? { businessKey: state.businessKey } : {}),
    status: state.status,
    variables: { ...state.vars[ROOT] },
    active: items.map(([key, item]) => ({ key, id: itemId(state.id, key), elementId: item.el })),
    incidents: Object.entries(state.items)
      .filter(([, item]) => item.incident)
      .map(([key, item]) => ({ instanceId: state.id, key, elementId: item.el, ...item.incident! })),
  };
}
