import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { PostgresNotifications } from '../storage/PostgresNotifications';
import type { TicketEvent, TicketEventBus } from './TicketEventBus';

const CHANNEL = 'ticket_events';
const TYPES = new Set<TicketEvent['type']>(['opened', 'message', 'changed']);

/**
 * Ticket events on PostgreSQL NOTIFY: each instance publishes what happened to a ticket (its id
 * and what happened, never what was said) and hears the others'. Its own come back too and are
 * skipped: it told its own consoles already. Events sent while the listening connection was
 * down (a database restart) are lost: once it is back, a 'changed' event without a ticket has
 * every console load its queue again.
 */
export class PostgresTicketEvents implements TicketEventBus {
  private readonly instance = randomUUID();

  constructor(private readonly pool: Pool, private readonly notifications: PostgresNotifications, private readonly onError: (err: unknown) => void = () => undefined) {}

  publish(event: TicketEvent): void {
    void this.pool.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify({ from: this.instance, type: event.type, ticketId: event.ticketId })]).catch(this.onError);
  }

  subscribe(listener: (event: TicketEvent) => void): void {
    this.notifications.listen(CHANNEL, (payload) => {
      try {
        const e = JSON.parse(payload) as { from?: unknown; type?: unknown; ticketId?: unknown };
        if (e.from === this.instance || typeof e.ticketId !== 'string' || !TYPES.has(e.type as TicketEvent['type'])) return;
        listener({ type: e.type as TicketEvent['type'], ticketId: e.ticketId });
      } catch (err) {
        this.onError(err);
      }
    }, () => listener({ type: 'changed', ticketId: '' }));
  }
}
