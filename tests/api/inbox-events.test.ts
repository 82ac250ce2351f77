import { describe, expect, test } from '@jest/globals';
import { startServer } from './support.js';
import type { TestServer } from './support.js';
import { itemNamed, receive } from './cases.js';

const BIRTH = itemNamed('出生登记');
const RESIDENCE = itemNamed('流动人口居住登记');
const settle = () => new Promise((resolve) => setTimeout(resolve, 600));

/** Waits (up to 5 s) until the events hold `name`. */
async function heard(events: string[], name: string): Promise<void> {
  for (let i = 0; i < 50 && !events.includes(name); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  expect(events).toContain(name);
}

/** Opens a person's event stream as the page does (ticket, then the stream) and collects the events' names. */
async function listen(server: TestServer, token: string) {
  const { ticket, stream } = (await server.call('POST', '/inbox/events/ticket', { token })).body as { ticket: string; stream: string };
  expect(stream).toBe(`/api/v1/inbox/events?ticket=${ticket}`);
  const abort = new AbortController();
  const res = await fetch(`${server.url}${stream}`, { signal: abort.signal });
  expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
  const events: string[] = [];
  void (async () => {
    const decoder = new TextDecoder();
    for await (const chunk of res.body!) for (const m of decoder.decode(chunk as Uint8Array).matchAll(/^event: (\w+)$/gm)) events.push(m[1]!);
  })().catch(() => undefined);
  return { events, close: () => abort.abort() };
}

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
});
