import { bookingKit, no, person, screeningNo, type Locale } from './helpers/bookingScript';

// Bookings a nineteenth patient-style test found storing the wrong data, losing a yes or stuck:
// a second joint named with its own side at the side question turning the first joint's side
// into "both"; a child's booking with the age in brackets made for the writer; a yes to the
// bot's own offer lost; a yes or no with a question read as doubt. Typed as patients type,
// the tester's wordings and our own, nl-NL and nl-BE, with the tests' clock.

const { talk, bookOne } = bookingKit();

/** The rest of a booking after the side, up to its summary card. */
const afterSide = (locale: Locale): string[] => {
  const p = person(locale);
  return ['een paar weken', no(locale), ...screeningNo(locale), '1', p.name, p.birth, p.phone, 'geen'];
};

describe('another joint named with its own side keeps the side of the joint asked for', () => {
  it.each<[Locale, string, string, RegExp]>([
    ['nl-NL', 'heup', 'links, en trouwens mijn rechterknie ook een beetje', /heup, links/],
    ['nl-NL', 'heup', 'rechts. mijn linker knie doet ook wel eens pijn', /heup, rechts/],
    ['nl-NL', 'knie', 'links, maar mijn rechterheup speelt ook op', /knie, links/],
    ['nl-BE', 'heup', 'links, en mijne rechtse knie ook een beetje', /heup, links/],
    ['nl-BE', 'knie', 'rechts, en de linkerheup doet ook wat pijn', /knie, rechts/],
  ])('%s: %s, then "%s"', async (locale, joint, side, kept) => {
    const r = await talk(locale, ['afspraak maken', 'ja', joint, side, ...afterSide(locale)]);
    expect(r[3].text).toMatch(/Sinds wanneer/);
    expect(r[3].text).toMatch(new RegExp(`Over je ${joint === 'heup' ? 'knie' : 'heup'} vertel je`));
    const card = r[r.length - 1].cards;
    expect(card).toMatch(kept);
    expect(card).not.toMatch(/beide kanten/);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'links en rechts'],
    ['nl-BE', 'allebei'],
  ])('%s: "%s" for one joint is still both sides', async (locale, side) => {
    const r = await talk(locale, ['afspraak maken', 'ja', 'heup', side, ...afterSide(locale)]);
    expect(r[3].text).not.toMatch(/Over je/);
    expect(r[r.length - 1].cards).toMatch(/heup, beide kanten/);
  });
});

describe('a relative named first and "can she come?" after it books for the relative', () => {
  it.each<[Locale, string, string]>([
    ['nl-NL', 'Mijn dochter (16) heeft haar meniscus gescheurd met voetbal, kan ze bij jullie terecht?', 'dochter'],
    ['nl-NL', 'mijn zoon (14) heeft last van zijn knie na het hockeyen. kan hij bij jullie langskomen?', 'zoon'],
    ['nl-NL', 'mijn vader van 81 loopt slecht door zijn heup, zou hij een afspraak kunnen krijgen?', 'vader'],
    ['nl-BE', 'ons dochter (15) heeft haar knie verdraaid bij het voetballen, kan ze bij jullie terecht?', 'dochter'],
    ['nl-BE', 'ik wil een afspraak voor ons dochter, ze heeft haar knie verdraaid', 'dochter'],
  ])('%s: "%s"', async (locale, opening, relative) => {
    const r = await talk(locale, [opening, 'ja']);
    expect(r[0].text).toMatch(new RegExp(`afspraak voor je ${relative}`));
    expect(r[1].text).toMatch(new RegExp(`Je maakt de afspraak voor je ${relative}`));
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'mijn dochter zegt dat ik moet komen voor mijn knie, kan ik bij jullie terecht?'],
    ['nl-BE', 'mijn man heeft een nieuwe heup, kan ik ook bij jullie terecht voor mijn knie?'],
  ])('%s: the writer coming ("%s") is still the writer\'s booking', async (locale, opening) => {
    const r = await talk(locale, [opening, 'ja']);
    expect(r[0].text).not.toMatch(/afspraak voor je (dochter|man)/);
  });
});

