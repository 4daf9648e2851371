import { MemoryStorage } from 'botbuilder';
import { bookingKit, no, person, screeningNo, type Locale } from './helpers/bookingScript';
import { buildTestApp, converse, testAdapterFor } from './helpers/testApp';

// Flows a seventeenth patient-style test found losing what was said or stuck: "stop" at the
// summary threw every answer away at once. Typed as patients type, nl-NL and nl-BE, with the
// tests' clock.

const { talk } = bookingKit();

/** A booking of the first free time for the locale's person (a right hip), up to its summary card. */
const toSummary = (locale: Locale) => {
  const p = person(locale);
  return ['afspraak maken', 'ja', 'heup', 'rechts', 'een paar weken', no(locale), ...screeningNo(locale), '1', p.name, p.birth, p.phone, 'geen'];
};

describe('a stop at the summary asks first, and a no keeps every answer', () => {
  it.each<[Locale, string, string]>([
    ['nl-NL', 'stoppen', 'o nee wacht, toch niet stoppen! verder'],
    ['nl-NL', 'Stoppen', 'nee'],
    ['nl-BE', 'stoppen', 'neenee, niet stoppen! verder'],
    ['nl-BE', 'ik wil stoppen', 'Neen, verder'],
  ])('%s: "%s", then "%s", then the booking is confirmed', async (locale, stop, goOn) => {
    const r = await talk(locale, [...toSummary(locale), stop, goOn, 'Bevestigen']);
    const [asked, back, done] = r.slice(-3);
    expect(asked.text).toMatch(/Wil je stoppen met de afspraak\?/);
    expect(asked.actions).toEqual(['Ja, stoppen', locale === 'nl-NL' ? 'Nee, verder' : 'Neen, verder']);
    expect(back.text).toMatch(/dan (gaan|doen) we verder/);
    expect(back.actions).toContain('Bevestigen');
    expect(done.text).toMatch(/referentie is/);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'Ja, stoppen'],
    ['nl-BE', 'ja'],
  ])('%s: a yes ("%s") stops, and nothing is booked', async (locale, yes) => {
    const r = await talk(locale, [...toSummary(locale), 'stoppen', yes]);
    expect(r.at(-1)!.text).toMatch(/gestopt/);
    expect(r.at(-1)!.text).not.toMatch(/referentie is/);
  });
});

// An emergency of someone else at the name step rightly gets 112; booking then stays closed in the
// chat (README: no booking after 112, crisis or now), but the answers given are kept, not thrown
// away, and the patient hears the practice's number to book by phone.
describe('an emergency of someone else mid-booking keeps the answers set aside', () => {
  it.each<[Locale, string, RegExp]>([
    ['nl-NL', 'wacht even, mijn opa zakt in elkaar, hij is lijkbleek en reageert nergens meer op', /030 123 45 67/],
    ['nl-BE', 'wacht, mijn vader is zomaar neergevallen en hij reageert niet meer', /03 /],
  ])('%s: "%s", then "go on"', async (locale, emergency, phone) => {
    const memory: Record<string, string> = {};
    const { app } = await buildTestApp(locale === 'nl-BE' ? { PRACTICE_FILE: 'examples/practice-be.yaml' } : {}, new MemoryStorage(memory));
    try {
      const r = await converse(testAdapterFor(app, locale), [...toSummary(locale).slice(0, -4), emergency, 'de ambulance is er, kan ik nu verder met mijn afspraak?', 'verder']);
      expect(r.at(-3)!.text).toMatch(/^Bel nu 112\./);
      for (const reply of r.slice(-2)) {
        expect(reply.text).toMatch(phone);
        expect(reply.actions).not.toContain('Afspraak maken');
      }
      // The answers up to the name wait set aside with the conversation (not offered back).
      const kept = Object.values(memory).join('\n');
      expect(kept).toMatch(/parkedDialogs/);
      expect(kept).toMatch(/een paar weken/);
    } finally {
      await app.close();
    }
  });
});

// From a seventeenth patient-style test: after a topic choice, every short answer got the bare
// "how can I help you?", nine times, without a button.
describe('the bare "how can I help you?" is not said twice in a row', () => {
  it.each<[Locale, string[]]>([
    ['nl-NL', ['JA', 'SINDS 2019', 'NEE', 'NEE', 'JA']],
    ['nl-BE', ['een afspraak voor mijne pa want hij kan nie goe typen', 'ja', 'sinds 2019', 'neen', 'neen']],
  ])('%s: %j', async (locale, turns) => {
    const r = await talk(locale, turns);
    for (const [i, reply] of r.entries()) {
      if (i && reply.text === 'Waarmee kan ik je helpen?') expect(r[i - 1].text).not.toBe('Waarmee kan ik je helpen?');
    }
    const helped = r.filter((reply) => /Stel je vraag gewoon/.test(reply.text));
    expect(helped.length).toBeGreaterThan(0);
    for (const reply of helped) expect(reply.actions).toContain('Iemand spreken');
  });
});

// From a seventeenth patient-style test: for someone else the e-mail question promised a
// confirmation the practice, without a mail server, never sends.
describe('the e-mail question for someone else promises no mail without a mail server', () => {
  it.each<Locale>(['nl-NL', 'nl-BE'])('%s', async (locale) => {
    const r = await talk(locale, ['afspraak maken voor mijn moeder', 'ja', 'heup', 'links', 'een paar weken', no(locale), ...screeningNo(locale), '1', 'Truus de Boer', '2-2-1940', locale === 'nl-NL' ? '06 12345678' : '0470 12 34 56']);
    const asked = r.at(-1)!.text;
    expect(asked).toMatch(/e-mailadres/);
    expect(asked).not.toMatch(/bevestiging/);
  });
});
