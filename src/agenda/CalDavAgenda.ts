import ical from 'ical-generator';
import { calendarQuery, createCalendarObject, deleteCalendarObject, type DAVResponse } from 'tsdav';
import { AgendaUnavailableError, type Agenda, type AgendaAppointment, type AgendaCreateOutcome, type AgendaEventRef } from './Agenda';
import { busyPeriods } from './BusyPeriods';
import type { CalDavConnection } from './CalDavConnection';
import type { Period } from './Period';

/** CalDAV's compact UTC form, 20261124T090000Z. */
function utc(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/**
 * One therapist's calendar on a CalDAV server (Nextcloud, Google, iCloud, Fastmail, Radicale…).
 * Busy times come from a time-range calendar-query, expanded here (recurrence included); an
 * appointment is a new event at a name derived from therapist and start, written with
 * `If-None-Match: *`, so two writers of the same slot cannot both succeed.
 */
export class CalDavAgenda implements Agenda {
  readonly kind = 'caldav' as const;
  private readonly url: string;

  constructor(
    calendar: string,
    private readonly connection: CalDavConnection,
    private readonly timeZone: string,
  ) {
    this.url = connection.resolve(calendar);
  }

  async busy(from: Date, to: Date): Promise<Period[]> {
    const responses = await this.call('read', async () =>
      calendarQuery({
        url: this.url,
        props: { 'd:getetag': {}, 'c:calendar-data': {} },
        filters: {
          'comp-filter': {
            _attributes: { name: 'VCALENDAR' },
            'comp-filter': { _attributes: { name: 'VEVENT' }, 'time-range': { _attributes: { start: utc(from), end: utc(to) } } },
          },
        },
        depth: '1',
        headers: await this.connection.headers(),
        fetchOptions: this.connection.fetchOptions(),
      }),
    );
    const out: Period[] = [];
    for (const r of responses) {
      // A refused or failed request comes back as a response without events: never "all free".
      if (!r.ok) throw this.problem('read', `answered ${r.status}`);
      // A web page or a proxy's answer instead of a multistatus: a wrong URL, not an empty calendar.
      if (r.props === undefined && !isMultistatus(r.raw)) throw this.problem('read', `answered ${r.status} without a CalDAV multistatus`);
      const data = calendarData(r);
      if (data === undefined) continue;
      try {
        out.push(...busyPeriods(data, from, to, this.timeZone));
      } catch (err) {
        // An event the bot cannot read might be busy: the calendar counts as unreadable.
        throw this.problem('read', `unreadable event ${r.href ?? ''}: ${(err as Error).message}`);
      }
    }
    return out;
  }

  async create(a: AgendaAppointment): Promise<AgendaCreateOutcome> {
    const name = `fysio-${a.therapistId}-${utc(a.start)}`;
    const calendar = ical({ prodId: { company: 'fysio-assistent', product: 'agenda', language: 'NL' } });
    calendar.createEvent({
      id: `${name}@fysio-assistent`, start: a.start, end: a.end, stamp: a.stamp,
      summary: a.summary, description: a.description, location: a.location,
    });
    const response = await this.call('write', async () =>
      createCalendarObject({
        calendar: { url: this.url },
        filename: `${name}.ics`,
        iCalString: calendar.toString(),
        headers: await this.connection.headers(),
        fetchOptions: this.connection.fetchOptions(),
      }),
    );
    if (response.status === 412) return { outcome: 'taken' };
    if (!response.ok) throw this.problem('write', `answered ${response.status}`);
    const url = new URL(`${name}.ics`, this.url).href;
    return { outcome: 'created', event: { url, etag: response.headers.get('etag') ?? undefined } };
  }

  async remove(event: AgendaEventRef): Promise<void> {
    // Without If-Match: a note the desk added to the event must not keep a cancelled one alive.
    const response = await this.call('delete', async () =>
      deleteCalendarObject({ calendarObject: { url: event.url }, headers: await this.connection.headers(), fetchOptions: this.connection.fetchOptions() }),
    );
    if (!response.ok && response.status !== 404 && response.status !== 410) throw this.problem('delete', `answered ${response.status}`);
  }

  private async call<T>(what: string, request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (err) {
      const e = err as Error & { cause?: { code?: string } };
      throw this.problem(what, e.cause?.code ?? e.name, err);
    }
  }

  private problem(what: string, error: string, cause?: unknown): AgendaUnavailableError {
    const calendar = new URL(this.url).pathname;
    this.connection.onProblem({ calendar, what, error });
    return new AgendaUnavailableError(`could not ${what} the calendar ${calendar}: ${error}`, { cause });
  }
}

function isMultistatus(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && 'multistatus' in raw;
}

function calendarData(r: DAVResponse): string | undefined {
  const raw: unknown = r.props?.calendarData;
  if (typeof raw === 'string') return raw;
  const cdata = (raw as { _cdata?: unknown } | undefined)?._cdata;
  return typeof cdata === 'string' ? cdata : undefined;
}
