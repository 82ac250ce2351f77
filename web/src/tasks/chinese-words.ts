import { chineseWord } from './form-js-words.js';

const ATTRIBUTES = ['placeholder', 'title', 'aria-label'] as const;

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
