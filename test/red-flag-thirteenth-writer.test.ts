import { expectReplyTiers } from './helpers/replyTiers';
import { bookingKit } from './helpers/bookingScript';
import { expectTiers } from './helpers/redFlagTiers';

// The thirteenth writer's families (audit15, issue 20): people for whom Dutch is a second
// language, regional spelling (Limburgs, Brabants, West-Vlaams), formal letters, a sign inside a
// practical request, time told loosely. Our own wordings of each family, typed as patients in the
// Netherlands and in Flanders type them, with ordinary messages that must stay silent. The tier is
// what the patient notices; the rules alone, so no row passes by the crisis net.

describe('a relative who does not answer after a fall, told in a second language', () => {
  expectTiers([
    ['mijn man ligt languit op de vloer, hij praat niet, ik schud hem maar er komt niks', '112'],
    ['mijn opa is gevallen op de trap, ik roep hem maar hij reageert niks', '112'],
    ['ons moeder is op de keukenvloer gevallen en is ni wakker, ze antwoordt ni', '112'],
    ['my father fell down, hij is niet wakker and he does not respond', '112'],
    // Not talking without a fall is no sign.
    ['mijn man praat niet meer tegen me sinds de ruzie, hoe hou ik mijn knie in beweging?', null],
  ]);
});

describe('a stroke told as a side that sags, limbs that do not obey, a thick tongue, a hand that let go', () => {
  expectTiers([
    ['net bij het koken zakte mijn linkerkant ineens weg, arm en been willen niet mee', '112'],
    ['mijn vent zijn rechterkant zakt plots weg, zijn tong is zo dik', '112'],
    ['sinds vanmiddag voelt mijn tong dik en mijn rechterarm wil niet', '112'],
    ['zonet liet mijn rechterhand een kopje vallen en dat blijft zo', '112'],
    ["z'n linkerarm hangt ineens slap en 'k versta nie wat hij zegt", '112'],
    // A hip that gives way on one side, or a hand long sore, is osteoarthritis.
    ['mijn heup zakt weg aan de rechterkant als ik op één been sta, welke oefening helpt?', null],
    ['gisteren liet mijn linkerhand een bord vallen, dat komt door de artrose in mijn duim', null],
  ]);
});

describe('no air, in Limburgs or Brabants spelling', () => {
  expectTiers([
    ['ik kriej gein loch en mien bors duit pien', '112'],
    ['ik krieg gin asem sinds vanochtend', '112'],
    ['ik heb gein zin in oefeningen vandaag', null],
  ]);
});

describe('the will to live gone, in a letter or in dialect', () => {
  expectTiers([
    ['Geachte heer, mevrouw. Hierbij deel ik u mee dat ik geen kracht meer heb om verder te gaan met het leven. Hoogachtend', 'crisis'],
    ["'k heb gene goesting mi om te leven", 'crisis'],
    ['ik zou liever nie mi wakker worden', 'crisis'],
    ["ich dink d'r aan um d'r oet te stappe", 'crisis'],
    // A dialect word added for a family must not shadow how another word is read ("leve" is read as "leven").
    ['ik wil echt nie meer leve zo', 'crisis'],
    ['ik grijp naar een scheermesje als alles me te zwaar wordt', 'crisis'],
    ['I do cutting when it gets too much', 'crisis'],
    // Stopping the exercises, or leaving a club, is no crisis.
    ['Geachte, ik heb geen moed meer om door te gaan met de oefeningen op dinsdag. Hoogachtend', null],
    ['ik denk eraan om uit de fietsclub te stappen', null],
  ]);
});

describe('bowel or bladder no longer ruled, or no feeling between the legs, with back pain', () => {
  expectTiers([
    ['al een week rugpijn en sinds vanmiddag ben ik mijn plas niet meer de baas', 'now'],
    ['rugpijn en ik ben mijn stoelgang ni meer de baas', 'now'],
    ['benen slap en plas liep zomaar weg, rug doet zeer', 'now'],
    ['ik voel tussen mijn benen niets sinds gisteren en mijn rug is pijnlijk', 'now'],
    ['ik voel niks als ik me afveeg, rugpijn', 'now'],
    ['mijn kleinzoon laat zijn plas lopen in het zwembad', null],
    ['ik kan mijn baas niet meer aan, mijn rug doet zeer', null],
  ]);
});

describe('a glowing joint with drowsiness or cold, a swollen calf in dialect', () => {
  expectTiers([
    ['bij mijn vader gloeit de knie en is die rood, hij is sufferig', 'now'],
    ['de knie voelt heet, ik heb het steeds koud', 'now'],
    ['sinds de operatie is mijn kuute gezwollen en heet', 'now'],
    ['mijn knie is wat rood van het knielen, verder voel ik me goed', null],
  ]);
});

describe('night pain with weight gone, a new pain after treated cancer, fever with a tender joint', () => {
  expectTiers([
    ["heup doet 's nachts pijn en ik ben 5 kilo lichter, ik eet normaal", 'soon'],
    ["Geachte, ik heb 's nachts pijn in mijn knie, ook in rust, en de weegschaal toont minder", 'soon'],
    ['pain every night in my hip, en 4 kilo kwijt', 'soon'],
    ['nachtpijn, ook in rust, en 5kg kwijt sinds de zomer', 'soon'],
    ['drie jaar terug bestraald voor borstkanker; sinds kort een onbekende pijn in de heup', 'soon'],
    ['ik heb 38,4 en mijn heup is gevoeliger', 'soon'],
    ['a bit feverish and my hips ache more', 'soon'],
    // Weight lost on purpose, or a treated cancer without pain, is no sign.
    ['door mijn dieet 5 kilo kwijt, soms nachtpijn, mag ik zwemmen?', null],
    ['vorig jaar behandeld voor darmkanker, nu helemaal schoon, vraag over fietsen', null],
  ]);
});

describe('an event told with a loose past time, over and treated, is no alarm; back again it is', () => {
  expectTiers([
    ['mijn buurvrouw is vorig jaar bewusteloos gevonden door haar suiker en nu is ze weer helemaal goed, mag zij mee naar de groepsles?', null],
    ['vorig jaar had ik een trombosebeen en nu is het weer goed, mag ik hardlopen?', null],
    ['vorig jaar een trombosebeen, nu weer pijn en dik in mijn kuit', 'now'],
  ]);
});

const { talk } = bookingKit();

describe('the bot answers these families in either country', () => {
  expectReplyTiers(talk, [
    ['nl-NL', 'excuus voor mijn taal, mijn zus viel van de stoel, ze is niet wakker en praat niet', '112'],
    ['nl-BE', 'mijn vent zijn rechterkant zakt plots weg, zijn tong is zo dik', '112'],
    ['nl-NL', 'Geachte heer, mevrouw. Ik heb geen kracht meer om verder te gaan met het leven. Hoogachtend', 'crisis'],
    ["nl-BE", "'k heb gene goesting mi om te leven", 'crisis'],
    ['nl-NL', 'al een week rugpijn en sinds vanmiddag ben ik mijn plas niet meer de baas', 'now'],
    ['nl-BE', 'rugpijn en ik ben mijn stoelgang ni meer de baas', 'now'],
  ]);
});
