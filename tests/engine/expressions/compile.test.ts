import { describe, expect, it } from '@jest/globals';
import { ExpressionError } from '../../../engine/errors.js';
import { compileAttribute, compileExpression } from '../../../engine/expressions/index.js';

const where = { elementId: 'Gateway_1', attribute: 'conditionExpression' };

function compileError(text: string): ExpressionError {
  try {
    compileExpression(text, where);
  } catch (err) {
    if (err instanceof ExpressionError) return err;
    throw err;
  }
  throw new Error(`expected ${text} to be refused`);
}

describe('compileExpression', () => {
  it('strips the leading = and keeps where the expression sits', () => {
    expect(compileExpression('= amount > 100', where)).toEqual({
      kind: 'feel', text: 'amount > 100', elementId: 'Gateway_1', attribute: 'conditionExpression',
    });
  });

  it('accepts a condition written without = because conditions are always expressions', () => {
    expect(compileExpression('amount > 100', where).text).toBe('amount > 100');
  });

  it('reports a syntax error at deploy time, naming the element and the attribute', () => {
    const error = compileError('=amount >');
    expect(error.code).toBe('EXPRESSION_INVALID');
    expect(error.details).toEqual({ expression: 'amount >', elementId: 'Gateway_1', attribute: 'conditionExpression' });
    expect(error.message).toContain('conditionExpression of element "Gateway_1"');
    expect(error.message).toContain('ends too early');
  });

  it('points at the unexpected token of a syntax error', () => {
    expect(compileError('a ) b').message).toMatch(/unexpected "\)" at column 3/);
  });

  it('refuses == (FEEL compares with one =) instead of accepting it and always giving null', () => {
    // feelin reads "a == true" as a compared with the unary test "= true"; FEEL-Scala refuses it.
    expect(compileError('conditionVariable == true').message).toMatch(/"==" at column 19.*one "="/);
    expect(compileError('=amount >= > 3').message).toMatch(/">= >" at column 8/);
    expect(compileExpression('= amount in > 3', where).text).toBe('amount in > 3');
    expect(compileExpression('= a = true', where).text).toBe('a = true');
  });

  it('refuses JUEL written the Camunda 7 way and tells the author to write FEEL', () => {
    for (const juel of ['${amount > 100}', '#{approved}', '=a and ${b}']) {
      expect(compileError(juel).message).toMatch(/JUEL.*write it in FEEL/);
    }
  });

  it('does not mistake a FEEL string that contains ${ for JUEL', () => {
    expect(compileExpression('="costs ${x}"', where).text).toBe('"costs ${x}"');
  });

  it('refuses an empty expression', () => {
    expect(compileError(' = ').message).toContain('is empty');
  });

  it('accepts backtick names as Camunda Modeler writes them', () => {
    expect(compileExpression('=`order id` != null', where).kind).toBe('feel');
  });

  it('gives a frozen plain object that survives a JSON round trip', () => {
    const compiled = compileExpression('=x + 1', where);
    expect(Object.isFrozen(compiled)).toBe(true);
    expect(JSON.parse(JSON.stringify(compiled))).toEqual(compiled);
  });
});

describe('compileAttribute', () => {
  const at = { elementId: 'Task_1', attribute: 'zeebe:taskDefinition.type' };

  it('compiles text starting with = as FEEL', () => {
    expect(compileAttribute('=kind', at)).toMatchObject({ kind: 'feel', text: 'kind' });
  });

  it('keeps text without = as a static string', () => {
    expect(compileAttribute('send-notice', at)).toMatchObject({ kind: 'static', value: 'send-notice' });
  });

  it('reads a static number where a number is expected', () => {
    expect(compileAttribute(' 3 ', at, 'number')).toMatchObject({ kind: 'static', value: 3 });
  });

  it('refuses non-numeric static text where a number is expected', () => {
    expect(() => compileAttribute('three', at, 'number')).toThrow(/zeebe:taskDefinition.type of element "Task_1" must be a number/);
  });
});
