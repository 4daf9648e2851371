import { MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { jest } from '@jest/globals';
import { checkInConversation, windowsOf } from '../src/conversation/SafetyDesk';
import { RedFlagDetector } from '../src/safety';
import { bothPractices, buildTestApp, converse, testAdapterFor } from './helpers/testApp';

/*
 * Red flags in conversations: each tier's instruction with the numbers of the PRACTICE's
 * country whatever the patient's dialect, the tier remembered, and an alarm ending any flow.
 */
const practices = bothPractices();
const practice = (country: 'NL' | 'BE') => practices[country];

const MESSAGES = {
  '112': 'mijn man heeft ineens een scheve mond en praat heel raar',
  crisis: 'ik zie het echt niet meer zitten, ik wil er niet meer zijn',
  now: 'ik ben gisteren van de trap gevallen en kan sindsdien niet meer op mijn been staan',
  soon: 'ik word elke nacht wakker van de pijn in mijn heup en ben zomaar 5 kilo afgevallen',
} as const;

describe('each tier with the practice country\'s services, for both locales', () => {
  it.each<['NL' | 'BE', string, keyof typeof MESSAGES, RegExp[], RegExp[]]>([
    ['NL', 'nl-NL', '112', [/^Bel nu 112\./], [/1733|1813|huisarts/]],
    ['BE', 'nl-BE', '112', [/^Bel nu 112\./], [/1733|1813|huisarts/]],
    ['NL', 'nl-NL', 'crisis', [/113 Zelfmoordpreventie/, /0800-0113/, /113\.nl/, /112/], [/1813/]],
    ['NL', 'nl-BE', 'crisis', [/113 Zelfmoordpreventie/, /0800-0113/, /moet je niet alleen mee blijven zitten/], [/1813/]],
    ['BE', 'nl-NL', 'crisis', [/Zelfmoordlijn 1813/, /zelfmoord1813\.be/, /112/], [/\b113\b|0800-0113/]],
    ['BE', 'nl-BE', 'crisis', [/Zelfmoordlijn 1813/, /zelfmoord1813\.be/], [/\b113\b|0800-0113/]],
    ['NL', 'nl-NL', 'now', [/vandaag nog door een arts/, /huisartsenpost/, /112/], [/1733|wachtpost/]],
    ['NL', 'nl-BE', 'now', [/vandaag nog door een dokter/, /huisartsenpost/], [/1733|wachtpost/]],
    ['BE', 'nl-NL', 'now', [/vandaag nog door een arts/, /wachtpost via 1733/], [/huisartsenpost/]],
    ['BE', 'nl-BE', 'now', [/vandaag nog door een dokter/, /wachtpost via 1733/], [/huisartsenpost/]],
    ['NL', 'nl-NL', 'soon', [/deze week een afspraak bij de huisarts/], [/1733/]],
    ['BE', 'nl-BE', 'soon', [/deze week een afspraak bij de dokter/, /1733/], [/huisartsenpost/]],
  ])('%s practice, %s speaker, tier %s', async (country, locale, tier, says, never) => {
    const [reply] = await converse(testAdapterFor(practice(country), locale), [MESSAGES[tier]]);
    for (const re of says) expect(reply.text).toMatch(re);
    for (const re of never) expect(reply.text).not.toMatch(re);
    if (tier === 'soon') expect(reply.actions).toContain('Afspraak maken');
    else expect(reply.actions).toEqual([]);
  });
});

describe('swallowed pills, or 112 told with a wish to die: 112 first, the crisis line after it', () => {
  it.each<['NL' | 'BE', string, string, RegExp[], RegExp[]]>([
    ['NL', 'nl-NL', 'ik heb zojuist al mijn slaappillen opgeslikt', [/^Bel nu 112\./, /113 Zelfmoordpreventie/], [/1813/]],
    ['NL', 'nl-BE', 'ik heb al mijn pijnstillers genomen', [/^Bel nu 112\./, /113 Zelfmoordpreventie/], [/1813/]],
    ['BE', 'nl-NL', 'mijn vrouw heeft al haar slaapmiddelen ingenomen', [/^Bel nu 112\./, /Zelfmoordlijn 1813/], [/\b113\b/]],
    ['BE', 'nl-BE', 'ik heb alle pijnpillen uit de kast binnengewerkt', [/^Bel nu 112\./, /Zelfmoordlijn 1813/], [/\b113\b/]],
    // A 112 sign and a wish to die in one message: both needs.
    ['NL', 'nl-NL', 'ik heb pijn op de borst en ben kortademig en eigenlijk wil ik niet meer leven', [/^Bel nu 112\./, /113 Zelfmoordpreventie/], [/1813/]],
    // 112 alone stays one instruction.
    ['NL', 'nl-NL', 'pijn op de borst en ik zweet heel erg', [/^Bel nu 112\./], [/Zelfmoord|113/]],
    ['BE', 'nl-BE', 'mijn vader heeft een scheve mond en kan zijn arm niet meer heffen', [/^Bel nu 112\./], [/Zelfmoord|1813/]],
  ])('%s practice, %s speaker: "%s"', async (country, locale, text, says, never) => {
    const [reply] = await converse(testAdapterFor(practice(country), locale), [text]);
    for (const re of says) expect(reply.text).toMatch(re);
    for (const re of never) expect(reply.text).not.toMatch(re);
    expect(reply.actions).toEqual([]);
  });
});

describe('signs said in other words: English, dialect, typos, indirectly (one per tier, both countries)', () => {
  it.each<['NL' | 'BE', string, string, RegExp[], RegExp[]]>([
    ['NL', 'nl-NL', 'mijn schoonvader is omgevallen en zegt niks meer', [/^Bel nu 112\./], [/1733|1813/]],
    ['BE', 'nl-BE', 'chest pain en ik ben opeens zo kortademig', [/^Bel nu 112\./], [/huisartsenpost|113/]],
    ['NL', 'nl-BE', 'ik heb mijn slaappillen al een tijd opgespaard', [/113 Zelfmoordpreventie/, /0800-0113/], [/1813/]],
    ['BE', 'nl-NL', 'i want to end it all, echt, ik kan niet meer', [/Zelfmoordlijn 1813/], [/\b113\b/]],
    // About someone else: the same line, and said to be for worried relatives too.
    ['NL', 'nl-NL', 'mijn opa zegt steeds dat hij niet meer wil leven, kan hij bij jullie terecht?', [/113 Zelfmoordpreventie/, /zorgen maakt om iemand anders/], [/1813/]],
    ['BE', 'nl-BE', 'ons ma zegt da ze er liever nie meer zou zijn', [/Zelfmoordlijn 1813/, /zorgen maakt om iemand anders/], [/\b113\b/]],
    // Its content words are those of a "no" ("liever niet"): the red flag still comes first.
    ['NL', 'nl-NL', 'ik zou er liever niet meer zijn', [/113 Zelfmoordpreventie/], [/1813/]],
    // A stroke sign or chest pain that passed by itself (a TIA, angina): a doctor today.
    ['NL', 'nl-NL', 'mijn mondhoek hing scheef, het is weer over', [/vandaag nog door een arts/, /huisartsenpost/], [/^Bel nu 112/, /1733/]],
    ['BE', 'nl-BE', 'ik had pijn op de borst maar dat is al over', [/vandaag nog door een dokter/, /wachtpost via 1733/], [/^Bel nu 112/, /huisartsenpost/]],
    ['NL', 'nl-NL', 'mijn benen zijn slap en ik kan mijn ontlasting niet meer ophouden', [/huisartsenpost/], [/1733|wachtpost/]],
    ['BE', 'nl-BE', 'gevalle van de trap en nu kan ik ni meer rechtstaan', [/wachtpost via 1733/], [/huisartsenpost/]],
    ['NL', 'nl-NL', "'s nachts pijn in mijn knie en mijn broeken zakken af terwijl ik normaal eet", [/deze week een afspraak bij de huisarts/], [/1733/]],
    ['BE', 'nl-BE', 'night pain in mijn heup en ik ben 6 kilo kwijt zonder dieet', [/deze week een afspraak bij de dokter/, /1733/], [/huisartsenpost/]],
  ])('%s practice, %s speaker: "%s"', async (country, locale, message, says, never) => {
    const [reply] = await converse(testAdapterFor(practice(country), locale), [message]);
    for (const re of says) expect(reply.text).toMatch(re);
    for (const re of never) expect(reply.text).not.toMatch(re);
  });
});

describe('a long story is read for red flags to its end, past the part the router reads (MAX_MESSAGE_CHARS)', () => {
  const story = 'Ik loop elke ochtend een rondje met de hond en daarna drink ik koffie met de buren, dat gaat nog goed. '.repeat(40);
  it.each<[string, string, RegExp]>([
    ['chest pain at the end', `${story}En sinds een uur heb ik een drukkend gevoel op mijn borst en ben ik erg kortademig.`, /^Bel nu 112\./],
    ['suicidal at the end', `${story}Eerlijk gezegd zie ik het niet meer zitten, ik wil er niet meer zijn.`, /113 Zelfmoordpreventie/],
  ])('%s (a message of over 4,000 characters)', async (_name, message, says) => {
    expect(message.length).toBeGreaterThan(4000);
    const [reply] = await converse(testAdapterFor(practice('NL'), 'nl-NL'), [message]);
    expect(reply.text).toMatch(says);
  });
});

describe('windowsOf: a long message read in overlapping windows', () => {
  const sentences = Array.from({ length: 120 }, (_, i) => `Zin ${i} gaat over de knie en geen koorts.`).join(' ');
  it.each([
    ['sentences', sentences],
    ['one sentence without marks', Array.from({ length: 300 }, (_, i) => `knie pijn ${i} geen koorts niet`).join(' ')],
    ['no spaces at all', Array.from({ length: 5000 }, (_, i) => String.fromCharCode(97 + ((i * 7919) % 9973) % 26)).join('')],
  ])('covers every character, no window over the size, each (after the first) starting at a sentence or word (%s)', (_name, text) => {
    const windows = windowsOf(text, 400);
    expect(windows.length).toBeGreaterThan(1);
    let covered = 0;
    let from = 0;
    for (const w of windows) {
      expect(w.length).toBeLessThanOrEqual(400);
      const at = text.indexOf(w, from);
      expect(at).toBeGreaterThanOrEqual(0);
      expect(at).toBeLessThanOrEqual(covered);
      covered = Math.max(covered, at + w.length);
      from = at + 1;
    }
    expect(covered).toBe(text.length);
  });

  it('keeps "geen koorts" together: no window opens or closes inside a sentence that fits', () => {
    for (const w of windowsOf(sentences, 400)) {
      expect(w.trimStart()).toMatch(/^Zin \d+/);
      expect(w.trimEnd()).toMatch(/koorts\.$/);
    }
  });
});

describe('self-harm gets the crisis text, with the practice country\'s line and 112', () => {
  it.each<['NL' | 'BE', string, string, RegExp[], RegExp[]]>([
    ['NL', 'nl-NL', 'als de pijn te erg wordt kras ik mezelf met een mesje', [/113 Zelfmoordpreventie/, /0800-0113/, /jezelf pijn doen/, /gewond, bel dan 112/], [/1813/]],
    ['NL', 'nl-BE', 'ik heb soms de drang om mezelf pijn te doen, mag ik nog sporten?', [/113 Zelfmoordpreventie/, /jezelf pijn doen/, /112/], [/1813/]],
    ['BE', 'nl-BE', 'ik snij mezelf weer in mijn armen, sorry', [/Zelfmoordlijn 1813/, /zelfmoord1813\.be/, /jezelf pijn doen/, /gewond, bel dan 112/], [/\b113\b|0800-0113/]],
    ['BE', 'nl-NL', 'i keep hurting myself on purpose', [/Zelfmoordlijn 1813/, /jezelf pijn doen/, /112/], [/\b113\b|0800-0113/]],
  ])('%s practice, %s speaker: "%s"', async (country, locale, message, says, never) => {
    const [reply] = await converse(testAdapterFor(practice(country), locale), [message]);
    for (const re of says) expect(reply.text).toMatch(re);
    for (const re of never) expect(reply.text).not.toMatch(re);
    expect(reply.actions).toEqual([]);
  });
});

describe('a crisis only the learned net recognises gets the same crisis text', () => {
  // No rule of emergency.yaml knows these wordings (test/safety-crisis-net.test.ts checks that).
  it.each<['NL' | 'BE', string, string, RegExp[], RegExp[]]>([
    ['NL', 'nl-NL', 'het leven is voor mij over', [/113 Zelfmoordpreventie/, /0800-0113/, /112/], [/1813/]],
    ['BE', 'nl-BE', 'waarom zou ik nog verder leven', [/Zelfmoordlijn 1813/, /zelfmoord1813\.be/, /112/], [/\b113\b|0800-0113/]],
  ])('%s practice, %s speaker: "%s"', async (country, locale, message, says, never) => {
    const [reply, after] = await converse(testAdapterFor(practice(country), locale), [message, 'wat kost een behandeling?']);
    for (const re of says) expect(reply.text).toMatch(re);
    for (const re of never) expect(reply.text).not.toMatch(re);
    expect(reply.actions).toEqual([]);
    expect(after.actions).not.toContain('Afspraak maken');
  });
});

describe('no "Afspraak maken" anywhere after a tier that rules out booking', () => {
  it.each<['NL' | 'BE', string, keyof typeof MESSAGES, string[]]>([
    ['NL', 'nl-NL', 'now', ['opnieuw', 'hallo', 'Vlaams']],
    ['BE', 'nl-BE', 'crisis', ['opnieuw', 'Nederlands', 'wat kost een behandeling?']],
    ['NL', 'nl-BE', '112', ['help', 'opnieuw', 'qwxz blub']],
  ])('%s practice, %s speaker, after tier %s: menus, greetings, a language switch, a miss', async (country, locale, tier, after) => {
    const r = await converse(testAdapterFor(practice(country), locale), [MESSAGES[tier], ...after]);
    for (const turn of r.slice(1)) {
      expect(turn.text.length).toBeGreaterThan(0);
      expect(turn.actions).not.toContain('Afspraak maken');
    }
  });

  it('a soon tier keeps offering it after "opnieuw"', async () => {
    const r = await converse(testAdapterFor(practices.NL), [MESSAGES.soon, 'opnieuw']);
    expect(r[1].actions).toContain('Afspraak maken');
  });
});

describe('a red flag told over a few short messages (WhatsApp style)', () => {
  // The first two from a patient-style test: each message alone got a puzzled answer, the third
  // even the question for an appointment's reference. The others written for this test.
  it.each<['NL' | 'BE', string, string[], RegExp]>([
    ['NL', 'nl-NL', ['mijn vader is 80', 'hij is gisteren gevallen', 'en nu kan hij niet meer op zijn been staan'], /huisartsenpost/],
    ['NL', 'nl-NL', ['mijn knie is sinds gisteren heel dik en rood', 'en warm', 'ik heb ook 39 graden koorts'], /huisartsenpost/],
    ['BE', 'nl-BE', ['ons ma zit hier naast mij', 'ze praat ineens heel raar', 'en haar mond hangt scheef'], /^Bel nu 112\./],
    ['BE', 'nl-BE', ['ik heb mijn pillen al een tijd bijeengespaard', 'vannacht neem ik ze allemaal'], /Zelfmoordlijn 1813/],
    // A fifth patient-style test: four and five messages, the joint in the first.
    ['NL', 'nl-NL', ['mijn knie', 'is heel dik', 'en rood', 'voelt heet'], /huisartsenpost/],
    ['BE', 'nl-BE', ['hallo', 'mijn rechterknie', 'is sinds vanmorgen opgezet', 'en knalrood', 'en ik heb koorts'], /wachtpost/],
    // 112 over several messages, written for this round: pressure told as a verb, a fall to one
    // side with an arm that fails "since ten minutes", someone on the floor who does not wake up.
    ['NL', 'nl-NL', ['ik heb het zo benauwd', 'en het drukt op mijn borst', 'zweet ook'], /^Bel nu 112\./],
    ['BE', 'nl-BE', ['help', 'mijn vrouw', 'ze valt steeds opzij', 'kan haar arm niet optillen', 'sinds tien minuten'], /^Bel nu 112\./],
    ['NL', 'nl-NL', ['mijn vader', 'ligt op de grond', 'wordt niet wakker'], /^Bel nu 112\./],
  ])('%s practice, %s: %j', async (country, locale, messages, says) => {
    const r = await converse(testAdapterFor(practices[country], locale), messages);
    // The alarm may come before the last message, once the messages so far tell enough.
    expect(r.map((reply) => reply.text)).toContainEqual(expect.stringMatching(says));
  });

  it('messages that together are no alarm stay questions', async () => {
    const r = await converse(testAdapterFor(practices.NL), ['ik ben vorige week gevallen', 'gelukkig kan ik gewoon lopen', 'mag ik nog fietsen met mijn knie?']);
    for (const reply of r) expect(reply.text).not.toMatch(/huisartsenpost|112|113/);
  });

  it('the alarm is given once: the next question gets its answer and the reminder, not the alarm again', async () => {
    const r = await converse(testAdapterFor(practices.NL), ['mijn man is gevallen', 'hij kan niet meer staan', 'mag hij paracetamol nemen?']);
    expect(r[1].text).toMatch(/^Wat je beschrijft moet vandaag nog door een arts/);
    expect(r[2].text).not.toMatch(/Wat je beschrijft moet vandaag nog/);
    expect(r[2].text).toMatch(/Denk eraan: laat wat je eerder beschreef vandaag nog/);
  });

  it('after a crisis alarm a fall told over two messages still gets the doctor\'s instruction (a different one)', async () => {
    const r = await converse(testAdapterFor(practices.NL), ['ik zie het echt niet meer zitten, ik wil er niet meer zijn', 'mijn man is net gevallen', 'hij kan niet meer op zijn been staan']);
    expect(r[0].text).toMatch(/113 Zelfmoordpreventie/);
    expect(r[2].text).toMatch(/^Wat je beschrijft moet vandaag nog door een arts/);
  });

  it('a long message is read alone (in windows), never with the ones before it', () => {
    const together = jest.fn((_t: string) => [{ tier: 'now' as const, rule: 'x' }]);
    const now = new Date();
    const earlier = [{ text: 'mijn vader is gevallen', at: now.getTime() }];
    const story = `${'Ik wil iets vragen over mijn knie en over de oefeningen. '.repeat(8)}Hij kan niet meer staan.`;
    expect(checkInConversation(() => undefined, together, story, earlier, undefined, now)).toBeUndefined();
    expect(together).not.toHaveBeenCalled();
    expect(checkInConversation(() => undefined, together, 'hij kan niet meer staan', earlier, undefined, now)?.tier).toBe('now');
  });

  it('messages more than ten minutes apart are read apart', async () => {
    const { app, clock } = await buildTestApp({}, new MemoryStorage());
    try {
      const adapter = testAdapterFor(app);
      await converse(adapter, ['mijn vader is gisteren gevallen']);
      clock.advance(11 * 60_000);
      const [late] = await converse(adapter, ['hij kan niet meer op zijn been staan']);
      expect(late.text).not.toMatch(/huisartsenpost/);
      const [soon] = await converse(adapter, ['hij is van de trap gevallen']);
      expect(soon.text).toMatch(/huisartsenpost/);
    } finally {
      await app.close();
    }
  });
});

describe('a red flag in English', () => {
  // A sixth patient-style test: the instruction came in Dutch only.
  it.each<['NL' | 'BE', string, RegExp, RegExp]>([
    ['NL', 'I fell down the stairs and I cannot stand on my leg anymore', /huisartsenpost/, /call 112.*out-of-hours service \(huisartsenpost\)/s],
    ['BE', 'my husband suddenly has a crooked mouth and cannot speak', /^Bel nu 112/, /call 112.*1733/s],
  ])('%s practice: "%s" gets the instruction and the emergency numbers in English', async (country, message, instruction, english) => {
    const [reply] = await converse(testAdapterFor(practices[country]), [message]);
    expect(reply.text).toMatch(instruction);
    expect(reply.text).toMatch(english);
  });

  it('a Dutch message gets no English', async () => {
    const [reply] = await converse(testAdapterFor(practices.NL), [MESSAGES.now]);
    expect(reply.text).not.toMatch(/call 112/);
  });
});

describe('one safety check per message', () => {
  it('a question, two questions in one, a booking answer and a question mid-booking: each checked once alone, and once with the messages before it', async () => {
    // detect asks everyTierByRules first; messages read together ask it alone.
    const detect = jest.spyOn(RedFlagDetector.prototype, 'everyTierByRules');
    try {
      const adapter = testAdapterFor(practices.NL);
      const counts: number[] = [];
      for (const message of ['mag ik fietsen met knieartrose?', 'helpt warmte en wat kost een behandeling?', 'ik wil graag een afspraak maken', 'ja', 'mag ik zwemmen met artrose?']) {
        detect.mockClear();
        await converse(adapter, [message]);
        counts.push(detect.mock.calls.length);
      }
      // Commands too: a command is read from a message's content words, and a sign can hide
      // among the words it skips ("ik zou er liever niet meer zijn" reads as a no). From the
      // second message on, once more with the patient's last messages (a sign told over a few).
      expect(counts).toEqual([1, 2, 2, 2, 2]);
    } finally {
      detect.mockRestore();
    }
  });
});

describe('the tier is remembered for the rest of the conversation', () => {
  it.each<['nl-NL' | 'nl-BE', string]>([
    ['nl-NL', 'ok'],
    ['nl-BE', 'en nu?'],
  ])('%s: "%s" after the crisis text gets no "Sorry" and no appointment, only that the bot is there, a person and the line', async (locale, text) => {
    const r = await converse(testAdapterFor(practices.NL, locale), [MESSAGES.crisis, text]);
    expect(r[1].text).toMatch(/^Ik ben er nog, en ik lees je berichten/);
    expect(r[1].text).not.toMatch(/Sorry|afspraak/i);
    expect(r[1].text).toMatch(/113/);
    expect(r[1].actions).not.toContain('Afspraak maken');
  });

  it('after a now tier: no booking offer, answers with a one-line reminder, booking refused, also after "opnieuw"', async () => {
    const r = await converse(testAdapterFor(practices.NL), [
      MESSAGES.now,
      'mag ik sporten met knieartrose?',
      'ik wil een afspraak maken',
      'opnieuw',
      'helpt warmte of ijs bij artrose?',
    ]);
    expect(r[0].actions).not.toContain('Afspraak maken');
    expect(r[1].text).toMatch(/fietsen/);
    expect(r[1].text).toMatch(/Denk eraan: laat wat je eerder beschreef vandaag nog door je huisarts of de huisartsenpost bekijken\./);
    expect(r[1].actions).not.toContain('Afspraak maken');
    expect(r[2].text).toMatch(/pas nadat een arts/);
    expect(r[2].text).not.toMatch(/Over welk gewricht/);
    expect(r[3].actions).not.toContain('Afspraak maken');
    expect(r[4].text).toMatch(/Denk eraan/);
    expect(r[4].actions).not.toContain('Afspraak maken');
  });

  it('after a soon tier: the reminder, and booking still allowed', async () => {
    const r = await converse(testAdapterFor(practices.BE, 'nl-BE'), [MESSAGES.soon, 'mag ik sporten met artrose in mijn knie?', 'ik wil een afspraak maken']);
    expect(r[1].text).toMatch(/Vergeet niet: maak deze week een afspraak bij je huisarts\./);
    expect(r[1].actions).toContain('Afspraak maken');
    expect(r[2].text).not.toMatch(/pas nadat/);
  });

  it('a conversation without a red flag gets no reminder', async () => {
    const r = await converse(testAdapterFor(practices.NL), ['mag ik sporten met knieartrose?']);
    expect(r[0].text).not.toMatch(/Denk eraan/);
    expect(r[0].actions).toContain('Afspraak maken');
  });
});

describe('an alarm outranks any running flow', () => {
  it('a booking set aside with "later" does not come back with "verder" after a red flag', async () => {
    const r = await converse(testAdapterFor(practices.NL), ['Afspraak maken', 'ja', 'Knie', 'later', MESSAGES.now, 'verder']);
    expect(r[3].text).toMatch(/opzij/);
    expect(r[4].text).toMatch(/huisartsenpost/);
    expect(r[5].text).not.toMatch(/Aan welke kant/);
  });

  it('a booking in progress stops at a red flag typed as an answer', async () => {
    const before = (await practices.NL.database.bookings.listChanged(new Date(0), 1000)).length;
    const r = await converse(testAdapterFor(practices.NL), ['Afspraak maken', 'ja', 'Knie', MESSAGES['112'], 'Links']);
    expect(r[3].text).toMatch(/^Bel nu 112\./);
    expect(r[3].actions).toEqual([]);
    // The booking is over: "Links" is not taken as the answer to "Aan welke kant?".
    expect(r[4].text).not.toMatch(/Sinds wanneer/);
    expect((await practices.NL.database.bookings.listChanged(new Date(0), 1000)).length).toBe(before);
  });

  it('a red flag in the screening (free text instead of yes or no) ends the booking with its tier', async () => {
    const r = await converse(testAdapterFor(practices.BE, 'nl-BE'), ['Afspraak maken', 'ja', 'Heup', 'Links', 'een maand', 'neen', MESSAGES.crisis]);
    expect(r[6].text).toMatch(/Zelfmoordlijn 1813/);
  });

  it.each(['waar was ik gebleven', 'waar zijn we gebleven'])('"%s" in the middle of a booking is no farewell: no crisis text, the booking goes on', async (text) => {
    const r = await converse(testAdapterFor(practices.NL), ['Afspraak maken', 'ja', 'Knie', text, 'Links']);
    expect(r[3].text).not.toMatch(/113|Zelfmoordpreventie/);
    expect(r[3].text).toMatch(/Aan welke kant/);
    expect(r[4].text).toMatch(/Sinds wanneer/);
  });

  // A patient-style test got the crisis text for these, and a chat that then refused to book.
  it.each(['ik weet het niet', 'heb ik nog niet'])('"%s" at a question of the booking is no crisis: the question is asked again and the booking goes on', async (text) => {
    const r = await converse(testAdapterFor(practices.NL), ['Afspraak maken', 'ja', 'Knie', text, 'Links']);
    expect(r[3].text).not.toMatch(/113|Zelfmoordpreventie/);
    expect(r[3].text).toMatch(/kant/);
    expect(r[4].text).toMatch(/Sinds wanneer/);
  });

  describe('a crisis only the learned net reads, in a booking: the line as a question, the booking set aside', () => {
    // "het leven is voor mij over": a crisis wording no rule knows (see the net's own tests). A
    // fifth patient-style test got the crisis text, and a chat that refused to book, for everyday
    // replies the net reads the same way ("wait, it is 06…").
    it.each<['NL' | 'BE', 'nl-NL' | 'nl-BE', RegExp]>([
      ['NL', 'nl-NL', /113 Zelfmoordpreventie/],
      ['BE', 'nl-BE', /Zelfmoordlijn 1813/],
    ])('%s practice, %s: the line and a button to go on, and the booking goes on with it', async (country, locale, line) => {
      const r = await converse(testAdapterFor(practices[country], locale), ['Afspraak maken', 'ja', 'Knie', 'het leven is voor mij over', 'Verder met afspraak', 'Links']);
      expect(r[3].text).toMatch(/^Ik weet niet zeker of ik je goed begrijp/);
      expect(r[3].text).toMatch(line);
      expect(r[3].text).toMatch(/112/);
      expect(r[3].actions).toEqual(['Verder met afspraak']);
      expect(r[4].text).toMatch(/kant/);
      expect(r[5].text).toMatch(/Sinds wanneer/);
    });

    it('a yes to it is the crisis: the crisis text, and no booking after it', async () => {
      const r = await converse(testAdapterFor(practices.NL), ['Afspraak maken', 'ja', 'Knie', 'het leven is voor mij over', 'ja', 'Verder met afspraak', 'Afspraak maken']);
      expect(r[4].text).toMatch(/^Dank je dat je dit vertelt/);
      expect(r[4].actions).toEqual([]);
      expect(r[5].text).not.toMatch(/kant/);
      expect(r[6].text).not.toMatch(/kant|verwijzing/);
      expect(r[6].actions).not.toContain('Afspraak maken');
    });

    // A second review: a no that answers the question's other half ("no, very badly") is no way back;
    // an eleventh patient-style test: a hedge or the other half gets the crisis text at once.
    it.each([['nee, heel slecht'], ['niet echt goed'], ['soms wel een beetje']])('"%s" after it is the crisis text, not taken back to the booking', async (reply) => {
      const r = await converse(testAdapterFor(practices.NL), ['Afspraak maken', 'ja', 'Knie', 'het leven is voor mij over', reply]);
      expect(r[4].text).toMatch(/^Dank je dat je dit vertelt/);
    });

    // A sixth patient-style test: after the question, "nee" and the pending answer got "Sorry".
    it.each<['nl-NL' | 'nl-BE', string, RegExp]>([
      ['nl-NL', 'nee', /kant/],
      ['nl-BE', 'neen hoor', /kant/],
    ])('%s: "%s" after it goes back to the booking', async (locale, no, again) => {
      const r = await converse(testAdapterFor(practices.NL, locale), ['Afspraak maken', 'ja', 'Knie', 'het leven is voor mij over', no, 'Links']);
      expect(r[4].text).toMatch(again);
      expect(r[5].text).toMatch(/Sinds wanneer/);
    });

    // An eighth patient-style test typed the date of birth asked for after the question, twice,
    // and got the crisis text: a date, a code or a number answers the flow set aside.
    it.each<['nl-NL' | 'nl-BE', string]>([
      ['nl-NL', 'sinds 3 weken'],
      ['nl-BE', 'sedert 12 oktober'],
    ])('%s: "%s" after it answers the booking\'s question, and the booking goes on', async (locale, since) => {
      const r = await converse(testAdapterFor(practices.NL, locale), ['Afspraak maken', 'ja', 'Knie', 'Links', 'het leven is voor mij over', since]);
      expect(r[4].text).toMatch(/^Ik weet niet zeker of ik je goed begrijp/);
      expect(r[5].text).not.toMatch(/Dank je dat je dit vertelt|Ik wil je goed begrijpen/);
      expect(r[5].text).toMatch(/verwijzing|voorschrift/);
    });

    // A review: a number in a sentence about how one feels is no value for the flow.
    it('"al 2 maanden gaat het heel slecht met me" after it is the crisis text', async () => {
      const r = await converse(testAdapterFor(practices.NL), ['Afspraak maken', 'ja', 'Knie', 'Links', 'het leven is voor mij over', 'al 2 maanden gaat het heel slecht met me']);
      expect(r[5].text).toMatch(/^Dank je dat je dit vertelt/);
    });

    // A review: an answer that is neither went back into the booking ("allebei" became the side).
    it('anything else is asked once more, with the line and the button; "verder" then goes on', async () => {
      const r = await converse(testAdapterFor(practices.NL), ['Afspraak maken', 'ja', 'Knie', 'het leven is voor mij over', 'allebei', 'verder', 'Links']);
      expect(r[4].text).toMatch(/^Ik wil je goed begrijpen/);
      expect(r[4].text).toMatch(/113/);
      expect(r[4].actions).toEqual(['Verder met afspraak']);
      expect(r[5].text).toMatch(/kant/);
      expect(r[6].text).toMatch(/Sinds wanneer/);
    });

    it('no clear answer the second time either: the crisis text, and no booking after it', async () => {
      const r = await converse(testAdapterFor(practices.NL), ['Afspraak maken', 'ja', 'Knie', 'het leven is voor mij over', 'allebei', 'pff', 'Afspraak maken']);
      expect(r[5].text).toMatch(/^Dank je dat je dit vertelt/);
      expect(r[6].text).not.toMatch(/kant|verwijzing/);
      expect(r[6].actions).not.toContain('Afspraak maken');
    });

    it('is asked once per conversation: a second such message gets the crisis text', async () => {
      const r = await converse(testAdapterFor(practices.NL), ['Afspraak maken', 'ja', 'Knie', 'het leven is voor mij over', 'nee', 'het leven is voor mij over']);
      expect(r[4].text).toMatch(/kant/);
      expect(r[5].text).toMatch(/^Dank je dat je dit vertelt/);
    });

    // A sixth patient-style test found "Ik ben er nog. Heb je een vraag over heup- of knieartrose" cold here.
    it.each<['NL' | 'BE', 'nl-NL' | 'nl-BE', string, RegExp]>([
      ['NL', 'nl-NL', 'ja', /113/],
      ['BE', 'nl-BE', 'neen', /1813/],
    ])('%s practice, %s: "%s" after the crisis text speaks to how one feels, with the line', async (country, locale, reply, line) => {
      const r = await converse(testAdapterFor(practices[country], locale), [MESSAGES.crisis, reply]);
      expect(r[1].text).toMatch(/^Ik ben er nog, en ik lees je berichten/);
      expect(r[1].text).toMatch(line);
      expect(r[1].actions).not.toContain('Afspraak maken');
    });

    // A seventh patient-style test's helper: "I haven't got it any more" at the cancellation's
    // reference question got the full crisis text; that flow is set aside and resumed the same way.
    it('in a cancellation too: the question, and a no goes back to the reference question', async () => {
      const r = await converse(testAdapterFor(practices.NL), ['afspraak annuleren', 'het leven is voor mij over', 'nee']);
      expect(r[1].text).toMatch(/^Ik weet niet zeker of ik je goed begrijp/);
      expect(r[1].text).toMatch(/113/);
      expect(r[2].text).toContain(r[0].text);
    });

    it('the same words with no booking running get the crisis text at once', async () => {
      const r = await converse(testAdapterFor(practices.NL), ['het leven is voor mij over']);
      expect(r[0].text).toMatch(/^Dank je dat je dit vertelt/);
    });

    it('a sign the rules know, in a booking, still ends it with the instruction', async () => {
      const r = await converse(testAdapterFor(practices.NL), ['Afspraak maken', 'ja', 'Knie', MESSAGES.crisis, 'Verder met afspraak']);
      expect(r[3].text).toMatch(/^Dank je dat je dit vertelt/);
      expect(r[4].text).not.toMatch(/kant/);
    });
  });

  // A fifth patient-style test: the GP this week, and then no booking left to go on with.
  it.each<['NL' | 'BE', 'nl-NL' | 'nl-BE', RegExp]>([
    ['NL', 'nl-NL', /huisarts/],
    ['BE', 'nl-BE', /huisarts/],
  ])('%s practice, %s: a sign for the GP this week in a booking gets its instruction, and the booking goes on', async (country, locale, says) => {
    const r = await converse(testAdapterFor(practices[country], locale), ['Afspraak maken', 'ja', 'Knie', MESSAGES.soon, 'Links']);
    // The instruction and the side question again, in one turn.
    expect(r[3].text).toMatch(says);
    expect(r[3].text).toMatch(/kant/);
    expect(r[3].actions).not.toContain('Afspraak maken');
    expect(r[3].actions).toContain('Links');
    expect(r[4].text).toMatch(/Sinds wanneer/);
  });

  it('a booking set aside with "later" is still there after a sign for the GP this week', async () => {
    const r = await converse(testAdapterFor(practices.NL), ['Afspraak maken', 'ja', 'Knie', 'later', MESSAGES.soon, 'verder']);
    expect(r[4].text).toMatch(/huisarts/);
    expect(r[5].text).toMatch(/kant/);
  });

  it('a request for a person in progress stops at a red flag', async () => {
    const r = await converse(testAdapterFor(practices.NL), ['ik wil iemand spreken', MESSAGES.now]);
    expect(r[0].text).toMatch(/terugbel/);
    expect(r[1].text).toMatch(/huisartsenpost/);
    expect(r[1].actions).toEqual([]);
  });
});

describe('while a person holds the chat', () => {
  it('the bot stays silent, except for a red flag: its instruction goes out, and the message still reaches the practice', async () => {
    // A receptionist signed in, with the console's live queue open.
    await practices.NL.consoleSessions.create('anna');
    const stopWatching = practices.NL.handoff.watch(() => undefined);
    const adapter = testAdapterFor(practices.NL);
    const r = await converse(adapter, ['ik wil een medewerker spreken', 'In de chat wachten', 'hallo?', MESSAGES.crisis]);
    expect(r[1].text).toMatch(/medewerker gevraagd/);
    expect(r[2].text).toBe('');
    expect(r[3].text).toMatch(/113 Zelfmoordpreventie/);
    const ticket = (await practices.NL.handoff.queue()).find((t) => t.conversationId === adapter.template.conversation!.id);
    expect(ticket!.messages.map((m) => m.text)).toContain(MESSAGES.crisis);
    stopWatching();
  });
});

describe('intended purpose and privacy, said once', () => {
  const join = { type: 'conversationUpdate', membersAdded: [{ id: 'user', name: 'x' }], recipient: { id: 'bot', name: 'bot' } } as Partial<Activity>;

  it.each<['NL' | 'BE', string, RegExp[]]>([
    ['NL', 'nl-NL', [/geen diagnose/, /112/, /113/, /huisartsenpost/, /beweegreden\.example\/privacy/]],
    ['NL', 'nl-BE', [/geen diagnose/, /112/, /113/, /huisartsenpost/]],
    ['BE', 'nl-NL', [/geen diagnose/, /112/, /1813/, /1733/, /stapjeverder\.example\/privacy/]],
  ])('the welcome (%s practice, %s) says what the bot is for, its emergency numbers and the privacy page', async (country, locale, says) => {
    const adapter = testAdapterFor(practice(country), locale);
    const before = adapter.activeQueue.length;
    await adapter.send(join).startTest();
    const text = adapter.activeQueue.splice(before).map((a) => a.text ?? '').join('\n');
    for (const re of says) expect(text).toMatch(re);
  });

  it('on WhatsApp, which has no join, the first answer comes with it once', async () => {
    const adapter = new TestAdapter((context) => practices.NL.bot.run(context), {
      channelId: 'whatsapp', conversation: { id: 'wa-safety' }, from: { id: '31612345678' }, recipient: { id: 'bot' }, locale: 'nl-NL',
    } as Partial<Activity>);
    const r = await converse(adapter, ['mag ik sporten met knieartrose?', 'helpt warmte of ijs bij artrose?']);
    expect(r[0].text).toMatch(/fietsen.*geen diagnose.*112/s);
    expect(r[0].text).toMatch(/privacy/);
    expect(r[1].text).not.toMatch(/geen diagnose/);
  });
});

describe('an answer opening with "nee" that only the learned net reads as a crisis is asked about, not assumed', () => {
  // A seventh patient-style test got the crisis text, and a chat that refused to book, for
  // everyday answers ("nee, dat hoeft niet"); a review found teaching the net such answers cost
  // it "nee, ik kan niet meer". Wordings of our own in both families.
  it.each<['NL' | 'BE', 'nl-NL' | 'nl-BE', string, RegExp]>([
    ['NL', 'nl-NL', 'nee, dat hoeft niet', /113/],
    // "neen, dat wil ik ni" was one too until the net was trained to convergence: it scores 0.53
    // now and gets no alarm at all.
    ['BE', 'nl-BE', 'neen, dat hoeft ni', /1813/],
  ])('%s practice, %s: "%s" gets the line as a question; a no then leaves booking open', async (country, locale, answer, line) => {
    const r = await converse(testAdapterFor(practices[country], locale), ['mag ik fietsen met knieartrose?', answer, 'nee', 'ik wil een afspraak maken']);
    expect(r[1].text).toMatch(/^Ik weet niet zeker of ik je goed begrijp/);
    expect(r[1].text).toMatch(line);
    expect(r[1].text).not.toMatch(/afspraak staat/);
    expect(r[1].actions).toEqual([]);
    expect(r[3].text).toMatch(/^Voor een afspraak stel ik je/);
  });

  it('"neen, dat wil ik ni" (BE) gets neither the crisis text nor the question, and booking stays open', async () => {
    const r = await converse(testAdapterFor(practices.BE, 'nl-BE'), ['mag ik fietsen met knieartrose?', 'neen, dat wil ik ni', 'ik wil een afspraak maken']);
    expect(r[1].text).not.toMatch(/^Ik weet niet zeker of ik je goed begrijp|^Dank je dat je dit vertelt/);
    expect(r[2].text).toMatch(/^Voor een afspraak stel ik je/);
  });

  it.each([
    ['nee, ik kan gewoon niet meer'],
    ['nee, het heeft allemaal geen zin meer'],
  ])('"%s" as the answer to that question is the crisis: the crisis text, no booking', async (answer) => {
    const r = await converse(testAdapterFor(practices.NL), ['mag ik fietsen met knieartrose?', 'nee, dat hoeft niet', answer, 'ik wil een afspraak maken']);
    expect(r[2].text).toMatch(/^Dank je dat je dit vertelt/);
    expect(r[3].text).not.toMatch(/^Voor een afspraak stel ik je/);
  });

  // A second review: outside a flow the question says to type one's question, so that is what
  // the next message is; only a yes is the crisis then.
  it('after the question outside a flow, a question of one\'s own gets its answer', async () => {
    const r = await converse(testAdapterFor(practices.NL), ['nee, dat hoeft niet', 'welke oefeningen kan ik doen voor mijn knie?']);
    expect(r[0].text).toMatch(/^Ik weet niet zeker of ik je goed begrijp/);
    expect(r[1].text).not.toMatch(/^Ik (weet niet zeker|wil je goed begrijpen)|^Dank je dat je dit vertelt/);
  });

  it('a word that opens many sentences ("ok", "geen") is no answer: the net\'s crisis there gets the crisis text', async () => {
    const r = await converse(testAdapterFor(practices.NL), ['ok ik hou het echt niet meer vol']);
    expect(r[0].text).toMatch(/^Dank je dat je dit vertelt/);
  });

  // A review: after a miss, the offer's "no" took such a message as declining it.
  it('after a miss, "nee, ik wil gewoon niet verder zo" is asked about, not taken as declining the offer', async () => {
    const r = await converse(testAdapterFor(practices.NL), ['mijn kat heeft vlooien', 'nee, ik wil gewoon niet verder zo']);
    expect(r[1].text).toMatch(/^Ik weet niet zeker of ik je goed begrijp/);
  });

  it('"nee, ik wil niet meer, ik ben alles zo beu" after a question gets the crisis line', async () => {
    const r = await converse(testAdapterFor(practices.NL), ['mag ik fietsen met knieartrose?', 'nee, ik wil niet meer, ik ben alles zo beu']);
    expect(r[r.length - 1].text).toMatch(/113/);
  });
});

describe('"what should I do?" after an instruction gets that instruction again', () => {
  // A seventh patient-style test got the examples of questions the bot can answer instead.
  it.each<['NL' | 'BE', string, RegExp]>([
    ['NL', 'nl-NL', /^Wat je beschrijft moet vandaag nog door een arts bekeken worden.*huisartsenpost/s],
    ['BE', 'nl-BE', /^Wat je vertelt, moet vandaag nog door een dokter bekeken worden.*wachtpost via 1733/s],
  ])('%s practice, %s', async (country, locale, says) => {
    const r = await converse(testAdapterFor(practices[country], locale), ['mijn moeder is gevallen en kan niet meer op haar been staan', 'wat moet ik nu doen?']);
    expect(r[1].text).toMatch(says);
    expect(r[1].text).not.toMatch(/Denk eraan|Vergeet niet/);
  });

  it('without an alarm it is the help text', async () => {
    const [reply] = await converse(testAdapterFor(practices.NL), ['wat moet ik doen?']);
    expect(reply.text).not.toMatch(/huisartsenpost/);
  });
});
