import { describe, expect, test } from '@jest/globals';
import { definitions, end, process, seq, serviceTask, start, userTask } from '../support/bpmn.js';
import { activeElements, testEngine } from '../support/harness.js';

const HOUR = 3_600_000;

describe('events', () => {
  test('a none start event\'s output mappings set process variables before the first task (Zeebe)', async () => {
    const xml = definitions(process('p',
      `<bpmn:startEvent id="start"><bpmn:extensionElements><zeebe:ioMapping><zeebe:output source="= 0" target="round"/><zeebe:output source="= if is defined(limit) then limit else &quot;PT1H&quot;" target="timeout"/></zeebe:ioMapping></bpmn:extensionElements></bpmn:startEvent>`,
      userTask('review'), end(), seq('start', 'review', 'end'),
    ));
    const { engine } = testEngine();
    await engine.deploy(xml);
    const instance = await engine.start('p', { applicant: '张三' });
    expect((await engine.instance(instance.id))?.variables).toEqual({ applicant: '张三', round: 0, timeout: 'PT1H' });
    expect(await activeElements(engine, instance.id)).toEqual(['review']);
  });

  test('an interrupting timer boundary event ends the task when it falls due', async () => {
    const xml = definitions(process('p',
      start(), userTask('review'), end(), userTask('escalate'), end('late_end'),
      `<bpmn:boundaryEvent id="late" attachedToRef="review"><bpmn:timerEventDefinition><bpmn:timeDuration>PT2H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>`,
      seq('start', 'review', 'end'), seq('late', 'escalate', 'late_end'),
    ));
    const { engine } = testEngine();
    await engine.deploy(xml);
    const instance = await engine.start('p');
    await engine.advanceTime(HOUR);
    expect(await activeElements(engine, instance.id)).toEqual(['review']);
    await engine.advanceTime(HOUR);
    expect(await activeElements(engine, instance.id)).toEqual(['escalate']);
    expect(await engine.tasks({ elementId: 'review' })).toEqual([]);
  });

  test('a non-interrupting cycle boundary event reminds every hour, three times, while the task stays open', async () => {
    const xml = definitions(process('p',
      start(), userTask('review'), end(), serviceTask('remind', 'remind'), end('r_end'),
      `<bpmn:boundaryEvent id="tick" attachedToRef="review" cancelActivity="false"><bpmn:timerEventDefinition><bpmn:timeCycle>R3/PT1H</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:boundaryEvent>`,
      seq('start', 'review', 'end'), seq('tick', 'remind', 'r_end'),
    ));
    let reminders = 0;
    const { engine } = testEngine({ jobHandlers: { remind: () => { reminders++; } } });
    await engine.deploy(xml);
    const instance = await engine.start('p');
    await engine.advanceTime(10 * HOUR);
    expect(reminders).toBe(3);
    expect(await activeElements(engine, instance.id)).toEqual(['review']);
  });

  test('a timer counted in working days skips the weekend', async () => {
    const xml = definitions(process('p',
      start(), `<bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition yc:calendar="working"><bpmn:timeDuration>P5D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>`,
      userTask('after'), end(), seq('start', 'wait', 'after', 'end'),
    ));
    const { engine } = testEngine();
    await engine.deploy(xml);
    const instance = await engine.start('p');
    await engine.advanceTime(5 * 24 * HOUR);
    expect(await activeElements(engine, instance.id)).toEqual(['wait']);
    await engine.advanceTime(2 * 24 * HOUR);
    expect(await activeElements(engine, instance.id)).toEqual(['after']);
  });

  test('messages correlate by key to the waiting instance only', async () => {
    const xml = definitions(`<bpmn:message id="m" name="county-decision"><bpmn:extensionElements><zeebe:subscription correlationKey="=caseId"/></bpmn:extensionElements></bpmn:message>` + process('p',
      start(), `<bpmn:receiveTask id="await" messageRef="m"/>`, userTask('issue'), end(), seq('start', 'await', 'issue', 'end'),
    ));
    const { engine } = testEngine();
    await engine.deploy(xml);
    const a = await engine.start('p', { caseId: 'A' });
    const b = await engine.start('p', { caseId: 'B' });
    await engine.correlateMessage('county-decision', 'B', { approved: true });
    expect(await activeElements(engine, a.id)).toEqual(['await']);
    expect(await activeElements(engine, b.id)).toEqual(['issue']);
    await expect(engine.correlateMessage('county-decision', 'Z')).rejects.toMatchObject({ code: 'MESSAGE_NOT_CORRELATED' });
  });

  test('a thrown message starts the process waiting at a message start event, and signals reach every waiting instance', async () => {
    const xml = definitions(`<bpmn:message id="m" name="report-up"/><bpmn:signal id="s" name="holiday"/>` +
      process('township', start(), `<bpmn:intermediateThrowEvent id="send"><bpmn:extensionElements><zeebe:ioMapping><zeebe:input source="=caseId" target="caseId"/></zeebe:ioMapping></bpmn:extensionElements><bpmn:messageEventDefinition messageRef="m"/></bpmn:intermediateThrowEvent>`,
        `<bpmn:intermediateCatchEvent id="pause"><bpmn:signalEventDefinition signalRef="s"/></bpmn:intermediateCatchEvent>`, end(), seq('start', 'send', 'pause', 'end')) +
      process('county', `<bpmn:startEvent id="received"><bpmn:messageEventDefinition messageRef="m"/></bpmn:startEvent>`, userTask('review'), end('done'), seq('received', 'review', 'done')),
    );
    const { engine } = testEngine();
    await engine.deploy(xml);
    const one = await engine.start('township', { caseId: 'T-1', secret: 'x' });
    await engine.start('township', { caseId: 'T-2' });
    await engine.idle();
    const reviews = await engine.tasks({ elementId: 'review' });
    expect(reviews).toHaveLength(2);
    const county = await engine.instance(reviews[0]!.instanceId);
    expect(county?.variables).toEqual({ caseId: 'T-1' });
    const { instanceIds } = await engine.broadcastSignal('holiday');
    expect(instanceIds).toHaveLength(2);
    expect((await engine.instance(one.id))?.status).toBe('completed');
  });

  test('an error end event in a sub-process is caught by the boundary event on the sub-process', async () => {
    const xml = definitions(`<bpmn:error id="E" errorCode="REFUSED"/>` + process('p',
      start(), `<bpmn:subProcess id="review">${start('s2')}${`<bpmn:endEvent id="refuse"><bpmn:errorEventDefinition errorRef="E"/></bpmn:endEvent>`}${seq('s2', 'refuse')}</bpmn:subProcess>`,
      `<bpmn:boundaryEvent id="refused" attachedToRef="review"><bpmn:errorEventDefinition errorRef="E"/></bpmn:boundaryEvent>`,
      userTask('file_refusal'), end(), end('e2'),
      seq('start', 'review', 'end'), seq('refused', 'file_refusal', 'e2'),
    ));
    const { engine } = testEngine();
    await engine.deploy(xml);
    const instance = await engine.start('p');
    expect(await activeElements(engine, instance.id)).toEqual(['file_refusal']);
  });

  test('an uncaught BPMN error raises an incident instead of silently ending the case', async () => {
    const xml = definitions(`<bpmn:error id="E" errorCode="BROKEN"/>` + process('p',
      start(), `<bpmn:endEvent id="boom"><bpmn:errorEventDefinition errorRef="E"/></bpmn:endEvent>`, seq('start', 'boom'),
    ));
    const { engine } = testEngine();
    await engine.deploy(xml);
    const instance = await engine.start('p');
    expect(await engine.incidents(instance.id)).toEqual([expect.objectContaining({ elementId: 'boom', code: 'UNHANDLED_ERROR' })]);
  });

  test('a non-interrupting message event sub-process runs beside the main flow; an interrupting one ends it', async () => {
    const xml = definitions(`<bpmn:message id="m1" name="inquiry"/><bpmn:message id="m2" name="withdraw"/>` + process('p',
      start(), userTask('review'), end(), seq('start', 'review', 'end'),
      `<bpmn:subProcess id="onInquiry" triggeredByEvent="true"><bpmn:startEvent id="q" isInterrupting="false"><bpmn:messageEventDefinition messageRef="m1"/></bpmn:startEvent>${userTask('answer')}${end('answered')}${seq('q', 'answer', 'answered')}</bpmn:subProcess>`,
      `<bpmn:subProcess id="onWithdraw" triggeredByEvent="true"><bpmn:startEvent id="w"><bpmn:messageEventDefinition messageRef="m2"/></bpmn:startEvent>${userTask('archive')}${end('archived')}${seq('w', 'archive', 'archived')}</bpmn:subProcess>`,
    ));
    const { engine } = testEngine();
    await engine.deploy(xml);
    const instance = await engine.start('p');
    await engine.correlateMessage('inquiry');
    expect(await activeElements(engine, instance.id)).toEqual(['answer', 'onInquiry', 'review']);
    await engine.correlateMessage('withdraw');
    expect(await activeElements(engine, instance.id)).toEqual(['archive', 'onWithdraw']);
    await engine.completeTask((await engine.tasks({ elementId: 'archive' }))[0]!.id);
    expect((await engine.instance(instance.id))?.status).toBe('completed');
  });

  test('a terminate end event ends the other branches of its scope', async () => {
    const xml = definitions(process('p',
      start(), `<bpmn:parallelGateway id="fork"/>`, userTask('a'), `<bpmn:endEvent id="stop"><bpmn:terminateEventDefinition/></bpmn:endEvent>`,
      serviceTask('b', 'b'), end(),
      seq('start', 'fork'), seq('fork', 'a', 'end'), seq('fork', 'b', 'stop'),
    ));
    const { engine } = testEngine({ jobHandlers: { b: () => undefined } });
    await engine.deploy(xml);
    const instance = await engine.start('p');
    await engine.idle();
    expect((await engine.instance(instance.id))?.status).toBe('completed');
    expect(await engine.tasks()).toEqual([]);
  });

  test('a conditional boundary event fires when the data it watches changes', async () => {
    const xml = definitions(process('p',
      start(), userTask('review'), end(), userTask('urgent'), end('e2'),
      `<bpmn:boundaryEvent id="flagged" attachedToRef="review" cancelActivity="false"><bpmn:conditionalEventDefinition><bpmn:condition>=priority = "high"</bpmn:condition></bpmn:conditionalEventDefinition></bpmn:boundaryEvent>`,
      seq('start', 'review', 'end'), seq('flagged', 'urgent', 'e2'),
    ));
    const { engine } = testEngine();
    await engine.deploy(xml);
    const instance = await engine.start('p', { priority: 'low' });
    expect(await activeElements(engine, instance.id)).toEqual(['review']);
    await engine.setVariables(instance.id, { priority: 'high' });
    expect(await activeElements(engine, instance.id)).toEqual(['review', 'urgent']);
  });
});
