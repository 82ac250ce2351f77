import { translation } from '../words/translation.js';

/**
 * The Chinese of everything the form-js editor (1.23) and its properties panel write: the
 * palette, the field types, every property, group, description, tooltip and placeholder.
 * form-js has no translate service (bpmn-io/form-js#77), so the designer rewrites these on the
 * page; tests/modeler/form-words.test.ts reads the installed packages and fails on any shown
 * string this table lacks. Texts with a link inside come in pieces; each piece is translated so
 * the pieces read as one sentence. Pure.
 */
const words: Record<string, string> = {
  Components: '组件', 'Search components': '搜索组件', 'No components found.': '没有找到组件。',
  'Build your form': '设计表单', 'Drag and drop components here to start designing.': '把左侧的组件拖到这里，开始设计表单。',
  'Drag and drop components here.': '把组件拖到这里。', 'Use the preview window to test your form.': '可在预览中试填表单。',
  Input: '输入', Selection: '选择', Presentation: '展示', Containers: '容器', Action: '操作',
  'Text field': '单行文本', 'Date time': '日期时间', 'Text area': '多行文本', Number: '数字', Datetime: '日期时间', 'Expression': '计算表达式',
  'File picker': '文件', Checkbox: '勾选框', 'Checkbox group': '多选', 'Radio group': '单选', Select: '下拉选择',
  'Tag list': '标签', Text: '文字', 'Text view': '文字', Image: '图片', 'Image view': '图片', Table: '表格',
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
  'Binds to a form variable': '提交时的变量名', 'Form definition': '表单定义', Form: '表单', Properties: '属性', 'Form preview': '表单预览', 'Learn more': '了解更多', Delete: '删除',
  // The palette and the empty properties panel.
  'Clear content': '清空', 'Select a form field to edit its properties.': '在表单中点选一个字段，在这里设置它。',
  'Multiple form fields are selected. Select a single form field to edit its properties.': '选中了多个字段。只点选一个字段，才能设置它。',
  // The canvas's hints on text and HTML blocks, and the table's sample columns.
  'Text view is empty': '文字块还是空的', 'Text view is populated by an expression': '文字由表达式算出', 'Text view is templated': '文字中含有模板',
  'Html view is empty': 'HTML 块还是空的', 'Html view is populated by an expression': 'HTML 由表达式算出', 'Html view is templated': 'HTML 中含有模板',
  'Expression is empty': '表达式还是空的', 'Column 1': '第 1 列', 'Column 2': '第 2 列', 'Column 3': '第 3 列', Repeatable: '可重复', 'Opened in popup': '已在弹出窗口中打开', 'Opened in editor': '已在编辑窗口中打开',
  // Field names and kinds.
  'HTML view': 'HTML 块', Date: '日期', Time: '时间', 'Date & Time': '日期和时间', Submit: '提交', Reset: '重置', Title: '标题',
  'Group label': '分组名称', 'Table label': '表格名称', Name: '名称', Type: '类型', Path: '数据路径', URL: '网址', Height: '高度',
  Top: '顶部', Center: '居中', Bottom: '底部', auto: '自动', '<none>': '<无>',
  // General.
  'Alternative text': '替代文字', 'Descriptive text for screen reader accessibility.': '读屏软件为视障人士朗读的说明文字。',
  'Use a unique "key" to link the form element and the related input/output data. When dealing with nested data, break it down in the user task\'s input mapping before using it.':
    '键名要唯一：它把这个字段和环节收到、交出的数据对应起来。数据有多层时，先在环节的输入映射里拆开再用。',
  'Where the child variables of this component are pathed to.': '此容器中的字段的数据放在哪个变量下。',
  'Routes the children of this component into a form variable.': '把此容器中各字段的数据放进一个表单变量。',
  'Routes the children of this component into a form variable, may be left empty to route at the root level.': '把此容器中各字段的数据放进一个表单变量；留空则放在最外层。',
  'Show outline': '显示边框', 'Version tag': '版本标签', 'Version tag by which this form can be referenced.': '引用此表单时可用的版本标签。',
  // Appearance, layout, serialization.
  'Disable this field when it should not be interactive for end-users. Its data will not be submitted. This setting takes precedence over read-only.':
    '不让填表人操作此字段时选它：字段变灰，数据不随表单提交。同时选了只读时，以禁用为准。',
  'Make this field read-only when it cannot be edited by the end-user, but its content is important for them to see. Its data will still be submitted.':
    '填表人不能修改、但需要看到内容时选它：数据仍随表单提交。',
  'Vertical alignment': '垂直对齐', 'Output as string': '以文字形式保存', 'Allows arbitrary precision values': '可保存任意精度的数字',
  'Time format': '时间格式', 'Time interval': '时间间隔（分钟）', 'Use 24h': '使用 24 小时制', 'UTC offset': '带时区偏移', 'UTC normalized': '换算为世界时', 'No timezone': '不带时区',
  // Contents and sources.
  'Supports markdown and templating.': '可用 Markdown 排版，也可用模板插入数据。',
  'Supports HTML, styling, and templating. Styles are automatically scoped to the HTML component.': '可写 HTML、样式和模板；样式只作用于此块。',
  'Image source': '图片地址', 'Expression or static value (link/data URI)': '表达式或固定值（网址或 data URI）',
  'Link referring to a hosted image, or use a data URI directly to embed image data into the form.': '图片的网址；也可用 data URI 把图片直接放进表单。',
  'Height of the container in pixels.': '区域的高度，单位为像素。',
  'Enter a HTTPS URL to a source or populate it dynamically via a template or an expression (e.g., to pass a value from the variable).': '填写以 https 开头的网址，或用模板、表达式生成（例如取变量中的值）。',
  'Please make sure that the URL is safe as it might impose security risks.': '请确认网址安全可靠，否则可能带来安全风险。',
  'Not all external sources can be displayed in the iFrame. Read more about it in the': '并非所有外部网页都能内嵌显示，详见',
  'X-FRAME-OPTIONS documentation': 'X-FRAME-OPTIONS 说明',
  'Security attributes': '安全设置',
  'These options can incur security risks, especially if used in combination with dynamic links. Ensure that you are aware of them, that you trust the source url and only enable what your use case requires.':
    '以下设置可能带来安全风险，与动态网址一起使用时尤甚。请确认了解其含义、信任该网址，并只开启确实需要的。',
  'Allow the iframe to access more functionality of your browser, details regarding the various options can be found in the': '允许内嵌网页使用浏览器的更多功能，各项的含义见',
  'MDN iFrame documentation.': 'MDN 的 iFrame 说明。',
  'Script execution': '运行脚本', 'Allow same origin': '视为同源', 'Open in fullscreen': '全屏显示', Geolocation: '获取位置', 'Camera access': '使用摄像头',
  'Microphone access': '使用麦克风', 'Forms submission': '提交表单', 'Open modal windows': '打开对话框', 'Open popups': '打开弹出窗口',
  'Top level navigation': '跳转整个页面', 'Storage access by user': '访问浏览器存储',
  // Computed values.
  'Define an expression to calculate the value of this field': '用表达式算出此字段的值', 'Target value': '结果存入', 'Compute on': '何时计算',
  'Value changes': '数据变化时', 'Form submission': '提交表单时',
  // Options and tables.
  'List of items': '逐项列出', 'Options expression': '选项表达式', 'Input values key': '选项所在的变量',
  'Define which input property to populate the values from': '选项取自环节收到的哪个变量',
  'Define an expression to populate the options from.': '用表达式生成选项。',
  'The input property may be an array of simple values or alternatively follow this schema:': '该变量可以是简单值的列表，也可以按以下格式：',
  'The expression may result in an array of simple values or alternatively follow this schema:': '表达式的结果可以是简单值的列表，也可以按以下格式：',
  '"List of items" defines a constant, predefined set of form options.\n\n"Expression" defines options that are populated from a FEEL expression.': '“逐项列出”：选项固定，在此逐项填写。\n\n“表达式”：选项由 FEEL 表达式生成。',
  'Data source': '数据来源', 'Specify the source from which to populate the table': '表格的数据从哪里来',
  'Enter a form input variable that contains the data for the table or define an expression to populate the data dynamically.': '填写存有表格数据的变量，或用表达式生成数据。',
  Pagination: '分页', 'Number of rows per page': '每页行数', 'Headers source': '列的来源', 'Header items': '各列', Column: '列',
  'Specify an expression to populate column items': '用表达式生成各列',
  // Dynamic lists.
  'Default number of items': '默认项数', 'Allow add/delete items': '允许增删', 'Disable collapse': '不折叠', 'Number of non-collapsing items': '始终展开的项数',
  // Files and documents.
  'Supported file formats': '允许的文件类型', 'A comma-separated list of': '用逗号分隔的', 'file type specifiers': '文件类型说明符',
  'Upload multiple files': '可上传多个文件', 'Document reference': '文档来源',
  'A source is a JSON object containing metadata for a document or an array of documents.': '文档来源是一个描述文档的 JSON 对象，或这种对象的列表。',
  'Each entry must include a document ID, name, and MIME type.': '每项须有文档编号、名称和 MIME 类型。',
  'Additional details are optional. The expected format is as follows:': '其他信息可不填。格式如下：',
  'When using Camunda Tasklist UI, additional document reference attributes are automatically handled. Modifying the document reference may affect the document preview functionality.':
    '在 Camunda 任务列表中使用时，其他属性会自动处理；改动文档来源可能影响预览。',
  'Learn more in our': '详见', documentation: '说明文档',
  'Max height of preview container': '预览区最大高度',
  'Documents whose height exceeds the defined value in pixels will be vertically scrollable': '文档高于此值（像素）时可上下滚动',
  // Conditions and validation.
  'Deactivate if': '满足时禁用', 'Condition under which the field is hidden': '满足此条件时隐藏字段', 'Condition under which the field is deactivated': '满足此条件时禁用字段',
  'The error message to display when the input does not match the regular expression.': '填写的内容不符合正则表达式时显示的提示。',
  'The built-in phone validation pattern is based on the E.164 standard with no spaces. Ex: +491234567890': '电话格式按 E.164 国际标准，不含空格，例如 +8613800001234。',
  'Add properties directly to the form schema, useful to configure functionality in custom-built task applications and form renderers.': '直接写入表单定义的属性，供自行开发的办理页面或表单程序使用。',
  // The properties panel's own words.
  'Open documentation': '打开说明文档', 'Section contains an error': '此组中有错误', 'Section contains edits': '此组已修改', Create: '添加',
  'Open pop-up editor': '在弹出窗口中编辑', 'FEEL expression is mandatory': '此处必须填写 FEEL 表达式', 'Unparsable FEEL expression.': 'FEEL 表达式写得不对。',
  'JSON contains errors': 'JSON 有错误', 'Save and close': '保存并关闭',
  // What an entry says under it when its value cannot be taken, and why a drop is refused.
  'Must not contain spaces.': '不能含空格。', 'Must not contain prefix.': '不能带前缀。', 'Must be a valid QName.': '格式不对：应为字母开头的名称。',
  'Must be a variable or a dot-separated path': '应为变量名，或用点分隔的路径', 'Must be empty, a variable or a dot-separated path': '应留空，或填变量名、用点分隔的路径',
  'Must be a variable or a dot separated path.': '应为变量名，或用点分隔的路径。', 'Must not contain numerical path segments.': '路径中不能有纯数字的一段。',
  'A number is required.': '请填写数字。', 'Should be an integer.': '应为整数。', 'Should be greater than zero.': '应大于 0。',
  'Should be greater than or equal to zero.': '应不小于 0。', 'Must not be empty.': '不能为空。', 'Must be unique.': '不能与其他字段重复。',
  'Must be number': '应为数字', 'Value must be a number.': '应为数字。', 'Should be a valid number': '应为有效的数字', 'Should be a valid number.': '应为有效的数字。',
  'For security reasons the URL must start with "https".': '为安全起见，网址须以 https 开头。', 'The document data source is required.': '请填写文档的数据来源。',
  'Must not be a prohibited path.': '不能用这个路径。', 'Must not conflict with other key/path assignments.': '不能与其他字段的键名或路径冲突。',
  'Must not be empty': '不能为空', 'Must not cause two binding paths to collide': '不能让两个字段的数据路径相同',
  'No associated form field in the registry': '没有对应的字段类型', 'Drop is not a valid target': '不能放在这里', 'Drop not allowed by path registry': '数据路径冲突，不能放在这里',
};

