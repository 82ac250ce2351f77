import { describe, expect, test } from '@jest/globals';
import { startServer } from './support.js';

describe('saved inbox views are each person\'s own, on the server', () => {
  test('a view is saved with its name and filter, saved again under its name to change it, listed by name, and deleted', async () => {
    const server = await startServer();
    const a = await server.login('ob.clerk.a');
    const saved = await server.call('POST', '/inbox/views', { token: a, body: { name: '本周到期', filter: { tab: 'todo', timeState: 'yellow', sort: 'timeLeft' } } });
    expect(saved).toMatchObject({ status: 200, body: { name: '本周到期', filter: { tab: 'todo', timeState: 'yellow', sort: 'timeLeft' } } });
    await server.call('POST', '/inbox/views', { token: a, body: { name: '居住证', filter: { itemCode: '000172002002' } } });
    const again = await server.call('POST', '/inbox/views', { token: a, body: { name: '本周到期', filter: { tab: 'todo', timeState: 'red' } } });
    expect(again.body.id).toBe(saved.body.id);
    const list = (await server.call('GET', '/inbox/views', { token: a })).body;
    expect(list.map((v: { name: string; filter: object }) => [v.name, v.filter])).toEqual([['居住证', { itemCode: '000172002002' }], ['本周到期', { tab: 'todo', timeState: 'red' }]]);

    const b = await server.login('ob.clerk.b');
    expect((await server.call('GET', '/inbox/views', { token: b })).body).toEqual([]);
    expect((await server.call('DELETE', `/inbox/views/${saved.body.id}`, { token: b })).status).toBe(404);
    expect((await server.call('DELETE', `/inbox/views/${saved.body.id}`, { token: a })).body).toEqual({ deleted: true });
    expect((await server.call('GET', '/inbox/views', { token: a })).body).toHaveLength(1);
  });

  test('a filter the inbox would not understand, or a view without a name, is refused in words', async () => {
    const server = await startServer();
    const a = await server.login('ob.clerk.a');
    const post = (body: unknown) => server.call('POST', '/inbox/views', { token: a, body });
    expect((await post({ name: ' ', filter: {} })).body.error.fields).toEqual([{ field: 'name', problem: '请给视图起个名字' }]);
    expect((await post({ name: 'x', filter: { tab: 'everything' } })).status).toBe(400);
    expect((await post({ name: 'x', filter: { from: '3月1日' } })).body.error.fields).toEqual([{ field: 'filter.from', problem: '日期应为 YYYY-MM-DD' }]);
    expect((await post({ name: 'x', filter: { sql: 'drop' } })).status).toBe(400);
  });
});
