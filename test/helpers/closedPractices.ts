import { MemoryStorage } from 'botbuilder';
import type { App } from '../../src/app/createApp';
import { FixedClock } from '../../src/util/Clock';
import type { Locale } from './bookingScript';
import { buildTestApp } from './testApp';

/**
 * Both practices on a Sunday noon, when neither is open (the handoff's after-hours paths), built
 * before the describe's tests and closed after them; `ticketAt` is the handoff ticket of a
 * conversation there, as the console's queue shows it.
 */
export function closedPractices() {
  const closed = {} as Record<Locale, App>;
  beforeAll(async () => {
    const sunday = () => new FixedClock(new Date('2026-11-22T12:00:00Z'));
    ({ app: closed['nl-NL'] } = await buildTestApp({}, new MemoryStorage(), undefined, sunday()));
    ({ app: closed['nl-BE'] } = await buildTestApp({ PRACTICE_FILE: 'examples/practice-be.yaml' }, new MemoryStorage(), undefined, sunday()));
  });
  afterAll(async () => { for (const app of Object.values(closed)) await app.close(); });
  const ticketAt = async (locale: Locale, conversation: string) =>
    (await closed[locale].handoff.queue()).find((t) => t.conversationId === conversation);
  return { closed, ticketAt };
}
