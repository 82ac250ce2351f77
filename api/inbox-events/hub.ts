import { randomBytes } from 'node:crypto';
import type { Response } from 'express';
import type { Knex } from 'knex';
import type { Engine, InstanceState } from '../../engine/index.js';
import type { Staff } from '../auth/types.js';
import { sessionStaff } from '../auth/sessions.js';
import type { SessionRules } from '../auth/sessions.js';
import { findCase } from '../cases/repository.js';
import { allUnits, unitAndBelow } from '../org/units.js';

/** The task effects that change someone's inbox: a step opened, done or cancelled, claimed or handed on. */
const INBOX_EFFECTS = ['task.created', 'task.closed', 'task.assigned'] as const;
/** Proxies close a connection that says nothing for a minute or so; a comment line keeps it open. */
const HEARTBEAT_MS = 25_000;
/** Changes within this long make one "changed": a case's step closing and the next opening is one re-fetch. */
const COALESCE_MS = 250;
/** A ticket opens the stream (and its reconnections) for as long as the session behind it lasts, at most this. */
const TICKET_MS = 12 * 60 * 60 * 1000;
const MAX_TICKETS = 10_000;

interface Listener { staff: Staff; visible: Set<string>; res: Response; pending?: NodeJS.Timeout }

/**
 * Tells each connected person's inbox page that it changed (server-sent events: one-way, plain
 * HTTP that proxies pass, and the browser's EventSource reconnects by itself). It says only
 * "changed", never what: the page re-fetches its list through the API, with its rules. A
 * person hears of the steps of cases in their units, which is their inbox's widest scope.
 * EventSource sends no Authorization header, so the page first takes a ticket (POST, with the
 * session) and opens the stream with it in the address; the ticket reads this stream only
 * and dies with the session. Tickets and listeners live in this process: behind several api
 * processes a change is pushed by the one that made it (the page also re-fetches on reconnect).
 */
export class InboxEvents {
  private readonly tickets = new Map<string, { token: string; until: number }>();
  private readonly listeners = new Set<Listener>();
  private stop?: () => void;

  constructor(private readonly db: Knex, private readonly engine: Engine, private readonly rules: SessionRules) {}

  /** A ticket for the session `token`. Not pure: kept in memory. */
  ticket(token: string, now: number): string {
    if (this.tickets.size >= MAX_TICKETS) this.prune(now);
    const ticket = randomBytes(24).toString('base64url');
    this.tickets.set(ticket, { token, until: now + TICKET_MS });
    return ticket;
  }

  /** The person a ticket stands for, while its session lasts. */
  async staffOf(ticket: string, now: number): Promise<Staff | undefined> {
    const held = this.tickets.get(ticket);
    if (!held || held.until <= now) return undefined;
    return sessionStaff(this.db, held.token, now, this.rules);
  }

  /** Streams "changed" events to a person until they go. */
  async open(staff: Staff, res: Response): Promise<void> {
    this.follow();
    const listener: Listener = { staff, visible: new Set(unitAndBelow(await allUnits(this.db), staff.orgUnitId)), res };
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    // A retry hint, and a first event so the page knows it is connected (and re-fetches what it missed while away).
    res.write('retry: 5000\nevent: ready\ndata: {}\n\n');
    const beat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
    this.listeners.add(listener);
    res.on('close', () => {
      clearInterval(beat);
      clearTimeout(listener.pending);
      this.listeners.delete(listener);
    });
  }

  /** Follows the engine's task effects from the first connection on. */
  private follow(): void {
    this.stop ??= this.engine.subscribe((_instanceId, _effect, state) => this.changed(state), { types: INBOX_EFFECTS });
  }

  private async changed(state: InstanceState): Promise<void> {
    if (this.listeners.size === 0) return;
    const caseId = state.vars['0']?.caseId ?? state.businessKey;
    const record = typeof caseId === 'string' ? await findCase(this.db, caseId) : undefined;
    if (!record) return;
    for (const listener of this.listeners) if (listener.visible.has(record.orgUnitId)) tell(listener);
  }

  private prune(now: number): void {
    for (const [ticket, held] of this.tickets) if (held.until <= now) this.tickets.delete(ticket);
    // Still full: the oldest go (a page whose ticket went takes a new one when it reconnects).
    for (const ticket of this.tickets.keys()) {
      if (this.tickets.size < MAX_TICKETS) break;
      this.tickets.delete(ticket);
    }
  }

  close(): void {
    this.stop?.();
    for (const listener of this.listeners) listener.res.end();
  }
}

function tell(listener: Listener): void {
  if (listener.pending) return;
  listener.pending = setTimeout(() => {
    listener.pending = undefined;
    listener.res.write('event: changed\ndata: {}\n\n');
  }, COALESCE_MS);
}

const hubs = new WeakMap<Engine, InboxEvents>();

/** The one hub of an engine in this process. */
export function inboxEventsOf(db: Knex, engine: Engine, rules: SessionRules): InboxEvents {
  let hub = hubs.get(engine);
  if (!hub) hubs.set(engine, (hub = new InboxEvents(db, engine, rules)));
  return hub;
}
