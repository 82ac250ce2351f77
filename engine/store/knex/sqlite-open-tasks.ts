import type { Knex } from 'knex';
import type { OpenTask } from '../types.js';
import { onSqlite } from './sqlite-direct.js';
import { TASK_COLUMNS, toTask } from './rows.js';

/** As taskQuery has it for one instance (rows.ts), served by the index of open tasks by instance. */
const OPEN_TASKS_OF_INSTANCE = `SELECT ${TASK_COLUMNS.join(', ')} FROM yc_tasks WHERE closed_at IS NULL AND instance_id = ? ORDER BY created_at, id`;

/** The open tasks of one instance, which callers ask for after every step, on a statement prepared once. Not pure: a read. */
export function openTasksOnSqlite(knex: Knex, instanceId: string): Promise<OpenTask[]> {
  return onSqlite(knex, (_connection, statement) => (statement(OPEN_TASKS_OF_INSTANCE).all(instanceId) as Array<Record<string, unknown>>).map(toTask));
}
