import type { Agenda, AgendaCreateOutcome } from './Agenda';
import type { Period } from './Period';

/**
 * The embedded default: the bot's own bookings are the agenda. Nothing is busy beyond them (the
 * availability service subtracts those itself), and the database's unique index is what keeps
 * two patients from one slot, so writing and deleting have nothing left to do.
 */
export class BuiltInAgenda implements Agenda {
  readonly kind = 'built-in' as const;

  async busy(): Promise<Period[]> {
    return [];
  }

  async create(): Promise<AgendaCreateOutcome> {
    return { outcome: 'created' };
  }

  async remove(): Promise<void> {}
}
