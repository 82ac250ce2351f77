/**
 * The Chinese of what the form-js editor (1.23) shows most: its palette, the field types and
 * the properties an administrator sets on a field. form-js has no translate service, so the
 * designer rewrites these on the page; rarer settings stay in English. Pure.
 */
const words: Record<string, string> = {
  Components: '组件', 'Search components': '搜索组件', 'No components found.': '没有找到组件。',
  'Build your form': '设计表单', 'Drag and drop components here to start designing.': '把左侧的组件拖到这里，开始设计表单。',
  'Drag and drop components here.': '把组件拖到这里。', 'Use the preview window to test your form.': '可在预览中试填表单。',
  Input: '输入', Selection: '选择', Presentation: '展示', Containers: '容器', Action: '操作',
  'Text field': '单行文本', 'Date time': '日期时间', 'Text area': '多行文本', Number: '数字', Datetime: '日期时间', 'Expression': '计算表达式',
  'File picker': '文件', Checkbox: '勾选框', 'Checkbox group': '多选', 'Radio group': '单选', Select: '下拉选择',
  'Tag list': '标签', Text: '文字', 'Text view': '文字', Image: '图片', 'Image view': '图片', Table: '表格', 'HTML view': 'HTML',
  'Document preview': '文档预览', iFrame: '内嵌网页', Spacer: '空白', Separator: '分隔线', Group: '分组', 'Dynamic list': '可重复列表',
  Button: '按钮', General: '基本', 'Field label': '字段名称', Label: '名称', Key: '键名', ID: '编号', Description: '说明',
  'Field description': '字段说明', 'Default value': '默认值', Validation: '校验', Required: '必填', 'Minimum length': '最少字数',
  'Maximum length': '最多字数', Minimum: '最小值', Maximum: '最大值', 'Validation pattern': '格式', 'Custom regular expression': '自定义正则表达式',
  'Custom error message': '出错时的提示', Condition: '显示条件', 'Hide if': '满足时隐藏', Layout: '布局', Columns: '列宽', Auto: '自动',
  Appearance: '外观', Prefix: '前缀', Suffix: '后缀', 'Read only': '只读', Disabled: '禁用', Constraints: '限制', Options: '选项',
  'Options source': '选项来源', 'Static options': '固定选项', 'Static': '固定', 'Input data': '输入数据', 'Dynamic options': '动态选项',
  Value: '值', Content: '内容', Searchable: '可搜索', 'Custom properties': '自定义属性', Serialization: '取值格式', 'Decimal digits': '小数位数',
  Increment: '步长', Subtype: '类型', 'Date label': '日期名称', 'Time label': '时间名称', 'Disallow past dates': '不允许过去的日期',
  Checked: '勾选', 'Not checked': '未勾选', Email: '电子邮箱', Phone: '电话', Custom: '自定义', 'Toggle section': '展开或收起',
  'Create new list item': '添加一项', 'Delete item': '删除此项', 'Toggle list item': '展开或收起此项', '<empty>': '<空>',
  'Binds to a form variable': '提交时的变量名', 'Form definition': '表单定义', Properties: '属性', 'Form preview': '表单预览', 'Learn more': '了解更多', Delete: '删除',
};

const patterns: Array<[RegExp, (name: string) => string]> = [
  [/^Create an? (.+) element$/, (name) => `添加${formWord(name)}`],
  [/^Remove (.+)$/, (name) => `删除${formWord(name)}`],
];

/** One text of the form editor in Chinese; a text it does not know (a field's own label) stays as it is. Pure. */
export function formWord(text: string): string {
  const trimmed = text.trim();
  if (words[trimmed]) return words[trimmed];
  for (const [pattern, word] of patterns) {
    const match = pattern.exec(trimmed);
    if (match) return word(match[1]!);
  }
  return text;
}
