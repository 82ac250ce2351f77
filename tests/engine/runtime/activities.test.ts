import { describe, expect, test } from '@jest/globals';
import { definitions, end, process, seq, serviceTask, start, userTask } from '../support/bpmn.js';
import { activeElements, testEngine } from '../support/harness.js';

describe('activities', () => {
  test('a parallel multi-instance task runs one review per department and collects the opinions', async () => {
    const xml = definitions(process('joint',
      start(),
      `<bpmn:userTask id="review"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="=department"/><zeebe:ioMapping><zeebe:output source="=opinion" target="opinion"/></zeebe:ioMapping></bpmn:extensionElements>
        <bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=departments" inputElement="department" outputCollection="opinions" outputElement="=opinion"/></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics></bpmn:userTask>`,
      userTask('issue'), end(), seq('start', 'review', 'issue', 'end'),
    ));
    const { engine } = testEngine();
    await engine.deploy(xml);
    const instance = await engine.start('joint', { departments: ['自然资源', '农业农村', '住建'] });
    const reviews = await engine.tasks({ elementId: 'review' });
    expect(reviews.map((t) => t.candidateGroups[0]).sort()).toEqual(['住建', '农业农村', '自然资源']);
    for (const task of reviews) await engine.completeTask(task.id, { opinion: `${task.candidateGroups[0]}:同意` });
    expect(await activeElements(engine, instance.id)).toEqual(['issue']);
    expect((await engine.instance(instance.id))?.variables.opinions).toEqual(['自然资源:同意', '农业农村:同意', '住建:同意']);
  });

  test('a sequential multi-instance stops early when its completion condition holds', async () => {
    const xml = definitions(process('seq',
      start(),
      `<bpmn:userTask id="sign"><bpmn:multiInstanceLoopCharacteristics isSequential="true"><bpmn:loopCardinality>=3</bpmn:loopCardinality><bpmn:completionCondition>=refused = true</bpmn:completionCondition></bpmn:multiInstanceLoopCharacteristics></bpmn:userTask>`,
      userTask('after'), end(), seq('start', 'sign', 'after', 'end'),
    ));
    const { engine } = testEngine();
    await engine.deploy(xml);
    const instance = await engine.start('seq', { refused: false });
    expect(await engine.tasks({ elementId: 'sign' })).toHaveLength(1);
    await engine.completeTask((await engine.tasks({ elementId: 'sign' }))[0]!.id);
    await engine.completeTask((await engine.tasks({ elementId: 'sign' }))[0]!.id, { refused: true });
    expect(await activeElements(engine, instance.id)).toEqual(['after']);
  });

  test('a standard loop repeats while its condition holds, up to its maximum', async () => {
    const xml = definitions(process('loop',
      start(),
      `<bpmn:scriptTask id="count"><bpmn:extensionElements><zeebe:script expression="=n + 1" resultVariable="n"/></bpmn:extensionElements><bpmn:standardLoopCharacteristics loopMaximum="5"><bpmn:loopCondition>=n &lt; 100</bpmn:loopCondition></bpmn:standardLoopCharacteristics></bpmn:scriptTask>`,
      userTask('after'), end(), seq('start', 'count', 'after', 'end'),
    ));
    const { engine } = testEngine();
    await engine.deploy(xml);
    const instance = await engine.start('loop', { n: 0 });
    expect((await engine.instance(instance.id))?.variables.n).toBe(5);
  });

  test('an embedded sub-process keeps its local variables and completes when its flow ends', async () => {
    const xml = definitions(process('sp',
      start(),
      `<bpmn:subProcess id="correction"><bpmn:extensionElements><zeebe:ioMapping><zeebe:input source="=0" target="rounds"/></zeebe:ioMapping></bpmn:extensionElements>${start('s2')}${userTask('submit')}${end('e2')}${seq('s2', 'submit', 'e2')}</bpmn:subProcess>`,
      userTask('after'), end(), seq('start', 'correction', 'after', 'end'),
    ));
    const { engine } = testEngine();
    await engine.deploy(xml);
    const instance = await engine.start('sp');
    expect(await activeElements(engine, instance.id)).toEqual(['correction', 'submit']);
    await engine.completeTask((await engine.tasks())[0]!.id, { rounds: 1, materials: 'ok' });
    const view = await engine.instance(instance.id);
    expect(view?.variables).toEqual({ materials: 'ok' });
    expect(await activeElements(engine, instance.id)).toEqual(['after']);
  });

  test('a call activity runs the called process as a child instance and takes its result back', async () => {
    const xml = definitions(
      process('parent', start(), `<bpmn:callActivity id="notice"><bpmn:extensionElements><zeebe:calledElement processId="one-time-notice"/></bpmn:extensionElements></bpmn:callActivity>`, userTask('after'), end(), seq('start', 'notice', 'after', 'end')) +
      process('one-time-notice', start('cs'), userTask('correct'), end('ce'), seq('cs', 'correct', 'ce')),
    );
    const { engine } = testEngine();
    await engine.deploy(xml);
    const parent = await engine.start('parent', { caseId: 'X' });
    await engine.idle();
    const [task] = await engine.tasks({ elementId: 'correct' });
    expect(task?.instanceId).not.toBe(parent.id);
    expect((await engine.instance(task!.instanceId))?.variables).toMatchObject({ caseId: 'X' });
    await engine.completeTask(task!.id, { corrected: true });
    await engine.idle();
    expect(await activeElements(engine, parent.id)).toEqual(['after']);
    expect((await engine.instance(parent.id))?.variables).toMatchObject({ corrected: true });
  });

  test('a process that calls itself without end stops at a call-depth incident that says so', async () => {
    // Each nested child id is the parent's id plus ".key.seq"; past the id limit the call
    // must be refused as too deep, not with a message about an invalid instance id.
    const xml = definitions(process('recurse', start(), `<bpmn:callActivity id="again"><bpmn:extensionElements><zeebe:calledElement processId="recurse"/></bpmn:extensionElements></bpmn:callActivity>`, end(), seq('start', 'again', 'end')));
    const { engine } = testEngine();
    await engine.deploy(xml);
    await engine.start('recurse');
    await engine.idle();
    const incidents = await engine.incidents();
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ elementId: 'again', code: 'CALL_DEPTH_EXCEEDED' });
    expect(incidents[0]!.message).toMatch(/call activity "again" .*nested too deep/);
  });

  test('cancelling a parent cancels its child instance and withdraws their tasks', async () => {
    const xml = definitions(
      process('parent', start(), `<bpmn:callActivity id="call" calledElement="child"/>`, end(), seq('start', 'call', 'end')) +
      process('child', start('cs'), userTask('work'), end('ce'), seq('cs', 'work', 'ce')),
    );
    const { engine } = testEngine();
    await engine.deploy(xml);
    const parent = await engine.start('parent');
    await engine.idle();
    expect(await engine.tasks()).toHaveLength(1);
    await engine.cancel(parent.id);
    await engine.idle();
    expect(await engine.tasks()).toEqual([]);
    expect((await engine.instance(parent.id))?.status).toBe('terminated');
  });

  test('a FEEL script task computes a result variable inside the step', async () => {
    const xml = definitions(process('s',
      start(), `<bpmn:scriptTask id="fee"><bpmn:extensionElements><zeebe:script expression="=if free then 0 else pages * 2" resultVariable="fee"/></bpmn:extensionElements></bpmn:scriptTask>`,
      userTask('pay'), end(), seq('start', 'fee', 'pay', 'end'),
    ));
    const { engine } = testEngine();
    await engine.deploy(xml);
    const instance = await engine.start('s', { free: false, pages: 4 });
    expect((await engine.instance(instance.id))?.variables.fee).toBe(8);
  });

  test('compensation undoes completed work, newest first, when a compensation end event is reached', async () => {
    const compensable = (id: string) => `${serviceTask(id, 'do')}<bpmn:boundaryEvent id="${id}_c" attachedToRef="${id}"><bpmn:compensateEventDefinition/></bpmn:boundaryEvent>` +
      `<bpmn:serviceTask id="undo_${id}" isForCompensation="true"><bpmn:extensionElements><zeebe:taskDefinition type="undo"/></bpmn:extensionElements></bpmn:serviceTask>` +
      `<bpmn:association id="a_${id}" sourceRef="${id}_c" targetRef="undo_${id}"/>`;
    const xml = definitions(process('c', start(), compensable('book'), compensable('charge'), `<bpmn:endEvent id="rollback"><bpmn:compensateEventDefinition/></bpmn:endEvent>`, seq('start', 'book', 'charge', 'rollback')));
    const undone: string[] = [];
    const { engine } = testEngine({ jobHandlers: { do: () => undefined, undo: (job) => { undone.push(job.elementId); } } });
    await engine.deploy(xml);
    const instance = await engine.start('c');
    await engine.idle();
    // Handlers run side by side as jobs; the order that matters is the one they were started in.
    const started = (await engine.history(instance.id)).filter((e) => e.t === 'activated' && e.el.startsWith('undo_')).map((e) => (e as { el: string }).el);
    expect(started).toEqual(['undo_charge', 'undo_book']);
    expect(undone.sort()).toEqual(['undo_book', 'undo_charge']);
    expect((await engine.instance(instance.id))?.status).toBe('completed');
  });
});
