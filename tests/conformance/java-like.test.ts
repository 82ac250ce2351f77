import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import {
  compileExpression, evaluateCondition, evaluateInteger,
} from '../../engine/expressions/index.js';
import { javaLikeToFeel, JavaLikeConditionError } from './java-like.js';

const ctx = { now: 0 };
const flow = { elementId: 'Flow_1', attribute: 'conditionExpression' };
const condition = (javaLike: string, variables: Record<string, unknown>) =>
  evaluateCondition(compileExpression(javaLikeToFeel(javaLike), flow), variables, ctx);

describe('javaLikeToFeel', () => {
  it('rewrites every form the betsy suite writes', () => {
    expect(javaLikeToFeel('test.contains("a")')).toBe('contains(test, "a")');
    expect(javaLikeToFeel('!test.contains("a")')).toBe('not(contains(test, "a"))');
    expect(javaLikeToFeel('integerVariable<3')).toBe('integerVariable < 3');
    expect(javaLikeToFeel('true')).toBe('true');
    expect(javaLikeToFeel('false')).toBe('false');
    expect(javaLikeToFeel('${integerVariable}')).toBe('integerVariable');
    expect(javaLikeToFeel('-1')).toBe('-1');
  });

  it('rewrites the boolean and comparison operators into their FEEL words', () => {
    expect(javaLikeToFeel('${ a == 1 && (b != 2 || !c) }')).toBe('a = 1 and (b != 2 or not(c))');
    expect(javaLikeToFeel('a <= 1 || b >= 2 && c > 3')).toBe('a <= 1 or b >= 2 and c > 3');
  });

  it('keeps a comparison inside an equality grouped', () => {
    expect(javaLikeToFeel('a < b == true')).toBe('(a < b) = true');
  });

  it('refuses anything outside the small set, so a surprise is visible', () => {
    for (const text of ['', 'x.length()', 'x.y', 'null', 'a + 1', 'a < b < c', '#{a}', '"a"',
      'test.contains(b)', 'test.contains("a"', 'not', '(a']) {
      expect(() => javaLikeToFeel(text)).toThrow(JavaLikeConditionError);
    }
  });

  it('says what it could not read', () => {
    expect(() => javaLikeToFeel('x.size()')).toThrow('cannot rewrite the Java-like condition "x.size()" into FEEL: only .contains("...") is known, not .size');
  });
});

describe('rewritten betsy conditions, evaluated', () => {
  it('take the flow when the input contains the letter', () => {
    expect(condition('test.contains("a")', { test: 'ab' })).toBe(true);
    expect(condition('test.contains("a")', { test: 'b' })).toBe(false);
    expect(condition('!test.contains("a")', { test: 'b' })).toBe(true);
  });

  it('are false, negated or not, when there is no input (FEEL null is false)', () => {
    expect(condition('test.contains("a")', { test: null })).toBe(false);
    expect(condition('test.contains("a")', {})).toBe(false);
    expect(condition('!test.contains("a")', { test: null })).toBe(false);
  });

  it('count a loop condition on integerVariable', () => {
    expect(condition('integerVariable<3', { integerVariable: 2 })).toBe(true);
    expect(condition('integerVariable<3', { integerVariable: 3 })).toBe(false);
  });

  it('read a loop cardinality from a variable', () => {
    const cardinality = compileExpression(javaLikeToFeel('${integerVariable}'), { elementId: 'Task_1', attribute: 'loopCardinality' });
    expect(evaluateInteger(cardinality, { integerVariable: 3 }, ctx)).toBe(3);
  });
});

/** The suite lives beside the repository (see the conformance README); absent in some checkouts. */
const BETSY_MODELS = resolve(process.cwd(), '..', 'shared', 'conformance', 'betsy', 'models');
const suiteIt = existsSync(BETSY_MODELS) ? it : it.skip;

describe('the betsy models', () => {
  suiteIt('hold only conditions that rewrite into FEEL that compiles', () => {
    const texts = bpmnFiles(BETSY_MODELS).flatMap((file) => conditionTexts(readFileSync(file, 'utf8')));
    expect(texts.length).toBeGreaterThan(20);
    for (const text of texts) expect(compileExpression(javaLikeToFeel(text), flow).kind).toBe('feel');
  });
});

function bpmnFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return bpmnFiles(path);
    return name.endsWith('.bpmn') ? [path] : [];
  });
}

/** Non-empty condition bodies, unescaped; empty ones are the model validator's to refuse. */
function conditionTexts(xml: string): string[] {
  const element = /<(?:\w+:)?(?:conditionExpression|loopCondition|loopCardinality|completionCondition)\b[^>]*>([^<]*)</g;
  return [...xml.matchAll(element)]
    .map((match) => unescapeXml(match[1] ?? '').trim())
    .filter((text) => text !== '');
}

function unescapeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}