describe('a yes to the offer the bot\'s last answer closed with takes that offer', () => {
  it.each<[Locale, string, string]>([
    ['nl-NL', 'zijn jullie open op 24/12?', 'ja'],
    ['nl-NL', 'zijn jullie donderdag open?', 'ja graag'],
    ['nl-BE', 'zijn jullie open op zaterdag 12/12?', 'ja graag'],
    ['nl-BE', 'zijn jullie woensdag open?', 'ja'],
  ])('%s: "%s", then "%s" starts the booking', async (locale, question, yes) => {
    const r = await talk(locale, [question, yes]);
    expect(r[0].text).toMatch(/Wil je een afspraak maken\?$/);
    expect(r[1].text).toMatch(/Voor een afspraak stel ik je/);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'ik heb al een afspraak'],
    ['nl-NL', 'wanneer was mijn afspraak ook alweer?'],
    ['nl-BE', 'ik heb al een afspraak bij jullie'],
  ])('%s: "%s", then "ja" starts the lookup', async (locale, said) => {
    const r = await talk(locale, [said, 'ja']);
    expect(r[0].actions[0]).toBe('Afspraak opzoeken');
    expect(r[1].text).toMatch(/Wat is de referentie van je afspraak\?/);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'nee'],
    ['nl-BE', 'neen, dank u'],
  ])('%s: a no ("%s") to the day\'s offer books nothing', async (locale, answer) => {
    const r = await talk(locale, ['zijn jullie open op 24/12?', answer]);
    expect(r[1].text).not.toMatch(/Voor een afspraak stel ik je|Waarmee kan ik je helpen/);
  });
});

describe('a yes or no with a question after it takes the yes or no and answers the question', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'ja, en trouwens, hoe lang duurt zo\'n eerste afspraak?'],
    ['nl-NL', 'ja hoor. wat gebeurt er bij de eerste afspraak?'],
    ['nl-BE', 'ja, en hoe verloopt zo\'n eerste sessie eigenlijk?'],
  ])('%s: "%s" at the consent', async (locale, typed) => {
    const r = await talk(locale, ['afspraak maken', typed]);
    expect(r[1].text).not.toMatch(/Twijfel je/);
    expect(r[1].text).toMatch(/eerste afspraak (begint|bij de kinesitherapeut start) met een gesprek/);
    expect(r[1].text).toMatch(/Over welk gewricht gaat het\?/);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'nee, heb ik die nodig? en is er parkeerplek?'],
    ['nl-BE', 'neen. wat is jullie adres eigenlijk?'],
  ])('%s: "%s" at the referral question', async (locale, typed) => {
    const r = await talk(locale, ['afspraak maken', 'ja', 'heup', 'links', 'een paar weken', typed]);
    const last = r[r.length - 1].text;
    expect(last).not.toMatch(/Twijfel je/);
    expect(last).toMatch(/Voorbeeld(straat|lei)/);
    expect(last).toMatch(/gevallen/);
  });
});

describe('a date in a story, or of an appointment one has, is no day asked about', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'ik wil een afspraak maken voor mijn zoon, hij is 17 en heeft zijn kruisband gescheurd bij het padellen, op 12/11 geopereerd'],
    ['nl-NL', 'afspraak maken graag, ik ben op 3 november gevallen met de fiets'],
    ['nl-BE', 'ik wil efkes een afspraak maken voor mijn dochter, op 20/11 geopereerd aan haar knie'],
  ])('%s: "%s" starts the booking', async (locale, opening) => {
    const r = await talk(locale, [opening]);
    expect(r[0].text).not.toMatch(/zijn we open|is de praktijk gesloten/);
    expect(r[0].text).toMatch(/Voor een afspraak/);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'ik ga dood van de zenuwen voor mijn eerste afspraak morgen, wat moet ik meenemen?'],
    ['nl-BE', 'ik ben wat zenuwachtig voor mijn eerste afspraak vrijdag, wat moet ik meebrengen?'],
  ])('%s: "%s" gets what to bring', async (locale, question) => {
    const r = await talk(locale, [question]);
    expect(r[0].text).not.toMatch(/zijn we open|is de praktijk gesloten/);
    expect(r[0].text).toMatch(/(Neem|Breng) dit mee|korte broek/);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'kan ik op 24/12 langskomen?'],
    ['nl-BE', 'zijn jullie open op zaterdag 12/12?'],
  ])('%s: a day asked for ("%s") still gets that day', async (locale, question) => {
    const r = await talk(locale, [question]);
    expect(r[0].text).toMatch(/zijn we open|is de praktijk gesloten/);
  });
});

