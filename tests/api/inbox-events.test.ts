import { describe, expect, test } from '@jest/globals';
import { startServer } from './support.js';
import { itemNamed, receive } from './cases.js';
import { heard, listen } from './inbox-stream.js';

const BIRTH = itemNamed('出生登记');
const RESIDENCE = itemNamed('流动人口居住登记');
const settle = () => new Promise((resolve) => setTimeout(resolve, 600));

describe('the inbox hears of new and closed steps without reloading (server-sent events)', () => {
  test('a step opening in my units sends "changed"; one in another village does not', async () => {
    const server = await startServer();
    const [township, village] = [await server.login('ob.clerk.a'), await server.login('dl.clerk')];
    const a = await listen(server, township);
    const d = await listen(server, village);
    try {
      await heard(a.events, 'ready');
      await receive(server, township, BIRTH);
      await heard(a.events, 'changed');
      await settle();
      expect(d.events).toEqual(['ready']);
      await receive(server, village, RESIDENCE);
      await heard(d.events, 'changed');
    } finally {
      a.close();
      d.close();
    }
  });

  test('the stream needs a live ticket: none, a made-up one, or one whose session ended answers 401', async () => {
    const server = await startServer();
    const token = await server.login('ob.clerk.a');
    expect((await fetch(`${server.url}/api/v1/inbox/events`)).status).toBe(401);
    expect((await fetch(`${server.url}/api/v1/inbox/events?ticket=made-up`)).status).toBe(401);
    const { stream } = (await server.call('POST', '/inbox/events/ticket', { token })).body as { stream: string };
    await server.call('POST', '/auth/logout', { token });
    expect((await fetch(`${server.url}${stream}`)).status).toBe(401);
    expect((await server.call('POST', '/inbox/events/ticket', { token: await server.login('auditor') })).status).toBe(403);
  });

  test('a session keeps its ten newest tickets: an eleventh retires the oldest, the others still open the stream', async () => {
    const server = await startServer();
    const token = await server.login('ob.clerk.a');
    const streams: string[] = [];
    for (let i = 0; i < 11; i++) streams.push(((await server.call('POST', '/inbox/events/ticket', { token })).body as { stream: string }).stream);
    const abort = new AbortController();
    try {
      expect((await fetch(`${server.url}${streams[0]}`)).status).toBe(401);
      expect((await fetch(`${server.url}${streams[10]}`, { signal: abort.signal })).status).toBe(200);
    } finally {
      abort.abort();
    }
  });
});
