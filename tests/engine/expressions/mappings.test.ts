import { describe, expect, it } from '@jest/globals';
import { applyMappings, compileMappings } from '../../../engine/expressions/index.js';

const ctx = { now: 0 };
const inputs = { elementId: 'Task_accept', attribute: 'zeebe:input' };
const apply = (list: { source: string; target: string }[], variables: Record<string, unknown> = {}) =>
  applyMappings(compileMappings(list, inputs), variables, ctx);

describe('io mappings', () => {
  it('evaluates FEEL sources into flat targets', () => {
    expect(apply([{ source: '=applicant.name', target: 'name' }], { applicant: { name: 'Wang' } })).toEqual({ name: 'Wang' });
  });

  it('keeps a static source as a string, as Zeebe does', () => {
    expect(apply([{ source: '1', target: 'version' }])).toEqual({ version: '1' });
  });

  it('builds nested targets, and later mappings merge into the objects earlier ones made', () => {
    const result = apply([
      { source: '=1', target: 'case.item.id' },
      { source: '="window 3"', target: 'case.item.window' },
      { source: '=true', target: 'case.urgent' },
    ]);
    expect(result).toEqual({ case: { item: { id: 1, window: 'window 3' }, urgent: true } });
  });

  it('merges a nested target into the object already among the source variables', () => {
    expect(apply([{ source: '=2', target: 'order.total' }], { order: { id: 'A1' } }))
      .toEqual({ order: { id: 'A1', total: 2 } });
  });

  it('lets a later mapping read the target of an earlier one', () => {
    expect(apply([{ source: '=2', target: 'a' }, { source: '=a * 10', target: 'b' }])).toEqual({ a: 2, b: 20 });
  });

  it('replaces a non-object that stands where a nested target needs an object', () => {
    expect(apply([{ source: '=1', target: 'a' }, { source: '=2', target: 'a.b' }])).toEqual({ a: { b: 2 } });
  });

  it('never changes the source variables', () => {
    const variables = { order: { id: 'A1' } };
    apply([{ source: '=2', target: 'order.total' }], variables);
    expect(variables).toEqual({ order: { id: 'A1' } });
  });

  it('refuses a bad target at deploy, naming the mapping', () => {
    expect(() => compileMappings([{ source: '=1', target: 'a' }, { source: '=1', target: 'a..b' }], inputs))
      .toThrow(/zeebe:input\[1\].target of element "Task_accept" is not a variable name or path/);
    expect(() => compileMappings([{ source: '=1', target: '__proto__.polluted' }], inputs)).toThrow(/not a variable name/);
  });

  it('refuses a source with a syntax error at deploy, naming the mapping', () => {
    expect(() => compileMappings([{ source: '=a +', target: 'b' }], inputs))
      .toThrow(/zeebe:input\[0\].source of element "Task_accept" is not valid FEEL/);
  });

  it('compiles to frozen data that survives JSON', () => {
    const compiled = compileMappings([{ source: '=a', target: 'x.y' }], inputs);
    expect(Object.isFrozen(compiled) && Object.isFrozen(compiled[0]) && Object.isFrozen(compiled[0]?.target)).toBe(true);
    expect(JSON.parse(JSON.stringify(compiled))).toEqual(compiled);
  });
});
