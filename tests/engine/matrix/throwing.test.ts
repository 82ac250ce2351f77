/**
 * The event matrix, throwing side (BPMN 2.0.2 §10.5.1, §10.5.6 and §13.5): error, escalation
 * and terminate thrown from an end or intermediate throw event inside each scope (embedded
 * sub-process, transaction, multi-instance body, called process, event sub-process), caught
 * on the scope's boundary, caught by an event sub-process of the scope, or caught by nothing;
 * and in every scope of the matrix, an error, escalation or signal that nothing catches.
 * README: "The event matrix".
 */
import { describe, expect, test } from '@jest/globals';
import { end, seq, start, userTask } from '../support/bpmn.js';
import { boundary, endWith, error, errorDef, escalation, escalationDef, eventSubProcess, node, signal, signalDef, startWith, terminateDef, throwEvent } from '../core/elements.js';
import { SCOPES as ALL_SCOPES, complete, inScope, open, run, status } from './scopes.js';

type Thrown = 'error' | 'escalation';
type Scope = 'embedded sub-process' | 'transaction' | 'multi-instance body' | 'called process';
const SCOPES: Scope[] = ['embedded sub-process', 'transaction', 'multi-instance body', 'called process'];

const definitionOf = (thrown: Thrown) => (thrown === 'error' ? errorDef('E') : escalationDef('X'));
const roots = `${error('E', 'FAILED')}\n${escalation('X', 'LATE')}`;

/**
 * The inner flow: a task `inside`, then the throw (an end event, or an intermediate throw
 * followed by `goOn`, which a non-interrupting catch lets run).
 */
function inner(thrown: Thrown, at: 'end' | 'intermediate'): string {
  if (at === 'end') return [start('s'), userTask('inside'), endWith('throw', definitionOf(thrown)), seq('s', 'inside', 'throw')].join('\n');
  return [start('s'), userTask('inside'), throwEvent('throw', definitionOf(thrown)), userTask('goOn'), end('e'), seq('s', 'inside', 'throw', 'goOn', 'e')].join('\n');
}

/** The scope `region` holding `body`, with `catching` around it (a boundary on it, or nothing). */
const model = (scope: Scope, body: string, catching: string) => inScope(scope, body, { roots, beside: catching });

const caughtOnBoundary = (thrown: Thrown, interrupting: boolean) =>
  [boundary('caught', 'region', definitionOf(thrown), interrupting), userTask('handle'), end('he'), seq('caught', 'handle', 'he')].join('\n');

describe.each(SCOPES)('thrown from inside a %s', (scope) => {
  test('an error end event is caught by an error boundary on the scope: the scope ends, the boundary\'s flow runs', async () => {
    await run(model(scope, inner('error', 'end'), caughtOnBoundary('error', true)), async ({ engine, id }) => {
      await complete(engine, 'inside');
      expect(await open(engine)).toEqual(['handle']);
      await complete(engine, 'handle');
      expect(await status(engine, id)).toBe('completed');
    });
  });

  test('an escalation thrown midway is caught by a non-interrupting boundary: both flows run, then the instance completes', async () => {
    await run(model(scope, inner('escalation', 'intermediate'), caughtOnBoundary('escalation', false)), async ({ engine, id }) => {
      await complete(engine, 'inside');
      expect(await open(engine)).toEqual(['goOn', 'handle']);
      await complete(engine, 'goOn');
      await complete(engine, 'handle');
      expect(await status(engine, id)).toBe('completed');
    });
  });

  test('an escalation end event is caught by an interrupting escalation boundary', async () => {
    await run(model(scope, inner('escalation', 'end'), caughtOnBoundary('escalation', true)), async ({ engine, id }) => {
      await complete(engine, 'inside');
      expect(await open(engine)).toEqual(['handle']);
      await complete(engine, 'handle');
      expect(await status(engine, id)).toBe('completed');
    });
  });

  test('an error caught by nothing is an incident where it was thrown (§10.5.1 leaves it to the engine; Zeebe does the same)', async () => {
    await run(model(scope, inner('error', 'end'), ''), async ({ engine, id }) => {
      await complete(engine, 'inside');
      const incidents = await engine.incidents();
      // A called process hands its uncaught error to the call activity (the child ends); caught by nothing there either,
      // the incident is on the call activity, in the instance an operator looks at.
      const where = scope === 'called process' ? { elementId: 'region', instanceId: id } : { elementId: 'throw' };
      expect(incidents).toEqual([expect.objectContaining({ ...where, code: 'UNHANDLED_ERROR' })]);
      expect(await status(engine, id)).toBe('active');
    });
  });

  test('an escalation caught by nothing lets the flow go on (§10.5.6: an escalation is not critical)', async () => {
    await run(model(scope, inner('escalation', 'intermediate'), ''), async ({ engine, id }) => {
      await complete(engine, 'inside');
      expect(await open(engine)).toEqual(['goOn']);
      await complete(engine, 'goOn');
      expect(await status(engine, id)).toBe('completed');
    });
  });

  test('a terminate end event ends only its own scope; the flow after the scope goes on', async () => {
    const body = [start('s'), node('parallelGateway', 'fork'), userTask('inside'), userTask('other'), endWith('stop', terminateDef), end('e'),
      seq('s', 'fork', 'inside', 'stop'), seq('fork', 'other', 'e')].join('\n');
    const xml = model(scope, body, '');
    await run(xml, async ({ engine, id }) => {
      expect(await open(engine)).toEqual(['inside', 'other']);
      await complete(engine, 'inside');
      expect(await open(engine)).toEqual([]);
      expect(await status(engine, id)).toBe('completed');
    });
  });
});

