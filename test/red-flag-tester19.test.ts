import { bookingKit, type Locale } from './helpers/bookingScript';
import { expectReplyTiers } from './helpers/replyTiers';

// A nineteenth patient-style test (tester 19, issue 20) found emergencies the bot let pass: an
// elderly person suddenly confused with fever, written with the everyday words for confusion
// rather than the one the rules knew; a temperature typed with a decimal point, as English phone
// keyboards type it; and weight lost "without a diet" beside night pain. The wordings here are our
// own, typed as patients in the Netherlands (nl-NL) and in Belgium (nl-BE, Flemish) type them, each
// family with the everyday messages that must stay silent. What is asserted is the reply the
// patient reads: the instruction of the tier, or no alarm at all (null).

const { talk } = bookingKit();
/** One test per message: the reply opens with the tier's instruction (null: no alarm in it). */
const expectTiers = (rows: Parameters<typeof expectReplyTiers>[1]): void => expectReplyTiers(talk, rows);

describe('weight lost without trying, beside pain at night, is the GP this week', () => {
  expectTiers([
    ['nl-NL', 'sinds de zomer 6 kilo kwijt zonder op dieet te zijn, en mijn heup houdt me s nachts wakker', 'soon'],
    ['nl-NL', 'ik eet gewoon normaal maar ben toch 5 kilo lichter en heb nachtpijn in mijn knie', 'soon'],
    ['nl-NL', 'zonder te lijnen 5 kilo minder en s nachts pijn in de heup', 'soon'],
    ['nl-NL', "ik ben zonder dieet 6 kilo afgevallen en heb 's nachts veel pijn in mijn knie", 'soon'],
    ['nl-BE', 'k zijn 6 kilo kwijt zonder dieet en heb snachts pijn aan mijn heup', 'soon'],
    ['nl-BE', 'ik ben vanzelf 4 kilo kwijtgeraakt en lig s nachts wakker van mijn knie', 'soon'],
    ['nl-BE', 'ik val zomaar af, al 6 kilo, en s nachts doet mijn heup zeer', 'soon'],
    // Weight lost on purpose, or asked about as advice: no alarm.
    ['nl-NL', 'ik ben met een dieet 5 kilo kwijt en mijn knie is beter', null],
    ['nl-NL', 'hoeveel kilo moet ik afvallen zodat mijn knie s nachts minder pijn doet?', null],
    ['nl-BE', 'ik wil afvallen zonder dieet, heb s nachts last van mijn heup', null],
    ['nl-NL', 'ik ben zonder dieet afgevallen en heb geen nachtpijn meer', null],
  ]);
});

describe('a temperature typed with a decimal point reads as the one typed with a comma', () => {
  expectTiers([
    ['nl-NL', 'mijn knie is warm, rood en opgezet en de thermometer geeft 38.8', 'now'],
    ['nl-NL', 'heup sinds gisteren dik en rood, koorts 39.4', 'now'],
    ['nl-NL', 'knie opgezet en rood,38.9 gemeten', 'now'],
    ['nl-NL', 'mijn knie is rood en gezwollen, ik zit op 39.2°', 'now'],
    ['nl-BE', 'mijne knie staat dik en is rood, ik heb 39.3 graden', 'now'],
    ['nl-BE', 'ons ma haar heup is rood en warm en ze heeft 38.6C', 'now'],
    ['nl-BE', 'knie is dik en rood en voelt heet, 39.0 °C gemeten', 'now'],
    // Dates, times, prices, weights, distances and scores with a point are no temperature.
    ['nl-NL', 'mijn knie is wat dik en rood na het sporten, afspraak op 12.11 om 20.30 uur?', null],
    ['nl-NL', 'mijn knie was rood en dik, hoeveel kost de brace, 39.50 euro?', null],
    ['nl-NL', 'mijn kleindochter weegt 39.5 kg en haar knie is rood en opgezet na het hockeyen', null],
    ['nl-BE', 'na 40.5 km fietsen is mijn knie wat rood en dik', null],
    ['nl-BE', 'mijn knie is dik en rood, mijn score op de vragenlijst was 38.5', null],
  ]);

  it.each<[Locale, string, string]>([
    ['nl-NL', 'mijn knie is sinds vanochtend rood en opgezet', 'en ik heb 38.9'],
    ['nl-BE', 'mijn heup is rood en dik', 'temperatuur 39.2'],
  ])('%s: "%s" then "%s" → a doctor today', async (locale, first, second) => {
    const replies = await talk(locale, [first, second]);
    expect(replies.at(-1)?.text).toMatch(/vandaag nog door een (arts|dokter)/);
  });
});

