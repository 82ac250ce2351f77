import { describe, expect, test } from '@jest/globals';
import { startServer } from './support.js';
import type { TestServer } from './support.js';
import { chinaTime, complete, detail, itemNamed, receive, receiveAccepted } from './cases.js';

const ROAD = itemNamed('临时占用城市道路审批');
const TAX = itemNamed('增值税专用发票（增值税税控系统）最高开票限额审批');
const HOMESTEAD = itemNamed('农村村民宅基地审批');
const MINIMUM = itemNamed('最低生活保障审核确认');
const FARM_ADVICE = itemNamed('农业技术指导服务（田间诊断）');

/** A stored notice of a kind: its listing (title, document number, authority) and the page as printed. */
async function notice(server: TestServer, token: string, caseId: string, kind: string) {
  const listed = (await detail(server, token, caseId)).notices.filter((n: { kind: string }) => n.kind === kind);
  if (listed.length !== 1) throw new Error(`expected one ${kind} notice of ${caseId}, found ${listed.length}`);
  const page = await fetch(`${server.url}/api/v1/cases/${caseId}/notices/${listed[0].id}`, { headers: { authorization: `Bearer ${token}` } });
  return { ...listed[0], html: await page.text() } as { id: string; title: string; documentNo: string; authorityId: string; html: string };
}

/** The text of a notice without its markup, for reading sentences across elements. */
const plain = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');

/** Refuses a promised case at the decision (the reviewer passes it on, the director refuses with reasons), then the window tells the applicant. */
async function refusedAtDecision(server: TestServer, caseId: string) {
  await complete(server, await server.login('ob.reviewer'), caseId, 'review', { opinion: '占道位置位于公交站台两侧二十米内', specialProcedure: null });
  await complete(server, await server.login('ob.director'), caseId, 'decide', { approved: false, refusalReason: '占道位置位于公交站台两侧二十米范围内，影响交通安全', legalBasis: '《城市道路管理条例》第三十一条' });
  await complete(server, await server.login('ob.clerk.a'), caseId, 'notify_refusal', { notifiedInWriting: true });
}

