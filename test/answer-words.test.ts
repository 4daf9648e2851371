import { AnswerWords } from '../src/conversation/AnswerWords';
import { I18nextTranslator } from '../src/i18n/Translator';

const words = new AnswerWords(new I18nextTranslator('locales'));

describe('answers typed instead of a button', () => {
  it.each([
    ['ja', 'yes'], ['Jep!', 'yes'], ['klopt', 'yes'], ['oké', 'yes'], ['Akkoord.', 'yes'], ['doe maar', 'yes'], ['ja, dat klopt hoor', 'yes'],
    ['neen', 'no'], ['liever niet', 'no'], ['nee hoor, dank je', 'no'], ['niet', 'no'],
    ['jawel', 'yes'], ['helaas wel', 'yes'], ['wel', 'yes'], ['toch wel', 'yes'], ['jup', 'yes'],
    // "wel" and "goed" after a no say what is fine, not yes.
    ['nee, maar de linker is wel goed', 'no'],
    ['misschien', undefined], ['ja maar nee', undefined], ['weet ik niet', undefined],
  ])('"%s" is %s', (text, expected) => {
    expect(words.yesNo(text)).toBe(expected);
  });

  const joints = ['Heup', 'Knie', 'Heup en knie', 'Iets anders'];
  it.each<[string, string[], number | undefined]>([
    ['knie', joints, 1], ['de knie graag', joints, 1], ['mijn rechterknie', joints, 1], ['2', joints, 1], ['nummer 3', joints, 2],
    ['de eerste', joints, 0], ['de laatste', joints, 3], ['de rechtse', ['Links', 'Rechts', 'Beide kanten'], 1],
    ['de linkse', ['Links', 'Rechts', 'Beide kanten'], 0], ['beide', ['Links', 'Rechts', 'Beide kanten'], 2],
    ['de rechtse', ['ma 10:00', 'di 11:00', 'wo 12:00'], 2], ['7', joints, undefined], ['elleboog', joints, undefined],
  ])('"%s" chooses %p of %j', (text, labels, expected) => {
    expect(words.choose(text, labels)).toBe(expected);
  });

  it.each<[string, string | undefined]>([
    ['wijzig mijn telefoonnummer', 'phone'], ['mijn e-mail klopt niet', 'email'], ['andere tijd', 'time'], ['naam', 'name'],
    ['mijn geboortedatum is fout', 'birthDate'], ['klopt', undefined], ['wijzig alles', undefined],
  ])('"%s" changes %s', (text, field) => {
    expect(words.changeOf(text)).toBe(field);
  });
});

describe('corrections, sentences and relatives', () => {
  it.each<[string, object | undefined]>([
    ['nee wacht, rechts', { side: 'right', marked: true, bare: true }],
    ['het is toch de heup', { joint: 'hip', marked: true, bare: true }],
    ['de rechterknie', { joint: 'knee', side: 'right', marked: false, bare: true }],
    ['voor mijn vader', { forOther: true, relative: 'vader', marked: false, bare: true }],
    ['sinds mijn knieoperatie', { joint: 'knee', marked: false, bare: false }],
    ['een paar maanden', undefined],
    ['toch liever dinsdag', undefined],
  ])('"%s" corrects %j', (text, expected) => {
    expect(words.correctionIn(text)).toEqual(expected);
  });

  it.each<[string, boolean]>([
    ['ik wil iemand spreken', true], ['kan ik niet gewoon even iemand aan de lijn krijgen?', true], ['toch liever dinsdag', true],
    ['Ine Mens', false], ['Jan van der Mens', false], ['Lieve Op de Beeck', false], ['een paar maanden', false],
  ])('"%s" is a sentence: %s', (text, expected) => {
    expect(words.isSentence(text)).toBe(expected);
  });

  it.each<[string, boolean]>([
    ['ik wil een afspraak maken voor mijn moeder', true], ['kan ons ma een afspraak krijgen', true], ['afspraak voor m\'n man', true],
    ['ik ben een vrouw met knieklachten', false], ['ik wil een afspraak maken', false],
  ])('"%s" books for a relative: %s', (text, expected) => {
    expect(Boolean(words.complaintIn(text).forOther)).toBe(expected);
  });

  it.each<[string, string | undefined]>([['wijzig de kant', 'complaint'], ['mijn klacht klopt niet', 'complaint'], ['telefoon', 'phone']])(
    '"%s" at the summary changes %s', (text, field) => {
      expect(words.changeOf(text)).toBe(field);
    },
  );
});

