import { describe, expect, test } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import ts from 'typescript';
import { formWord } from '../../modeler/forms/form-words.js';
import { chineseWord } from '../../web/src/tasks/form-js-words.js';

/** Properties whose string the editor writes as text, a tooltip, a placeholder or an accessible name. */
const SHOWN_PROPERTY = /^(name|label|description|tooltip|title|placeholder|text|children|emptyPlaceholder|header|aria-label|ariaLabel|closeButtonTooltip|buttonLabel|message)$/i;
/** Variables, assigned names, parameters and functions that hold or give such a string (`let label = 'Hide if'`, `getLabel() { return 'Field label' }`). */
const SHOWN_NAME = /(label|description|tooltip|title|placeholder|text|msg|placeholderContent)$/i;
/** Functions whose returned string is shown: a label's, a tooltip's, and an entry's validation (its problem under the field). */
const SHOWN_RETURN = /(label|description|tooltip|title|text)$|validat/i;

const nameOf = (n: ts.Node | undefined): string => (n && (ts.isIdentifier(n) || ts.isStringLiteral(n)) ? n.text : '');

/** The strings an expression can give: literals, templates (each `${…}` as {}), and the branches of ?:, || and ??. */
function literals(n: ts.Node | undefined): string[] {
  if (!n) return [];
  if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) return [n.text];
  if (ts.isTemplateExpression(n)) return [n.head.text + n.templateSpans.map((s) => `{}${s.literal.text}`).join('')];
  if (ts.isArrayLiteralExpression(n)) return n.elements.flatMap(literals);
  if (ts.isConditionalExpression(n)) return [...literals(n.whenTrue), ...literals(n.whenFalse)];
  if (ts.isParenthesizedExpression(n)) return literals(n.expression);
  const either = [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken];
  if (ts.isBinaryExpression(n) && either.includes(n.operatorToken.kind)) return [...literals(n.left), ...literals(n.right)];
  return [];
}

function enclosingFunctionName(n: ts.Node): string {
  for (let p = n.parent; p; p = p.parent) {
    if (ts.isFunctionDeclaration(p) || ts.isMethodDeclaration(p)) return nameOf(p.name);
    if (ts.isArrowFunction(p) || ts.isFunctionExpression(p)) {
      // `const validate = useCallback(value => …)` names the function it wraps.
      const holder = ts.isCallExpression(p.parent) ? p.parent.parent : p.parent;
      if (ts.isVariableDeclaration(holder) || ts.isPropertyAssignment(holder)) return nameOf(holder.name);
    }
  }
  return '';
}

/**
 * Every string a bundle can show, read from its code: the values of shown properties (JSX's
 * children included), label/description/tooltip variables and the functions giving them or
 * validating an entry, the
 * *_LABELS tables, and the properties panel's translate('…') calls. Only strings with letters.
 */
function shownStrings(code: string): Set<string> {
  const source = ts.createSourceFile('bundle.js', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const found = new Set<string>();
  const add = (values: string[]) => values.filter((t) => /[A-Za-z]{2}/.test(t)).forEach((t) => found.add(t));
  const visit = (n: ts.Node): void => {
    if (ts.isPropertyAssignment(n) && SHOWN_PROPERTY.test(nameOf(n.name))) add(literals(n.initializer));
    if (ts.isVariableDeclaration(n) && SHOWN_NAME.test(nameOf(n.name))) add(literals(n.initializer));
    if (ts.isVariableDeclaration(n) && /labels$/i.test(nameOf(n.name)) && n.initializer && ts.isObjectLiteralExpression(n.initializer)) {
      add(n.initializer.properties.flatMap((p) => (ts.isPropertyAssignment(p) ? literals(p.initializer) : [])));
    }
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && SHOWN_NAME.test(nameOf(n.left))) add(literals(n.right));
    if (ts.isParameter(n) && SHOWN_NAME.test(nameOf(n.name))) add(literals(n.initializer));
    if (ts.isReturnStatement(n) && SHOWN_RETURN.test(enclosingFunctionName(n))) add(literals(n.expression));
    if (ts.isCallExpression(n) && nameOf(n.expression) === 'translate') add(literals(n.arguments[0]));
    ts.forEachChild(n, visit);
  };
  visit(source);
  return found;
}

const bundle = (path: string) => readFile(new URL(`../../node_modules/@bpmn-io/${path}`, import.meta.url), 'utf8');
const hasChinese = (text: string) => /[\u4e00-\u9fff]/.test(text);

