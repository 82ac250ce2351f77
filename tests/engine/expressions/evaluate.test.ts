import { describe, expect, it } from '@jest/globals';
import { ExpressionError } from '../../../engine/errors.js';
import {
  compileAttribute, compileExpression, evaluate, evaluateScript, evaluateWithWarnings,
} from '../../../engine/expressions/index.js';

const ctx = { now: Date.UTC(2024, 2, 1, 1, 30) };
const where = { elementId: 'Task_1', attribute: 'zeebe:script' };
const run = (text: string, variables: Record<string, unknown> = {}) => evaluate(compileExpression(text, where), variables, ctx);

describe('evaluate', () => {
  it('does arithmetic with FEEL precedence and decimals', () => {
    expect(run('=1 + 2 * 3')).toBe(7);
    expect(run('=10 / 4')).toBe(2.5);
    expect(run('=decimal(fee * 1.05, 2)', { fee: 10 })).toBe(10.5);
  });

  it('calls the FEEL string functions', () => {
    expect(run('=upper case(name)', { name: 'zhang' })).toBe('ZHANG');
    expect(run('=substring("营业执照", 1, 2)')).toBe('营业');
    expect(run('=string length("办件")')).toBe(2);
    expect(run('=string join(["a", "b"], ",")')).toBe('a,b');
  });

  it('reads paths into contexts and filters lists', () => {
    const variables = { order: { customer: { name: 'Li' } }, items: [{ name: 'a', price: 5 }, { name: 'b', price: 20 }] };
    expect(run('=order.customer.name', variables)).toBe('Li');
    expect(run('=items[price > 10].name', variables)).toEqual(['b']);
    expect(run('={a: 1, b: a + 1}')).toEqual({ a: 1, b: 2 });
  });

  it('reads a backtick name with a space, as Camunda Modeler writes it', () => {
    expect(run('=`order id` + 1', { 'order id': 7 })).toBe(8);
  });

  it('gives null for an unknown variable and says so in a warning', () => {
    const result = evaluateWithWarnings(compileExpression('=missing', where), {}, ctx);
    expect(result.value).toBeNull();
    expect(result.warnings).toEqual([
      { type: 'NO_VARIABLE_FOUND', message: "Variable 'missing' not found", position: { from: 0, to: 7 } },
    ]);
  });

  it('returns durations and dates as ISO 8601 strings', () => {
    expect(run('=duration("P1DT2H")')).toBe('P1DT2H');
    expect(run('=date("2024-03-01") - date("2024-01-01")')).toBe('P60D');
    expect(run('=date("2024-01-31") + duration("P1M")')).toBe('2024-02-29');
    expect(run('=date and time("2024-03-01T09:30:00Z")')).toBe('2024-03-01T09:30:00Z');
    expect(run('=date and time("2024-03-01T09:30:00")')).toBe('2024-03-01T09:30:00');
  });

  it('writes a date-time in a named zone with its offset, as ISO 8601 has no zone names', () => {
    expect(run('=date and time("2024-03-01T09:30:00@Asia/Shanghai")')).toBe('2024-03-01T09:30:00+08:00');
  });

  it('keeps ISO strings in variables as strings; date() makes them temporal', () => {
    expect(run('=applied', { applied: '2024-03-01' })).toBe('2024-03-01');
    expect(run('=applied > "2024-02-01"', { applied: '2024-03-01' })).toBe(true);
    expect(run('=date(applied) + duration("P1D")', { applied: '2024-03-01' })).toBe('2024-03-02');
  });

  it('gives results that survive a JSON round trip, temporals nested in contexts included', () => {
    const value = run('={due: date("2024-03-01"), limits: [duration("P3D")], done: false, note: null}');
    expect(value).toEqual({ due: '2024-03-01', limits: ['P3D'], done: false, note: null });
    expect(JSON.parse(JSON.stringify(value))).toEqual(value);
  });

  it('refuses a result that is not data, such as a function or a range', () => {
    expect(() => run('=now')).toThrow(/gave a FEEL function/);
    expect(() => run('=[1..3]')).toThrow(ExpressionError);
  });

  it('gives a static value back as written, without warnings', () => {
    const compiled = compileAttribute('approve', { elementId: 'Task_1', attribute: 'zeebe:formKey' });
    expect(evaluateWithWarnings(compiled, {}, ctx)).toEqual({ value: 'approve', warnings: [] });
  });

  it('evaluates a zeebe:script body like any expression', () => {
    expect(evaluateScript(compileExpression('=count(items)', where), { items: [1, 2, 3] }, ctx)).toBe(3);
  });

  it('does not change the variables it reads', () => {
    const variables = { order: { total: 1 } };
    run('={order: {total: 2}}.order', variables);
    expect(variables).toEqual({ order: { total: 1 } });
  });
});
