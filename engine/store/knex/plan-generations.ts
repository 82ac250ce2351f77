/**
 * Runs after which a statement's plan stops being renewed by this process: by then the tables
 * have grown past the size where a plan could still prefer scanning them to their indexes,
 * and the server's own ANALYZE (autovacuum) renews plans as they grow further.
 */
const LAST_GENERATION = 16;

/** A node-postgres client as far as prepared statements go. */
export interface PreparingConnection {
  query(statement: { text: string }): Promise<unknown>;
  /** node-postgres's record of the statements it prepared on this connection, by name (not in its types). */
  connection?: object;
}

/**
 * Plans of named statements, renewed as the tables grow. A prepared statement runs on a
 * generic plan, made once (connections are set to plan_cache_mode = force_generic_plan):
 * planning the batch commit afresh at each run costs about as much as running it. But a
 * generic plan fits the tables as they were when it was made; one made while they were
 * nearly empty would keep scanning them whole as they grow, until the next ANALYZE. So each
 * statement is prepared anew, under the name `<name>_g<n>`, each time its runs in this
 * process double (the tables grow with the runs), up to 2^LAST_GENERATION runs; each
 * connection deallocates the generation it replaces, so it holds one plan per statement.
 */
export class PlanGenerations {
  private readonly runs = new Map<string, number>();
  private readonly current = new WeakMap<PreparingConnection, Map<string, string>>();

  /** The name to run `name` under on this connection now; deallocates its previous generation there. Not pure. */
  async nameOn(connection: PreparingConnection, name: string): Promise<string> {
    const runs = (this.runs.get(name) ?? 0) + 1;
    this.runs.set(name, runs);
    const named = `${name}_g${generation(runs)}`;
    let held = this.current.get(connection);
    if (!held) this.current.set(connection, (held = new Map()));
    const previous = held.get(name);
    if (previous !== named) {
      held.set(name, named);
      if (previous !== undefined) await deallocate(connection, previous);
    }
    return named;
  }
}

/** The generation of a statement's plan at its `runs`-th run: 0 for the first, n from run 2^n on. Pure. */
export function generation(runs: number): number {
  return Math.min(Math.floor(Math.log2(Math.max(1, runs))), LAST_GENERATION);
}

/** Only a statement the server prepared (a statement whose first run failed in parsing never was). */
async function deallocate(connection: PreparingConnection, name: string): Promise<void> {
  const prepared = (connection.connection as { parsedStatements?: Record<string, string> } | undefined)?.parsedStatements;
  if (prepared?.[name] === undefined) return;
  await connection.query({ text: `DEALLOCATE ${name}` });
  delete prepared[name];
}
