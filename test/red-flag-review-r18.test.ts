import { bookingKit, type Locale } from './helpers/bookingScript';
import { expectTiers } from './helpers/redFlagTiers';

// A review of round 18's merged change: rules that fired on ordinary messages (a bruise beside cold
// hands, a relative who "does not talk much", "cutting edge") and a crisis restated that was taken
// as "you misread me". The reviewer's sentences, and our own variants of each family.
const { talk } = bookingKit();

describe('the colour and the cold of the limb itself, not anywhere in the message', () => {
  expectTiers(
    [
      ['Ik heb een blauwe plek op mijn been en mijn handen zijn koud, mijn knie doet pijn', null],
      ['Na het zwemmen zijn mijn voeten koud en blauw, en mijn heup doet pijn', null],
      ['mijn tenen zijn wit en koud, dat heb ik altijd, en mijn knie doet pijn', null],
      ['blauwe teennagel en koude handen, verder gaat het goed met mijn knie', null],
      ['mijn voet is ineens ijskoud en wit en doet heel veel pijn', '112'],
      ['mijn been is koud en bleek en het doet pijn sinds vanmiddag', '112'],
      ['koude witte voet sinds een uur, ik voel mijn tenen niet meer', '112'],
    ],
    true,
  );
});

describe('a relative who does not talk much is no unconscious person; one who does not answer is', () => {
  expectTiers(
    [
      ['Ik ben gisteren gevallen met de fiets, mijn knie is blauw. De huisarts antwoordt niet op mijn mail', null],
      ['Mijn moeder is gevallen maar het gaat goed, ze praat niet graag over haar oefeningen', null],
      ['Mijn opa is gevallen, hij reageert wel maar praat niet veel', null],
      ['mijn man is gevallen en praat niet meer', '112'],
      ['moeder gevallen, ze antwoordt niet als ik roep', '112'],
      ['opa ligt op de grond, ik schud hem maar er komt niks', '112'],
    ],
    true,
  );
});

describe('"cutting" only said of oneself', () => {
  expectTiers(
    [
      ['cutting edge behandeling voor artrose, bestaat dat?', null],
      ['is er iets cutting-edge tegen heupartrose?', null],
      ['ik ben weer aan het cutten als het te veel wordt', 'crisis'],
    ],
    true,
  );
});

describe('a crisis restated is not taken as "you misread me"', () => {
  it.each<[Locale, string, string]>([
    ['nl-NL', 'ik ben klaar met alles', 'ik bedoel dat ik klaar ben met alles'],
    ['nl-BE', 'ik ben klaar met alles', 'ik bedoelde klaar met alles'],
  ])('%s: "%s", then "%s"', async (locale, first, second) => {
    const r = await talk(locale, [first, second]);
    expect(r[1].text).not.toMatch(/verkeerd (begrepen|verstaan)/);
  });
});
