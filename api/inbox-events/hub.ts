import type { Response } from 'express';
import type { Knex } from 'knex';
import type { Engine } from '../../engine/index.js';
import type { Staff } from '../auth/types.js';
import type { SessionRules } from '../auth/sessions.js';
import { unitsOfCases } from '../cases/repository.js';
import { allUnits, unitAndBelow } from '../org/units.js';
import { MemoryInboxFeed, announceInboxChanges } from './feed.js';
import type { InboxFeed } from './feed.js';
import { issueTicket, ticketHolder } from './tickets.js';

/** Proxies close a connection that says nothing for a minute or so; a comment line keeps it open. */
const HEARTBEAT_MS = 25_000;
/**
 * Changes heard within this long make one "changed" and one look-up of their cases' units: a
 * case's step closing and the next opening is one re-fetch, and a busy county's changes cost
 * each api process a query per this long, not one per step.
 */
const COALESCE_MS = 250;

interface Listener { staff: Staff; visible: Set<string>; res: Response }

/**
 * Tells each connected person's inbox page that it changed (server-sent events: one-way, plain
 * HTTP that proxies pass, and the browser's EventSource reconnects by itself). It says only
 * "changed", never what: the page re-fetches its list through the API, with its rules. A
 * person hears of the steps of cases in their units, which is their inbox's widest scope.
 * Changes come from the feed, where every process that commits steps says them (this one's
 * engine included): in this process embedded, through Redis in server mode (feed.ts).
 * EventSource sends no Authorization header, so the page first takes a ticket (POST, with the
 * session) and opens the stream with it in the address; the ticket reads this stream only,
 * dies with the session, and is kept in the database, so any api process opens the stream.
 */
export class InboxEvents {
  private readonly listeners = new Set<Listener>();
  private readonly stopAnnouncing: () => void;
  private stopHearing?: () => void;
  /** Cases heard of since the last look-up, and the timer of the next. */
  private readonly heard = new Set<string>();
  private lookUp?: NodeJS.Timeout;

  constructor(private readonly db: Knex, engine: Engine, private readonly rules: SessionRules, private readonly feed: InboxFeed) {
    // From the start, not from the first stream: another process's listeners hear what this one commits.
    this.stopAnnouncing = announceInboxChanges(engine, feed);
  }

  /** A ticket for the session `token`. Not pure: written to the database. */
  ticket(token: string, now: number): Promise<string> {
    return issueTicket(this.db, token, now);
  }

  /** The person a ticket stands for, while its session lasts. */
  staffOf(ticket: string, now: number): Promise<Staff | undefined> {
    return ticketHolder(this.db, ticket, now, this.rules);
  }

  /** Streams "changed" events to a person until they go. */
  async open(staff: Staff, res: Response): Promise<void> {
    this.stopHearing ??= this.feed.subscribe((caseId) => this.hear(caseId));
    const listener: Listener = { staff, visible: new Set(unitAndBelow(await allUnits(this.db), staff.orgUnitId)), res };
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    // A retry hint, and a first event so the page knows it is connected (and re-fetches what it missed while away).
    res.write('retry: 5000\nevent: ready\ndata: {}\n\n');
    const beat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
    this.listeners.add(listener);
    res.on('close', () => {
      clearInterval(beat);
      this.listeners.delete(listener);
    });
  }

  private hear(caseId: string): void {
    if (this.listeners.size === 0) return;
    this.heard.add(caseId);
    this.lookUp ??= setTimeout(() => void this.tell(), COALESCE_MS);
  }

  /** Tells each listener whose units hold one of the cases heard of. A failed look-up tells nobody: the pages re-read on reconnect. */
  private async tell(): Promise<void> {
    const cases = [...this.heard];
    this.heard.clear();
    this.lookUp = undefined;
    const units = [...await unitsOfCases(this.db, cases).catch(() => new Set<string>())];
    for (const listener of this.listeners) {
      if (units.some((unit) => listener.visible.has(unit))) listener.res.write('event: changed\ndata: {}\n\n');
    }
  }

  close(): void {
    this.stopAnnouncing();
    this.stopHearing?.();
    clearTimeout(this.lookUp);
    for (const listener of this.listeners) listener.res.end();
  }
}

const hubs = new WeakMap<Engine, InboxEvents>();

/**
 * The one hub of an engine in this process, made by the first call (createApp's, with the
 * deployment's feed; in this process when none is given). Not pure: the hub starts announcing.
 */
export function inboxEventsOf(db: Knex, engine: Engine, rules: SessionRules, feed?: InboxFeed): InboxEvents {
  let hub = hubs.get(engine);
  if (!hub) hubs.set(engine, (hub = new InboxEvents(db, engine, rules, feed ?? new MemoryInboxFeed())));
  return hub;
}
