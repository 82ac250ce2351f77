/**
 * Chinese for the properties panel's header, which names the selected element's kind: the panel builds the words from
 * the element's type ("UserTask" → "User Task", "TimerBoundaryEventNonInterrupting" → "Timer Boundary Event (Non
 * Interrupting)") and passes them to translate. Built here from the same parts, so every kind the panel can name has
 * its Chinese, in the platform's words (环节 for a task).
 */
const plain: Record<string, string> = {
  Process: '流程', Collaboration: '协作', Participant: '泳池（参与者）', Lane: '泳道', Task: '环节（任务）', 'User Task': '人工环节（用户任务）',
  'Service Task': '自动环节（服务任务）', 'Send Task': '发送环节', 'Receive Task': '接收环节', 'Script Task': '脚本环节', 'Business Rule Task': '业务规则环节',
  'Manual Task': '手工环节', 'Call Activity': '调用流程', 'Expanded Sub Process': '子流程（展开）', 'Collapsed Sub Process': '子流程（折叠）',
  'Event Sub Process': '事件子流程', Transaction: '事务子流程', 'Expanded Ad Hoc Sub Process': '自由子流程（ad hoc，展开）',
  'Collapsed Ad Hoc Sub Process': '自由子流程（ad hoc，折叠）', 'Exclusive Gateway': '排他网关（单选分支）',
  'Parallel Gateway': '并行网关（同时进行）', 'Inclusive Gateway': '包容网关（多选分支）', 'Event Based Gateway': '事件网关', 'Complex Gateway': '复杂网关',
  'Sequence Flow': '顺序流', 'Default Flow': '默认顺序流', 'Conditional Flow': '条件顺序流', 'Message Flow': '消息流', Association: '关联',
  'Data Object Reference': '数据对象', 'Data Store Reference': '数据存储', 'Text Annotation': '文字注释', Group: '分组',
};

const events: Record<string, string> = {
  'Start Event': '开始事件', 'End Event': '结束事件', 'Intermediate Throw Event': '中间抛出事件', 'Intermediate Catch Event': '中间捕获事件', 'Boundary Event': '边界事件',
};

const definitions: Record<string, string> = {
  Message: '消息', Timer: '定时', Conditional: '条件', Signal: '信号', Error: '错误', Escalation: '升级', Compensate: '补偿', Cancel: '取消',
  Link: '链接', Terminate: '终止',
};

function eventLabels(): Record<string, string> {
  const table: Record<string, string> = { ...events };
  for (const [event, eventZh] of Object.entries(events)) {
    for (const [definition, definitionZh] of Object.entries(definitions)) {
      table[`${definition} ${event}`] = `${definitionZh}${eventZh}`;
      table[`${definition} ${event} (Non Interrupting)`] = `${definitionZh}${eventZh}（不中断）`;
    }
  }
  return table;
}

export const headerZh: Record<string, string> = { ...plain, ...eventLabels() };
