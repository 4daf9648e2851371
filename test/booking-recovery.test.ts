import { bookingKit, no, screening, screeningNo, type Locale } from './helpers/bookingScript';

// What a fourth patient-style test left in the booking, screening and cancel dialogs: going on
// with a booking set aside, the side read from a sentence, a lost reference code, a screening
// "ja" typed by mistake, and the screening asked about the person a booking is for. Typed as
// patients type, in nl-NL and nl-BE, with the tests' clock (Monday 23 November 2026, 10:00);
// the wordings are our own, not the test's.

const { talk, booked } = bookingKit();
const LOCALES: Locale[] = ['nl-NL', 'nl-BE'];
const details = (locale: Locale) => (locale === 'nl-NL'
  ? ['Jolanda Verbeek', '12 mei 81', '06 12345678', 'geen']
  : ['Marc Peeters', '12-5-1981', '0470 12 34 56', 'liever niet']);

describe('going on with a booking set aside goes on with it, never to cancelling', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'graag verder gaan met mijn boeking'],
    ['nl-BE', 'kan ik verderdoen met mijn afspraak?'],
    ['nl-NL', 'ik zou de afspraak nu willen afmaken'],
    ['nl-BE', 'mijn reservatie afwerken aub'],
  ])('%s: after "later", "%s" asks the open question again', async (locale, resume) => {
    const r = await talk(locale, ['ik wil een afspraak maken', 'ja', 'heup', 'later', resume, 'rechts', 'sinds de zomer', no(locale), ...screeningNo(locale), '1', ...details(locale), 'ja']);
    expect(r[3].text).toMatch(/opzij/);
    expect(r[4].text).toMatch(/verder waar je was/);
    expect(r[4].text).toMatch(/Aan welke kant\?/);
    expect(r[4].text).not.toMatch(/referentie/);
    expect((await booked(locale, r[r.length - 1].text)).complaint).toEqual({ joint: 'hip', side: 'right', since: 'sinds de zomer' });
  });

  it.each<[Locale, string]>([['nl-NL', 'doorgaan met het maken van een afspraak'], ['nl-BE', 'ik wil verder gaan met de reservatie']])(
    '%s: "%s" with nothing set aside starts the booking again', async (locale, resume) => {
      const r = await talk(locale, [resume, 'ja']);
      expect(r[0].text).toMatch(/geen half ingevulde afspraak meer/);
      expect(r[0].text).toMatch(/Ga je (hiermee|daarmee) akkoord\?/);
      expect(r[0].text).not.toMatch(/referentie/);
      expect(r[1].text).toMatch(/Over welk gewricht/);
    },
  );
});

