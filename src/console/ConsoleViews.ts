import type { Booking } from '../booking/Booking';
import type { BookingFormatter } from '../booking/BookingFormatter';
import type { BookingRepository } from '../booking/BookingRepository';
import { phoneForStaff } from '../booking/PatientDetails';
import { TIERS, type Tier } from '../safety';
import { addDays, fromLocal, isoDate, toLocal } from '../booking/ZonedTime';
import type { HandoffService } from '../handoff/HandoffService';
import type { Ticket, TicketMessage } from '../handoff/Ticket';
import type { Practice } from '../knowledge/types';
import type { Clock } from '../util/Clock';

const DAY = 86_400_000;
/** How much of the patient's first message a queue row shows. */
export const PREVIEW_CHARS = 80;

/** The booking a ticket's patient has, as the console links to it. */
export interface BookingLink {
  reference: string;
  status: Booking['status'];
  when: string;
  /** The appointment's day in the practice's time zone (YYYY-MM-DD), for the bookings filter. */
  day: string;
  location: string;
}

/** A ticket as a queue or history row shows it. */
export interface TicketView {
  id: string;
  status: Ticket['status'];
  reason: Ticket['reason'];
  redFlag: boolean;
  /** The conversation's most urgent red-flag tier (112, crisis, now, soon) when the ticket was opened or since, or null. */
  safetyTier: Tier | null;
  channel: string;
  locale: string;
  assignedTo: string | null;
  closedBy: string | null;
  callbackPhone: string | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  /** Seconds since the ticket came in, by the server's clock (the console counts on from there). */
  waitedSeconds: number;
  /** The first thing the patient wrote to the practice after the handoff, shortened; null before they wrote. */
  preview: string | null;
  /** The patient's name from their booking, when they made one. */
  name: string | null;
  booking: BookingLink | null;
  messages: number;
}

/** A row of the console's bookings table. Cancelled bookings carry no personal data. */
export interface BookingView {
  reference: string;
  event: Booking['lastEvent'];
  status: Booking['status'];
  when: string;
  day: string;
  locationId: string;
  location: string;
  type: string;
  name: string | null;
  phone: string | null;
  createdAt: string;
  updatedAt: string;
  /** When it was cancelled (by the patient, or by deleting their data). */
  cancelledAt: string | null;
}

/**
 * What the receptionist console shows, put together from tickets and bookings: queue rows
 * (red flags first), a ticket with the booking of the same patient, the history of closed
 * tickets within the retention period with search, and the bookings table with its filters.
 */
export class ConsoleViews {
  constructor(
    private readonly handoff: HandoffService,
    private readonly bookings: BookingRepository,
    private readonly formatter: BookingFormatter,
    private readonly practice: Practice,
    private readonly clock: Clock,
    /** How long tickets are kept (RETENTION_CONVERSATION_DAYS): the history never reaches further back. */
    private readonly historyDays: number,
  ) {}

  /** Open tickets: red flags first, the most urgent tier on top (112 before a doctor today), then the longest waiting. */
  async queue(): Promise<TicketView[]> {
    const tickets = await this.handoff.queue();
    const rows = await this.rows(tickets);
    const rank = (t: TicketView): number => (t.safetyTier ? TIERS.indexOf(t.safetyTier) : TIERS.length);
    return rows.sort((a, b) => rank(a) - rank(b) || a.createdAt.localeCompare(b.createdAt));
  }

  /** One ticket with its transcript, or undefined. */
  async ticket(id: string): Promise<(TicketView & { transcript: TicketMessage[] }) | undefined> {
    const t = await this.handoff.get(id);
    if (!t || this.expired(t)) return undefined;
    const [row] = await this.rows([t]);
    return { ...row, transcript: t.messages };
  }

  /**
   * Closed tickets within the retention period, the latest first; with `query`, only those
   * whose name, booking reference, callback number or transcript hold every word of it.
   */
  async history(query: string, limit = 50): Promise<TicketView[]> {
    const since = new Date(this.clock.now().getTime() - this.historyDays * DAY);
    const words = normalize(query).split(/\s+/).filter(Boolean);
    const closed = await this.handoff.closedSince(since, 1000);
    const rows = await this.rows(closed);
    const out: TicketView[] = [];
    for (let i = 0; i < closed.length && out.length < limit; i++) {
      const row = rows[i];
      const t = closed[i];
      const haystack = normalize([
        row.name ?? '', row.booking?.reference ?? '', t.callbackPhone ?? '', row.callbackPhone ?? '', ...t.messages.map((m) => m.text),
      ].join('\n'));
      const compact = haystack.replace(/[\s-]/g, '');
      if (words.every((w) => haystack.includes(w) || compact.includes(w.replace(/-/g, '')))) out.push(row);
    }
    return out;
  }