describe('notices are issued in the name of the authority that decides the item (实施机关)', () => {
  test('the acceptance notice of a county department\'s item: its name at the top and by the seal slot, the centre as the place of handling for it, its own numbers per year, the clerks and both dates', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const first = await receiveAccepted(server, await server.login('ob.clerk.a'), ROAD);
    const second = await receive(server, await server.login('ob.clerk.b'), ROAD);
    await complete(server, await server.login('ob.clerk.b'), second, 'accept', { accepted: true, missingMaterials: [] });

    const clerk = await server.login('ob.clerk.a');
    const one = await notice(server, clerk, first, 'acceptance');
    expect([one.title, one.documentNo, one.authorityId]).toEqual(['受理通知书', '永综执〔2026〕1号', 'yj-enforce']);
    expect(one.html).toContain('<p class="authority">永嘉县综合行政执法局</p>');
    expect(one.html).toContain('<p class="number">永综执〔2026〕1号</p>');
    expect(one.html).toMatch(/<div class="seal-slot" data-seal-of="yj-enforce"[^>]*>印章<\/div>\s*<p>永嘉县综合行政执法局<\/p>\s*<p>2026年3月2日<\/p>/);
    expect(one.html).toContain('本机关决定予以受理');
    expect(plain(one.html)).toContain('收件日期2026年3月2日受理日期2026年3月2日');
    expect(plain(one.html)).toContain('受理地点永嘉县瓯北街道行政服务中心（代为受理）');
    expect(plain(one.html)).toContain('受理人综合窗口 王芳（A岗）告知人综合窗口 王芳（A岗）');
    const two = await notice(server, clerk, second, 'acceptance');
    expect(two.documentNo).toBe('永综执〔2026〕2号');
    expect(plain(two.html)).toContain('受理人综合窗口 李明（B岗）');

    // Another authority keeps its own series; a new year starts again at 1.
    const residence = await receiveAccepted(server, clerk, itemNamed('居住证核发'));
    expect((await notice(server, clerk, residence, 'acceptance')).documentNo).toBe('永公〔2026〕1号');
    await server.engine.advanceTime(chinaTime('2027-01-04 09:00') - server.clock.now());
    await server.engine.idle();
    const nextYear = await receiveAccepted(server, await server.login('ob.clerk.a'), ROAD);
    expect((await notice(server, await server.login('ob.clerk.a'), nextYear, 'acceptance')).documentNo).toBe('永综执〔2027〕1号');
  }, 120_000);

  test('a one-time notice of a 行政确认 rests on the province\'s rule, not 行政许可法, and names who gave it; not yet accepted, it says so', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const clerk = await server.login('ob.clerk.b');
    const residence = itemNamed('居住证核发');
    const caseId = await receive(server, clerk, residence, ['居民身份证']);
    await complete(server, clerk, caseId, 'accept', { accepted: false, missingMaterials: ['居住证明'] });
    const told = await notice(server, clerk, caseId, 'one-time');
    const text = plain(told.html);
    expect([told.documentNo, told.authorityId]).toEqual(['永公〔2026〕1号', 'yj-police']);
    expect(text).toContain('根据《浙江省保障“最多跑一次”改革规定》第十一条，现一次性告知');
    expect(text).not.toContain('行政许可法');
    expect(text).toContain('收件日期2026年3月2日受理日期未受理');
    expect(text).toContain('告知人综合窗口 李明（B岗）');
  }, 60_000);

  test('twenty acceptances at once by two clerks number their notices 1 to 20 of the authority\'s year, none twice', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const tokens = [await server.login('ob.clerk.a'), await server.login('ob.clerk.b')];
    const cases = await Promise.all(Array.from({ length: 20 }, (_, i) => receive(server, tokens[i % 2]!, ROAD)));
    await Promise.all(cases.map((caseId, i) => complete(server, tokens[i % 2]!, caseId, 'accept', { accepted: true, missingMaterials: [] })));
    const numbers = await Promise.all(cases.map(async (caseId) => (await notice(server, tokens[0]!, caseId, 'acceptance')).documentNo));
    expect([...numbers].sort((a, b) => a.length - b.length || a.localeCompare(b))).toEqual(Array.from({ length: 20 }, (_, i) => `永综执〔2026〕${i + 1}号`));
  }, 120_000);
});

