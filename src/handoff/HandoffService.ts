import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import type { Locale } from '../config/AppConfig';
import { moreUrgent, type Tier } from '../safety/Tier';
import type { Clock } from '../util/Clock';
import type { HandoffReason, Ticket, TicketMessage, TicketStatus } from './Ticket';
import type { TicketRepository } from './TicketRepository';
import { LocalStaffPresence, type StaffPresence } from './StaffPresence';
import type { TicketEvent, TicketEventBus } from './TicketEventBus';

export type { TicketEvent } from './TicketEventBus';

/**
 * Sends a message to the patient on their own channel: a receptionist's words ('staff') or the
 * bot's own notice ('system', e.g. that the bot is back).
 */
export type PatientMessenger = (ticket: Ticket, text: string, kind: 'staff' | 'system') => Promise<{ sent: boolean; reason?: string }>;

/** The statuses of a ticket that is not closed. */
const OPEN: TicketStatus[] = ['waiting', 'active', 'callback'];

/** How many transcript lines a ticket keeps from before the handoff. */
export const TRANSCRIPT_TURNS = 12;

/**
 * The handoff queue, framework-free: opens tickets, records what the patient and the
 * receptionist say, takes over, releases and closes, and falls back to a callback offer when
 * nobody picks a ticket up in time. Emits events for the console's live view.
 */
export class HandoffService {
  readonly events = new EventEmitter();
  private messenger?: PatientMessenger;
  private readonly presence: StaffPresence;
  private readonly bus?: TicketEventBus;

  /**
   * @param shared what several instances share (PostgreSQL): who watches the queue, and the
   *   ticket events of the others; one process keeps both to itself
   */
  constructor(
    private readonly tickets: TicketRepository, private readonly clock: Clock, private readonly timeoutMinutes: number,
    shared: { presence?: StaffPresence; bus?: TicketEventBus } = {},
  ) {
    this.events.setMaxListeners(100);
    this.presence = shared.presence ?? new LocalStaffPresence();
    this.bus = shared.bus;
    this.bus?.subscribe((e) => this.events.emit('ticket', e));
  }

