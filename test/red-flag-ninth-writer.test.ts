import { expectTiers, redFlagDetector } from './helpers/redFlagTiers';

// The families a ninth writer's messages (audit13, opened in round 15) showed missed or false, in
// wordings of our own: Dutch as patients in the Netherlands type it and Flemish as patients in
// Belgium do. The detector reads both the same way; the tier is what the patient notices.
const detector = redFlagDetector();

describe('a stroke told by whoever sees it: odd words, an arm or a side that fails', () => {
  expectTiers([
    // nl-BE: the Flemish verb for talking, said of someone.
    ["mijn schoonvader kan zijn linkerarm nie meer optillen en hij klapt vreemd, 't is net begonnen", '112'],
    ['onze pa klapt ineens zo raar en zijn rechterhand doet niks meer', '112'],
    // nl-NL: only odd sounds come out when one tries to speak.
    ['mijn moeder probeerde iets te vertellen maar er kwamen enkel vreemde klanken uit', '112'],
    ['er komen rare woorden uit haar mond en ze helt steeds naar rechts over', '112'],
    ['mijn man gaf antwoord in zinnen die nergens op sloegen en hij liet zijn kopje uit zijn rechterhand vallen', '112'],
    ['mijn vader wil iets zeggen maar het komt er helemaal verkeerd uit en zijn arm hangt slap', '112'],
    ['mijn moeder antwoordt met onzin sinds vanmiddag', '112'],
    // An arm that will not go up any more, since a quarter of an hour or suddenly (Flemish and Dutch).
    ['ons ma kan haar linkerarm nie meer opheffen, sinds een kwartier', '112'],
    ['hij krijgt zijn arm ineens niet meer omhoog', '112'],
    ['ik krijg mijn arm niet meer omhoog door mijn frozen shoulder, al maanden', null],
    // Dropping things from one hand since an hour ago.
    ['hij laat steeds dingen uit zijn linkerhand vallen sinds een uur', '112'],
    ['ik kan mijn kopje niet meer vasthouden door de artrose in mijn vingers', null],
    // A knee "clicks" with the same verb; a bill makes no sense; starting the exercises is no sudden start.
    ['mijn knie klapt raar bij de trap en mijn hand tintelt', null],
    ['de factuur heeft bedragen die nergens op slaan, en mijn hand doet pijn', null],
    ['ik ben net begonnen met de oefeningen, mag ik ook fietsen?', null],
  ]);
});

describe('a wish to die told beside a fall or a feared diagnosis: the crisis wins, the other sign stays', () => {
  expectTiers([
    ['ik lig naast mijn bed en kan niet meer recht, ik hoop eigenlijk dat niemand mij komt halen', 'crisis'],
    ["k'zijn gevallen in de badkamer en ik hoop dat geen mens mij vindt", 'crisis'],
    ['ik lig op de grond en wil niet dat iemand me vindt', 'crisis'],
    ['mocht het een tumor blijken, dan kap ik ermee', 'crisis'],
    ['als het kwaadaardig is dan doe ik het zelf wel, ik zie het al weken niet meer zitten', 'crisis'],
    ['mocht het uitgezaaid zijn, dan neem ik al mijn pillen in', 'crisis'],
    ['als de uitslag slecht is stop ik ermee, met alles', 'crisis'],
    // Stopping with the therapy, or no feared diagnosis: no crisis.
    ['als de uitslag slecht is, stop ik met de fysio', null],
    ['als het kanker is, hoe lang duurt de behandeling? dan stop ik met fysio', null],
    ['als het geen kanker is, stop ik met de scans', null],
    ['ik viel op straat en hoopte dat niemand me zag', null],
    ['ik wil niet dat iemand me ziet met mijn rollator', null],
  ]);

  it('a fall one cannot stand up from keeps its own tier beside the crisis', () => {
    const tiers = detector.everyTierByRules('ik ben gevallen en kan niet meer op mijn been staan, ik hoop dat niemand me vindt').map((f) => f.tier);
    expect(tiers).toEqual(['crisis', 'now']);
  });
});

