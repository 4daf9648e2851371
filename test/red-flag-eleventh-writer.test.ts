import { parseConfig } from '../src/config';
import { loadValidatedKnowledge } from '../src/knowledge';
import { RedFlagDetector, type Tier } from '../src/safety';
import { Router } from '../src/understanding/Router';

// The families an eleventh writer's messages (audit14, opened in round 17) showed missed or false,
// in wordings of our own: people who play a sign down, carers typing beside the patient, long
// spoken stories, chat spelling. Dutch as patients in the Netherlands type it and Flemish as
// patients in Belgium do; the tier is what the patient notices (null: no alarm).
const config = parseConfig({});
const kb = loadValidatedKnowledge('knowledge');
const router = new Router(kb, { thresholds: config.router, maxChars: config.maxMessageChars });
const detector = new RedFlagDetector(kb.emergency, kb.language, router.normalizer);
const tierOf = (text: string): Tier | null => detector.detect(text)?.tier ?? null;

/** One test per message: the tier the patient gets (null: no alarm). */
function expectTiers(rows: [string, Tier | null][]): void {
  it.each(rows)('"%s" → %s', (text, tier) => {
    expect(tierOf(text)).toBe(tier);
  });
}

describe('a chest that presses or is pointed at, with sweat and too little air', () => {
  expectTiers([
    ['mijn schoonvader houdt zijn hand op tafel en wijst telkens weer naar zijn borst, hij is zo bleek', '112'],
    ['het knelt ineens rond mijn borstkas', '112'],
    ['ons moeder zweet gelijk een paard en ze krijgt amper lucht, ze wijst naar haar borst', '112'],
    ['sinds een half uurtje pijn op de borts, ik zweet en krijg bijna geen adem', '112'],
    // A chest exercise, a sweaty walk with a breath caught: no alarm.
    ['bij de borstoefening zweet ik flink, is dat normaal?', null],
    ['ik zweet veel bij het fietsen maar mijn adem is prima', null],
  ]);
});

describe('a stroke told in a story: a side that tingles, a leg dragged, writing and speech that fail', () => {
  expectTiers([
    ['mijn rechterbeen is slap sinds het ontbijt en mijn wang slaapt aan die kant ook', '112'],
    ["ons pa sleept zijn been zo mee sinds de koffie, 't is zijn linkerbeen", '112'],
    ['de boodschappenlijst lukt niet meer, het worden alleen krabbels met mijn linkerhand', '112'],
    ['mijn vrouw praat opeens alsof ze lispelt en haar mond hangt', '112'],
    ['zijn spraak is zo onverstaanbaar geworden, sinds een kwartier', '112'],
    // A lisp of long standing, a knee dragged after the operation, a child's scribbles: no alarm.
    ['mijn kleinzoon lispelt een beetje, kan hij ook oefeningen doen?', null],
    ['na de operatie sleep ik mijn knie nog wat mee op de trap, is dat normaal?', null],
    ['mijn kleindochter maakt alleen krabbels op het oefenschema, haha', null],
  ]);
});

describe('after a fall standing fails, told by whoever found the patient', () => {
  expectTiers([
    ['ik vond mijn moeder op de badkamervloer, ze is uitgegleden en rechtstaan lukt haar niet', 'now'],
    ['ben gevallen op de trap, mijn rechterbeen houdt me niet meer', 'now'],
    ["mijn buurman is van de ladder gevallen en zijn knie draagt hem ni meer", 'now'],
    // Standing up is slow in the morning without a fall: no alarm.
    ['opstaan uit de stoel gaat niet zo vlot sinds de artrose, welke oefening helpt?', null],
  ]);
});

describe('the saddle nerves told by what one no longer feels', () => {
  expectTiers([
    ['hij merkt niet meer wanneer hij nat is en zijn rug doet al dagen pijn', 'now'],
    ['ik voel niet of ik in mijn broek plas, sinds mijn hernia opspeelt', 'now'],
    ['bij het afvegen voel ik niks meer aan mijn billen', 'now'],
    // Wiping a table, wet from the rain: no alarm.
    ['na het toilet doe ik mijn oefeningen, is dat goed?', null],
    ['ik merk niet of de oefenmat nat is van het zweet', null],
  ]);
});