  /**
   * A receptionist's console follows the queue (its live view is open) until the returned
   * function is called. Only while one does may the bot promise a person in the chat: a
   * session that is merely signed in, with its page closed, answers nobody.
   */
  watch(listener: (e: TicketEvent) => void): () => void {
    const leave = this.presence.arrive();
    this.events.on('ticket', listener);
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      leave();
      this.events.off('ticket', listener);
    };
  }

  /** True while at least one receptionist's console (on any instance) has the live queue open. */
  async staffWatching(): Promise<boolean> {
    return this.presence.any();
  }

  /** Set once the channels exist (the composition root wires it). */
  useMessenger(messenger: PatientMessenger): void {
    this.messenger = messenger;
  }

  async open(input: {
    reason: HandoffReason; channel: string; locale: Locale; conversationId: string; reference: Record<string, unknown>;
    transcript: TicketMessage[]; callbackPhone?: string; safetyTier?: Tier;
    /** A message left when nobody is in the chat: dealt with as a call back (no timeout, the bot goes on), without a number. */
    leftMessage?: boolean;
  }): Promise<Ticket> {
    const existing = await this.tickets.openFor(input.conversationId);
    if (existing) return existing;
    const now = this.clock.now();
    const ticket: Ticket = {
      id: randomUUID(), status: input.callbackPhone || input.leftMessage ? 'callback' : 'waiting', reason: input.reason, channel: input.channel,
      locale: input.locale, conversationId: input.conversationId, reference: input.reference, callbackPhone: input.callbackPhone,
      messages: input.transcript.slice(-TRANSCRIPT_TURNS), earlierLines: Math.min(input.transcript.length, TRANSCRIPT_TURNS), createdAt: now, updatedAt: now,
      ...(input.safetyTier ? { safetyTier: input.safetyTier } : {}),
    };
    await this.tickets.create(ticket);
    this.emit('opened', ticket.id);
    return ticket;
  }

  /** The conversation's ticket while a person holds it (or it waits for one); the bot stays silent. */
  async heldBy(conversationId: string): Promise<Ticket | undefined> {
    return this.tickets.openFor(conversationId);
  }

  /**
   * The conversation's callback request still open (a number left, or a message for when the
   * practice opens). The bot goes on answering meanwhile, so a red flag typed after it reaches the
   * ticket through {@link redFlagSeen}: a receptionist calling back must know.
   */
  async callbackOf(conversationId: string): Promise<Ticket | undefined> {
    return this.tickets.openFor(conversationId, ['callback']);
  }

  async patientSays(ticket: Ticket, text: string): Promise<void> {
    await this.tickets.addMessage(ticket.id, { from: 'patient', text, at: this.clock.now().toISOString() }, this.clock.now());
    this.emit('message', ticket.id);
  }

  /**
   * A red flag typed while the ticket waits or a person holds it: the ticket's tier rises to the
   * most urgent one seen (never falls), so the console moves it up, and the bot's own instruction
   * ("call 112 now") is in the transcript the receptionist reads, who otherwise sees a patient
   * with chest pain and no sign that anybody answered.
   */
  async redFlagSeen(ticket: Ticket, tier: Tier, botLines: string[]): Promise<void> {
    const now = this.clock.now();
    const raised = moreUrgent(ticket.safetyTier, tier);
    if (raised !== ticket.safetyTier) await this.tickets.update(ticket.id, { safetyTier: raised }, now, { status: OPEN });
    for (const text of botLines) await this.tickets.addMessage(ticket.id, { from: 'bot', text, at: now.toISOString() }, now);
    this.emit('changed', ticket.id);
  }

  /** A receptionist's reply, sent to the patient; refused when the channel cannot deliver it. */
  async staffSays(ticketId: string, staff: string, text: string): Promise<{ sent: boolean; reason?: string }> {
    const ticket = await this.tickets.get(ticketId);
    if (!ticket || ticket.status === 'closed') return { sent: false, reason: 'closed' };
    if (!this.messenger) return { sent: false, reason: 'no-channel' };
    const result = await this.messenger(ticket, text, 'staff');
    const now = this.clock.now();
    // Replying takes the ticket: a waiting one becomes the receptionist's conversation, and a
    // callback request nobody held yet shows who is on it. Neither reopens a ticket closed meanwhile.
    if (result.sent && ticket.status === 'waiting') await this.tickets.update(ticketId, { status: 'active', assignedTo: staff }, now, { status: ['waiting'] });
    else if (result.sent && !ticket.assignedTo) await this.tickets.update(ticketId, { assignedTo: staff }, now, { status: OPEN });
    // A reply that did not reach the patient stays in the transcript, marked, so that nobody
    // reads it later as said.
    await this.tickets.addMessage(ticketId, { from: 'staff', text, at: now.toISOString(), ...(result.sent ? {} : { failed: result.reason ?? 'send-failed' }) }, now);
    this.emit('message', ticketId);
    return result;
  }

  /**
   * A receptionist takes the conversation over; a closed ticket is not reopened, also when it
   * closed (timed out on another instance) between reading and taking it.
   */
  async take(ticketId: string, staff: string): Promise<'taken' | 'closed' | 'missing'> {
    const ticket = await this.tickets.get(ticketId);
    if (!ticket) return 'missing';
    if (ticket.status === 'closed') return 'closed';
    if (!(await this.tickets.update(ticketId, { status: 'active', assignedTo: staff }, this.clock.now(), { status: OPEN }))) {
      return (await this.tickets.get(ticketId)) ? 'closed' : 'missing';
    }
    this.emit('changed', ticketId);
    return 'taken';
  }

  /**
   * Back to the bot: the ticket closes and the bot answers again. Returns the ticket as it was,
   * or undefined when it was closed already.
   */
  async release(ticketId: string, staff?: string): Promise<Ticket | undefined> {
    return this.finish(ticketId, staff);
  }

  /**
   * A callback made, or a conversation finished by the receptionist: the ticket closes and the
   * bot answers again. Returns the ticket as it was, or undefined when it was closed already.
   */
  async close(ticketId: string, staff?: string): Promise<Ticket | undefined> {
    return this.finish(ticketId, staff);
  }

  private async finish(ticketId: string, staff: string | undefined): Promise<Ticket | undefined> {
    const ticket = await this.tickets.get(ticketId);
    if (!ticket || ticket.status === 'closed') return undefined;
    const now = this.clock.now();
    // Whoever closes it first (two receptionists, the timeout on another instance) tells the patient.
    if (!(await this.tickets.update(ticketId, { status: 'closed', closedAt: now.toISOString(), ...(staff ? { closedBy: staff } : {}) }, now, { status: OPEN }))) return undefined;
    this.emit('changed', ticketId);
    return ticket;
  }

  async get(ticketId: string): Promise<Ticket | undefined> {
    return this.tickets.get(ticketId);
  }

  async queue(): Promise<Ticket[]> {
    return this.tickets.list(['waiting', 'active', 'callback'], 200);
  }

  /** Closed tickets changed at or after `since`, the latest first. */
  async closedSince(since: Date, limit: number): Promise<Ticket[]> {
    return this.tickets.closedSince(since, limit);
  }

  /** Waiting tickets nobody picked up within the configured time. */
  async overdue(): Promise<Ticket[]> {
    const limit = this.deadline().getTime();
    return (await this.tickets.list(['waiting'], 500)).filter((t) => !t.timedOut && t.createdAt.getTime() <= limit);
  }

  /**
   * Tickets nobody picked up in time: the patient is told and offered the callback, the ticket
   * closes and the bot answers again. Returns how many fell back. Each closes in one conditional
   * step (still waiting, still past its deadline): a ticket a receptionist took on another
   * instance since the list was read stays theirs, and its patient hears nothing from here.
   */
  async fallBackOverdue(notice: (ticket: Ticket) => string): Promise<number> {
    let n = 0;
    for (const t of await this.overdue()) {
      const closed = await this.tickets.update(t.id, { timedOut: true, status: 'closed' }, this.clock.now(), { status: ['waiting'], createdAtOrBefore: this.deadline() });
      if (!closed) continue;
      this.emit('changed', t.id);
      if (this.messenger) await this.messenger(t, notice(t), 'system').catch(() => ({ sent: false }));
      n += 1;
    }
    return n;
  }

  /** Sends the bot's own notice to the patient of a ticket; the transcript keeps it, marked when it failed. */
  async notify(ticket: Ticket, text: string): Promise<{ sent: boolean; reason?: string }> {
    const result = this.messenger ? await this.messenger(ticket, text, 'system') : { sent: false, reason: 'no-channel' };
    const now = this.clock.now();
    await this.tickets.addMessage(ticket.id, { from: 'system', text, at: now.toISOString(), ...(result.sent ? {} : { failed: result.reason ?? 'send-failed' }) }, now);
    this.emit('message', ticket.id);
    return result;
  }

  /** Tickets opened at or before this time have waited too long. */
  private deadline(): Date {
    return new Date(this.clock.now().getTime() - this.timeoutMinutes * 60000);
  }

  private emit(type: TicketEvent['type'], ticketId: string): void {
    const event: TicketEvent = { type, ticketId };
    this.events.emit('ticket', event);
    this.bus?.publish(event);
  }
}
