import type { Locale } from '../config/AppConfig';
import type { Translator } from '../i18n/Translator';
import type { Practice } from '../knowledge/types';
import { pseudonym } from '../logging/Logger';
import type { MailMessage, MailOutbox } from '../mail';
import type { Clock } from '../util/Clock';
import type { Booking } from './Booking';
import type { BookingFormatter } from './BookingFormatter';
import { calendarEvent } from './CalendarFile';

/**
 * The confirmation e-mail of a booking, for patients who gave an address: when and where, the
 * reference, how to cancel, and the appointment as an .ics file. It holds nothing about the
 * complaint, the screening, a referral or the kind of appointment: e-mail passes through
 * servers the practice does not control and lands in inboxes others may read.
 */
export class BookingConfirmationMail {
  constructor(
    private readonly outbox: MailOutbox | undefined,
    private readonly translator: Translator,
    private readonly formatter: BookingFormatter,
    private readonly practice: Practice,
    private readonly clock: Clock,
    /** The booking as stored now; without it a queued mail is sent whatever became of the booking. */
    private readonly current?: (reference: string) => Promise<Booking | undefined>,
  ) {}

  /** True when confirmations can be sent at all (SMTP is configured). */
  get configured(): boolean {
    return Boolean(this.outbox);
  }

  /** True when this booking gets an e-mail (an address was given and SMTP is configured). */
  willSend(booking: Pick<Booking, 'email'>): boolean {
    return Boolean(this.outbox && booking.email);
  }

  /**
   * Queues the e-mail of a stored booking; returns at once and never throws. Before each attempt
   * (a retry may come half an hour later) the booking is read again: a booking cancelled, moved
   * or whose data the patient deleted meanwhile gets no e-mail.
   */
  send(booking: Booking, locale: Locale): void {
    if (!this.outbox || !booking.email) return;
    const current = this.current;
    const stillWanted = current
      ? async () => {
          const now = await current(booking.reference);
          return now?.status === 'confirmed' && now.email === booking.email && now.start.getTime() === booking.start.getTime() && now.locationId === booking.locationId;
        }
      : undefined;
    this.outbox.enqueue(this.compose(booking, locale), 'booking-confirmation', pseudonym(booking.reference), stillWanted);
  }

  /** The message itself (exported for its test through {@link send}'s outbox). */
  compose(b: Booking, locale: Locale): MailMessage {
    const f = this.formatter;
    const t = (key: string, vars: Record<string, unknown> = {}) => this.translator.t(locale, `booking.mail.${key}`, vars);
    const when = f.when(b.start, locale);
    const place = `${f.locationName(b.locationId)}, ${f.address(b.locationId)}`;
    const file = this.translator.t(locale, 'booking.calendarFile');
    const hours = this.practice.cancellationHours;
    const lines = [
      t('greeting'),
      '',
      t('intro'),
      '',
      t('when', { when }),
      t('where', { place }),
      t('reference', { reference: b.reference }),
      '',
      t('bring'),
      '',
      hours ? t('cancelBefore', { hours }) : t('cancelSoon'),
      t('cancelHow', { reference: b.reference }),
      ...(this.practice.website ? [t('chatAt', { website: this.practice.website })] : []),
      '',
      t('calendar', { file }),
      '',
      t('closing'),
      '',
      '--',
      t('why'),
    ];
    const ics = calendarEvent({
      uid: `${b.reference}@fysio-assistent`, start: b.start, end: b.end, now: this.clock.now(),
      summary: this.translator.t(locale, 'booking.calendarSummary'), location: place, description: b.reference,
    });
    return {
      to: b.email!,
      subject: t('subject', { when }),
      text: lines.join('\n'),
      attachments: [{ filename: file, contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: ics }],
    };
  }
}
