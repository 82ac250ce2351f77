import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createEngine, ModelError, VirtualClock, weekdayCalendar } from '../../engine/index.js';

/** How one plain `.bpmn` file fared at deploy. */
export interface CompileOutcome {
  file: string;
  outcome: 'deployed' | 'refused' | 'crashed';
  /** The first problem of a refusal, or the crash message. */
  detail: string;
}

/** Every `.bpmn` file under `dir`, sorted, as paths relative to it. Reads the disk. */
export function bpmnFilesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix)).sort().flatMap((name) => {
    const relative = path.join(prefix, name);
    if (statSync(path.join(dir, relative)).isDirectory()) return bpmnFilesUnder(dir, relative);
    return name.endsWith('.bpmn') ? [relative] : [];
  });
}

/** Deploys each file on a fresh engine; a crash is any failure other than a ModelError. */
export async function compileFolder(dir: string): Promise<CompileOutcome[]> {
  const outcomes: CompileOutcome[] = [];
  for (const file of bpmnFilesUnder(dir)) outcomes.push(await compileFile(path.join(dir, file), file));
  return outcomes;
}

async function compileFile(fullPath: string, file: string): Promise<CompileOutcome> {
  const engine = createEngine({ clock: new VirtualClock(), calendar: weekdayCalendar() });
  try {
    await engine.deploy(readFileSync(fullPath, 'utf8'), { name: file });
    return { file, outcome: 'deployed', detail: '' };
  } catch (err) {
    if (!(err instanceof ModelError)) return { file, outcome: 'crashed', detail: err instanceof Error ? err.stack ?? err.message : String(err) };
    const first = err.problems[0];
    return { file, outcome: 'refused', detail: first ? `${first.elementType} "${first.elementId}" [${first.rule}] ${first.message}` : err.message };
  } finally {
    await engine.close();
  }
}

/** The summary line and one line per refusal or crash. Pure. */
export function folderLines(outcomes: readonly CompileOutcome[]): string[] {
  const count = (o: CompileOutcome['outcome']) => outcomes.filter((x) => x.outcome === o).length;
  const details = outcomes.filter((o) => o.outcome !== 'deployed').map((o) => `${o.outcome} ${o.file}: ${o.detail}`);
  return [...details, `${count('deployed')} deployed, ${count('refused')} refused, ${count('crashed')} crashed`];
}
