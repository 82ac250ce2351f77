/**
 * The few words form-js 1.23 writes into its fields itself (a select's "Select", a tag list's
 * "Search", a number's "Increment" button…), with no hook to change them (bpmn-io/form-js#77).
 * `sayInChinese` watches a drawn form and puts each into Chinese wherever it appears: as an
 * element's text, placeholder, title or accessible name. The field problems are the
 * validator's (chinese-validation.ts).
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
};
const ATTRIBUTES = ['placeholder', 'title', 'aria-label'] as const;

/** A word form-js writes, in Chinese; any other text as it is. Pure. */
export function chineseWord(text: string): string {
  return WORDS[text.trim()] ?? text;
}

/** Puts the words of `node` and everything in it into Chinese. Not pure: changes the DOM. */
function mend(node: Node): void {
  if (node.nodeType === Node.TEXT_NODE) {
    const said = chineseWord(node.nodeValue ?? '');
    if (said !== node.nodeValue) node.nodeValue = said;
    return;
  }
  if (!(node instanceof Element)) return;
  for (const name of ATTRIBUTES) {
    const value = node.getAttribute(name);
    if (value !== null && chineseWord(value) !== value) node.setAttribute(name, chineseWord(value));
  }
  node.childNodes.forEach(mend);
}

/**
 * Keeps the form drawn in `root` in Chinese as form-js draws and redraws it (a dropdown opening,
 * a field appearing). What it writes is already Chinese, so its own changes end there.
 * Returns the function that stops watching.
 */
export function sayInChinese(root: HTMLElement): () => void {
  mend(root);
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'childList') record.addedNodes.forEach(mend);
      else mend(record.target);
    }
  });
  observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: [...ATTRIBUTES] });
  return () => observer.disconnect();
}
