import { expectReplyTiers } from './helpers/replyTiers';
import { bookingKit } from './helpers/bookingScript';
import { expectTiers } from './helpers/redFlagTiers';

// The fourteenth writer's families (audit16, issue 20): patients who use a clinician's words
// (carcinoom, artralgie, a death wish named as such), phonetic and dyslexic spelling, grandchildren
// typing in chat style, a sign inside a permission question, a sign as one line of a list. Our own
// wordings of each family, typed as patients in the Netherlands and in Flanders type them, with
// ordinary messages that must stay silent. The rules alone, so no row passes by the crisis net.

describe('a stroke told with a side in two words, a tongue that feels wrong, words that fail', () => {
  expectTiers([
    ['sinds het ontbijt is mijn linker kant zo slap en mijn tong voelt raar', '112'],
    ['oma haar rechter zijde is gevoelloos en ze zegt dat haar tong gek doet', '112'],
    ['mn tong doet vreemd en mijn rechterarm wil niet', '112'],
    ['mijn linkerhand tintelt en de woorden willen niet goed', '112'],
    // A list, one sign a line.
    ['dit heb ik nu:\n- rechts arm en been doof\n- praten lukt slecht\nmag ik morgen komen?', '112'],
    ['klachten:\n1) tintelingen links hand en voet\n2) zinnen lukken niet\nis dat voor jullie?', '112'],
    // Tongue, words, a side of the knee: ordinary.
    ['mijn tong voelt raar na de tandarts, mag ik gewoon oefenen?', null],
    ['de woorden van de oefening lukken niet in mijn hoofd te houden, hebben jullie een filmpje?', null],
    ['de linker kant van mijn knie doet pijn bij de trap', null],
  ]);
});

describe('someone who no longer responds, told as it sounds or as a carer sees it', () => {
  expectTiers([
    ['mijn vrouw ligt op de grond en is buite bewust zijn', '112'],
    ['opa is bewusteloss in de badkamer', '112'],
    ['mijn vader zakte in zijn stoel, hoofd voorover, en hij knijpt niet terug', '112'],
    ['moeder viel opeens stil aan tafel en drukt niet meer in mijn hand', '112'],
    // Squeezing as an exercise, a quiet grandchild: ordinary.
    ['mijn hand knijpt niet zo hard in de bal als vroeger, welke oefening helpt?', null],
    ['de klas viel stil toen ik binnenkwam met mijn krukken', null],
  ]);
});

describe('a death wish named, a height looked up, all the pills to be rid of it for good', () => {
  expectTiers([
    ['ik heb al weken een doodswens en het wordt sterker', 'crisis'],
    ['mijn psycholoog noemt het doodsgedachten, ik heb ze elke avond', 'crisis'],
    ['ik heb gegoogeld hoe hoog die brug bij ons is', 'crisis'],
    ['als ik alle pillen in een keer slik ben ik voor altijd van niks meer last, toch?', 'crisis'],
    ['ik heb mijn eigen gesneden met een mesje, ik kan het niet meer aan', 'crisis'],
    ['kan ik alle afspraken voor altijd afzeggen? ik ben niet van plan nog lang te blijven', 'crisis'],
    // Looking up a height for a walk, cancelling because of a move: ordinary.
    ['ik heb opgezocht hoe hoog de trap in het nieuwe huis is, kan ik dat aan met mijn knie?', null],
    ['ik verhuis naar Spanje, mag ik de afspraken voor altijd afzeggen? ik blijf hier niet lang meer', null],
    ['ik heb me gesneden met een mesje bij het koken, mag ik zwemmen?', null],
  ]);
});

describe('a fall, the bladder, a hot joint, a new knee, breath: told in English, in chat, or asking leave', () => {
  expectTiers([
    ['gevallen op de trap en ik kan no way op die voet steunen', 'now'],
    ['fell off my bike this morning, weight bearing is not possible', 'now'],
    ['mag ik wachten tot maandag? ik voel mijn plas niet meer aankomen en mijn rug doet zeer', 'now'],
    ['na de prik in mijn knie is die warm en rood, is dat normaal?', 'now'],
    ['mijn knie is dik en warm en ik heb koud en heet door elkaar', 'now'],
    ['mn ehup is heet en rood en ik heb koorts', 'now'],
    ['nieuwe heup 10 dagen, het verband wordt groen en stinkt', 'now'],
    ['sinds de operatie ben ik zo benauwd dat ik amper de trap op kom', 'now'],
    ['na mijn knieprothese moet ik ineens om de paar woorden naar adem happen', '112'],
    ['sinds vanochtend moet ik na elke twee woorden stoppen om adem te halen', 'now'],
    // Everyday talk of the same words.
    ['mijn verband zit te strak na de operatie, mag ik het losser doen?', null],
    ['mijn kleinzoon heeft het koud en warm na het voetballen, mag hij mee naar de les?', null],
    ['ik was zo benauwd dat ik te laat zou komen, sorry', null],
    ['krijg ik een injectie in mijn knie of eerst oefeningen?', null],
  ]);
});

describe('a joint sign in a doctor\'s word, told as the writer\'s own', () => {
  expectTiers([
    ['volgens mij is mijn nieuwe heup geluxeerd, hij staat heel raar', 'now'],
    ['huisarts denkt aan septische artritis van mijn knie, moet ik dan nog komen?', 'now'],
    // A question in general, or long ago.
    ['is een septische artritis erg?', null],
    ['mijn schouder is vorig jaar geluxeerd, mag ik zwemmen?', null],
  ]);
});

describe('weight and cancer in a grandchild\'s or a clinician\'s words, fever with joint pain', () => {
  expectTiers([
    ['oma heeft pijn in haar knie s nachts ook in bed en ze is echt mager geworden idk', 'soon'],
    ["'s nachts houdt mijn heup me wakker en mijn broeken zijn veel te ruim geworden", 'soon'],
    ['s nachts pijn in de heup, de weegschaal geeft nog maar 61', 'soon'],
    ['Voorgeschiedenis: prostaatcarcinoom. Sinds kort nieuwe pijn in mijn rug en heup, mag ik starten?', 'soon'],
    ['ik heb een melanoom gehad en nu potpijn in mijn dij', 'soon'],
    ['Temp 38,2 en artralgie in meerdere gewrichten sinds gisteren', 'soon'],
    // Weight lost on purpose, a cancer cleared long ago, clothes that fit again.
    ['ik ben door mijn dieet zo dun geworden, en s nachts slaap ik slecht van mijn heup', null],
    ['ik heb de weegschaal gekocht die jullie aanraden, welke oefening doe ik het eerst?', null],
    ['mijn gewicht staat op 95 en ik heb s nachts pijn in mijn knie, helpt afvallen?', null],
    ['mijn knie is stijf na het fietsen, mag ik morgen weer?', null],
  ]);
});

const { talk } = bookingKit();

describe('the bot answers these families in either country', () => {
  expectReplyTiers(talk, [
    ['nl-NL', 'mijn vrouw ligt op de grond en is buite bewust zijn', '112'],
    ['nl-BE', 'mn tong doet vreemd en mijn rechterarm wil niet', '112'],
    ['nl-NL', 'ik heb al weken een doodswens en het wordt sterker', 'crisis'],
    ['nl-BE', 'ik heb mijn eigen gesneden met een mesje, ik kan het niet meer aan', 'crisis'],
    ['nl-NL', 'gevallen op de trap en ik kan no way op die voet steunen', 'now'],
    ['nl-BE', 'mn ehup is heet en rood en ik heb koorts', 'now'],
  ]);
});
