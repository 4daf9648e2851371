import { LetterFrame } from '../src/understanding';
import { kb, routed, type Locale } from './helpers/routerKit';

// Two families a thirteenth writer's styles showed only as aggregates (issue 22): messages written
// as a letter, and regional speech in writing. The sentences are our own wordings of each family.

describe('a question written as a letter is read between its salutation and its closing', () => {
  it.each<[string, Locale, string]>([
    ['Geachte heer, mevrouw, Ik heb sinds enige tijd artrose in mijn rechterknie. Graag zou ik willen weten of fietsen voor mij verstandig is. Met vriendelijke groet, J. Jansen', 'nl-NL', 'which-sport'],
    ['Beste mevrouw, Mijn huisarts heeft bij mij heupartrose vastgesteld. Kunt u mij informeren of de behandeling vergoed wordt door mijn zorgverzekering? Hoogachtend, P. de Wit', 'nl-NL', 'reimbursement'],
    ['Geachte, graag had ik vernomen of ik zonder voorschrift van de huisarts bij u terecht kan. Met de meeste hoogachting, L. Peeters', 'nl-BE', 'referral'],
    ['Geachte dames en heren, Wat zijn de openingstijden van de praktijk? Hoogachtend, mevr. A. Visser', 'nl-NL', 'practice-info'],
    ['Beste, hoeveel sessies krijg ik terugbetaald van de mutualiteit? Met vriendelijke groeten, Marc Janssens', 'nl-BE', 'reimbursement'],
  ])('"%s" (%s) is answered with %s', (text, locale, topic) => {
    expect(routed(text, locale)).toEqual({ intent: 'faq', topic });
  });

  it.each<[string, Locale, string]>([
    ['Beste, ik wil graag een afspraak maken voor mijn moeder. Alvast bedankt! Mvg Sandra', 'nl-NL', 'booking'],
    ['Geachte, ik moet mijn afspraak van dinsdag annuleren. Met vriendelijke groeten, Jef Peeters', 'nl-BE', 'cancel-booking'],
    ['Geachte heer, ik zou graag met een medewerker spreken over mijn rekening. Met vriendelijke groet, Bert', 'nl-NL', 'handoff'],
    ['Bedankt voor de uitleg over de oefeningen, groetjes', 'nl-NL', 'thanks'],
  ])('"%s" (%s) asks for %s', (text, locale, intent) => {
    expect(routed(text, locale).intent).toBe(intent);
  });

  it.each<[string, Locale]>([
    ['Beste oefeningen voor een stijve knie?', 'nl-NL'],
    ['Beste behandeling bij heupartrose, wat raden jullie aan?', 'nl-BE'],
  ])('"%s" (%s) opens with the word "best", not a salutation: still a question about a topic', (text, locale) => {
    expect(routed(text, locale).intent).toBe('faq');
  });

  const frame = new LetterFrame(kb.language.letterFrame);
  it.each<[string, string]>([
    ['Geachte mevr. Jansen, mag ik zwemmen? Met vriendelijke groet, Ria', 'mag ik zwemmen?'],
    ['mag ik zwemmen met mijn heup? groetjes Anja', 'mag ik zwemmen met mijn heup?'],
    ['Beste Karin, is fietsen goed? Bij voorbaat dank voor uw antwoord. Met vriendelijke groet, Ed', 'is fietsen goed?'],
    // A closing that a question follows is no closing; a message that is only a closing is left whole.
    ['Met vriendelijke groet van mijn moeder: mag zij ook komen zonder verwijzing?', 'Met vriendelijke groet van mijn moeder: mag zij ook komen zonder verwijzing?'],
    ['Met vriendelijke groet', 'Met vriendelijke groet'],
  ])('the frame of "%s" is read past, leaving "%s"', (text, inner) => {
    expect(frame.inner(text)).toBe(inner);
  });

  it.each<[string, Locale]>([
    ['Geachte heer, sinds vanmorgen hangt mijn mondhoek scheef en praat ik raar. Met vriendelijke groet, Jan', 'nl-NL'],
    // After the closing, where routing reads no further.
    ['mag ik nog fietsen? groetjes, en ik wil niet meer leven', 'nl-BE'],
  ])('leaves the safety check the whole message: "%s" (%s)', (text, locale) => {
    expect(routed(text, locale).intent).toBe('emergency');
  });
});

describe('regional speech in writing reaches the same words as standard Dutch', () => {
  it.each<[string, Locale, string]>([
    ["moe'k een briefke van de dokter hebben?", 'nl-BE', 'referral'],
    ["kan'k bij ulder komen zonder voorschrift?", 'nl-BE', 'referral'],
    ["ik zen al drie weken stijf smorgens, wa kan'k doen?", 'nl-BE', 'morning-stiffness'],
    ['ik hep artrose in me heup, mot ik nou rusten of juist bewege?', 'nl-NL', 'exercise-safe'],
    ["ga'k da terugbetaald krijgen van de ziekenkas?", 'nl-BE', 'reimbursement'],
    ["'k hem pijn in mijn knie as ik de trap op goa", 'nl-BE', 'stairs'],
  ])('"%s" (%s) is answered with %s', (text, locale, topic) => {
    expect(routed(text, locale)).toEqual({ intent: 'faq', topic });
  });

  it.each<[string, Locale]>([
    ['afspraak veur mijn knie', 'nl-BE'],
    ["ik wil graag 'n afspraak veur m'n heup", 'nl-NL'],
  ])('"%s" (%s) asks for an appointment', (text, locale) => {
    expect(routed(text, locale).intent).toBe('booking');
  });
});

describe("an aside about one's own Dutch or understanding weighs nothing for routing", () => {
  it.each<[string, Locale, string]>([
    ['wat is artrose precies, ik begrijp het niet goed', 'nl-NL', 'what-is-osteoarthritis'],
    ['sorry mijn nederlands is niet goed, mag ik zwemmen met heup artrose?', 'nl-BE', 'which-sport'],
    ['ik spreek niet goed Nederlands, wat kost een behandeling bij jullie?', 'nl-NL', 'costs'],
  ])('"%s" (%s) is answered with %s', (text, locale, topic) => {
    expect(routed(text, locale)).toEqual({ intent: 'faq', topic });
  });

  it('still lets "I do not understand, what should I type?" ask for help', () => {
    expect(routed('ik begrijp het niet goed, wat moet ik typen?', 'nl-NL').intent).toBe('help');
  });
});