const patterns: Array<[RegExp, (name: string) => string]> = [
  [/^Create an? (.+) element$/, (name) => `添加${formWord(name)}`],
  [/^Remove form field$/, () => '删除字段'],
  [/^Remove (.+)$/, (name) => `删除${formWord(name)}`],
  [/^List contains (\d+) items?$/, (count) => `共 ${count} 项`],
  [/^Click to set a dynamic value with FEEL expression$/, () => '点此改用 FEEL 表达式动态取值'],
  [/^Click to remove dynamic value with FEEL expression$/, () => '点此改回固定值'],
  [/^Expression for '(.*)'$/, (key) => `算出「${key}」的表达式`],
  [/^Minimum (\d+) columns are allowed$/, (n) => `至少 ${n} 列宽`],
  [/^Maximum (\d+) columns are allowed$/, (n) => `至多 ${n} 列宽`],
  [/^New value exceeds the maximum of (\d+) columns per row$/, (n) => `超出了一行最多 ${n} 列宽`],
  [/^Maximum (\d+) fields per row are allowed$/, (n) => `一行最多放 ${n} 个字段`],
  [/^Should not contain more than (\d+) decimal digits\.?$/, (n) => `小数不能超过 ${n} 位`],
  [/^Should be at least (.+)\.$/, (n) => `应不小于 ${n}。`],
  [/^Should be at most (.+)\.$/, (n) => `应不大于 ${n}。`],
];

/** One text of the form editor in Chinese; a text it does not know (a field's own label) stays as it is. Pure. */
export function formWord(text: string): string {
  return translated(text);
}

const translated = translation(words, patterns);
