import { EngineError } from '../errors.js';
import type { Command } from './commands.js';
import type { Tx } from './tx.js';

/**
 * Who holds an open user task: assigned when it opens, claimed by a person, given back, or handed on to a named one.
 * Each is a named event in the history (so an auditor reads who took what, and when) and a
 * task.assigned effect (so the open-task rows follow). Rules about who may do it belong to the
 * embedder; the engine only refuses what cannot be: a task that is not open, or already
 * claimed by someone else (two people claiming at once: the second finds it taken).
 */
/** A user task has opened for a person, or for candidate groups or users, as its model says (nothing: no event). */
export function assigned(tx: Tx, key: string, to: { assignee?: string; candidateGroups: string[]; candidateUsers: string[] }): void {
  const { assignee, candidateGroups, candidateUsers } = to;
  if (assignee === undefined && candidateGroups.length === 0 && candidateUsers.length === 0) return;
  tx.emit({
    t: 'assigned', key, ...(assignee !== undefined ? { assignee } : {}),
    ...(candidateGroups.length > 0 ? { candidateGroups } : {}), ...(candidateUsers.length > 0 ? { candidateUsers } : {}),
  });
}

export function claim(tx: Tx, key: string, assignee: string): void {
  const holder = openTask(tx, key).assignee;
  if (holder !== undefined && holder !== assignee) {
    throw new EngineError('TASK_CLAIMED', `task ${key} is held by ${holder} already`, { key, assignee: holder });
  }
  tx.emit({ t: 'claimed', key, assignee });
  tx.effect({ type: 'task.assigned', key, assignee });
}

export function unclaim(tx: Tx, key: string): void {
  openTask(tx, key);
  tx.emit({ t: 'unclaimed', key });
  tx.effect({ type: 'task.assigned', key });
}

export function handOn(tx: Tx, command: Extract<Command, { type: 'handOn' }>): void {
  openTask(tx, command.key);
  tx.emit({ t: 'handedOn', key: command.key, to: command.to, ...(command.by ? { by: command.by } : {}), reason: command.reason });
  tx.effect({ type: 'task.assigned', key: command.key, assignee: command.to });
}

function openTask(tx: Tx, key: string) {
  const item = tx.item(key);
  if (!item?.waits?.some((w) => w?.k === 'task')) {
    throw new EngineError('NOT_WAITING', `instance ${tx.state.id} has no open user task ${key}`, { instanceId: tx.state.id, key });
  }
  return item;
}
