import { setImmediate } from 'node:timers';

/** How many requests one batch serves at most. */
const MOST_PER_BATCH = 100;

interface Waiting<Request, Answer> {
  request: Request;
  resolve: (answer: Answer) => void;
  reject: (reason: unknown) => void;
}

export interface BatchOptions<Request> {
  /** Batches being served at once; requests arriving meanwhile wait for the next one. */
  inFlight: number;
  /**
   * Requests with the same key never share a batch, nor are served while a batch holding that
   * key is: the later waits for the next batch after it.
   */
  key?: (request: Request) => string;
}

/**
 * Requests gathered into batches, each served by one call (one statement, one round trip,
 * one transaction): what arrives while earlier batches are being served, or in the same turn
 * of the event loop, goes together. Each caller hears its own answer, and only once its
 * whole batch has been served. With nothing in flight a request waits for no one.
 */
export class Batches<Request, Answer> {
  private waiting: Array<Waiting<Request, Answer>> = [];
  /** Keys of the requests in the batches being served. */
  private readonly servingKeys = new Set<string>();
  private serving = 0;
  private scheduled = false;

  constructor(
    private readonly serve: (requests: Request[]) => Promise<Array<PromiseSettledResult<Answer>>>,
    private readonly options: BatchOptions<Request>,
  ) {}

  /** Resolves or rejects with this request's own answer, once its batch has been served. Not pure. */
  submit(request: Request): Promise<Answer> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ request, resolve, reject });
      this.schedule();
    });
  }

  /**
   * Callers resumed by one reply submit one after the other in the same turn of the event loop:
   * they go together. (The timers module's own setImmediate: tests that fake the global timers
   * must not stop the store.) Gathering every caller into one batch, rather than spreading
   * them over the free slots, costs the least CPU per request, and CPU is what a busy machine lacks.
   */
  private schedule(): void {
    if (this.scheduled || this.serving >= this.options.inFlight) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      while (this.serving < this.options.inFlight && this.waiting.length > 0) {
        const batch = this.take();
        // Every request left waits for a key being served: the end of that batch schedules again.
        if (batch.length === 0) return;
        void this.send(batch);
      }
    });
  }

  /** The next batch: the longest-waiting requests, one per key; the others keep their places. */
  private take(): Array<Waiting<Request, Answer>> {
    const { key } = this.options;
    if (!key) return this.waiting.splice(0, MOST_PER_BATCH);
    const keys = new Set<string>();
    const batch: Array<Waiting<Request, Answer>> = [];
    const rest: Array<Waiting<Request, Answer>> = [];
    for (const waiting of this.waiting) {
      const k = key(waiting.request);
      const joins = batch.length < MOST_PER_BATCH && !keys.has(k) && !this.servingKeys.has(k);
      if (joins) keys.add(k);
      (joins ? batch : rest).push(waiting);
    }
    this.waiting = rest;
    return batch;
  }

  private async send(batch: Array<Waiting<Request, Answer>>): Promise<void> {
    this.serving++;
    const keys = this.options.key ? batch.map((w) => this.options.key!(w.request)) : [];
    for (const k of keys) this.servingKeys.add(k);
    try {
      const answers = await this.serve(batch.map((w) => w.request));
      batch.forEach((w, n) => settle(w, answers[n]!));
    } catch (err) {
      for (const w of batch) w.reject(err);
    } finally {
      for (const k of keys) this.servingKeys.delete(k);
      this.serving--;
      this.schedule();
    }
  }
}

function settle<Answer>(waiting: Waiting<unknown, Answer>, answer: PromiseSettledResult<Answer>): void {
  if (answer.status === 'fulfilled') waiting.resolve(answer.value);
  else waiting.reject(answer.reason);
}
