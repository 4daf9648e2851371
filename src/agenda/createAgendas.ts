import type { CalDavConfig } from '../config/AppConfig';
import { ConfigError } from '../config/ConfigError';
import type { Practice } from '../knowledge/types';
import type { Agenda } from './Agenda';
import { BuiltInAgenda } from './BuiltInAgenda';
import { CalDavAgenda } from './CalDavAgenda';
import { CalDavConnection } from './CalDavConnection';

/**
 * One agenda per therapist of practice.yaml: CalDAV for those with a `calendar`, the built-in
 * agenda for the others. Throws a {@link ConfigError} naming CALDAV_URL when a calendar is given
 * as a path and there is no server to resolve it on.
 */
export function createAgendas(
  practice: Practice,
  caldav: CalDavConfig,
  onProblem?: ConstructorParameters<typeof CalDavConnection>[1],
): Map<string, Agenda> {
  const connection = new CalDavConnection(caldav, onProblem);
  const problems: string[] = [];
  const out = new Map<string, Agenda>();
  for (const t of practice.agenda.therapists) {
    if (t.calendar && !/^https?:\/\//.test(t.calendar) && !caldav.url) {
      problems.push(`CALDAV_URL: required, therapist "${t.id}" in practice.yaml has the calendar path ${t.calendar}`);
      continue;
    }
    out.set(t.id, t.calendar ? new CalDavAgenda(t.calendar, connection, practice.timeZone) : new BuiltInAgenda());
  }
  if (problems.length) throw new ConfigError(problems);
  return out;
}