describe('caught by an event sub-process of the scope that throws', () => {
  test.each(['error', 'escalation'] as const)('an %s end event inside an embedded sub-process starts the sub-process\'s own event sub-process', async (thrown) => {
    const handler = eventSubProcess('esp', [startWith('caught', definitionOf(thrown)), userTask('handle'), end('he'), seq('caught', 'handle', 'he')].join('\n'));
    await run(model('embedded sub-process', `${inner(thrown, 'end')}\n${handler}`, ''), async ({ engine, id }) => {
      await complete(engine, 'inside');
      expect(await open(engine)).toEqual(['handle']);
      await complete(engine, 'handle');
      expect(await status(engine, id)).toBe('completed');
    });
  });

  test('an error thrown inside an event sub-process is caught by the boundary of the scope around it', async () => {
    const handler = eventSubProcess('esp', [startWith('esc', escalationDef('X'), false), endWith('fail', errorDef('E')), seq('esc', 'fail')].join('\n'));
    const body = [start('s'), userTask('inside'), throwEvent('raise', escalationDef('X')), userTask('goOn'), end('e'), seq('s', 'inside', 'raise', 'goOn', 'e'), handler].join('\n');
    await run(model('embedded sub-process', body, caughtOnBoundary('error', true)), async ({ engine, id }) => {
      await complete(engine, 'inside');
      expect(await open(engine)).toEqual(['handle']);
      await complete(engine, 'handle');
      expect(await status(engine, id)).toBe('completed');
    });
  });
});

describe.each(ALL_SCOPES)('caught by nothing, thrown in a %s', (scope) => {
  if (!scope.startsWith('ad hoc')) {
    test('an error is an incident where it was thrown (a called process hands it to its call activity first)', async () => {
      await run(inScope(scope, inner('error', 'end'), { roots }), async ({ engine, id }) => {
        await complete(engine, 'inside');
        const where = scope === 'called process' ? { elementId: 'region', instanceId: id } : { elementId: 'throw' };
        expect(await engine.incidents()).toEqual([expect.objectContaining({ ...where, code: 'UNHANDLED_ERROR' })]);
        expect(await status(engine, id)).toBe('active');
      });
    });
  }

  test.each(['escalation', 'signal'] as const)('an %s thrown midway is lost and the flow goes on', async (thrown) => {
    const body = inner('escalation', 'intermediate').replace(escalationDef('X'), thrown === 'signal' ? signalDef('S') : escalationDef('X'));
    await run(inScope(scope, body, { roots: `${roots}\n${signal('S', 's')}` }), async ({ engine, id }) => {
      await complete(engine, 'inside');
      expect(await open(engine)).toEqual(['goOn']);
      await complete(engine, 'goOn');
      expect(await status(engine, id)).toBe('completed');
    });
  });
});
