import { expectTiers } from './helpers/redFlagTiers';

// Signs told by what one can no longer do, often by a carer in the third person, and signs played
// down before or after they are told ("I am probably making a fuss"). Our own wordings, typed as
// patients in the Netherlands and in Flanders type them; the tier is what the patient notices.
describe('words that will not come out, told by whoever sees it', () => {
  expectTiers([
    ['ze krijgt haar woorden er niet uit sinds vanmiddag', '112'],
    ['mijn vader krijgt zijn woorden er sinds een uurtje niet meer uit', '112'],
    ['hij krijgt zijn woorden er niet meer uit', '112'],
    ['ons moeder krijgt haar woorden er ni meer uit', '112'],
    ['ik krijg mijn woorden er niet uit sinds een half uur', '112'],
    // Shyness or nerves is no sign.
    ['ik krijg mijn woorden er niet uit van de zenuwen bij de dokter', null],
  ]);
});

describe('a hand that drops things or cannot hold a cup', () => {
  expectTiers([
    ['hij kan zijn kopje niet vasthouden met rechts', '112'],
    ['ze kan haar glas niet meer vasthouden met haar linkerhand', '112'],
    ['mijn rechterhand laat alles vallen sinds vanochtend', '112'],
    ['zijn linkerhand laat steeds dingen vallen, sinds een uur', '112'],
    // A hand long sore, or clumsiness without a time or a side, is no stroke sign.
    ['ik kan mijn kopje niet vasthouden met rechts door de artrose in mijn vingers', null],
    ['ik kan mijn beker niet goed vasthouden met links, dat heb ik al jaren door reuma', null],
    ['ik laat alles vallen de laatste tijd, ben ik onhandig?', null],
  ]);
});

describe('not getting up after a fall, and water that cannot be held', () => {
  expectTiers([
    ['ik kom niet meer overeind na de val', 'now'],
    ['ze komt niet meer overeind sinds ze gevallen is', 'now'],
    ['ik geraak ni meer recht na mijn val in de badkamer', 'now'],
    ['ik hou mijn plas niet meer op sinds vanmorgen', 'now'],
    ['hij kan zijn plas nie meer houden sinds gisteren', 'now'],
  ]);
});

describe('a sign played down before or after it is told keeps its tier', () => {
  expectTiers([
    ['ik stel me vast aan, maar ik heb druk op mijn borst en ik zweet', '112'],
    ['druk op de borst en klam zweet, zal wel niks zijn', '112'],
    ['ik wil niemand lastigvallen maar mijn mond hangt ineens scheef', '112'],
    ['mijn mondhoek hangt naar beneden sinds vanochtend, het valt vast wel mee', '112'],
    ['het is vast niks ernstigs, maar ik kan sinds de val niet meer op mijn been staan', 'now'],
    ['ik kom niet meer overeind na de val, stel me niet aan hoor', 'now'],
    ["'k wil geen drukte maken, maar ik geraak ni meer recht sinds ik gevallen ben", 'now'],
  ]);
});
