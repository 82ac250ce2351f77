import { describe, expect, it } from '@jest/globals';
import { ExpressionError } from '../../../engine/errors.js';
import {
  compileAttribute, compileExpression, evaluateCollection, evaluateCondition, evaluateInteger,
} from '../../../engine/expressions/index.js';

const ctx = { now: 0 };
const flow = { elementId: 'Flow_approve', attribute: 'conditionExpression' };
const condition = (text: string, variables: Record<string, unknown> = {}) =>
  evaluateCondition(compileExpression(text, flow), variables, ctx);

describe('evaluateCondition', () => {
  it('is true only for true', () => {
    expect(condition('=amount > 100', { amount: 150 })).toBe(true);
    expect(condition('=amount > 100', { amount: 50 })).toBe(false);
  });

  it('treats null as false: an unknown variable, or contains() on null', () => {
    expect(condition('=approved')).toBe(false);
    expect(condition('=amount > 100')).toBe(false);
    expect(condition('=contains(test, "a")', { test: null })).toBe(false);
  });

  it('refuses a value that is neither boolean nor null, naming the sequence flow', () => {
    expect(() => condition('=amount', { amount: 3 })).toThrow(ExpressionError);
    expect(() => condition('="yes"')).toThrow(
      /conditionExpression of element "Flow_approve" must give true or false, but gave string "yes"/,
    );
  });
});

describe('evaluateCollection', () => {
  const mi = { elementId: 'Task_review', attribute: 'zeebe:loopCharacteristics.inputCollection' };

  it('gives the list the expression produces', () => {
    expect(evaluateCollection(compileExpression('=reviewers', mi), { reviewers: ['a', 'b'] }, ctx)).toEqual(['a', 'b']);
    expect(evaluateCollection(compileExpression('=for i in 1..3 return i * 2', mi), {}, ctx)).toEqual([2, 4, 6]);
  });

  it('refuses anything that is not a list, null included', () => {
    expect(() => evaluateCollection(compileExpression('=reviewers', mi), { reviewers: 'a' }, ctx))
      .toThrow(/must give a list, but gave string "a"/);
    expect(() => evaluateCollection(compileExpression('=reviewers', mi), {}, ctx)).toThrow(/but gave null/);
  });
});

describe('evaluateInteger', () => {
  const loop = { elementId: 'Task_loop', attribute: 'loopCardinality' };

  it('gives a whole number from an expression or a static attribute', () => {
    expect(evaluateInteger(compileExpression('=count(items)', loop), { items: [1, 2, 3] }, ctx)).toBe(3);
    expect(evaluateInteger(compileAttribute('3', loop, 'number'), {}, ctx)).toBe(3);
  });

  it('refuses fractions, strings and null', () => {
    expect(() => evaluateInteger(compileExpression('=7 / 2', loop), {}, ctx)).toThrow(/whole number, but gave number 3.5/);
    expect(() => evaluateInteger(compileExpression('="3"', loop), {}, ctx)).toThrow(/but gave string "3"/);
    expect(() => evaluateInteger(compileExpression('=n', loop), {}, ctx)).toThrow(/but gave null/);
  });
});
