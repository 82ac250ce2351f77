import type { Command } from '../runtime/commands.js';
import { planMigration } from '../runtime/migration.js';
import type { ElementMapping } from '../runtime/migration.js';
import type { EngineStore } from '../store/types.js';
import type { Deployments } from './deployments.js';
import type { MigrationReport, VersionRef } from '../options.js';

/**
 * Moves running instances of one version to another, each through a `migrate` command. Each
 * instance moves only when every element it is at (and every event it waits for) maps to an
 * element of the same kind in the same scope; the others stay and are listed with the reasons.
 * Without `execute` nothing moves: the report is a preview of which would and which would not.
 * `by`: who moved them, written in each history's `migrated` event.
 */
export async function migrateInstances(
  parts: { store: EngineStore; deployments: Deployments; execute?: (instanceId: string, command: Command) => Promise<unknown> },
  from: VersionRef, to: VersionRef, mapping: ElementMapping, by?: string,
): Promise<MigrationReport> {
  const { store, deployments, execute } = parts;
  await deployments.sync();
  const source = deployments.resolve(from.processId, from.version);
  const target = deployments.resolve(to.processId, to.version);
  const report: MigrationReport = { migrated: [], refused: [] };
  for (const state of await store.instances({ status: 'active', processId: from.processId })) {
    if (state.definitionKey !== source.key) continue;
    const plan = planMigration(state, source.process, target.process, mapping);
    if (plan.reasons.length > 0) {
      report.refused.push({ instanceId: state.id, reasons: plan.reasons, problems: plan.problems });
      continue;
    }
    if (execute) await execute(state.id, { type: 'migrate', definitionKey: target.key, renames: plan.renames, ...(by ? { by } : {}) });
    report.migrated.push(state.id);
  }
  return report;
}
