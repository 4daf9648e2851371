import { bookingKit, person, type Locale } from './helpers/bookingScript';

// At the code's question, a reference spelled aloud was read only as a message of nothing else:
// "my code is B X four R B eight" got "I don't recognise that reference". The spelled run is now
// read out of the sentence; the lookup stays the same (no hint whether a code exists), and the
// everyday words of a sentence ("I don't remember my code") never become letters. Typed as
// patients type, in our own wordings, nl-NL and nl-BE.

const { talk, booked, bookOne } = bookingKit();

/** The names a patient spells a reference's characters with: long, short, or the letter typed and the digit by name or typed. */
const NAMES: Record<string, [long: string, short: string]> = {
  A: ['aa', 'a'], B: ['bee', 'be'], C: ['cee', 'ce'], D: ['dee', 'de'], E: ['ee', 'e'], F: ['ef', 'ef'], G: ['gee', 'ge'], H: ['haa', 'ha'],
  J: ['jee', 'je'], K: ['kaa', 'ka'], M: ['em', 'em'], N: ['en', 'en'], P: ['pee', 'pe'], Q: ['kuu', 'ku'], R: ['er', 'er'], S: ['es', 'es'],
  T: ['tee', 'te'], U: ['uu', 'u'], V: ['vee', 've'], W: ['wee', 'we'], X: ['iks', 'ix'], Y: ['ij', 'ij'], Z: ['zet', 'zet'],
  2: ['twee', 'twee'], 3: ['drie', 'drie'], 4: ['vier', 'vier'], 5: ['vijf', 'vijf'], 6: ['zes', 'zes'], 7: ['zeven', 'zeven'], 8: ['acht', 'acht'], 9: ['negen', 'negen'],
};
type Style = 'long' | 'short, digits typed' | 'capitals';

/** A reference ("BX4-RB8") spelled aloud in a style. */
function spelled(reference: string, style: Style): string {
  return [...reference.replace('-', '')].map((c) => {
    if (style === 'capitals' && /[A-Z]/.test(c)) return c;
    if (style === 'short, digits typed' && /\d/.test(c)) return c;
    return NAMES[c][style === 'long' ? 0 : 1];
  }).join(' ');
}

const ASKS_BIRTH = /geboortedatum/;
const NOT_RECOGNISED = /referentie herken ik niet/;

describe('a reference spelled aloud inside a sentence at the code\'s question', () => {
  it.each<[Locale, string, Style]>([
    ['nl-NL', 'mijn code is {code}', 'long'],
    ['nl-NL', 'het is {code} denk ik', 'short, digits typed'],
    ['nl-BE', 'de code is {code}', 'capitals'],
    ['nl-NL', 'eh, dat is de {code} volgens de mail', 'long'],
    ['nl-BE', 'ik heb hier {code} staan', 'short, digits typed'],
    ['nl-BE', 'allez, het is een {code}, klopt dat?', 'capitals'],
  ])('%s: "%s" (spelled %s) finds the appointment after the date of birth', async (locale, sentence, style) => {
    const reference = await bookOne(locale);
    const r = await talk(locale, ['afspraak annuleren', sentence.replace('{code}', spelled(reference, style)), person(locale).birth, 'annuleren']);
    expect(r[1].text).toMatch(ASKS_BIRTH);
    expect(r[2].text).toMatch(/Ik heb je afspraak gevonden/);
    expect((await booked(locale, `referentie is ${reference}`)).status).toBe('cancelled');
  });

  it.each<[Locale, string, string]>([
    ['nl-NL', 'mijn code is zet zet zet twee twee twee', 'ZZZ-222'],
    ['nl-BE', 'volgens mij is het Z Z Z twee twee twee', 'ZZZ-222'],
  ])('%s: "%s", which is no booking, gets the same answers as the typed %s', async (locale, sentence, typed) => {
    const spelledWrong = await talk(locale, ['ik wil annuleren', sentence, person(locale).birth]);
    const typedWrong = await talk(locale, ['ik wil annuleren', typed, person(locale).birth]);
    expect(spelledWrong[1].text).toBe(typedWrong[1].text);
    expect(spelledWrong[2].text).toBe(typedWrong[2].text);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'ik weet mijn code niet meer'],
    ['nl-BE', 'ik weet de code niet meer, ge moet ze maar opzoeken'],
    ['nl-NL', 'ja en de e en de u'],
    ['nl-NL', 'mijn code begint met be iks vier en dan weet ik het niet'],
  ])('%s: "%s" is no code: no date of birth asked', async (locale, typed) => {
    const r = await talk(locale, ['afspraak annuleren', typed]);
    expect(r[1].text).not.toMatch(ASKS_BIRTH);
  });

  it('a sentence of ordinary words at the code\'s question is asked again', async () => {
    const r = await talk('nl-NL', ['afspraak annuleren', 'ja en de e en de u']);
    expect(r[1].text).toMatch(NOT_RECOGNISED);
  });
});
