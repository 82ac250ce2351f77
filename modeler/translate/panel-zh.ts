/**
 * Chinese for the properties panel's labels and group titles (bpmn-js-properties-panel's zeebe
 * groups), which bpmn-js-i18n's table does not cover. Written for administrators who are not
 * BPMN experts: a term of the platform where one exists (环节, 岗位, 表单).
 */
export const panelZh: Record<string, string> = {
  General: '基本信息', Name: '名称', ID: '编号', Documentation: '说明', 'Element documentation': '环节说明', 'Process documentation': '流程说明',
  'Process name': '流程名称', 'Process ID': '流程编号', Executable: '可执行', 'Participant Name': '泳池名称', Version: '版本', 'Version tag': '版本标签',
  Assignment: '办理人', Assignee: '办理人', 'Candidate groups': '候选岗位（组）', 'Candidate users': '候选人', 'Due date': '到期时间', 'Follow up date': '跟进时间', Priority: '优先级',
  'Specify more than one group as a comma separated list.': '多个岗位用英文逗号分隔。', 'Specify more than one user as a comma separated list.': '多个人用英文逗号分隔。',
  Form: '表单', 'Form key': '表单键', 'Form ID': '表单编号', 'Custom form key': '自定义表单键', 'Form type': '表单类型', 'Camunda Form (linked)': 'Camunda 表单（链接）',
  'Camunda Form (embedded)': 'Camunda 表单（内嵌）', 'Custom form key ': '自定义表单键', '<none>': '<无>', '<empty>': '<空>',
  Inputs: '输入', Outputs: '输出', 'Input mapping': '输入映射', 'Output mapping': '输出映射', 'Local variable name': '局部变量名', 'Process variable name': '流程变量名',
  'Variable assignment value': '变量取值', 'Assignment value': '取值', Source: '来源', Target: '目标', 'Create new ...': '新建…', Create: '新建', Delete: '删除',
  Headers: '任务头', Header: '任务头', Key: '键', Value: '值', 'Task definition': '任务定义', 'Job type': '作业类型', Retries: '重试次数', Implementation: '实现方式', 'Implementation type': '实现类型',
  'Called element': '调用的流程', 'Propagate all child process variables': '传回子流程的全部变量', 'Propagate all parent process variables': '传入父流程的全部变量', Binding: '绑定方式', 'Latest binding': '最新版本', 'Deployment binding': '同一部署',
  Timer: '定时', Type: '类型', Date: '日期', Duration: '时长', Cycle: '周期',
  'Multi-instance': '多实例', 'Input collection': '输入集合', 'Input element': '输入元素', 'Output collection': '输出集合', 'Output element': '输出元素', 'Completion condition': '完成条件', 'Loop cardinality': '循环次数',
  Condition: '条件', 'Condition expression': '条件表达式', 'Condition Expression': '条件表达式', Message: '消息', 'Global message reference': '消息', 'Subscription correlation key': '关联键', 'Correlation key': '关联键',
  Error: '错误', 'Global error reference': '错误', Code: '代码', 'Error message': '错误信息', Signal: '信号', 'Global signal reference': '信号', Escalation: '升级', 'Global escalation reference': '升级',
  'Execution listeners': '执行监听器', 'Extension properties': '扩展属性', 'Task listeners': '任务监听器', 'Event type': '事件类型', 'Listener type': '监听器类型',
  'Result variable': '结果变量', Script: '脚本', 'FEEL expression': 'FEEL 表达式', Expression: '表达式', 'Select an element to edit its properties.': '请选择一个元素以编辑其属性。',
  'Multiple elements are selected. Select a single element to edit its properties.': '选中了多个元素，请只选一个以编辑其属性。',
  'ID must be unique.': '编号不能重复。', 'ID must not be empty.': '编号不能为空。', 'ID must not contain spaces.': '编号不能含空格。', 'ID must be a valid QName.': '编号须以字母开头，只含字母、数字、下划线、连字符或点。',
  'ID must not contain prefix.': '编号不能带前缀。', 'Learn more.': '了解更多。', Properties: '属性', 'Asynchronous continuations': '异步', Constraints: '约束',
  'Camunda user task': 'Camunda 用户任务', 'Job worker': '作业处理器', 'Job execution': '作业执行', 'Job priority': '作业优先级', Link: '链接', Compensation: '补偿', 'Activity reference': '补偿的活动',
  'Wait for completion': '等待完成', Start: '开始', End: '结束', 'Start initiator': '发起人', Initiator: '发起人', Variable: '变量', Variables: '变量', 'Variable name': '变量名', 'Variable events': '变量事件',
  'Output propagation': '输出传递', 'Input propagation': '输入传递', 'Business key': '业务键', 'Business ID': '业务编号', 'Process variables': '流程变量', Format: '格式', 'Active elements': '激活的元素',
  'Execution listener': '执行监听器', 'Decision ID': '决策编号', 'Called decision': '调用的决策', Resource: '资源', 'Form fields': '表单字段', 'User task': '用户任务', 'Zeebe user task': 'Zeebe 用户任务',
};
