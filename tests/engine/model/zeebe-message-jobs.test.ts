import { describe, expect, test } from '@jest/globals';
import { createEngine, VirtualClock } from '../../../engine/index.js';
import { definitions, process, seq, start } from '../support/bpmn.js';

const job = (type: string) => `<bpmn:extensionElements><zeebe:taskDefinition type="${type}"/></bpmn:extensionElements>`;
const throwWithJob = (id: string, type: string, messageRef = '') =>
  `<bpmn:intermediateThrowEvent id="${id}">${job(type)}<bpmn:messageEventDefinition${messageRef ? ` messageRef="${messageRef}"` : ''}/></bpmn:intermediateThrowEvent>`;
const endWithJob = (id: string, type: string) =>
  `<bpmn:endEvent id="${id}">${job(type)}<bpmn:messageEventDefinition/></bpmn:endEvent>`;

describe('Zeebe\'s message throw and end events with a job (Camunda 8 semantics)', () => {
  test('an intermediate message throw event with zeebe:taskDefinition and no messageRef is a job; the flow goes on when it completes', async () => {
    const engine = createEngine({ clock: new VirtualClock() });
    try {
      await engine.deploy(definitions(process('p', start(), throwWithJob('notify', 'send-sms'), endWithJob('end', 'send-email'), seq('start', 'notify', 'end'))));
      const instance = await engine.start('p');
      const [sms] = await engine.activateJobs('send-sms');
      expect(sms).toMatchObject({ elementId: 'notify', instanceId: instance.id });
      await engine.completeJob(sms!.id, {});
      const [email] = await engine.activateJobs('send-email');
      expect(email).toMatchObject({ elementId: 'end' });
      expect((await engine.instance(instance.id))!.status).toBe('active');
      await engine.completeJob(email!.id, {});
      expect((await engine.instance(instance.id))!.status).toBe('completed');
    } finally {
      await engine.close();
    }
  });

  test('without a job, a message throw event still needs its messageRef, and the refusal says both ways out', async () => {
    const engine = createEngine({ clock: new VirtualClock() });
    try {
      const xml = definitions(process('p', start(), '<bpmn:endEvent id="end"><bpmn:messageEventDefinition/></bpmn:endEvent>', seq('start', 'end')));
      await expect(engine.deploy(xml)).rejects.toThrow(/messageRef.*zeebe:taskDefinition|zeebe:taskDefinition.*messageRef/);
    } finally {
      await engine.close();
    }
  });
});
