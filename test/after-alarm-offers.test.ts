import { AnswerWords } from '../src/conversation/AnswerWords';
import { I18nextTranslator } from '../src/i18n/Translator';
import { bookingKit, type Locale } from './helpers/bookingScript';
import { conversationIdOf, converse, testAdapterFor } from './helpers/testApp';

// After a tier that rules booking out, the answers' buttons lost "Afspraak maken", but the
// answers written in knowledge/ still ended with "Wil je een afspraak maken? Dat kan hier in de
// chat." under the reminder to see a doctor today. And a red flag typed after a callback request
// was answered, but the ticket the receptionist calls back from showed no sign of it (a
// nineteenth patient-style test: a thick, warm calf three weeks after surgery).

const { appOf, talk, signIn } = bookingKit();
const INVITES = /Dat kan hier in de chat|maak je hier een afspraak|Maak een afspraak/i;

describe('no invitation to book in words after a tier that rules booking out', () => {
  it.each<[Locale, string, string]>([
    ['nl-NL', 'ik ben gevallen en kan niet meer op mijn been staan', 'wat gebeurt er bij de eerste afspraak?'],
    ['nl-BE', 'ik voel ineens niks meer rond mijn zitvlak en kan mijn plas nie ophouden', 'hoe verloopt een eerste sessie bij de kine?'],
    ['nl-NL', 'mijn kuit is dik, warm en pijnlijk sinds de operatie vorige week', 'heb ik een verwijzing nodig?'],
  ])('%s: after "%s", "%s" is answered without the offer, with the reminder', async (locale, flag, question) => {
    const [alarm, answer] = await talk(locale, [flag, question]);
    expect(alarm.text).toMatch(/vandaag nog/);
    expect(answer.text.length).toBeGreaterThan(80);
    expect(answer.text).not.toMatch(INVITES);
    expect(answer.text).toMatch(/Denk eraan|Vergeet niet/);
    expect(answer.actions ?? []).not.toContain('Afspraak maken');
  });

  it('a tier that leaves booking open (the GP this week) keeps the offer', async () => {
    const [, answer] = await talk('nl-NL', ['ik ben de laatste maanden 6 kilo afgevallen zonder het te willen en heb s nachts pijn in mijn heup', 'wat gebeurt er bij de eerste afspraak?']);
    expect(answer.text).toMatch(/Dat kan hier in de chat/);
  });

  it('without a red flag the answer is as written', async () => {
    const [answer] = await talk('nl-NL', ['wat gebeurt er bij de eerste afspraak?']);
    expect(answer.text).toMatch(/Wil je een afspraak maken\? Dat kan hier in de chat\./);
  });
});

describe("an answer's closing booking offer, taken off", () => {
  const answers = new AnswerWords(new I18nextTranslator('locales'));
  it.each([
    ['Uitleg.\nWil je een afspraak maken? Dat kan hier in de chat.', 'Uitleg.'],
    ['Uitleg. Wil je dit laten bekijken? Maak een afspraak, dat kan hier in de chat.', 'Uitleg.'],
    ['Geen aanbod hier. Vraag het gerust?', 'Geen aanbod hier. Vraag het gerust?'],
  ])('%j -> %j', (text, expected) => {
    expect(answers.withoutBookingOffer(text)).toBe(expected);
  });
});

describe('a red flag typed after a callback request reaches the ticket', () => {
  let stops: (() => void)[] = [];
  beforeEach(() => { stops = [signIn('nl-NL'), signIn('nl-BE')]; });
  afterEach(() => { for (const stop of stops) stop(); });

  it.each<[Locale, string, string]>([
    ['nl-NL', '06 98765432', 'ondertussen: mijn kuit is sinds vanmiddag dik, rood en warm, ben 3 weken geleden geopereerd'],
    ['nl-BE', '0470 12 34 56', 'mijn been voelt ineens heel raar, ik kan mijn plas nie meer ophouden en mijn zitvlak is gevoelloos'],
  ])('%s: the ticket gets the tier, the message and the bot\'s instruction', async (locale, phone, flag) => {
    const adapter = testAdapterFor(appOf(locale), locale);
    const turns = await converse(adapter, ['ik wil iemand spreken', 'Terugbellen', phone, 'over mijn afspraak van donderdag', flag]);
    expect(turns[turns.length - 1].text).toMatch(/vandaag nog/);
    const ticket = (await appOf(locale).handoff.queue()).find((t) => t.conversationId === conversationIdOf(adapter));
    expect(ticket).toMatchObject({ status: 'callback', safetyTier: 'now' });
    const lines = ticket!.messages.map((m) => m.text);
    expect(lines).toContain(flag);
    expect(lines.some((l) => /vandaag nog/.test(l))).toBe(true);
  });
});
