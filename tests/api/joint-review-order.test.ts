import { describe, expect, test } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { startServer } from './support.js';
import { chinaTime, complete, detail, itemNamed, receiveAccepted } from './cases.js';

const HOMESTEAD = itemNamed('农村村民宅基地审批');

describe('a joint review\'s approving decision is the last department\'s yes', () => {
  test('with the departments reviewing one after another, the decision is made by the last yes, not the first (the next review opens in the same commit)', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const shipped = await readFile(new URL('../../processes/joint.bpmn', import.meta.url), 'utf8');
    await server.engine.deploy(shipped.replace('<bpmn:multiInstanceLoopCharacteristics>', '<bpmn:multiInstanceLoopCharacteristics isSequential="true">'), { name: 'joint, one department after another' });
    const clerk = await server.login('ob.clerk.a');
    const caseId = await receiveAccepted(server, clerk, HOMESTEAD);
    const reviewers = [await server.login('ob.land'), await server.login('ob.farm'), await server.login('ob.build')];
    for (const [n, token] of reviewers.entries()) {
      await server.engine.advanceTime(60 * 60 * 1000);
      const reviewed = await complete(server, token, caseId, 'joint_review', { approved: true });
      expect(reviewed.decidedAt === undefined).toBe(n < reviewers.length - 1);
    }
    const { log, case: decided } = await detail(server, clerk, caseId);
    expect(decided.decidedAt).toBe(log.filter((e) => e.action === 'step-done').at(-1)!.at);
  }, 60_000);
});
