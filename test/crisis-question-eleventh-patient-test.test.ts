import { bookingKit, type Locale } from './helpers/bookingScript';

// An eleventh patient-style test answered the crisis question ("are you thinking of not wanting to
// live, or is it going very badly?") with a hedge, with not knowing, or with the question's other
// half, and got "how can I help you" without the crisis line (8 of 11 answers). Such an answer is
// no no: it gets the crisis text, on the safe side. The same test found 112 signs that passed by
// themselves missed when the patient said they were fine again ("nu is het terug ok"): those are a
// doctor today, as "nu is het over" was. Typed as patients type, our own wordings, nl-NL and nl-BE.

const { talk } = bookingKit();
const QUESTION = /^Ik weet niet zeker of ik je goed begrijp/;
const CRISIS = /^Dank je dat je dit vertelt/;
const line = (locale: Locale) => (locale === 'nl-NL' ? /113/ : /1813/);
const burden = (locale: Locale) => (locale === 'nl-NL' ? 'ik zie het niet meer zitten met die lange wachtlijst' : 'ik zie het ni meer zitten met al die oefeningen');

describe('a hedge to the crisis question gets the crisis text, outside a flow', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'soms'],
    ['nl-NL', 'misschien'],
    ['nl-NL', 'weet ik eigenlijk niet'],
    ['nl-NL', 'het gaat gewoon heel slecht met me'],
    ['nl-NL', 'ik heb het heel moeilijk'],
    ['nl-BE', 'ne keer of twee, soms wel'],
    ['nl-BE', 'een beetje wel'],
    ['nl-BE', 'kweet het ni'],
    ['nl-BE', 't gaat slecht met mij'],
    ['nl-BE', 'niet echt'],
  ])('%s: "%s"', async (locale, answer) => {
    const r = await talk(locale, [burden(locale), answer]);
    expect(r[0].text).toMatch(QUESTION);
    expect(r[1].text).toMatch(CRISIS);
    expect(r[1].text).toMatch(line(locale));
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'nee hoor'],
    ['nl-NL', 'nee, het gaat prima, het is echt die wachtlijst'],
    ['nl-BE', 'neen, alles goed'],
  ])('%s: a no ("%s") still gets no crisis text, and the patient may book', async (locale, answer) => {
    const r = await talk(locale, [burden(locale), answer, 'afspraak maken']);
    expect(r[1].text).not.toMatch(CRISIS);
    expect(r[2].text).not.toMatch(CRISIS);
    expect(r[2].actions[0]).toBe('Ja');
  });
});

describe('a hedge to the crisis question in a booking gets the crisis text at once', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'af en toe wel'],
    ['nl-BE', 'misschien, ik weet het ni'],
  ])('%s: "%s"', async (locale, answer) => {
    const r = await talk(locale, ['Afspraak maken', 'ja', 'Knie', 'Links', burden(locale), answer]);
    expect(r[4].text).toMatch(QUESTION);
    expect(r[5].text).toMatch(CRISIS);
    expect(r[5].text).toMatch(line(locale));
  });
});

describe('a 112 sign that passed, said to be fine again, is a doctor today', () => {
  it.each<[Locale, string, RegExp]>([
    ['nl-NL', 'vanochtend hing mijn mondhoek een paar minuten scheef, nu is het weer goed', /huisartsenpost/],
    ['nl-NL', 'had net een kwartier een drukkend gevoel op mijn borst en zweette ik, nu is het weer oke', /huisartsenpost/],
    ['nl-NL', 'mijn mond zakte vanmiddag naar 1 kant en ik praatte raar, inmiddels is alles weer goed', /huisartsenpost/],
    ['nl-BE', 'deze morgen kon ik efkes ni uit mijn woorden komen, nu is het terug ok', /1733/],
    ['nl-BE', 'gisteren hing mijne mondhoek scheef, nu is alles terug goed', /1733/],
  ])('%s: "%s"', async (locale, message, doctor) => {
    const [r] = await talk(locale, [message]);
    expect(r.text).toMatch(/vandaag nog door een (arts|dokter)/);
    expect(r.text).toMatch(doctor);
  });

  it.each<[Locale, string]>([
    // Fine again after a sign of a lower tier: no alarm, as before.
    ['nl-NL', 'mijn knie was gisteren dik en warm, nu is het weer goed. hoe lang duurt een behandeling?'],
    // Assessed by a doctor: set aside, as before.
    ['nl-NL', 'ik had vorige week pijn op de borst, het bleek maagzuur en nu is alles weer goed'],
  ])('%s: "%s" is no alarm', async (locale, message) => {
    const [r] = await talk(locale, [message]);
    expect(r.text).not.toMatch(/vandaag nog door een (arts|dokter)|Bel nu 112/);
  });
});

