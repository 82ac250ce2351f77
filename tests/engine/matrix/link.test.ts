/**
 * The event matrix, link column (BPMN 2.0.2 §10.5.4 table 10.90, §10.5.5 table 10.93, §13.5.4):
 * a link throw event goes on at the link catch event of the same name on the same level, in
 * every scope; a link that would jump across a scope's border, and a link event anywhere but
 * in the normal flow as a pair, are refused at deploy with their rule. README: "The event matrix".
 */
import { describe, expect, test } from '@jest/globals';
import { end, seq, start, userTask } from '../support/bpmn.js';
import { boundary, catchEvent, endWith, eventSubProcess, linkDef, startWith, throwEvent } from '../core/elements.js';
import type { Scope } from './scopes.js';
import { SCOPES, complete, expectRefused, inScope, open, run, status } from './scopes.js';

/** `inside`, then the jump from `ev` to the link catch `to`, then `after`. */
const jumping = [start('s'), userTask('inside'), throwEvent('ev', linkDef('L')), seq('s', 'inside', 'ev')].join('\n');
const landing = [catchEvent('to', linkDef('L')), userTask('after'), end('e2'), seq('to', 'after', 'e2')].join('\n');

describe.each(SCOPES)('link events in a %s', (scope: Scope) => {
  test('a link throw event goes on at the link catch event of its name, and only there', async () => {
    await run(inScope(scope, `${jumping}\n${landing}`), async ({ engine, id }) => {
      // The catch event has no incoming flow, but it is no activity: an ad hoc sub-process does not start it.
      expect(await open(engine)).toEqual(['inside']);
      await complete(engine, 'inside');
      expect(await open(engine)).toEqual(['after']);
      await complete(engine, 'after');
      expect(await open(engine)).toEqual([]);
      expect(await status(engine, id)).toBe('completed');
    });
  });

  test('a link throw event with no link catch event of its name is refused (EXT.125)', async () => {
    await expectRefused(inScope(scope, `${jumping}\n${landing.replace(linkDef('L'), linkDef('elsewhere'))}`), 'ev', 'EXT.125', /no single link target/);
  });

  if (scope !== 'top level') {
    test('a link throw event whose catch event stands outside the scope is refused (EXT.125: links stay on their level)', async () => {
      const body = jumping.replace(throwEvent('ev', linkDef('L')), `${throwEvent('ev', linkDef('L'))}${end('e')}`);
      const xml = inScope(scope, body, { beside: landing.replace(end('e2'), end('e4')).replace(seq('to', 'after', 'e2'), seq('to', 'after', 'e4')) });
      await expectRefused(xml, 'ev', 'EXT.125', /no single link target/);
    });
  }
});

describe('link, the cells the specification rules out', () => {
  const work = [start('s'), userTask('work'), end('e'), seq('s', 'work', 'e')].join('\n');
  test.each([
    ['process start', 'top level', [startWith('ev', linkDef('L')), end('e'), seq('ev', 'e')].join('\n'), 'EXT.098', /starts a process, which Link cannot/],
    ['interrupting event sub-process start', 'embedded sub-process', [work, eventSubProcess('esp', [startWith('ev', linkDef('L')), end('e3'), seq('ev', 'e3')].join(''))].join('\n'),
      'EXT.059', /may not be triggered by Link/],
    ['non-interrupting event sub-process start', 'embedded sub-process', [work, eventSubProcess('esp', [startWith('ev', linkDef('L'), false), end('e3'), seq('ev', 'e3')].join(''))].join('\n'),
      'EXT.059', /may not be triggered by Link/],
    ['interrupting boundary', 'embedded sub-process', [work, boundary('ev', 'work', linkDef('L')), end('e3'), seq('ev', 'e3')].join('\n'), 'EXT.110', /interrupting and cannot catch Link/],
    ['non-interrupting boundary', 'embedded sub-process', [work, boundary('ev', 'work', linkDef('L'), false), end('e3'), seq('ev', 'e3')].join('\n'), 'EXT.110', /interrupting and cannot catch Link/],
    ['end', 'embedded sub-process', [start('s'), endWith('ev', linkDef('L')), seq('s', 'ev'), landing].join('\n'), 'EXT.146', /cannot end with Link/],
  ])('a link event as %s is refused with the reason', async (_position, scope, body, rule, reason) => {
    await expectRefused(inScope(scope as Scope, body), 'ev', rule, reason);
  });
});