describe('breathless after surgery, told by what breathing no longer allows', () => {
  expectTiers([
    ['sinds de knieoperatie van vorige week moet ik stoppen om op adem te komen als ik naar de wc loop', 'now'],
    ['na mijn heupoperatie haal ik vandaag moeilijk adem, ook als ik zit', 'now'],
    ['drie dagen na de operatie lukt de trap niet meer zonder te pauzeren om op adem te komen', 'now'],
    ['ik ben net geopereerd en kan geen trap meer op zonder naar lucht te snakken', 'now'],
    // Walking well again, without stopping for breath: no alarm.
    ['na mijn operatie loop ik weer naar de bakker zonder te stoppen om op adem te komen', null],
    ['na de fysio loop ik de trap op zonder naar adem te happen, top!', null],
  ]);
});

describe('the GP soon: night or rest pain with weight lost, a cancer history, fever with stiff joints', () => {
  expectTiers([
    ['mijn heup doet pijn in de nacht + 4 kilo kwijt', 'soon'],
    ["mijn heup doet snachts pijn en rust helpt ni + vermagerd, gewoon zonder dieet", 'soon'],
    ['de weegschaal geeft ineens 6 kilo minder aan en de pijn in mijn heup houdt me wakker', 'soon'],
    ['als ik lig gaat de pijn niet weg en mijn broek zakt af', 'soon'],
    ['ik ben al vier jaar kankervrij maar nu heb ik pijn in mijn rug die nieuw is', 'soon'],
    ['ik heb 38,5 en al mijn vingers zijn stijf sinds eergisteren', 'soon'],
    // Weight lost on purpose, a stiff knee in the morning without fever: no alarm.
    ['5 kilo kwijt door mijn dieet en mijn knie doet s nachts minder pijn, top', null],
    ['mijn knieen zijn s ochtends stijf, helpt fietsen?', null],
  ]);
});

describe('a crisis told by a neighbour or a child, or as a practical question', () => {
  expectTiers([
    ['mijn buurman gaf me zijn horloge en zijn hond, "voor nadien" zei hij', 'crisis'],
    ['ik ben mijn papieren aan het ordenen voor erna, wie moet ik verwittigen?', 'crisis'],
    ['mijn vader wil al zijn pillen van de hele maand tegelijk nemen, dan is het gedaan zegt hij', 'crisis'],
    ['ik heb mijn slaappillen verzameld en ik denk niet dat ik de afspraken nog nodig ga hebben', 'crisis'],
    ['sinds mijn vrouw er niet meer is wil ik haar gauw achterna, ik heb al wat pillen', 'crisis'],
    ['ze zijn echt better off zonder mij', 'crisis'],
    ['ik hoop elke avond dat ik de volgende ochtend niet haal', 'crisis'],
    // A gift for afterwards at a party, pills sorted for the week, a stiff morning: no alarm.
    ['ik heb mijn pillen van de week in de weekdoos gelegd, is dat handig?', null],
    ['ik hoop dat ik morgen niet meer zo stijf opsta', null],
    ['ik regel alles voor de operatie, en de revalidatie voor daarna ook', null],
  ]);
});

describe('ordinary messages with alarming words stay silent', () => {
  expectTiers([
    ['vorige maand op de spoed geweest met druk op de borst, het bleek mijn maagzuur, mag ik weer oefenen?', null],
    ['wat betekent eigenlijk "cauda equina"? ik las het in een folder', null],
    ['gisteren zag ik op tv iemand met een trombosebeen na een operatie, kan ik dat ook krijgen?', null],
    ['onze pony heeft een dikke warme knie, en ik heb een vraag over mijn eigen knie', null],
  ]);
});