// The same test: too much of a painkiller taken by mistake ("three times my dose", a patch stuck on
// twice, a whole box "by accident") got "no good answer". A doctor now; taken on purpose it stays
// the overdose's 112 with the crisis line.
describe('too much medicine taken by mistake is a doctor now', () => {
  it.each<[Locale, string, RegExp]>([
    ['nl-NL', 'oeps ik heb per ongeluk drie keer mijn dosis oxycodon ingenomen', /huisartsenpost/],
    ['nl-NL', 'vanochtend vergeten dat ik mijn pijnstillers al had genomen en ze nog eens geslikt', /huisartsenpost/],
    ['nl-NL', 'mijn moeder heeft per abuis een hele strip paracetamol op', /huisartsenpost/],
    ['nl-BE', 'ik heb twee keer ne morfine pleister opgeplakt, is dat erg?', /1733/],
    ['nl-BE', 'per vergissing mijn tramadol dubbel genomen', /1733/],
  ])('%s: "%s"', async (locale, message, doctor) => {
    const [r] = await talk(locale, [message]);
    expect(r.text).toMatch(/vandaag nog door een (arts|dokter)|Bel nu je huisarts/);
    expect(r.text).toMatch(doctor);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'ik neem twee keer per dag mijn pijnstillers, is dat te veel?'],
    ['nl-NL', 'ik heb 2 pleisters op mijn knie geplakt na het vallen van de fiets, mag ik sporten?'],
    ['nl-BE', 'mijn doos paracetamol is op, moet ik nieuwe halen?'],
    // A review of round 15: food supplements, and an "overdose" of exercises.
    ['nl-NL', 'per ongeluk twee keer mijn dosis glucosamine genomen vandaag'],
    ['nl-BE', 'ik heb per abuis een dubbele dosis vitamine D ingenomen'],
    ['nl-NL', 'gisteren per ongeluk een overdosis fietsen gedaan, nu stijve knieen'],
  ])('%s: "%s" is no alarm', async (locale, message) => {
    const [r] = await talk(locale, [message]);
    expect(r.text).not.toMatch(/vandaag nog door een (arts|dokter)|Bel nu (je huisarts|112)/);
  });
});

// A review of round 15: a plain no with a hedge word after it that speaks of something else, or
// "it is going badly" about a joint, is a no: back to the question asked about, and booking stays
// open. "No, very badly" is still the crisis text.
describe('a no to the crisis question with a hedge word after it is still a no', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'nee hoor, niet echt een probleem, het duurt gewoon lang'],
    ['nl-NL', 'nee joh, een beetje overdreven van mij misschien'],
    ['nl-NL', 'nee, ik snap niet waarom je dat vraagt'],
    ['nl-BE', "neen, 't gaat gewoon slecht met mijn knie, da's al"],
  ])('%s: "%s"', async (locale, answer) => {
    const r = await talk(locale, [burden(locale), answer, 'afspraak maken']);
    expect(r[1].text).not.toMatch(CRISIS);
    expect(r[2].text).not.toMatch(CRISIS);
    expect(r[2].actions[0]).toBe('Ja');
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'nee, eerlijk gezegd gaat het heel slecht met me'],
    ['nl-BE', 'neen, heel slecht eigenlijk'],
    // A second review: a no taken back, or a no that only says it does not know.
    ['nl-NL', 'nee... soms eigenlijk wel'],
    ['nl-NL', 'nee niet echt, al denk ik er soms wel aan'],
    ['nl-NL', 'nee, ik weet het niet'],
    ['nl-BE', 'neen, kweet het ni'],
    ['nl-NL', 'nee, het gaat slecht met mijn heup en met mezelf'],
  ])('%s: "%s" is the crisis text', async (locale, answer) => {
    const r = await talk(locale, [burden(locale), answer]);
    expect(r[1].text).toMatch(CRISIS);
  });
});