describe('small things: a side at "since when?", a title before the name', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'beide'],
    ['nl-NL', 'beide kanten'],
    ['nl-BE', 'allebei'],
  ])('%s: "%s" at "since when?" asks it again', async (locale, side) => {
    const r = await talk(locale, ['afspraak maken', 'ja', 'heup', 'beide kanten', side, ...afterSide(locale)]);
    expect(r[4].text).toMatch(/Sinds wanneer/);
    expect(r[5].text).not.toMatch(/Sinds wanneer/);
    expect(r[r.length - 1].cards).toMatch(/heup, beide kanten, (sinds )?een paar weken/);
  });

  it.each<[Locale, string, string]>([
    ['nl-NL', 'Mevrouw Truus de Boer', 'Truus de Boer'],
    ['nl-NL', 'dhr. Jan Jansen', 'Jan Jansen'],
    ['nl-BE', 'meneer Jef Peeters', 'Jef Peeters'],
  ])('%s: the name "%s" is kept as "%s"', async (locale, typed, kept) => {
    const p = person(locale);
    const r = await talk(locale, ['afspraak maken', 'ja', 'heup', 'links', 'een paar weken', no(locale), ...screeningNo(locale), '1', typed, p.birth, p.phone, 'geen']);
    const card = r[r.length - 1].cards;
    expect(card).toMatch(new RegExp(kept));
    expect(card).not.toMatch(/mevrouw|dhr|meneer/i);
  });
});

describe('at the lookup, a date of birth with words after it is read', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'oei, 3 september 1949 bedoel ik'],
    ['nl-NL', 'oeps, 3-9-1949 moest het zijn'],
    ['nl-BE', 'oei, 3 september 1949 bedoel ik'],
  ])('%s: "%s" finds the booking', async (locale, typed) => {
    const reference = await bookOne(locale);
    const r = await talk(locale, ['afspraak annuleren', reference, typed]);
    expect(r[2].text).not.toMatch(/Die datum herken ik niet/);
    expect(r[2].actions.length).toBeGreaterThan(0);
    expect(r[2].text).toMatch(/afspraak gevonden/);
  });
});

describe('"I have one already" with its code looks that booking up', () => {
  it.each<[Locale, (code: string) => string]>([
    ['nl-NL', (code) => `Ze heeft al een afspraak, ${code}. Kan het telefoonnummer veranderd worden?`],
    ['nl-NL', (code) => `ik heb al een afspraak, code ${code}`],
    ['nl-BE', (code) => `ik heb al een afspraak bij jullie, ${code}, maar ik weet niet meer wanneer`],
  ])('%s', async (locale, typed) => {
    const reference = await bookOne(locale);
    const r = await talk(locale, [typed(reference), person(locale).birth]);
    expect(r[0].text).not.toMatch(/Tik dan op "Afspraak opzoeken"/);
    expect(r[1].text).toMatch(/afspraak gevonden/);
  });
});

describe('after the lookup, a new phone number goes to the contact fix', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'het telefoonnummer moet 06-12345678 worden'],
    ['nl-BE', 'mijn telefoonnummer is veranderd, het is nu 0470 11 22 33'],
  ])('%s: "%s"', async (locale, typed) => {
    const reference = await bookOne(locale);
    const r = await talk(locale, ['afspraak opzoeken', reference, person(locale).birth, typed]);
    expect(r[2].text).toMatch(/afspraak gevonden/);
    expect(r[3].text).not.toMatch(/Tik op een knop/);
    expect(r[3].text).toMatch(/telefoonnummer .* heb ik aan de praktijk doorgegeven/);
  });
});
