import { describe, expect, test } from '@jest/globals';
import { Batches } from '../../../engine/store/knex/batches.js';

/** A server that records each batch it is sent and answers each request with its double, until released. */
class RecordingServer {
  readonly batches: number[][] = [];
  private releases: Array<() => void> = [];
  serving = 0;
  mostServing = 0;

  async serve(requests: number[]): Promise<Array<PromiseSettledResult<number>>> {
    this.batches.push(requests);
    this.mostServing = Math.max(this.mostServing, ++this.serving);
    await new Promise<void>((resolve) => this.releases.push(resolve));
    this.serving--;
    return requests.map((n) => (n < 0 ? { status: 'rejected', reason: new Error(`refused ${n}`) } : { status: 'fulfilled', value: n * 2 }));
  }

  /** Lets every batch sent so far answer, and waits until the next turn of the event loop. */
  async release(): Promise<void> {
    for (const release of this.releases.splice(0)) release();
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const turn = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('requests served in batches', () => {
  test('requests made in the same turn go together, and each caller hears its own answer', async () => {
    const server = new RecordingServer();
    const batches = new Batches<number, number>((r) => server.serve(r), { inFlight: 1 });
    const answers = Promise.all([1, 2, 3].map((n) => batches.submit(n)));
    await turn();
    await server.release();
    expect(await answers).toEqual([2, 4, 6]);
    expect(server.batches).toEqual([[1, 2, 3]]);
  });

  test('requests arriving while a batch is served wait and go in the next one together', async () => {
    const server = new RecordingServer();
    const batches = new Batches<number, number>((r) => server.serve(r), { inFlight: 1 });
    const first = batches.submit(1);
    await turn();
    const later = [batches.submit(2), turn().then(() => batches.submit(3))];
    await turn();
    expect(server.batches).toEqual([[1]]);
    await server.release();
    await server.release();
    expect(await Promise.all([first, ...later])).toEqual([2, 4, 6]);
    expect(server.batches).toEqual([[1], [2, 3]]);
    expect(server.mostServing).toBe(1);
  });

  test('two requests with one key never share a batch; the later keeps its turn for the next', async () => {
    const server = new RecordingServer();
    const batches = new Batches<number, number>((r) => server.serve(r), { inFlight: 1, key: (n) => String(n % 10) });
    const answers = Promise.all([1, 11, 2, 21].map((n) => batches.submit(n)));
    for (let n = 0; n < 4; n++) await server.release();
    expect(await answers).toEqual([2, 22, 4, 42]);
    expect(server.batches).toEqual([[1, 2], [11], [21]]);
  });

  test('a refused request fails alone; a batch that cannot be served fails all of its callers', async () => {
    const server = new RecordingServer();
    const batches = new Batches<number, number>((r) => server.serve(r), { inFlight: 2 });
    const mixed = [batches.submit(1), batches.submit(-1)];
    await turn();
    await server.release();
    expect(await Promise.allSettled(mixed)).toEqual([{ status: 'fulfilled', value: 2 }, { status: 'rejected', reason: new Error('refused -1') }]);

    const broken = new Batches<number, number>(async () => { throw new Error('connection lost'); }, { inFlight: 1 });
    const outcomes = await Promise.allSettled([broken.submit(1), broken.submit(2)]);
    expect(outcomes.map((o) => o.status === 'rejected' && String(o.reason))).toEqual(['Error: connection lost', 'Error: connection lost']);
  });

  test('no more batches are served at once than allowed', async () => {
    const server = new RecordingServer();
    const batches = new Batches<number, number>((r) => server.serve(r), { inFlight: 2 });
    const first = batches.submit(1);
    await turn();
    const second = batches.submit(2);
    await turn();
    const answers = Promise.all([first, second, batches.submit(3), batches.submit(4)]);
    await turn();
    expect(server.batches).toEqual([[1], [2]]);
    for (let n = 0; n < 3; n++) await server.release();
    expect(await answers).toEqual([2, 4, 6, 8]);
    expect(server.batches).toEqual([[1], [2], [3, 4]]);
    expect(server.mostServing).toBe(2);
  });

  test('a request whose key is in a batch being served waits for that batch to end, though another could be sent', async () => {
    const server = new RecordingServer();
    const batches = new Batches<number, number>((r) => server.serve(r), { inFlight: 2, key: () => 'one instance' });
    const answers = Promise.all([1, 2, 3].map((n) => batches.submit(n)));
    await turn();
    expect(server.batches).toEqual([[1]]);
    await server.release();
    expect(server.batches).toEqual([[1], [2]]);
    for (let n = 0; n < 2; n++) await server.release();
    expect(await answers).toEqual([2, 4, 6]);
    expect(server.mostServing).toBe(1);
  });
});