/** A string with a value put in at run time stands for the texts it makes; each of these must come out Chinese. */
const MADE_WITH: Record<string, string[]> = {
  'Create {} {} element': ['Create a Text field element', 'Create an Image view element', 'Create an iFrame element'],
  'Remove {}': ['Remove Text field', 'Remove 申请人姓名'],
  'List contains {numOfItems} item{}': ['List contains 1 item', 'List contains 3 items'],
  'Click to {} dynamic value with FEEL expression': ['Click to set a dynamic value with FEEL expression', 'Click to remove dynamic value with FEEL expression'],
  'Click to sort by {} ascending': ['Click to sort by 姓名 ascending'],
  'Click to sort by {} descending': ['Click to sort by 姓名 descending'],
  'Expand all ({})': ['Expand all (4)'],
  'Remove list item {}': ['Remove list item 2'],
  '{} files selected': ['3 files selected'],
  'Download {}': ['Download 身份证.pdf'],
  'Minimum {} columns are allowed': ['Minimum 2 columns are allowed'],
  'Maximum {} columns are allowed': ['Maximum 16 columns are allowed'],
  'New value exceeds the maximum of {} columns per row': ['New value exceeds the maximum of 16 columns per row'],
  'Maximum {} fields per row are allowed': ['Maximum 4 fields per row are allowed'],
  'Should not contain more than {} decimal digits': ['Should not contain more than 2 decimal digits'],
  'Should not contain more than {} decimal digits.': ['Should not contain more than 2 decimal digits.'],
  'Should be at least {}.': ['Should be at least 1.'],
  'Should be at most {}.': ['Should be at most 16.'],
  "Expression for '{}'": ["Expression for 'totalFee'"],
};

/** Reviewed: strings the code holds that are never shown as words, or are not the editor's to translate. */
const NOT_WORDS: Record<string, string> = {
  'editor-palette__footer': 'a slot name', 'editor-empty-state__footer': 'a slot name',
  'bio-properties-panel-feelers-{}-label': 'an element id', Root: 'a FEEL parser node', FilterContext: 'a FEEL parser node',
  // A new text block's and a new table's sample content: the administrator's form, replaced by what they write.
  '# Text': 'sample content', 'John Doe': 'sample content', 'Erika Muller': 'sample content', 'Dominic Leaf': 'sample content',
  // The bpmn.io watermark stays as bpmn.io writes it.
  'Powered by bpmn.io': 'watermark', 'Web-based tooling for BPMN, DMN, and forms powered by': 'watermark', 'bpmn.io': 'watermark',
};

/** Put in Chinese by one of `words`: changed, and no English word left. */
const saidBy = (text: string, ...words: Array<(text: string) => string>) => words.some((word) => {
  const said = word(text);
  return said !== text && (hasChinese(said) || !/[A-Za-z]{2}/.test(said));
});

/** The texts a set of shown strings stands for: the plain ones, and each template's examples; every template must have them. */
function textsOf(shown: Set<string>): string[] {
  const templates = [...shown].filter((t) => t.includes('{'));
  expect(templates.filter((t) => !MADE_WITH[t] && !NOT_WORDS[t])).toEqual([]);
  return [...[...shown].filter((t) => !t.includes('{')), ...templates.flatMap((t) => MADE_WITH[t] ?? [])].filter((t) => !NOT_WORDS[t]);
}

describe('the form designer in Chinese', () => {
  test('every string the installed form-js editor, its properties panel and the field types it places can show has Chinese', async () => {
    const editor = new Set([...shownStrings(await bundle('form-js-editor/dist/index.es.js')), ...shownStrings(await bundle('properties-panel/dist/index.esm.js'))]);
    const fields = new Set([...shownStrings(await bundle('form-js-viewer/dist/index.es.js'))].filter((t) => !editor.has(t)));
    // The reader still finds what it should: the properties panel's groups, a tooltip, a field type, a security setting.
    expect(editor.size + fields.size).toBeGreaterThan(240);
    for (const known of ['Validation', 'Custom properties', 'Use 24h', 'Hide if', 'Field label', 'Section contains edits', 'Must be unique.']) expect(editor).toContain(known);
    for (const known of ['Date time', 'Microphone access', 'Nothing to show.']) expect(fields).toContain(known);

    // The editor's own words are rewritten by formWord wherever the editor writes them.
    expect(textsOf(editor).filter((t) => !saidBy(t, formWord))).toEqual([]);
    // The field types' words show in the editor's palette and panel (formWord) or on the form drawn in it, as on the task page (chineseWord).
    expect(textsOf(fields).filter((t) => !saidBy(t, formWord, chineseWord))).toEqual([]);
  });

  test('the exceptions are all still in the package, so none outlives its reason', async () => {
    const code = (await Promise.all(['form-js-editor/dist/index.es.js', 'form-js-viewer/dist/index.es.js'].map(bundle))).join('\n');
    expect(Object.keys(NOT_WORDS).filter((t) => !code.includes(t.split('{}')[0]!))).toEqual([]);
  });

  test('words with a name or count in them keep it; a field\'s own label stays as written', () => {
    expect(formWord('Create a Text field element')).toBe('添加单行文本');
    expect(formWord('List contains 3 items')).toBe('共 3 项');
    expect(formWord('Use 24h')).toBe('使用 24 小时制');
    expect(formWord('申请人姓名')).toBe('申请人姓名');
    expect(chineseWord('Click to sort by 姓名 ascending')).toBe('点此按「姓名」从小到大排列');
  });
});
