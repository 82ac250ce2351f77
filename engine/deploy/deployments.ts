import { createHash } from 'node:crypto';
import type { CompiledDefinitions, ProcessDef } from '../model/graph.js';
import { compileBpmn } from '../model/compile.js';
import { EngineError, ModelError } from '../errors.js';
import type { ModelProblem } from '../errors.js';
import type { DeploymentRecord, EngineStore } from '../store/types.js';

export interface DeployedProcess {
  processId: string;
  version: number;
  /** `processId:version`, what instances record to stay on their version. */
  definitionKey: string;
}

export interface Deployment {
  key: string;
  name: string;
  processes: DeployedProcess[];
  /** Processes in the file marked non-executable: read, not deployed. */
  nonExecutable: string[];
  /** True when the same XML was already deployed: no new version was made. */
  duplicate: boolean;
}

/** How long a process may go on with its list of deployments before it reads the store again. */
const SYNC_EVERY_MS = 5_000;

export function definitionKey(processId: string, version: number): string {
  return `${processId}:${version}`;
}

/**
 * Compiled definitions by version. Deploying changed XML makes a new version of each of its
 * processes; instances keep the version they started on.
 */
export class Deployments {
  private readonly byKey = new Map<string, ProcessDef>();
  private readonly latest = new Map<string, number>();
  private readonly records: DeploymentRecord[] = [];

  constructor(private readonly store: EngineStore) {}

  private synced = 0;

  /** Recompiles what the store holds that this engine has not seen (a restart, or another process deployed). */
  async load(): Promise<void> {
    this.synced = Date.now();
    const known = new Set(this.records.map((r) => r.key));
    for (const record of await this.store.deployments()) {
      if (!known.has(record.key)) this.register(record, await compileBpmn(record.xml, record.name));
    }
  }

  /**
   * Other processes on the same database deploy too: look again when asked for something
   * unknown, and at most every few seconds for newer versions.
   */
  async sync(missing?: string): Promise<void> {
    const stale = Date.now() - this.synced > SYNC_EVERY_MS;
    if (stale || (missing !== undefined && !this.byKey.has(missing))) await this.load();
  }

  /**
   * Compiles and stores a file. `check` looks at each compiled process before anything is
   * stored (what only the running engine can judge, such as a timer start's first due time);
   * a problem it finds refuses the whole file, as a compile problem does. XML already deployed
   * makes no new version unless `filterDuplicates` is false (the embedder versions something
   * the XML does not hold).
   */
  async deploy(xml: string, name: string, now: number, check: (process: ProcessDef) => ModelProblem[] = () => [], filterDuplicates = true): Promise<Deployment> {
    const compiled = await compileBpmn(xml, name);
    const problems = Object.values(compiled.processes).flatMap(check);
    if (problems.length > 0) throw new ModelError(problems, name);
    const checksum = createHash('sha256').update(xml).digest('hex');
    // The newest deployment of this XML: the same file deployed again names the latest version made from it.
    const same = this.records.findLast((r) => r.checksum === checksum);
    if (same && filterDuplicates) return this.describe(same, compiled, true);
    const processes: Record<string, number> = {};
    for (const id of Object.keys(compiled.processes)) processes[id] = (this.latest.get(id) ?? 0) + 1;
    const record: DeploymentRecord = { key: `${name}#${this.records.length + 1}`, name, xml, deployedAt: now, processes, checksum };
    await this.store.saveDeployment(record);
    this.register(record, compiled);
    return this.describe(record, compiled, false);
  }

  private register(record: DeploymentRecord, compiled: CompiledDefinitions): void {
    this.records.push(record);
    for (const [id, version] of Object.entries(record.processes)) {
      this.byKey.set(definitionKey(id, version), compiled.processes[id]!);
      if (version > (this.latest.get(id) ?? 0)) this.latest.set(id, version);
    }
  }

  private describe(record: DeploymentRecord, compiled: CompiledDefinitions, duplicate: boolean): Deployment {
    const processes = Object.entries(record.processes).map(([processId, version]) => ({ processId, version, definitionKey: definitionKey(processId, version) }));
    return { key: record.key, name: record.name, processes, nonExecutable: [...compiled.nonExecutable], duplicate };
  }

  /** The definition an instance runs on. */
  process(key: string): ProcessDef {
    const found = this.byKey.get(key);
    if (!found) throw new EngineError('DEFINITION_NOT_FOUND', `no deployed definition "${key}"`, { definitionKey: key });
    return found;
  }

  /** The newest (or the given) version of a process id. */
  resolve(processId: string, version?: number): { key: string; process: ProcessDef } {
    const v = version ?? this.latest.get(processId);
    const key = v === undefined ? '' : definitionKey(processId, v);
    const process = this.byKey.get(key);
    if (!process) {
      const known = [...this.latest.keys()].join(', ') || 'none';
      throw new EngineError('PROCESS_NOT_FOUND', `no deployed process "${processId}"${version ? ` version ${version}` : ''}; deployed: ${known}`, { processId, version });
    }
    return { key, process };
  }

  /** The XML a definition version was deployed from, if this engine knows the version. */
  xml(key: string): string | undefined {
    return this.records.find((r) => Object.entries(r.processes).some(([id, version]) => definitionKey(id, version) === key))?.xml;
  }

  /** Newest versions of all processes, for message, signal and timer start events. */
  newest(): Array<{ key: string; process: ProcessDef }> {
    return [...this.latest.entries()].map(([id, v]) => ({ key: definitionKey(id, v), process: this.byKey.get(definitionKey(id, v))! }));
  }
}