describe('a fall and the leg that will not carry, typed in a hurry', () => {
  expectTiers([
    ['uitgegleden in de douche, ik krijg mijn rechterbeen nie meer onder mij', 'now'],
    ['gestruikeld over de mat en kan neit meer op mijn heup staan', 'now'],
    ['van de trap gevallen, kan nit meer op mijn voet staan', 'now'],
    ['ik ben nit gevallen, mijn knie is stijf als ik opsta', null],
  ]);
});

describe('stool or urine lost without noticing, told politely as an accident', () => {
  expectTiers([
    ['ik had vanmorgen een ongelukje in mijn broek, mijn onderrug doet al weken zeer', 'now'],
    ['er zat poep in mijn onderbroek zonder dat ik het doorhad, en mijn rug is stijf', 'now'],
    ["'k heb vandaag een accidentje gehad met de stoelgang en mijne rug doet zeer", 'now'],
    // A child's accident, a bicycle accident.
    ['mijn kleinzoon had een ongelukje met de plas, mag hij mee naar de afspraak?', null],
    ['ik had vorig jaar een ongeluk met de fiets, kan ik nu weer beginnen met fietsen?', null],
  ]);
});

describe('a new hip or knee whose pain is suddenly much worse', () => {
  expectTiers([
    ['mijn kunstknie deed het goed, maar sinds gisteravond is de pijn ineens heftig, zelfs in rust', 'now'],
    ['drie maanden na mijn nieuwe heup doet hij nu meer pijn dan vlak na de operatie', 'now'],
    ["mijne nieuwe heup: vannacht werd het opeens stukken erger, 'k kan er nie van slapen", 'now'],
    // Some pain after exercise, or a prosthesis still to come.
    ['mijn nieuwe knie doet nog wat pijn na het fietsen, is dat normaal?', null],
    ['ik krijg binnenkort een nieuwe heup, de pijn is ineens erger', null],
  ]);
});

describe('fever, cancer told before, and not really ill: the soon tier', () => {
  expectTiers([
    // The Flemish word for pain grown onto where it hurts; an old cancer keeps counting.
    ["vijf jaar terug had ik darmkanker, nu al een maand heupzeer da'k nie ken", 'soon'],
    ['sinds eergisteren boven de 38 en al mijn gewrichten doen pijn', 'soon'],
    ['ik meet steeds rond de 39 en mijn knieën zijn pijnlijk', 'soon'],
    // Fever and sore joints but not feeling really ill: the GP within days, not today.
    ['koorts sinds gisteren en mijn knieën doen zeer, ik voel me niet zo ziek hoor', 'soon'],
    ['koorts en pijnlijke knieën en ik voel me echt ziek', 'now'],
    // An age, not a temperature.
    ['ik ben tegen de 38 jaar en mijn knie doet pijn', null],
  ]);
});

describe('heavy everyday idiom: a heart attack at a bill, choking with laughter, "Spanish" breathless with nerves', () => {
  expectTiers([
    ['ik krijg haast een beroerte van de prijs van jullie sessies', null],
    ['mijn vrouw krijgt nen hartaanval als ze die factuur opent, klopt dat bedrag?', null],
    ['wij stikten van het lachen bij de groepsles, wanneer is de volgende?', null],
    ['ik stik van de warmte in jullie oefenzaal, kan het raam open?', null],
    ['ik krijg het Spaans benauwd van die wachtlijst voor mijn heup', null],
    // The same words with the sign itself stay an alarm.
    ['ik krijg een hartaanval als ik de trap oploop, mijn borst knelt', '112'],
    ['ik stik bijna, zo benauwd, ik krijg geen lucht', '112'],
    ['ik krijg het spaans benauwd en ik heb pijn op de borst', '112'],
  ]);
});