describe('the side read from a sentence or a compound word, a refused side left out', () => {
  it.each<[Locale, string[], 'left' | 'right' | 'both']>([
    ['nl-NL', ['knie', 'de rechterknie zeurt al een half jaar'], 'right'],
    ['nl-BE', ['heup', 'aan de linkerkant vooral'], 'left'],
    ['nl-NL', ['heup', 'de rechter'], 'right'],
    ['nl-BE', ['knie', 'rechts doet het ergst'], 'right'],
    ['nl-NL', ['knie', 'allebei eigenlijk'], 'both'],
    ['nl-BE', ['knie', 'beide knieen zijn slecht'], 'both'],
    ['nl-NL', ['heup', 'niet links, de andere, rechts'], 'right'],
    ['nl-BE', ['knie', 'de linkse, niet de rechtse'], 'left'],
    ['nl-NL', ['knie', 'rechterknie e linkerknie'], 'both'],
  ])('%s: %j', async (locale, answers, side) => {
    const r = await talk(locale, ['afspraak maken', 'ja', ...answers, 'een paar maanden', no(locale), ...screeningNo(locale), '1', ...details(locale), 'ja']);
    expect(r[3].text).toMatch(/Sinds wanneer/);
    expect((await booked(locale, r[r.length - 1].text)).complaint.side).toBe(side);
  });

  it.each<[Locale, string]>([['nl-NL', 'niet links'], ['nl-BE', 'de linkse niet']])('%s: "%s" alone chooses no side: asked again', async (locale, refused) => {
    const r = await talk(locale, ['afspraak maken', 'ja', 'knie', refused, 'rechts']);
    expect(r[3].text).toMatch(/Aan welke kant\?/);
    expect(r[3].text).not.toMatch(/Sinds wanneer/);
    expect(r[4].text).toMatch(/Sinds wanneer/);
  });

  it.each<[Locale, string, { joint: string; side: string }]>([
    ['nl-NL', 'mijn linkerheup speelt al een tijd op', { joint: 'hip', side: 'left' }],
    ['nl-BE', 'ik heb last van mijn rechter knie', { joint: 'knee', side: 'right' }],
  ])('%s: "%s" at the joint question answers the side question too', async (locale, typed, complaint) => {
    const r = await talk(locale, ['afspraak maken', 'ja', typed, 'een paar maanden', no(locale), ...screeningNo(locale), '1', ...details(locale), 'ja']);
    expect(r[2].text).toMatch(/^Genoteerd: (heup|knie), (links|rechts)\.\s+Sinds wanneer/);
    expect((await booked(locale, r[r.length - 1].text)).complaint).toEqual({ ...complaint, since: 'een paar maanden' });
  });
});

describe('cancelling or moving without the reference code offers a person', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'die ben ik helaas kwijt'],
    ['nl-BE', 'ik vind de bevestiging niet meer terug'],
    ['nl-NL', 'geen flauw idee eigenlijk'],
    ['nl-BE', 'de code heb ik niet bij'],
    ['nl-NL', 'kweet het niet'],
  ])('%s: "%s" at the code question', async (locale, typed) => {
    const phone = details(locale)[2];
    const r = await talk(locale, ['ik moet mijn afspraak verzetten', typed, 'ja', phone, 'geen']);
    expect(r[1].text).toMatch(/Zonder de referentie kan ik je afspraak hier in de chat niet opzoeken/);
    expect(r[1].text).toMatch(/Wil je dat een medewerker je terugbelt\?/);
    expect(r[1].text).not.toMatch(/Wat is de referentie|geboortedatum/);
    expect(r[2].text).toMatch(/Op welk nummer kunnen we je terugbellen/);
    expect(r[4].text).toMatch(/belt je terug op 0\d/);
  });

  it.each(LOCALES)('%s: a second answer that is no code is not followed by the question a third time', async (locale) => {
    const r = await talk(locale, ['afspraak annuleren', 'euh 1234', 'hmm dat weet ik zo niet']);
    expect(r[1].text).toMatch(/referentie herken ik niet/);
    expect(r[2].text).toMatch(/ik vraag er niet nog eens naar/);
    expect(r[2].text).toMatch(/terugbelt\?/);
  });
});

