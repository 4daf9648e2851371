import { bookingKit, type Locale } from './helpers/bookingScript';
import { conversationIdOf, converse, testAdapterFor } from './helpers/testApp';

// Follow-ups of an eighteenth patient-style test of the handoff: a red flag typed at the choice
// between the chat and a call back was answered, but the request for a person was dropped, so
// the practice never saw the patient or the sign.
const { appOf, signIn } = bookingKit();
const ticketOf = async (locale: Locale, conversation: string) =>
  (await appOf(locale).handoff.queue()).find((t) => t.conversationId === conversation);

describe('a red flag typed at the choice between the chat and a call back', () => {
  let stops: (() => void)[] = [];
  beforeEach(() => { stops = [signIn('nl-NL'), signIn('nl-BE')]; });
  afterEach(() => { for (const stop of stops) stop(); });

  it.each<[Locale, string, RegExp]>([
    ['nl-NL', 'ik ben net gevallen en kan niet meer op mijn been staan', /vandaag nog door een arts/],
    ['nl-BE', 'ik ben gevallen en ik kan nie meer op mijn been staan', /vandaag nog door een dokter/],
  ])('%s: "%s" gets its instruction, and the receptionist sees the patient with the tier', async (locale, flag, instruction) => {
    const adapter = testAdapterFor(appOf(locale), locale);
    const [offer, answer] = await converse(adapter, ['ik wil iemand spreken', flag]);
    expect(offer.actions).toEqual(['In de chat wachten', 'Terugbellen']);
    expect(answer.text).toMatch(instruction);
    expect(answer.text).not.toMatch(/nog niet doorgegeven/);
    expect(answer.text).toMatch(/doorgegeven/);
    const ticket = await ticketOf(locale, conversationIdOf(adapter));
    expect(ticket).toMatchObject({ status: 'waiting', safetyTier: 'now' });
    expect(ticket?.messages.map((m) => m.text)).toContain(flag);
    // The patient waits in the chat: the next message goes to the practice.
    const [next] = await converse(adapter, ['hallo?']);
    expect(next.text).toBe('');
  });

  it('after 112 nothing else is said, and the receptionist still sees it first', async () => {
    const adapter = testAdapterFor(appOf('nl-NL'), 'nl-NL');
    const [, answer] = await converse(adapter, ['kan ik een medewerker spreken', 'mijn vader zijn mond hangt ineens scheef en hij praat raar']);
    expect(answer.text).toMatch(/^Bel nu 112\./);
    expect(answer.text).not.toMatch(/doorgegeven/);
    expect(await ticketOf('nl-NL', conversationIdOf(adapter))).toMatchObject({ safetyTier: '112' });
  });
});
