import type { Locale } from '../config/AppConfig';
import type { Practice } from '../knowledge/types';

/** Dates and places as a patient reads them, in the practice's time zone and the patient's locale. */
export class BookingFormatter {
  private readonly day: Record<Locale, Intl.DateTimeFormat>;
  private readonly time: Record<Locale, Intl.DateTimeFormat>;
  private readonly full: Record<Locale, Intl.DateTimeFormat>;
  private readonly date: Record<Locale, Intl.DateTimeFormat>;

  constructor(private readonly practice: Practice) {
    const tz = practice.timeZone;
    const make = (o: Intl.DateTimeFormatOptions) => ({
      'nl-NL': new Intl.DateTimeFormat('nl-NL', { timeZone: tz, ...o }),
      'nl-BE': new Intl.DateTimeFormat('nl-BE', { timeZone: tz, ...o }),
    });
    this.day = make({ weekday: 'short', day: 'numeric', month: 'short' });
    this.time = make({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    this.date = make({ weekday: 'long', day: 'numeric', month: 'long' });
    this.full = make({ weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  }

  /** "zondag 29 november" for a calendar date (YYYY-MM-DD). */
  dateLabel(iso: string, locale: Locale): string {
    const [y, m, d] = iso.split('-').map(Number);
    return this.date[locale].format(new Date(Date.UTC(y, m - 1, d, 12)));
  }

  dayLabel(d: Date, locale: Locale): string {
    return this.day[locale].format(d);
  }

  timeLabel(d: Date, locale: Locale): string {
    return this.time[locale].format(d);
  }

  /** "dinsdag 24 november om 09:00" style, as Intl writes it for the locale. */
  when(d: Date, locale: Locale): string {
    return this.full[locale].format(d);
  }

  locationName(id: string): string {
    return this.practice.locations.find((l) => l.id === id)?.name ?? id;
  }

  address(id: string): string {
    const l = this.practice.locations.find((x) => x.id === id);
    return l ? `${l.street}, ${l.postalCode} ${l.city}` : '';
  }
}
