import { bookingKit, type Locale } from './helpers/bookingScript';

// An eighteenth patient-style test, with a receptionist at the console: an angry request for a
// person that names the call-backs that never came was taken as the choice of a call back (the
// number was asked, the chat never offered, and the refusal of the call left without a ticket);
// and "chat" typed at the choice between the chat and a call back was not understood.
const { talk, signIn } = bookingKit();
const WAITING = /Ik heb een (medewerker|collega) gevraagd/;

describe('with a receptionist online', () => {
  let stops: (() => void)[] = [];
  beforeEach(() => { stops = [signIn('nl-NL'), signIn('nl-BE')]; });
  afterEach(() => { for (const stop of stops) stop(); });

  it.each<[Locale, string, string]>([
    ['nl-NL', 'IK WIL NU IEMAND SPREKEN!!! dit is al de 3e keer dat niemand terugbelt', 'CHAT! niet terugbellen'],
    ['nl-BE', 'ik wil iemand spreken, er belt nooit iemand terug', 'in de chat graag'],
  ])('%s: "%s" is offered the chat or a call; "%s" waits in the chat', async (locale, angry, chat) => {
    const [offer, chosen] = await talk(locale, [angry, chat]);
    expect(offer.actions).toEqual(['In de chat wachten', 'Terugbellen']);
    expect(chosen.text).toMatch(WAITING);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'chat'],
    ['nl-NL', 'in de chat graag'],
    ['nl-BE', 'via de chat'],
  ])('%s: "%s" at the choice waits in the chat', async (locale, chat) => {
    const r = await talk(locale, ['ik wil iemand spreken', chat]);
    expect(r[1].text).toMatch(WAITING);
    expect(r[1].text).not.toMatch(/begreep ik niet/);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'terugbellen graag'],
    ['nl-BE', 'liever terugbellen'],
  ])('%s: "%s" at the choice still asks for the number', async (locale, call) => {
    const r = await talk(locale, ['ik wil iemand spreken', call]);
    expect(r[1].text).toMatch(/nummer/);
  });
});