describe('corrections with a sound or a Flemish article before them', () => {
  it.each<[string, object]>([
    ['oh, het is links', { side: 'left', marked: false, bare: true }],
    ["allee, 't is de rechtse", { side: 'right', marked: true, bare: true }],
  ])('"%s" corrects %j', (text, expected) => {
    expect(words.correctionIn(text)).toEqual(expected);
  });
});

describe('clauses and negations, for a day refused beside a day asked for', () => {
  it.each<[string, string[]]>([
    ['dinsdag kan ik niet, woensdag wel', ['dinsdag kan ik niet', 'woensdag']],
    ['niet dinsdag maar woensdag', ['niet dinsdag', 'woensdag']],
    ['nee. morgen kan ik niet', ['nee', 'morgen kan ik niet']],
    ['dinsdag om 14.30 graag', ['dinsdag om 14.30 graag']],
  ])('"%s" is %j', (text, expected) => {
    expect(words.clauses(text)).toEqual(expected);
  });

  it.each<[string, boolean]>([['niet', true], ['Geen', true], ['nie', true], ['ni', true], ['nee', false], ['liever', false]])(
    '"%s" is a negation: %s', (word, expected) => {
      expect(words.isNegation(word)).toBe(expected);
    },
  );
});

describe('an answer after a word of correcting', () => {
  it.each<[string, string]>([['sorry, 12 mei 1948', '12 mei 1948'], ['nee wacht, 14-03-1961', '14-03-1961'], ['oeps', 'oeps'], ['12-05-1981', '12-05-1981']])(
    '"%s" is "%s"', (text, expected) => {
      expect(words.withoutCorrection(text)).toBe(expected);
    },
  );
});

describe('sides in sentences and compounds, resuming, a lost code and a mistake (fourth patient-style test)', () => {
  it.each<[string, string | undefined, boolean]>([
    ['mijn linkerheup zeurt al weken', 'left', false], ['de rechter', 'right', false], ['rechterkant vooral', 'right', false],
    ['allebei', 'both', false], ['beide kanten een beetje', 'both', false], ['rechterknie en ook de linker', 'both', false],
    ['niet links', undefined, true], ['links niet, rechts wel', 'right', true], ['niet de linkse maar de rechtse', 'right', true],
    ['ik weet niet, rechts denk ik', 'right', false], ['een paar maanden', undefined, false], ['LINKSE', 'left', false],
  ])('"%s" names side %s (a side refused: %s)', (text, side, negated) => {
    expect(words.sideIn(text)).toEqual({ ...(side ? { side } : {}), negated });
  });

  it('a side refused in an opening message is not taken for it', () => {
    expect(words.complaintIn('afspraak voor mijn knie, niet rechts maar links')).toEqual({ joint: 'knee', side: 'left' });
  });

  it.each<[string, boolean]>([
    ['verder', true], ['graag verder gaan met mijn boeking', true], ['ik zou mijn afspraak nog willen afmaken', true],
    ['kan ik verderdoen met de reservatie?', true], ['doorgaan met het maken van een afspraak', true],
    ['mag ik doorgaan met fietsen tot mijn afspraak?', false], ['ik wil niet verder met die afspraak', false],
    ['verder met de oefeningen', false], ['ik wil mijn afspraak annuleren', false],
  ])('"%s" resumes: %s', (text, expected) => {
    expect(words.isResume(text)).toBe(expected);
  });

  it.each<[string, boolean]>([
    ['die ben ik kwijt', true], ['ik heb de bevestiging niet meer', true], ['geen flauw idee', true], ['nooit gekregen', true],
    ['KX7-4PM', false], ['hij begint met KX', false],
  ])('"%s" says the code is not at hand: %s', (text, expected) => {
    expect(words.isWithoutCode(text)).toBe(expected);
  });

  it.each<[string, boolean]>([
    ['oei, mis getikt', true], ['sorry dat was per ongeluk', true], ['ik bedoelde eigenlijk neen', true], ['dat is niet juist', true],
    ['ok, ik bel de huisarts', false], ['dank je', false],
  ])('"%s" says the answer before was a mistake: %s', (text, expected) => {
    expect(words.isMistake(text)).toBe(expected);
  });
});