  /**
   * Bookings for the table: of one day (in the practice's time zone) when `day` is given, else
   * those changed in the last 30 days; optionally of one location.
   */
  async bookingList(filter: { day?: string; location?: string }): Promise<BookingView[]> {
    let list: Booking[];
    if (filter.day) {
      const [year, month, day] = filter.day.split('-').map(Number);
      const from = fromLocal({ year, month, day, hour: 0, minute: 0 }, this.practice.timeZone);
      const next = addDays({ year, month, day }, 1);
      const to = fromLocal({ ...next, hour: 0, minute: 0 }, this.practice.timeZone);
      list = await this.bookings.listStarting(from, to, 500);
    } else {
      list = await this.bookings.listChanged(new Date(this.clock.now().getTime() - 30 * DAY), 500);
    }
    if (filter.location) list = list.filter((b) => b.locationId === filter.location);
    return list.map((b) => this.bookingView(b));
  }

  /** The practice's time zone: the console shows every time in it. */
  get timeZone(): string {
    return this.practice.timeZone;
  }

  /** The practice's locations, for the filter. */
  locations(): { id: string; name: string }[] {
    return this.practice.locations.map((l) => ({ id: l.id, name: l.name }));
  }

  private bookingView(b: Booking): BookingView {
    const cancelled = b.status === 'cancelled';
    const type = this.practice.appointmentTypes.find((t) => t.id === b.appointmentTypeId);
    return {
      reference: b.reference, event: b.lastEvent, status: b.status, when: this.formatter.when(b.start, 'nl-NL'), day: this.dayOf(b.start),
      locationId: b.locationId, location: this.formatter.locationName(b.locationId), type: type ? type.label[this.practice.defaultLocale] : b.appointmentTypeId,
      // A cancelled booking has no personal data left; these stay empty even for a row from before that rule.
      name: cancelled || !b.name ? null : b.name,
      phone: cancelled || !b.phone ? null : phoneForStaff(b.phone, this.practice.country),
      createdAt: b.createdAt.toISOString(), updatedAt: b.updatedAt.toISOString(), cancelledAt: cancelled ? b.updatedAt.toISOString() : null,
    };
  }

  private async rows(tickets: Ticket[]): Promise<TicketView[]> {
    // One look-up per patient, however many tickets they have.
    const bookingOf = new Map<string, Promise<Booking | undefined>>();
    return Promise.all(tickets.map(async (t) => {
      const key = userKeyOf(t);
      if (key && !bookingOf.has(key)) bookingOf.set(key, this.latestBooking(key));
      const booking = key ? await bookingOf.get(key) : undefined;
      return this.row(t, booking);
    }));
  }

  /** The patient's confirmed booking that comes next, else the last one made. */
  private async latestBooking(userKey: string): Promise<Booking | undefined> {
    const mine = (await this.bookings.findForUser(userKey)).filter((b) => b.status === 'confirmed');
    const now = this.clock.now().getTime();
    const coming = mine.filter((b) => b.end.getTime() > now).sort((a, b) => a.start.getTime() - b.start.getTime());
    return coming[0] ?? mine.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
  }

  private row(t: Ticket, booking: Booking | undefined): TicketView {
    const after = t.messages.slice(t.earlierLines ?? 0).find((m) => m.from === 'patient' && m.text.trim());
    const preview = after ? shorten(after.text.trim()) : null;
    return {
      id: t.id, status: t.status, reason: t.reason, redFlag: t.safetyTier !== undefined, safetyTier: t.safetyTier ?? null, channel: t.channel, locale: t.locale,
      assignedTo: t.assignedTo ?? null, closedBy: t.closedBy ?? null,
      callbackPhone: t.callbackPhone ? phoneForStaff(t.callbackPhone, this.practice.country) : null,
      createdAt: t.createdAt.toISOString(), updatedAt: t.updatedAt.toISOString(), closedAt: t.closedAt ?? null,
      waitedSeconds: Math.max(0, Math.round((this.clock.now().getTime() - t.createdAt.getTime()) / 1000)),
      preview, name: booking?.name || null,
      booking: booking
        ? { reference: booking.reference, status: booking.status, when: this.formatter.when(booking.start, 'nl-NL'), day: this.dayOf(booking.start), location: this.formatter.locationName(booking.locationId) }
        : null,
      messages: t.messages.length,
    };
  }

  private dayOf(d: Date): string {
    return isoDate(toLocal(d, this.practice.timeZone));
  }

  /** A ticket older than the retention period is not shown, even before the retention job deletes it. */
  private expired(t: Ticket): boolean {
    return t.status === 'closed' && t.updatedAt.getTime() < this.clock.now().getTime() - this.historyDays * DAY;
  }
}

/** The booking key of a ticket's patient (channel:user id), as the booking dialog stores it. */
function userKeyOf(t: Ticket): string | undefined {
  const user = (t.reference as { user?: { id?: unknown } }).user;
  return typeof user?.id === 'string' && user.id ? `${t.channel}:${user.id}` : undefined;
}

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  if (oneLine.length <= PREVIEW_CHARS) return oneLine;
  // Cut between words when one ends near the limit.
  const cut = oneLine.slice(0, PREVIEW_CHARS - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > PREVIEW_CHARS * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Lower case without accents, so "Zoë" finds "zoe". */
function normalize(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
