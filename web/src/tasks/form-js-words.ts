import { translation } from '../../../modeler/words/translation.js';

/**
 * The few words form-js 1.23 writes into its fields itself (a select's "Select", a tag list's
 * "Search", a number's "Increment" button…), with no hook to change them (bpmn-io/form-js#77).
 * `sayInChinese` (chinese-words.ts) watches a drawn form and puts each into Chinese wherever it
 * appears: as an element's text, placeholder, title or accessible name. The field problems are
 * the validator's (chinese-validation.ts). Pure.
 */
const WORDS: Readonly<Record<string, string>> = {
  Select: '请选择',
  Search: '输入以查找',
  'No results': '没有符合的选项',
  'All values selected': '已全部选择',
  'Remove tag': '移除',
  Increment: '增加',
  Decrement: '减少',
  Browse: '选择文件',
  'No files selected': '未选择文件',
  'Previous page': '上一页',
  'Next page': '下一页',
  'Add new': '添加一项',
  Collapse: '收起',
  'Nothing to show.': '没有内容。',
  'No content to show.': '没有可显示的内容。',
  "External content couldn't be loaded.": '外部内容未能加载。',
  'Skip to search': '跳到搜索',
  'Click to remove sorting': '点此取消排序',
  of: '/',
  'hh:mm': '时:分',
  'hh:mm --': '时:分 --',
};

/** The words form-js makes with a name or a number in them. */
const PATTERNS: ReadonlyArray<[RegExp, (found: string) => string]> = [
  [/^Click to sort by (.+) ascending$/, (column) => `点此按「${column}」从小到大排列`],
  [/^Click to sort by (.+) descending$/, (column) => `点此按「${column}」从大到小排列`],
  [/^Expand all \((\d+)\)$/, (count) => `全部展开（${count}）`],
  [/^Remove list item (\d+)$/, (n) => `删除第 ${n} 项`],
  [/^(\d+) files selected$/, (count) => `已选 ${count} 个文件`],
  [/^Download (.+)$/, (name) => `下载 ${name}`],
];

/** A word form-js writes, in Chinese; any other text as it is. Pure. (The form designer's canvas uses it too.) */
export const chineseWord: (text: string) => string = translation(WORDS, PATTERNS);