// A second review of round 15: all of someone else's pills swallowed was no alarm at all. It is the
// overdose's 112 with the crisis line; throwing them away is nothing.
describe("all of someone else's pills swallowed is 112", () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'ik heb net alle tabletten van mijn vrouw ingenomen'],
    ['nl-BE', 'alle pillen van ons ma opgeslikt'],
  ])('%s: "%s"', async (locale, message) => {
    const [r] = await talk(locale, [message]);
    expect(r.text).toMatch(/Bel nu 112/);
    expect(r.text).toMatch(line(locale));
  });

  it('"ik heb alle pillen van mijn moeder weggegooid, mag dat?" is no alarm', async () => {
    const [r] = await talk('nl-NL', ['ik heb alle pillen van mijn moeder weggegooid, mag dat?']);
    expect(r.text).not.toMatch(/Bel nu 112|vandaag nog door een arts/);
  });
});

// A last patient-style check: a Belgian brand name (Dafalgan) and a painkiller named with "N keer"
// and a word of a mistake got no answer.
describe('a painkiller by its brand name, or taken twice over by mistake', () => {
  it.each<[Locale, string, RegExp]>([
    ['nl-BE', 'per abuis te veel perdolan genomen, bijna een hele doos', /Bel nu 112/],
    ['nl-NL', 'ik heb me vergist en drie keer mijn oxycodon ingenomen', /huisartsenpost/],
    ['nl-NL', 'per ongeluk 2 keer mijn naproxen genomen vanochtend', /huisartsenpost/],
  ])('%s: "%s"', async (locale, message, instruction) => {
    const [r] = await talk(locale, [message]);
    expect(r.text).toMatch(instruction);
  });

  it('"ik neem twee keer per dag mijn voltaren, is dat goed?" is no alarm', async () => {
    const [r] = await talk('nl-NL', ['ik neem twee keer per dag mijn voltaren, is dat goed?']);
    expect(r.text).not.toMatch(/Bel nu 112|vandaag nog door een arts|Bel nu je huisarts/);
  });
});

// The last patient-style check of round 15: "by accident too much paracetamol, 10 tablets" got 112
// with the crisis line's text under it, which nobody who made a mistake asked for; and ten tablets
// with a word of a mistake but without "too many" got nothing. Poisoning either way: 112, and the
// crisis line only when nothing says it was a mistake.
describe('an overdose by mistake is 112 without the crisis line', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'oei, per ongeluk veel te veel paracetamol geslikt, een stuk of twaalf'],
    ['nl-BE', 'ik heb me vergist en 10 dafalgan ingenomen in plaats van 1'],
  ])('%s: "%s"', async (locale, message) => {
    const [r] = await talk(locale, [message]);
    expect(r.text).toMatch(/Bel nu 112/);
    expect(r.text).not.toMatch(line(locale));
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'ik heb net 10 oxycodon ingenomen'],
    ['nl-BE', 'heb daarnet een hele strip slaappillen geslikt'],
  ])('%s: "%s" (no word of a mistake) keeps the crisis line', async (locale, message) => {
    const [r] = await talk(locale, [message]);
    expect(r.text).toMatch(/Bel nu 112/);
    expect(r.text).toMatch(line(locale));
  });
});