describe('a sign asked about in general, read in a folder or on tv, or dying of it in a book', () => {
  expectTiers([
    ['welke zijn de signalen dat een knieprothese geinfecteerd is?', null],
    ['stel je krijgt tijdens het fietsen druk op de borst, wat doe je dan?', null],
    ['op de radio zeggen ze dat je bij een hangende mondhoek 112 moet bellen, klopt dat?', null],
    ['in de serie die ik volg overlijdt de moeder plots aan een bloedprop, kan dat na een knieoperatie?', null],
    // The writer's own sign after it still counts.
    ['ik heb alle tekenen dat mijn prothese ontstoken is, hij is rood en warm', 'now'],
    ['op de website staat dat je moet bellen bij koorts. Ik heb nu 39 koorts en mijn nieuwe knie is rood', 'now'],
    ['ik heb een longembolie en sterf bijna van angst', 'now'],
  ]);
});

// A review of round 15 found the set-aside readings of saf15 for pain as ever, treatment that
// helped, a question someone asked, and animals wiping out current signs elsewhere in the message
// ("ik heb pijn op de borst en zweet. de huisarts heeft mijn medicatie aangepast, sindsdien was het
// goed"): they were taken out, and what they set aside is an alarm again. The guards stay.
describe('cancer long ago: pain at night or a new pain still sends to the GP', () => {
  expectTiers([
    // Pain at night or a new kind of pain still sends to the GP.
    ['prostaatkanker gehad in 2015, mijn heup doet pijn zoals altijd, maar nu ook elke nacht', 'soon'],
    ['ik had darmkanker en mijn knie doet pijn, niet zoals altijd', 'soon'],
  ]);
});

describe('a sign a doctor treated: a sign told beside it is still an alarm', () => {
  expectTiers([
    // A new sign after the treatment, or a faint without a doctor: still an alarm.
    ['ik heb 3 maanden bloedverdunners genomen en het is weg, maar nu is mijn andere kuit dik en warm', 'now'],
    ['ik ben vanmorgen flauwgevallen in de keuken', '112'],
  ]);
});

describe('a question someone asked: a yes or a sign of ones own is still an alarm', () => {
  expectTiers([
    // A yes, or a sign of one's own before the question: still an alarm.
    ['de dokter vroeg of ik pijn op de borst had. Ja, sinds vanochtend', '112'],
    ['ik heb pijn op de borst en de dokter vroeg of ik zweet. Nee.', '112'],
  ]);
});

describe("an animal in the story: the patient's own knee is a sign", () => {
  expectTiers([
    // The writer's own knee after the dog knocked them over stays a sign.
    ['mijn hond heeft me omver gelopen, nu is mijn knie dik en warm', 'soon'],
    ['de hond liep me omver en nu is mijn knie dik en warm', 'soon'],
  ]);
});

describe('the review of round 15: current signs beside a treatment, a question asked, an animal or a folder', () => {
  expectTiers([
    ['ik ben kortademig en heb druk op mijn borst. vorig jaar heb ik maanden bloedverdunners gehad en de trombose was weg', '112'],
    ['mijn knie is dik, rood en gloeiend en ik voel me koortsig. eerder heb ik weken antibiotica gehad en het was over', 'now'],
    ['de huisarts vroeg of mijn kuit dik was. nee, maar hij is wel heel pijnlijk, rood en warm sinds de operatie', 'now'],
    ['ik doe vrijwilligerswerk bij een asiel voor honden, mijn knie is sinds gisteren heet en opgezwollen en ik heb 38,5', 'now'],
    ['ik had vroeger borstkanker, de pijn in mijn knie is als altijd, maar in mijn rug zit sinds kort een nieuwe pijn', 'soon'],
    ['in de krant schreven ze dat je bij druk op de borst 112 moet bellen, dat voel ik nu al een kwartier', '112'],
  ]);
});
