import { describe, expect, test } from '@jest/globals';
import { startServer } from './support.js';
import { applicant } from './cases.js';

const BIRTH = '000172001001';

describe('validation errors come back in Chinese, naming the field to fix', () => {
  test('intake with a missing name, an unknown kind, a number for the phone and a stray field', async () => {
    const server = await startServer();
    const clerk = await server.login('ob.clerk.a');
    const { name: _name, ...nameless } = applicant;
    const bad = await server.call('POST', '/cases', { token: clerk, body: { itemCode: BIRTH, applicant: { ...nameless, kind: 'robot', phone: 13800001234 }, provided: [], note: 'x' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect(bad.body.error.fields).toEqual(expect.arrayContaining([
      { field: 'applicant.kind', problem: '应为以下之一：person、company' },
      { field: 'applicant.name', problem: '此项必填' },
      { field: 'applicant.phone', problem: '应为文字，收到的是数字' },
      { field: '(body)', problem: '不认识的字段：note（请删去）' },
    ]));
    expect(bad.body.error.message).toMatch(/^请求数据有误：/);
  });

  test('lengths and numbers: an empty password, a too-short reason, a class not in the list', async () => {
    const server = await startServer();
    expect((await server.call('POST', '/auth/login', { body: { username: 'ob.clerk.a', password: '' } })).body.error.fields).toEqual([{ field: 'password', problem: '请输入密码' }]);
    const admin = await server.login('admin');
    const unit = await server.call('POST', '/org-units', { token: admin, body: { id: 'x', parentId: '330324', level: 'township', name: '沙', centerName: '沙头镇行政服务中心', centerClass: '四类', population: -1 } });
    expect(unit.body.error.fields).toEqual(expect.arrayContaining([
      { field: 'id', problem: '编码为 2–40 位字母、数字、- 或 _' },
      { field: 'name', problem: '至少 2 个字' },
      { field: 'centerClass', problem: '应为以下之一：一类、二类、三类、村级、县级' },
      { field: 'population', problem: '不能小于 0' },
    ]));
  });
});
