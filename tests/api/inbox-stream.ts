import { expect } from '@jest/globals';
import type { TestServer } from './support.js';

/** Waits (up to 5 s, or `ms`) until the events hold `name`. */
export async function heard(events: string[], name: string, ms = 5000): Promise<void> {
  for (const until = Date.now() + ms; !events.includes(name) && Date.now() < until;) await new Promise((resolve) => setTimeout(resolve, 100));
  expect(events).toContain(name);
}

/**
 * Opens a person's event stream as the page does (a ticket from `server`, then the stream) and
 * collects the events' names. `streamFrom`: the address of the api process the stream is
 * opened on (default: the one that gave the ticket), as a balancer may send it elsewhere.
 */
export async function listen(server: Pick<TestServer, 'url' | 'call'>, token: string, streamFrom = server.url) {
  const { ticket, stream } = (await server.call('POST', '/inbox/events/ticket', { token })).body as { ticket: string; stream: string };
  expect(stream).toBe(`/api/v1/inbox/events?ticket=${ticket}`);
  const abort = new AbortController();
  const res = await fetch(`${streamFrom}${stream}`, { signal: abort.signal });
  expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
  const events: string[] = [];
  void (async () => {
    const decoder = new TextDecoder();
    for await (const chunk of res.body!) for (const m of decoder.decode(chunk as Uint8Array).matchAll(/^event: (\w+)$/gm)) events.push(m[1]!);
  })().catch(() => undefined);
  return { events, close: () => abort.abort() };
}