describe('an elderly person newly confused, or confused with a fever, is a doctor today', () => {
  expectTiers([
    ['nl-NL', 'mijn schoonvader (88) is sinds vannacht helemaal in de war en heeft 38,9', 'now'],
    ['nl-NL', 'oma is erg in de war en gloeit van de koorts', 'now'],
    ['nl-NL', 'mijn vader herkent ons niet meer sinds vanmiddag', 'now'],
    ['nl-NL', 'mijn moeder ijlt, ze heeft 39.4', 'now'],
    ['nl-NL', 'opa zegt sinds vanochtend de vreemdste dingen en heeft koorts', 'now'],
    ['nl-NL', 'mijn man weet sinds vanmorgen niet meer welke dag het is en is warm en koortsig', 'now'],
    ['nl-BE', 'onze pa is de kluts totaal kwijt sinds vanmorgen', 'now'],
    ['nl-BE', 'ons moeder is sinds gisteren precies nie meer mee en ze heeft koorts', 'now'],
    ['nl-BE', 'mijne vader is helemaal in de knoop sinds deze voormiddag, hij weet niet waar hij is', 'now'],
    ['nl-BE', 'bomma ziet sinds vannacht beestjes die er nie zijn en heeft 38,6', 'now'],
    // Known dementia, with a fever only when the confusion is new today.
    ['nl-NL', 'mijn vader heeft alzheimer en is sinds vanochtend veel verwarder, hij heeft 38,8', 'now'],
    // Sudden confusion keeps its 112, and so does confusion with stroke signs.
    ['nl-NL', 'mijn moeder is plots heel verward en heeft koorts', '112'],
    ['nl-BE', 'mijn pa is sinds een half uur in de war en zijn mond hangt scheef', '112'],
    // Confused by a leaflet or the exercises, long-standing dementia named in passing: no alarm.
    ['nl-NL', 'ik raak telkens in de war van al die oefeningen, welke moet ik eerst doen?', null],
    ['nl-NL', 'de folder over koorts na de operatie brengt me in de war', null],
    ['nl-NL', 'mijn moeder heeft dementie, mag ze mee naar de eerste afspraak?', null],
    ['nl-NL', 'mijn vader is dement en vaak in de war, vorige week had hij wat koorts, kan hij toch oefenen?', null],
    ['nl-BE', 'ik ben de kluts kwijt met al die afspraken, wanneer was de mijne weer?', null],
    ['nl-BE', 'ik zit wat in de knoop met mijn planning, kan ik verzetten?', null],
    ['nl-BE', 'ik kan nie meer mee met de groepsles, is er een trager groepje?', null],
  ]);
});

// A suspected hip fracture after a fall (a leg turned outward or shorter, cannot stand) is a
// question for the clinicians (112 or a doctor today); until they answer it stays at least a
// doctor today in every wording.
describe('a fall with a leg turned or shorter is at least a doctor today', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'oma is uitgegleden en haar been staat naar buiten gedraaid en lijkt korter'],
    ['nl-NL', 'mijn vader is gevallen, zijn been is korter en draait naar buiten'],
    ['nl-NL', 'mijn moeder (90) is gevallen en haar been ligt in een rare hoek'],
    ['nl-NL', 'mijn oma is gevallen en gilt van de pijn in haar heup, ze kan niet meer staan'],
    ['nl-BE', 'ons moeder is gevallen, haar been ligt scheef en ze kan nie recht'],
    ['nl-BE', 'bompa is in de badkamer gevallen, zijn voet wijst raar opzij en hij kan nie op zijn been staan'],
  ])('%s: "%s"', async (locale, message) => {
    const [r] = await talk(locale, [message]);
    expect(r.text).toMatch(/^(Bel nu 112|Wat je (vertelt|beschrijft),? moet vandaag nog door een (arts|dokter))/);
  });
});