describe('a refusal names the review body the law names, in the words of the item\'s type, and says it was filed only once it was', () => {
  test('a county department\'s 不予许可: 行政复议 before the county government, filed with the county\'s 审管办 before the notice says so', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const caseId = await receiveAccepted(server, await server.login('ob.clerk.a'), ROAD);
    await refusedAtDecision(server, caseId);

    const clerk = await server.login('ob.clerk.a');
    const refusal = await notice(server, clerk, caseId, 'refusal-decision');
    expect([refusal.title, refusal.documentNo]).toEqual(['不予许可决定书', '永综执〔2026〕2号']);
    const text = plain(refusal.html);
    expect(text).toContain('决定不予许可。理由如下： 占道位置位于公交站台两侧二十米范围内，影响交通安全');
    expect(text).toContain('依据：《城市道路管理条例》第三十一条');
    expect(text).toContain('如不服本决定书，可以自收到本决定书之日起六十日内向永嘉县人民政府申请行政复议，或者自收到本决定书之日起六个月内依法向人民法院提起行政诉讼。');
    expect(text).toContain('本决定已依照否定报备制度报永嘉县审管办备案。');
    expect(text).toContain('告知人综合窗口 王芳（A岗）');
    const actions = (await detail(server, clerk, caseId)).log.map((e: { action: string }) => e.action);
    expect(actions.indexOf('rejection-filed')).toBeGreaterThan(-1);
    expect(actions.indexOf('rejection-filed')).toBeLessThan(actions.indexOf('refusal-notified'));
  }, 60_000);

  test('a vertically managed body\'s refusal (the county tax bureau) goes to its superior, the city tax bureau; a 街道办事处\'s to the county government', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const clerk = await server.login('ob.clerk.a');
    const refuse = { accepted: false, missingMaterials: [], refusalReason: '申请人不属于增值税一般纳税人', legalBasis: '《中华人民共和国行政许可法》第三十二条第一款第（一）项' };
    const tax = await receive(server, clerk, TAX);
    await complete(server, clerk, tax, 'accept', refuse);
    await complete(server, clerk, tax, 'notify_refusal', { notifiedInWriting: true });
    const taxNotice = await notice(server, clerk, tax, 'refusal-to-accept');
    expect([taxNotice.title, taxNotice.documentNo]).toEqual(['不予受理通知书', '永税〔2026〕1号']);
    expect(plain(taxNotice.html)).toContain('六十日内向国家税务总局温州市税务局申请行政复议');
    expect(taxNotice.html).toContain('<p class="authority">国家税务总局永嘉县税务局</p>');

    const homestead = await receive(server, clerk, HOMESTEAD);
    await complete(server, clerk, homestead, 'accept', { ...refuse, refusalReason: '申请人已有一处宅基地', legalBasis: '《中华人民共和国土地管理法》第六十二条第一款' });
    await complete(server, clerk, homestead, 'notify_refusal', { notifiedInWriting: true });
    const township = await notice(server, clerk, homestead, 'refusal-to-accept');
    expect(township.html).toContain('<p class="authority">永嘉县人民政府瓯北街道办事处</p>');
    expect(plain(township.html)).toContain('六十日内向永嘉县人民政府申请行政复议');
    expect(plain(township.html)).toContain('受理地点永嘉县瓯北街道行政服务中心 受理人');
  }, 60_000);

  test('a 行政给付 is refused by a 不予给付决定书 without 行政许可法, and a public service answers with the complaint route instead of review', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const clerk = await server.login('ob.clerk.a');
    const minimum = await receiveAccepted(server, clerk, MINIMUM);
    await complete(server, await server.login('ob.reviewer'), minimum, 'initial_review', {
      initialApproved: false, initialOpinion: '入户调查核实家庭人均收入高于当地低保标准', refusalReason: '家庭人均收入高于当地最低生活保障标准', legalBasis: '《社会救助暂行办法》第九条',
    });
    await complete(server, clerk, minimum, 'notify_refusal', { notifiedInWriting: true });
    const refusal = await notice(server, clerk, minimum, 'refusal-decision');
    expect([refusal.title, refusal.documentNo]).toEqual(['不予给付决定书', '永民〔2026〕2号']);
    const text = plain(refusal.html);
    expect(text).toContain('决定不予给付');
    expect(text).toContain('六十日内向永嘉县人民政府申请行政复议');
    expect(text).not.toContain('许可');
    expect(text).not.toContain('行政许可法');
    expect((await detail(server, clerk, minimum)).notices.map((n: { title: string }) => n.title)).toEqual(['受理通知书', '不予给付决定书']);

    const advice = await receiveAccepted(server, clerk, FARM_ADVICE);
    await complete(server, await server.login('ob.reviewer'), advice, 'review', { opinion: '不属农业生产问题', specialProcedure: null });
    await complete(server, await server.login('ob.director'), advice, 'decide', { approved: false, refusalReason: '所述问题为庭院绿化养护，不属于农业技术推广服务范围', legalBasis: '《中华人民共和国农业技术推广法》第二条' });
    await complete(server, clerk, advice, 'notify_refusal', { notifiedInWriting: true });
    const answer = await notice(server, clerk, advice, 'refusal-decision');
    expect(answer.title).toBe('不予办理告知书');
    expect(plain(answer.html)).toContain('如对本告知有异议，可以向永嘉县人民政府瓯北街道办事处提出，或者拨打12345（政务服务便民热线）投诉。');
    expect(plain(answer.html)).not.toContain('行政复议');
  }, 60_000);

  test('a refusal without its legal basis is neither filed nor printed: the job stops with an incident that says what is missing', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const clerk = await server.login('ob.clerk.a');
    const caseId = await receiveAccepted(server, clerk, MINIMUM);
    // The initial review's opinion serves as the reason; nobody gave the legal basis.
    await complete(server, await server.login('ob.reviewer'), caseId, 'initial_review', { initialApproved: false, initialOpinion: '家庭收入尚待核实' });
    await complete(server, clerk, caseId, 'notify_refusal', { notifiedInWriting: true });
    await server.engine.advanceTime(10 * 60_000);
    await server.engine.idle();

    const after = await detail(server, await server.login('ob.clerk.a'), caseId);
    expect(after.notices.map((n: { kind: string }) => n.kind)).toEqual(['acceptance']);
    const actions = after.log.map((e: { action: string }) => e.action);
    expect(actions).not.toContain('rejection-filed');
    expect(after.log.filter((e: { action: string }) => e.action === 'refusal-grounds-missing').map((e: { detail: unknown }) => e.detail)).toEqual([{ missing: ['法律依据（legalBasis）'] }]);
    const incidents = await server.engine.incidents();
    expect(incidents).toEqual([expect.objectContaining({ message: expect.stringContaining('的不予决定缺少法律依据（legalBasis），不能报备，也不能出具书面决定') })]);
  }, 60_000);
});