describe('a booking for someone else screens that person', () => {
  const opening = (locale: Locale) => (locale === 'nl-NL' ? 'graag een afspraak voor mijn vrouw, haar knie' : 'ik wil een consultatie boeken voor ons ma');
  const toScreening = (locale: Locale) => [opening(locale), 'ja', ...(locale === 'nl-NL' ? [] : ['knie']), 'rechts', 'al een paar jaar', no(locale)];
  // The questions name that person as the opening message did.
  const who = (locale: Locale) => (locale === 'nl-NL' ? 'je vrouw' : 'je ma');

  it.each(LOCALES)('%s: every screening question asks about the other person, and the booking is made', async (locale) => {
    const before = toScreening(locale);
    const r = await talk(locale, [...before, ...screeningNo(locale), '1', ...details(locale), 'ja']);
    const questions = screening[locale].questions;
    // The referral question is about that person too.
    expect(r[before.length - 2].text).toMatch(/^Heeft je (vrouw|ma) een (verwijzing|voorschrift)/);
    expect(r[before.length - 1].text).toContain(screening[locale].introOther);
    questions.forEach((q, i) => {
      const turn = r[before.length - 1 + i].text;
      expect(turn).toContain(q.textOther.split('{{who}}').join(who(locale)));
      expect(turn).not.toContain(q.text);
      expect(turn.split('\n').pop()!.replace(who(locale), '')).not.toMatch(/\b(je|jij|jouw)\b/i);
    });
    expect(r[r.length - 1].text).toMatch(/bevestigd/);
  });

  it.each<[Locale, string, RegExp, RegExp]>([
    ['nl-NL', 'chest', /^Bel nu 112 voor je vrouw\./, /Wat je over je vrouw vertelt/],
    ['nl-BE', 'fall', /door een dokter bekeken worden.*de huisarts van je ma/, /1733/],
    ['nl-NL', 'calf', /door een arts bekeken worden.*de huisarts van je vrouw.*huisartsenpost/, /112/],
  ])('%s: a yes at "%s" gives the instruction about that person, and the booking stops', async (locale, id, instruction, also) => {
    const questions = screening[locale].questions;
    const at = questions.findIndex((q) => q.id === id);
    const r = await talk(locale, [...toScreening(locale), ...questions.slice(0, at).map(() => no(locale)), 'ja', 'een vraag: mag ze fietsen?']);
    const given = r[toScreening(locale).length + at].text;
    expect(given).toMatch(instruction);
    expect(given).toMatch(also);
    expect(given).not.toMatch(/Bel nu je huisarts|Wat je beschrijft|Wat je vertelt,/);
    expect(r[r.length - 1].text).not.toMatch(/Deze tijden zijn vrij|Welke dag/);
  });

  it.each(LOCALES)('%s: a yes at the last (GP this week) question speaks of that person and the booking goes on', async (locale) => {
    const questions = screening[locale].questions;
    const r = await talk(locale, [...toScreening(locale), ...questions.slice(0, -1).map(() => no(locale)), 'ja']);
    const last = r[r.length - 1].text;
    expect(last).toMatch(/^Wat je over je (vrouw|ma) vertelt.*eigen huisarts/);
    expect(last).toMatch(/komt er hoge koorts bij/);
    expect(r[r.length - 1].actions.some((a) => /–/.test(a))).toBe(true);
  });

  it.each<[Locale, string, string]>([['nl-NL', 'o wacht, het gaat over mijn schoonmoeder', 'je schoonmoeder'], ['nl-BE', 'het is eigenlijk voor mijn vader', 'je vader']])(
    '%s: "%s" during the screening asks the question on screen, and the next ones, about that person', async (locale, other, named) => {
      const questions = screening[locale].questions;
      const r = await talk(locale, ['afspraak maken', 'ja', 'knie', 'links', 'een maand', no(locale), no(locale), other, no(locale)]);
      expect(r[7].text).toMatch(new RegExp(`^Je maakt de afspraak voor ${named}\\.`));
      expect(r[7].text).toContain(questions[1].textOther.split('{{who}}').join(named));
      expect(r[8].text).toContain(questions[2].textOther.split('{{who}}').join(named));
    },
  );

  it.each(LOCALES)('%s: the content has a question about the other person for every screening question', (locale) => {
    for (const q of screening[locale].questions) {
      expect(q.textOther).not.toEqual(q.text);
      expect(q.textOther).toContain('{{who}}');
    }
  });
});

