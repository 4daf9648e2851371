import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HandoffService } from '../src/handoff/HandoffService';
import type { TicketRepository } from '../src/handoff/TicketRepository';
import { openDatabase, type Database } from '../src/storage';
import { FixedClock } from '../src/util/Clock';
import { freshPostgresUrl } from './helpers/postgres';
import { TEST_NOW } from './helpers/testApp';

// Two instances (or two receptionists) changing one handoff ticket at the same moment, on the
// real databases. The interleaving that a race produces now and then is made to happen every
// time: the other party acts right between this one's read and its write.
/**
 * The repository as it is, with `hook` run once right after `method` returned: what another
 * instance does between this one's read and its write, made to happen every time.
 */
function interleaved(repo: TicketRepository, method: keyof TicketRepository, hook: () => Promise<unknown>): TicketRepository {
  let done = false;
  return new Proxy(repo, {
    get(target, name, receiver) {
      const value: unknown = Reflect.get(target, name, receiver);
      if (typeof value !== 'function') return value;
      const fn = (value as (...args: unknown[]) => Promise<unknown>).bind(target);
      if (name !== method) return fn;
      return async (...args: unknown[]) => {
        const result = await fn(...args);
        if (!done) {
          done = true;
          await hook();
        }
        return result;
      };
    },
  });
}

describe.each([
  ['one process (SQLite)', false],
  ['two instances on PostgreSQL', true],
])('a ticket changed by two at once, %s', (_where, postgres) => {
  let dbA: Database;
  let dbB: Database;
  let hclock: FixedClock;
  beforeAll(async () => {
    hclock = new FixedClock(new Date(TEST_NOW));
    const config = { dataDir: mkdtempSync(join(tmpdir(), 'fysio-')), databaseUrl: postgres ? await freshPostgresUrl() : undefined };
    dbA = await openDatabase(config, hclock);
    dbB = postgres ? await openDatabase(config, hclock) : dbA;
  });
  afterAll(async () => {
    await dbA.close();
    if (dbB !== dbA) await dbB.close();
  });

  /** The instance's handoff service, telling `told` what the patient would hear. */
  const service = (repo: TicketRepository, told: string[]) => {
    const s = new HandoffService(repo, hclock, 10);
    s.useMessenger(async (_t, text) => {
      told.push(text);
      return { sent: true };
    });
    return s;
  };
  const waitingTicket = async (a: HandoffService) => {
    const t = await a.open({ reason: 'requested', channel: 'test', locale: 'nl-NL', conversationId: `c-${Math.random()}`, reference: {}, transcript: [] });
    hclock.advance(11 * 60_000);
    return t;
  };

  it('the timeout on B leaves a ticket alone that a receptionist took on A after B read the queue, and tells the patient nothing', async () => {
    const told: string[] = [];
    const a = service(dbA.tickets, told);
    const ticket = await waitingTicket(a);
    const b = service(interleaved(dbB.tickets, 'list', () => a.take(ticket.id, 'anna')), told);
    expect(await b.fallBackOverdue(() => 'TIMEOUT-NOTICE')).toBe(0);
    expect(told).toEqual([]);
    const now = await a.get(ticket.id);
    expect(now).toMatchObject({ status: 'active', assignedTo: 'anna' });
    expect(now?.timedOut).toBeUndefined();
  });

  it('a receptionist on A cannot take a ticket the timeout on B closed after A read it: the patient was told once', async () => {
    const told: string[] = [];
    const b = service(dbB.tickets, told);
    const ticket = await waitingTicket(b);
    const a = service(interleaved(dbA.tickets, 'get', () => b.fallBackOverdue(() => 'TIMEOUT-NOTICE')), told);
    expect(await a.take(ticket.id, 'anna')).toBe('closed');
    expect(told).toEqual(['TIMEOUT-NOTICE']);
    expect(await a.get(ticket.id)).toMatchObject({ status: 'closed', timedOut: true });
  });

  it('two receptionists closing one ticket at once: only the first close counts, so the patient is told once', async () => {
    const told: string[] = [];
    const b = service(dbB.tickets, told);
    const ticket = await waitingTicket(b);
    let first: unknown;
    const a = service(interleaved(dbA.tickets, 'get', async () => (first = await b.close(ticket.id, 'bert'))), told);
    expect(await a.close(ticket.id, 'anna')).toBeUndefined();
    expect(first).toMatchObject({ id: ticket.id });
    expect((await a.get(ticket.id))?.closedBy).toBe('bert');
  });
});