describe('an extension is approved by the head of the deciding authority (行政许可法 §42), and the applicant is told in writing', () => {
  test('the approval goes to the county 综合行政执法局\'s head, not the centre\'s director nor another authority\'s head; on approval a 延期告知书 gives the reasons and the new date', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const caseId = await receiveAccepted(server, await server.login('ob.clerk.a'), ROAD);
    await server.engine.advanceTime(chinaTime('2026-03-03 10:00') - server.clock.now());
    const asked = await server.call('POST', `/cases/${caseId}/extensions`, { token: await server.login('ob.clerk.a'), body: { days: 5, reason: '需征求公安交通管理部门意见' } });
    expect(asked.status).toBe(201);

    const approvals = async (username: string) => (await server.call('GET', '/tasks', { token: await server.login(username) })).body
      .filter((t: { elementId: string }) => t.elementId === 'decide_extension').map((t: { caseId: string }) => t.caseId);
    expect(await approvals('ob.director')).toEqual([]);
    expect(await approvals('county.director')).toEqual([]);
    expect(await approvals('mz.head')).toEqual([]);
    expect(await approvals('ob.head')).toEqual([]);
    expect(await approvals('zfj.head')).toEqual([caseId]);
    const byDirector = await server.call('POST', `/extensions/${encodeURIComponent(asked.body.id)}/decision`, { token: await server.login('ob.director'), body: { approved: true } });
    expect(byDirector.status).toBe(403);
    expect((await server.call('GET', '/extensions', { token: await server.login('tax.head') })).body).toEqual([]);

    await complete(server, await server.login('zfj.head'), caseId, 'decide_extension', { extensionApproved: true, extensionOpinion: '同意' });
    const clerk = await server.login('ob.clerk.a');
    const told = await notice(server, clerk, caseId, 'extension');
    expect([told.title, told.documentNo]).toEqual(['延期告知书', '永综执〔2026〕2号']);
    const text = plain(told.html);
    expect(text).toContain('因需征求公安交通管理部门意见，不能在原定期限 2026年3月9日 前办结。');
    expect(text).toContain('根据《中华人民共和国行政许可法》第四十二条第一款，经本机关负责人批准，办理期限延长 5 个工作日，本事项将于 2026年3月16日 前办结。');
    expect(text).toContain('告知人综合窗口 王芳（A岗）');
  }, 60_000);

  test('a township government\'s item (宅基地, decided by the 街道办事处) goes to the 办事处\'s head', async () => {
    const server = await startServer(chinaTime('2026-03-02 09:00'));
    const caseId = await receiveAccepted(server, await server.login('ob.clerk.a'), HOMESTEAD);
    await server.call('POST', `/cases/${caseId}/extensions`, { token: await server.login('ob.clerk.a'), body: { days: 5, reason: '需补充现场踏勘' } });
    const inbox = async (username: string) => (await server.call('GET', '/tasks', { token: await server.login(username) })).body.map((t: { elementId: string }) => t.elementId);
    expect(await inbox('zfj.head')).toEqual([]);
    expect(await inbox('ob.head')).toEqual(['decide_extension']);
  }, 60_000);
});