describe('a screening yes said to be a mistake: the instruction stands, a person is offered', () => {
  const toScreening = (locale: Locale) => ['afspraak maken', 'ja', 'heup', 'links', 'een paar weken', no(locale)];

  it.each<[Locale, string, string]>([
    ['nl-NL', 'fall', 'foutje, dat moest nee zijn'],
    ['nl-BE', 'calf', 'oei, per ongeluk op ja getikt'],
    ['nl-NL', 'chest', 'sorry, verkeerd geklikt'],
    ['nl-BE', 'nerves', 'ik bedoelde eigenlijk neen hoor'],
    ['nl-NL', 'prosthesis', 'nee'],
  ])('%s: after a yes at "%s", "%s"', async (locale, id, mistake) => {
    const questions = screening[locale].questions;
    const at = questions.findIndex((q) => q.id === id);
    const before = [...toScreening(locale), ...questions.slice(0, at).map(() => no(locale)), 'ja'];
    const r = await talk(locale, [...before, mistake, 'ja', 'ik wil toch een afspraak maken']);
    const n = before.length;
    expect(r[n - 1].text).toMatch(/112|huisarts/);
    const answer = r[n].text;
    expect(answer).toMatch(/ja niet zo bedoelde/);
    expect(answer).toMatch(/advies hierboven blijft (staan|gelden)/);
    // The instruction is repeated in short, not withdrawn.
    expect(answer).toMatch(id === 'chest' ? /bel je meteen 112/ : /vandaag nog door je huisarts/);
    expect(answer).toMatch(/Wil je dat een medewerker je terugbelt\?/);
    expect(answer).not.toMatch(/Deze (tijden|momenten) zijn vrij/);
    expect(r[n + 1].text).toMatch(/Op welk nummer kunnen we je terugbellen/);
  });

  it.each(LOCALES)('%s: after the callback, booking is still ruled out by the instruction', async (locale) => {
    const r = await talk(locale, [...toScreening(locale), 'ja', 'oeps, foute knop', no(locale), 'ik wil een afspraak maken']);
    expect(r[7].text).toMatch(/ja niet zo bedoelde/);
    expect(r[r.length - 1].text).toMatch(/pas nadat een (arts|dokter)/);
    expect(r[r.length - 1].text).not.toMatch(/Ga je (hiermee|daarmee) akkoord/);
  });

  it.each<[Locale, string]>([['nl-NL', 'ok, ik bel de huisarts'], ['nl-BE', 'merci, ik doe dat']])(
    '%s: "%s" after the instruction is no mistake', async (locale, reply) => {
      const r = await talk(locale, [...toScreening(locale), 'ja', reply]);
      expect(r[7].text).not.toMatch(/niet zo bedoelde/);
    },
  );

  it.each(LOCALES)('%s: only the message right after the yes is read so', async (locale) => {
    const r = await talk(locale, [...toScreening(locale), 'ja', 'hoe lang duurt een behandeling?', 'oeps']);
    expect(r[8].text).not.toMatch(/niet zo bedoelde/);
  });

  it.each<[Locale, string]>([['nl-NL', 'sorry, per ongeluk ja gezegd'], ['nl-BE', 'oei, mis getikt']])(
    '%s: after a yes at the GP-this-week question, "%s" is acknowledged and the booking goes on, the yes kept for the practice', async (locale, mistake) => {
      const before = [...toScreening(locale), ...screeningNo(locale).slice(1), 'ja'];
      const r = await talk(locale, [...before, mistake, '1', ...details(locale), 'ja']);
      const n = before.length;
      expect(r[n - 1].text).toMatch(/deze week een afspraak bij de (huisarts|dokter)/);
      expect(r[n].text).toMatch(/ja niet zo bedoelde/);
      expect(r[n].text).toMatch(/advies over de huisarts laat ik staan/);
      expect(r[n].text).toMatch(/medewerker/);
      expect(r[n].actions.some((a) => /–/.test(a))).toBe(true);
      expect(r[n + 1].text).toMatch(/voor- en achternaam/);
      const booking = await booked(locale, r[r.length - 1].text);
      expect(booking.screening[screening[locale].questions[screening[locale].questions.length - 1].id]).toBe(true);
    },
  );
});
