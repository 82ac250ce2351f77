/**
 * `npm start`, for now: the engine on its own. Deploys the direct handling mode from
 * processes/, runs one case from intake to issuance and prints what happens, then shows
 * that the case's history replays and its hash chain holds. The case server comes next.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createEngine, deadlineAfterReceipt } from '../engine/index.js';
import { chinaCalendar } from './calendar/china-calendar.js';
import type { Job } from '../engine/index.js';

const processFile = fileURLToPath(new URL('../processes/direct.bpmn', import.meta.url));
const shanghai = (ms: number) => new Date(ms).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
const say = (line: string) => console.log(line);

/** The direct process's one service task: issuance (出件) numbers the result document. */
const jobHandlers = { 'issue-result': (job: Job) => ({ resultNo: `温-${String(job.variables.caseNo)}-证` }) };

async function main(): Promise<void> {
  const calendar = chinaCalendar();
  const engine = createEngine({ calendar, jobHandlers });
  const deployment = await engine.deploy(await readFile(processFile, 'utf8'), { name: 'processes/direct.bpmn' });
  say(`已部署 ${deployment.processes.map((p) => `${p.processId} v${p.version}`).join(', ')}`);

  const received = engine.clock.now();
  const instance = await engine.start('direct', { caseNo: '2026-0001', applicant: '王芳', item: '出生登记' });
  say(`收件 ${shanghai(received)}：办件 ${instance.id}（${String(instance.variables.item)}，申请人 ${String(instance.variables.applicant)}）`);
  say(`  法定期限示例：受理后 20 个工作日 -> ${shanghai(deadlineAfterReceipt(calendar, received, 20))}`);

  for (const [step, variables] of [['accept', { accepted: true }], ['decide', { approved: true }]] as const) {
    const [task] = await engine.tasks({ instanceId: instance.id, elementId: step });
    if (!task) throw new Error(`expected an open task at ${step}`);
    say(`  待办 ${task.name ?? step}（候选组 ${task.candidateGroups.join(',')}）-> 办理`);
    await engine.completeTask(task.id, { ...variables });
  }
  await engine.idle();

  const done = await engine.instance(instance.id);
  say(`办件状态：${done?.status}，出件文号 ${String(done?.variables.resultNo)}`);
  const history = await engine.history(instance.id);
  say(`历史：${history.length} 条事件，最后哈希 ${history.at(-1)?.hash.slice(0, 16)}…`);
  for (const event of history.filter((e) => e.t === 'activated' || e.t === 'completed')) {
    say(`  #${event.seq} ${event.t} ${'el' in event ? event.el : ''}`);
  }
  const check = await engine.verify(instance.id);
  say(`校验：哈希链${check.ok ? '完整' : `断裂于 #${check.brokenAt}`}，重放${check.replayMatches ? '一致' : '不一致'}`);
  await engine.close();
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
