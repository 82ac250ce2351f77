/** Words a library writes in English, in Chinese; a text it does not know stays as it is. */
export type Words = (text: string) => string;

/**
 * Rewrites the texts, titles, placeholders and aria-labels a library without a translate
 * service writes into `root` (only inside elements matching `parts`), now and as it adds them.
 * Returns the function that stops watching. Not pure: rewrites the DOM.
 */
export function watchWords(root: HTMLElement, words: Words, parts = '*'): () => void {
  const rewrite = (node: Node) => {
    const element = node instanceof Element ? node : node.parentElement;
    if (!element) return;
    const found = element.matches(parts) ? [element, ...element.querySelectorAll(parts)] : [...element.querySelectorAll(parts)];
    for (const part of found) rewriteElement(part, words);
  };
  const observer = new MutationObserver((records) => records.forEach((r) => rewrite(r.target)));
  rewrite(root);
  observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: [...ATTRIBUTES] });
  return () => observer.disconnect();
}

const ATTRIBUTES = ['title', 'placeholder', 'aria-label'] as const;

function rewriteElement(element: Element, words: Words): void {
  for (const name of ATTRIBUTES) {
    const value = element.getAttribute(name);
    if (value && words(value) !== value) element.setAttribute(name, words(value));
  }
  for (const child of element.childNodes) {
    const text = child.nodeType === Node.TEXT_NODE ? child.textContent : null;
    if (text?.trim() && words(text) !== text) child.textContent = words(text);
  }
}
