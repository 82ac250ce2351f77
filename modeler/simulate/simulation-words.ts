/**
 * The Chinese of what bpmn-js-token-simulation shows. The module writes its English straight
 * into the DOM (no translate service), so SimulationWords rewrites its texts and titles with
 * these. Pure.
 */
const exact: Record<string, string> = {
  'Token Simulation': '模拟运行',
  'Simulation Log': '模拟记录',
  'No Entries': '暂无记录',
  'Toggle Simulation Log': '显示或隐藏模拟记录',
  'Reset Simulation': '重新开始模拟',
  'Play/Pause Simulation': '继续或暂停模拟',
  'Set Sequence Flow': '选择走哪条连线',
  'Add pause point': '在此暂停',
  'Remove pause point': '取消在此暂停',
  'Trigger Event': '触发（开始一个令牌）',
  'Found unsupported elements': '图中有模拟不支持的元素',
  'Not supported': '模拟不支持此元素',
  'Pause Simulation': '模拟已暂停',
  'Play Simulation': '模拟运行中',
  Finished: '已走完',
  'Process started': '流程开始',
  'Process finished': '流程结束',
  'Process canceled': '流程被取消',
  Slow: '慢', Normal: '中', Fast: '快',
  'Service Task': '自动环节', 'User Task': '人工环节', 'Call Activity': '调用流程', 'Script Task': '脚本任务',
  'Business Rule Task': '规则任务', 'Manual Task': '手工任务', 'Receive Task': '接收任务', 'Send Task': '发送任务', Task: '任务',
  'Exclusive Gateway': '排他网关', 'Parallel Gateway': '并行网关', 'Inclusive Gateway': '包容网关', 'Event-based Gateway': '事件网关',
  'Start Event': '开始事件', 'Intermediate Event': '中间事件', 'Boundary Event': '边界事件', 'End Event': '结束事件', SubProcess: '子流程',
};

const patterns: Array<[RegExp, (...parts: string[]) => string]> = [
  [/^(.+) started$/, (name) => `${zh(name)}开始`],
  [/^(.+) finished$/, (name) => `${zh(name)}结束`],
  [/^(.+) canceled$/, (name) => `${zh(name)}被取消`],
  [/^Focus process instance (.+)$/, (id) => `只看流程实例 ${id}`],
  [/^Set animation speed = (.+)$/, (speed) => `动画速度：${zh(speed)}`],
];

/** One text of the simulation in Chinese; a text it does not know (an element's own name) stays as it is. Pure. */
export function zh(text: string): string {
  const trimmed = text.trim();
  if (exact[trimmed]) return exact[trimmed];
  for (const [pattern, word] of patterns) {
    const match = pattern.exec(trimmed);
    if (match) return word(...match.slice(1));
  }
  return text;
}
