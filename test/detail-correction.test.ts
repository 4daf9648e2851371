import { checkBirthDate, checkEmail, checkName, checkPhone } from '../src/booking/PatientDetails';
import { AnswerWords } from '../src/conversation/AnswerWords';
import { readDetailCorrection } from '../src/conversation/DetailCorrection';
import { I18nextTranslator } from '../src/i18n/Translator';
import { loadValidatedKnowledge } from '../src/knowledge';
import { FixedClock } from '../src/util/Clock';
import { TEST_NOW } from './helpers/testApp';

// How a message that corrects one of the patient's details is read: the detail it names, and
// the new value only when it carries a valid one (never the old value it denies).

const words = new AnswerWords(new I18nextTranslator('locales'));
const dateWords = loadValidatedKnowledge('knowledge').dateWords;
const clock = new FixedClock(new Date(TEST_NOW));
const checks = {
  name: checkName,
  birthDate: (t: string) => checkBirthDate(t, dateWords, clock),
  phone: (t: string) => checkPhone(t, 'NL'),
  email: checkEmail,
};
const given = { name: 'Jan van Dam', birthDate: '1950-05-12', phone: '+31612345678' };

describe('a detail corrected in the patient\'s words', () => {
  it.each<[string, object | undefined, Partial<typeof given>?]>([
    ['foutje, mijn nummer is 06-11223344', { field: 'phone', value: '+31611223344' }],
    ['het telefoonnummer moet 06 11 22 33 44 zijn, niet 06 12345678', { field: 'phone', value: '+31611223344' }],
    ['niet 0612345678 maar 0611223344 is mijn mobiel', { field: 'phone', value: '+31611223344' }],
    ['mijn telefoonnummer klopt niet', { field: 'phone' }],
    ['mijn nummer is 12345', { field: 'phone' }],
    ['oh, de geboortedatum moet 2 januari 1945 zijn', { field: 'birthDate', value: '1945-01-02' }],
    ['ik ben geboren op 14-3-1961', { field: 'birthDate', value: '1961-03-14' }],
    ['mijn e-mail is Jan.Dijk@Voorbeeld.nl.', { field: 'email', value: 'jan.dijk@voorbeeld.nl' }],
    ['e-mailadres: niet jan@x.nl', { field: 'email' }],
    ['sorry, mijn achternaam is van Dijk, niet van Dam', { field: 'name', value: 'Jan van Dijk' }],
    ['mijn achternaam is Dijkstra', { field: 'name', value: 'Jan Dijkstra' }],
    ['de voornaam moet Johan zijn', { field: 'name', value: 'Johan van Dam' }],
    ['mijn familienaam is Peeters', { field: 'name', value: 'J. P. Peeters' }, { name: 'J. P. de Smet' }],
    ['naam: Johan de Wit', { field: 'name', value: 'Johan de Wit' }],
    // A name has no shape of its own: only after a word that says it follows.
    ['mijn naam doet er niet toe', { field: 'name' }],
    ['mijn achternaam is van Dijk', { field: 'name' }, {}],
    // A verdict on the name is no name (a review found "fine as it is" saved as the name).
    ['de naam is prima zo', { field: 'name' }],
    ['mijn achternaam is goed gespeld', { field: 'name' }],
    ['mijn voornaam is Anders', { field: 'name', value: 'Anders van Dam' }],
    // More than one detail, or none: nothing to take.
    ['mijn naam en mijn nummer kloppen niet', undefined],
    ['een paar maanden', undefined],
    ['jan.nummer@voorbeeld.nl', undefined],
  ])('"%s" → %j', (text, expected, before = given) => {
    expect(readDetailCorrection(text, words, checks, before)).toEqual(expected);
  });
});

describe('the words around it', () => {
  it.each<[string, boolean]>([
    ['waarom willen jullie dat weten', true], ['hoe bedoel je', true], ['Wablieft?', true], ['sinds ik weet niet waarom', false], ['een jaar', false],
  ])('"%s" asks back: %s', (text, expected) => {
    expect(words.asksBack(text)).toBe(expected);
  });

  it.each<[string, boolean]>([
    ['nee', true], ['weet ik niet', true], ['geen idee hoor', true], ['weet ik ni', true],
    ['een jaar, denk ik, weet ik niet zeker', false], ['sinds de val', false],
  ])('"%s" says only that it is not known: %s', (text, expected) => {
    expect(words.saysNotKnown(text)).toBe(expected);
  });

  it.each<[string, string | number | undefined]>([
    ['de laatste', 'last'], ['doe maar de tweede', 'second'], ['nummer 3', 3], ['Latere tijden', undefined], ['dinsdag', undefined],
  ])('"%s" is position %p', (text, expected) => {
    expect(words.position(text)).toBe(expected);
  });
});
