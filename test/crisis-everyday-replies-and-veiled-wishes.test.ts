import type { Tier } from '../src/safety';
import { bookingKit, type Locale } from './helpers/bookingScript';
import { expectTiers as expectRuleTiers } from './helpers/redFlagTiers';

// Crisis thoughts said in other words: not understanding why one still lives, following someone who
// died, a farewell, a last journey, a joke or a practical question; and the everyday sentences in
// the same words. Our own wordings as patients in the Netherlands and in Flanders type them; the
// tier is what the patient notices.
const { talk } = bookingKit();

/** One test per message: the tier the patient gets (null: no alarm), as the bot reads it (rules, then the net). */
function expectTiers(rows: [string, Tier | null][]): void {
  expectRuleTiers(rows, true);
}

describe('the same words with a wish not to live: the crisis', () => {
  expectTiers([
    ['ik snap niet waarom ik nog leef', 'crisis'],
    ['ik begrijp echt niet waarom ik nog besta', 'crisis'],
    ['waarom leef ik eigenlijk nog', 'crisis'],
    ['ik weet het niet meer, ik wil niet meer', 'crisis'],
    ['ik snap het niet meer, ik wil er gewoon niet meer zijn', 'crisis'],
  ]);
});

describe('scratching oneself open is self-harm; an itch or a cat is not', () => {
  expectTiers([
    ['ik krab mijn armen kapot als de spanning te hoog wordt', 'crisis'],
    ["'s nachts krab ik mijn benen open tot ze bloeden", 'crisis'],
    ['de kat krabt mijn armen open als ik hem borstel', null],
    ['ik krab mijn huid open van de jeuk, mag ik dan zwemmen?', null],
  ]);
});

describe('following someone who died, a never-again, a last journey: the crisis; a trip or a cyclist is not', () => {
  expectTiers([
    ['ik wil hem achterna', 'crisis'],
    ['sinds mijn vrouw dood is wil ik haar volgen', 'crisis'],
    ['ik ben weduwnaar en ik wil mijn vrouw achterna', 'crisis'],
    ["ons moeder is vorig jaar gestorven, ik wil bij haar zijn in de hemel", 'crisis'],
    ['jullie horen niets meer van mij', 'crisis'],
    ['bedankt voor alles, ge hoort nooit meer iets van mij', 'crisis'],
    ['dit is de laatste keer dat u iets van mij hoort', 'crisis'],
    ['een lange reis waar ik niet van terugkom', 'crisis'],
    ['binnenkort vertrek ik op een reis zonder terugkeer', 'crisis'],
    ['ik wil voorgoed gaan slapen', 'crisis'],
    ['ik ga op reis, kan ik de afspraak verzetten', null],
    ['bedankt voor alles, tot volgende week', null],
    ['ik wil hem achterna fietsen maar mijn knie', null],
    ['mijn man rijdt altijd voor, ik wil hem achterna maar mijn knie doet pijn', null],
    ['als de oefeningen helpen hoort u niets meer van mij', null],
    ['jullie horen niets meer van mij tot na de vakantie', null],
    ['ik ga op reis naar Australie en kom pas over een maand terug', null],
    ['mijn vrouw is vorig jaar overleden, kan ik de afspraak verzetten', null],
    ['dit was mijn laatste reis naar Spanje met deze knie', null],
  ]);
});

describe('a crisis thought in a joke or a practical question: the frame does not hide it', () => {
  expectTiers([
    ['wie zegt mijn afspraak af als ik dood ben?', 'crisis'],
    ["wie belt jullie af als ik er geweest ben, haha", 'crisis'],
    ['hoeveel pillen zijn genoeg? vraagje voor een vriendin', 'crisis'],
    ['hoeveel tabletten oxycodon zijn genoeg, is voor een kennis', 'crisis'],
    ['haha ik spring wel van het dak als het zo doorgaat', 'crisis'],
    ['lol ik spring zo van de brug als die wachtlijst nog langer wordt', 'crisis'],
    ["haha 'k spring nog uit het raam van die rekening", 'crisis'],
    ['haha ik spring wel van blijdschap als ik weer kan lopen', null],
    ['ik spring van de duikplank in het zwembad, mag dat met mijn knie?', null],
    ['ik spring uit bed als de wekker gaat', null],
    ['vraag voor een vriendin: hoeveel paracetamol mag je per dag bij artrose?', null],
    ['wie zegt de afspraak af als ik ziek ben?', null],
  ]);
});

describe('in a booking, a never-again is asked about once; a yes is the crisis text, a no goes on', () => {
  const QUESTION = /^Ik weet niet zeker of ik je goed begrijp/;
  const CRISIS = /^Dank je dat je dit vertelt/;
  it.each<[Locale, string, string, boolean]>([
    ['nl-NL', 'jullie horen niets meer van mij', 'ja, eigenlijk wel', true],
    ['nl-BE', 'ge hoort niks meer van mij', 'nee', false],
    ['nl-NL', 'ik wil hem achterna', 'ja', true],
  ])('%s: "%s", then "%s"', async (locale, message, answer, crisis) => {
    const r = await talk(locale, ['Afspraak maken', 'ja', 'Knie', 'Links', message, answer]);
    expect(r[4].text).toMatch(QUESTION);
    if (crisis) expect(r[5].text).toMatch(CRISIS);
    else expect(r[5].text).not.toMatch(CRISIS);
  });
});
