import type { Knex } from 'knex';
import type { OpenTask } from '../types.js';
import { Batches } from './batches.js';
import { pgQuery } from './pg-direct.js';
import { openTasksOfInstance, openTasksOfInstances, toTask } from './rows.js';

/** Reads served at once. */
const IN_FLIGHT = 2;

/**
 * The open tasks of one instance, which callers ask for after every step, read on PostgreSQL
 * together with those of other instances asked for meanwhile: one statement for many. Each
 * read starts after it was asked for, so it sees every commit its caller has heard of.
 */
export class OpenTaskReads {
  private readonly batches: Batches<string, OpenTask[]>;

  constructor(private readonly knex: Knex) {
    this.batches = new Batches((ids) => this.read(ids), { inFlight: IN_FLIGHT, key: (id) => id });
  }

  /** Not pure: a read, shared with others. */
  of(instanceId: string): Promise<OpenTask[]> {
    return this.batches.submit(instanceId);
  }

  /** A batch has each instance once (so that no two callers share an answer); one instance alone takes the prepared statement. */
  private async read(instanceIds: string[]): Promise<Array<PromiseSettledResult<OpenTask[]>>> {
    const rows = await pgQuery(this.knex, instanceIds.length === 1 ? openTasksOfInstance(instanceIds[0]!) : openTasksOfInstances(instanceIds));
    const byInstance = new Map<string, OpenTask[]>(instanceIds.map((id) => [id, []]));
    for (const row of rows) byInstance.get(row.instance_id as string)!.push(toTask(row));
    return instanceIds.map((id) => ({ status: 'fulfilled', value: byInstance.get(id)! }));
  }
}
