import { describe, expect, test } from '@jest/globals';
import { startServer } from './support.js';
import { itemNamed, required } from './cases.js';

const SHOP = itemNamed('个体工商户注销登记');

describe('intake checks an organisation\'s 统一社会信用代码 by its check character', () => {
  test('a mistyped code is refused with the field and what to fix; the published code is taken in', async () => {
    const server = await startServer();
    const clerk = await server.login('ob.clerk.a');
    const company = (creditCode: string) => ({ kind: 'company', name: '永嘉县示例五金店', creditCode, phone: '0577-67221234' });
    const typo = await server.call('POST', '/cases', { token: clerk, body: { itemCode: SHOP.code, applicant: company('914403001922038217'), provided: required(SHOP) } });
    expect(typo.status).toBe(400);
    expect(typo.body.error).toMatchObject({ code: 'APPLICANT_INVALID', message: '校验位不符，请核对代码', fields: [{ field: 'applicant.creditCode', problem: '校验位不符，请核对代码' }] });
    expect((await server.call('GET', '/cases', { token: clerk })).body).toEqual([]);

    const taken = await server.call('POST', '/cases', { token: clerk, body: { itemCode: SHOP.code, applicant: company('914403001922038216'), provided: required(SHOP) } });
    expect(taken.status).toBe(201);
    expect(taken.body.applicant).toMatchObject({ kind: 'company', creditCode: '914403001922038216' });
  });
});
