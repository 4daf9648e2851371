import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../src/config';
import { SUPPORTED_LOCALES } from '../src/config/AppConfig';
import { formatProblem, lintKnowledge, lintReviews, loadKnowledge, loadValidatedKnowledge, reviewStates } from '../src/knowledge';
import { I18nextTranslator } from '../src/i18n/Translator';
import { RedFlagDetector, SafetyTexts, TIERS, expandAlternatives, moreUrgent, type Tier } from '../src/safety';
import { Router } from '../src/understanding/Router';

const config = parseConfig({});
const kb = loadValidatedKnowledge('knowledge');
const router = new Router(kb, { thresholds: config.router, maxChars: config.maxMessageChars });
const detector = new RedFlagDetector(kb.emergency, kb.language, router.normalizer);
const tierOf = (text: string): Tier | null => detector.detect(text)?.tier ?? null;

describe('red-flag detection (src/safety)', () => {
  it.each<[string, Tier]>([
    // 112: chest, stroke, collapse, heavy bleeding
    ['ik heb sinds tien minuten een beklemmend gevoel op mijn borst en ik ben kortademig', '112'],
    ['mijn vrouw praat ineens heel onduidelijk en haar mondhoek hangt', '112'],
    ['mn vader is net flauwgevallen in de keuken', '112'],
    ['de snee in mijn hand blijft maar bloeden, het houdt niet op', '112'],
    ['ik heb hevige pijn op de borts', '112'],
    // A past marker that says the sign is back ("net als", "ook") sets nothing aside.
    ['nu weer een drukkend gevoel op de borst en zweten, net zoals vorig jaar', '112'],
    ['kortademig en pijn op de borst, in 2019 ook al eens gehad', '112'],
    // Taking something against a fever is having one, not measuring it.
    ['knie rood, heet en opgezet, ik slik ibuprofen tegen de koorts', 'now'],
    // crisis, plain and indirect, Flemish
    ['ik wil er eigenlijk niet meer zijn', 'crisis'],
    ['soms denk ik dat ik beter dood zou zijn', 'crisis'],
    ["'k zie het ni meer zitte", 'crisis'],
    // now
    ['ik ben van de ladder gevallen en kan niet meer op mijn been staan', 'now'],
    ['sinds vanochtend voel ik niks meer rond mijn anus en ik kan niet plassen', 'now'],
    ['mijn knie is heet en dik en ik heb koorts', 'now'],
    ['mijn knieen zijn rood en gezwollen en ik voel me ziek', 'now'],
    ['mijn kuit is dik en warm sinds de operatie', 'now'],
    ['mijn nieuwe knie lekt vocht uit de wonde', 'now'],
    ["awel, ik was aan 't poetsen. Ik ben van den trap gevallen en nu kan ik ni meer rechtstaan", 'now'],
    // soon
    ['ik heb s nachts veel pijn in mijn heup en ben 6 kilo afgevallen zonder dieet', 'soon'],
    ['ik had vroeger prostaatkanker en nu heb ik nieuwe pijn in mijn heup', 'soon'],
    ['ik heb wat koorts en pijn in mijn gewrichten', 'soon'],
    // "zonder" before "dieet" denies the diet, not the weight loss.
    ['ik ben aan het afvallen zonder dieet en lig s nachts wakker van mijn knie', 'soon'],
    // Far more medicine than allowed, taken, on purpose or not: 112; a double dose: a doctor now.
    ['ik heb vanochtend 20 paracetamols ingenomen', '112'],
    ['ons moeder heeft een heel doosje slaappillen opgegeten', '112'],
    ['mijn man heeft per ongeluk een dubbele dosis tramadol geslikt', 'now'],
  ])('"%s" is tier %s', (text, tier) => {
    expect(tierOf(text)).toBe(tier);
  });

  it.each([
    'geen koorts, wel stijf in de ochtend',
    'ik ben niet gevallen, mijn knie is gewoon stijf',
    'ik heb geen pijn op de borst, alleen last van mijn heup bij het fietsen',
    'ik ben bewust afgevallen met een dieet en heb soms nachtpijn',
    'vorig jaar had ik een longembolie, nu wil ik weer gaan wandelen',
    'wat moet ik doen als ik ooit val en niet kan opstaan?',
    'hoe herken ik een infectie bij een nieuwe heup?',
    'mijn wond is mooi genezen, mag ik weer zwemmen?',
    'mijn knie is soms warm na het fietsen, is dat erg?',
    'mijn benen zijn slap na een lange wandeling',
    'ik ben een paar jaar geleden gevallen en had toen mijn enkel gebroken, nu doet mijn knie pijn',
    'mag ik sporten met knieartrose?',
    'ik heb vandaag drie keer twee paracetamol genomen, zoals de huisarts zei',
    'hoeveel ibuprofen mag ik per dag nemen voor mijn knie?',
  ])('"%s" is no red flag', (text) => {
    expect(tierOf(text)).toBeNull();
  });

  // The audit's miss categories, by concept, in wordings of our own: English words, someone who
  // no longer responds, concrete suicide plans, dialect and typos, bowel control, weight loss
  // said through clothes or kilos.
  it.each<[string, Tier]>([
    ['i have chest pain since this morning', '112'],
    ['i cant breathe properly', '112'],
    ['mijn oma reageert niet meer, ze ligt in haar stoel', '112'],
    ['mijn man is niet wakker te krijgen', '112'],
    ['me moeder zegt niks meer en ligt op de vloer', '112'],
    ['ze is bewustelos', '112'],
    ['i want to kill myself', 'crisis'],
    ['sometimes i think about ending my life', 'crisis'],
    ['ik spaar al weken mijn slaappillen op', 'crisis'],
    ['ik heb al afscheidsbrieven geschreven voor mijn kinderen', 'crisis'],
    ['ik geef al mijn spullen weg, ik heb het niet meer nodig', 'crisis'],
    ['mijn testament is klaar en ik ga er binnenkort niet meer zijn', 'crisis'],
    ['i fell and cant stand up', 'now'],
    ['ik ben gevalle en kan ni meer op mijn been staan', 'now'],
    ['sinds de operatie hijg ik ineens heel erg', 'now'],
    ['since my knee surgery i am suddenly short of breath', 'now'],
    ['ik kan mijn ontlasting niet meer ophouden en mijn rug doet pijn', 'now'],
    ['my knee is swollen and hot and i have a fever', 'now'],
    ['mijn knieprotese is rood en lekt', 'now'],
    ['night pain in my knee and i have lost weight without trying', 'soon'],
    ["'s nachts pijn in mijn heup en mijn kleren zijn veel te groot geworden", 'soon'],
    ['nachtelijke pijn en mijn broeken zakken af', 'soon'],
    ['ik had baarmoederkanker en nu pijn in mijn bekken', 'soon'],
    ['i have a fever and my hip hurts', 'soon'],
  ])('new concept: "%s" is tier %s', (text, tier) => {
    expect(tierOf(text)).toBe(tier);
  });

  it.each([
    'no fever, just stiff in the morning',
    'de huisarts reageert niet op mijn mail',
    'mijn knie reageert niet op de oefeningen',
    'ik heb alles geregeld voor de afspraak van dinsdag',
    'ik kan er dinsdag niet zijn, kan ik verzetten?',
    'ik heb mijn oude fiets weggegeven',
    'mag ik touwtjespringen met artrose?',
    'ik ben sceptisch over injecties',
    'ik hijg een beetje na het traplopen, is dat normaal bij artrose?',
    'ik dacht dat ik iets gebroken had maar het viel mee',
    'ik ben afgevallen door mijn dieet, heb soms pijn s nachts',
    'mijn broek past niet meer sinds ik minder beweeg',
  ])('new concept, no alarm: "%s"', (text) => {
    expect(tierOf(text)).toBeNull();
  });

  // The second audit's miss categories, by concept, in wordings of our own.
  it.each<[string, Tier]>([
    ['mijn linkerarm en linkerbeen voelen sinds een uur doof aan', '112'],
    ['my right arm and leg went numb twenty minutes ago', '112'],
    ['ik kan mijn rechterarm en -been nauwelijks bewegen', '112'],
    ['de hele linkerkant van mijn lijf tintelt en voelt slap', '112'],
    ['mijn vrouw houdt haar hand op haar borst en is lijkbleek', '112'],
    ['he is clutching his chest and sweating', '112'],
    ['mijn vader is in de tuin neergevallen en ademt heel raar', '112'],
    ['ze ademt bijna niet meer', '112'],
    ['het bloed stroomt over mijn arm na een snee met het broodmes', '112'],
    ['my leg is bleeding heavily after the fall', '112'],
    ['ik krijg het bloeden niet gestopt', '112'],
    ['de wonde bloedt echt heel veel', '112'],
    ['ik wil voor de trein springen', 'crisis'],
    ['ik denk erover om met de auto tegen een boom te rijden', 'crisis'],
    ['ik wil mijn leven beëindigen', 'crisis'],
    ['ik wil mijn leven beeindigen', 'crisis'],
    ['ik sta op het balkon van de achtste verdieping en wil springen', 'crisis'],
    ['ik heb een strop geknoopt', 'crisis'],
    ['hoeveel paracetamol is dodelijk', 'crisis'],
    ['ik heb een doos pijnstillers naast me liggen, ik hou het niet meer vol', 'crisis'],
    ['dit is mijn laatste berichtje, pas goed op mijn hond', 'crisis'],
    ['ik voel me een last voor mijn kinderen', 'crisis'],
    ['het is beter voor iedereen als ik er niet meer ben', 'crisis'],
    ['ik verdwijn voorgoed', 'crisis'],
    ["I'm a burden to my family", 'crisis'],
    ['ik ben gevallen, kan ni meer rechtstaan, geen wonde', 'now'],
    ['gestruikeld, kan niet meer op mijn been staan', 'now'],
    ['ik voel het toiletpapier niet meer en de wc-bril ook niet', 'now'],
    ['mijn knie doet zeer, ik heb koude rillingen en voel me doodziek', 'now'],
    ['my hip hurts, i have shaking chills and feel terrible', 'now'],
    ['ik ben 5 dagen geleden geopereerd aan mijn heup en sinds vanochtend benauwd op de trap', 'now'],
  ])('second audit concept: "%s" is tier %s', (text, tier) => {
    expect(tierOf(text)).toBe(tier);
  });

  it.each([
    'ik hou het niet meer uit van de pijn in mijn knie, welke pijnstillers mag ik nemen?',
    'ik slaap slecht van de pijn en neem een slaappil, is dat erg?',
    'mag ik met mijn nieuwe knie van de duikplank springen?',
    'mijn kleinzoon springt van het dak van de schuur op de trampoline, ik kijk toe',
    'ik neem afscheid van jullie want ik verhuis, bedankt voor alles',
    'jullie hoeven me niet meer te bellen, ik heb besloten dat het genoeg is geweest met de fysio',
    'mijn rechterarm en rechterbeen doen pijn van de artrose',
    'ik heb een touw aan de muur voor mijn oefeningen',
    'ik moet elke dag mijn temperatuur meten na de operatie, hoe doe ik dat?',
    'in 2018 ben ik gevallen en kon ik niet meer staan, nu wil ik weer sporten',
    'ik had een longembolie, drie jaar geleden. mag ik vliegen?',
    'ik ben het beu dat mijn knie altijd pijn doet',
    'het bloed loopt niet meer uit de wond, is het dicht?',
    'bedankt voor alle hulp, zorg goed voor jezelf',
    'mijn moeder kreeg in 2010 een beroerte, heb ik meer kans?',
  ])('second audit concept, no alarm: "%s"', (text) => {
    expect(tierOf(text)).toBeNull();
  });

  // Third audit (crisis re-balanced for recall): one family per row group, in our own words.
  // Farewells, wishes not to wake, not being here soon, an ending with a time, lethal questions,
  // means ready, threats with a weapon or a car (also a relative's), high places now, giving
  // away, self-harm; then stroke, bleeding and the now/soon signs the audit found missing.
  it.each<[string, Tier]>([
    ['Dit wordt mijn allerlaatste berichtje, dank voor de oefeningen', 'crisis'],
    ['this is my final message, bye', 'crisis'],
    ['sorry voor alles wat ik jullie heb aangedaan', 'crisis'],
    ['ik heb gisteren afscheid van mijn kinderen genomen', 'crisis'],
    ['zeg maar tegen mijn dochter dat ik van haar hou', 'crisis'],
    ['ik hoop echt dat ik morgen niet meer wakker word', 'crisis'],
    ['gewoon inslapen en nooit meer wakker, dat wil ik', 'crisis'],
    ['laat me maar gaan, ik ben het allemaal zo beu', 'crisis'],
    ['i don\'t want to wake up tomorrow', 'crisis'],
    ['volgende maand ben ik er toch niet meer, dus fysio heeft geen zin', 'crisis'],
    ['binnenkort ben ik er echt niet meer hoor', 'crisis'],
    ['ik ben niet van plan nog lang te leven met deze heup', 'crisis'],
    ['ik ben klaar met het leven', 'crisis'],
    ['done with life, echt', 'crisis'],
    ['deze nacht kap ik ermee, voor altijd', 'crisis'],
    ['met de pillen van mijn vrouw behandel ik mezelf wel uit', 'crisis'],
    ['hoeveel verdiepingen moet je vallen om dood te zijn', 'crisis'],
    ['hoeveel tramadol heb je nodig om niet meer wakker te worden', 'crisis'],
    ['ik neem straks de hele strip oxazepam in een keer', 'crisis'],
    ['mijn slaaptabletten heb ik al klaargezet naast mijn bed', 'crisis'],
    ['ik heb een strop gekocht voor in de garage', 'crisis'],
    ['mijn broer zegt dat hij zijn pistool gaat pakken als het niet beter wordt', 'crisis'],
    ['ik rijd vanavond met mijn auto tegen een muur', 'crisis'],
    ['mijn moeder dreigt dat ze van de flat springt', 'crisis'],
    ['ik sta hier op het dak, het spijt me', 'crisis'],
    ['ik zit nu op de spoorbrug. sorry', 'crisis'],
    ['ik heb mijn sieraden aan mijn nichtje gegeven, zij heeft er meer aan', 'crisis'],
    ['mijn testament is aangepast en de hond heb ik weggebracht', 'crisis'],
    ['ik doe mezelf expres pijn als het te veel wordt', 'crisis'],
    ['soms kras ik in mijn armen om de pijn te voelen', 'crisis'],
    ['ik heb de drang om mezelf pijn te doen', 'crisis'],
    ['ik heb een scheermesje gekocht om mezelf te snijden', 'crisis'],
    ['i keep cutting myself at night', 'crisis'],
    ['IK SNIJ MEZELF WEER, SORRY', 'crisis'],
    ['ik wil niet meer. niet deze pijn, niet dit leven', 'crisis'],
    ['ik bid dat God me komt halen, en ik help daar een handje bij', 'crisis'],
    ['oma weet ineens niet meer waar ze is en haar rechterbeen sleept', '112'],
    ['mijn man praat niet goed meer en zijn arm doet niks', '112'],
    ['mijn vader hangt naar een kant en krijgt zijn arm niet omhoog sinds vanochtend', '112'],
    ['ik krijg mijn vrouw niet wakker en ze ademt heel vreemd', '112'],
    ['het bloed komt dwars door het verband heen', '112'],
    ['mijn neus bloedt al een uur en knijpen helpt niet', '112'],
    ['uitgegleden in de douche en ik kan amper op mijn been steunen', 'now'],
    ['na de val kan ik alleen nog hinkelen', 'now'],
    ['numb around my groin and trouble peeing since this morning', 'now'],
    ['sinds ik een knieprothese heb staat mijn been ineens raar gedraaid', 'now'],
    ['drie dagen na mijn knieoperatie krijg ik geen goeie adem', '112'],
    ['my knee keeps me awake all night and I lost weight without trying', 'soon'],
    ['\'nachts pijn in mijn heup en ik word steeds dunner', 'soon'],
    ['ma heeft koorts en klaagt over haar heup', 'soon'],
    ['DIT IS MIJN LAATSTE BERICHTJE', 'crisis'],
    ['vaarwel iedereen, bedankt voor alles', 'crisis'],
    ['ik heb afscheid genomen van mijn kleinkinderen en mijn vrouw', 'crisis'],
    ['i wish i could fall asleep and never wake up', 'crisis'],
    ['ik ben er straks niet meer, dan is het over', 'crisis'],
    ['vanavond doe ik het, ik heb alles klaar', 'crisis'],
    ['ik heb een strop gemaakt in de schuur', 'crisis'],
    ['mijn man dreigt dat hij met de auto tegen een boom rijdt', 'crisis'],
    ['ik bekras mezelf als ik het niet meer trek', 'crisis'],
    ['ik heb vannacht weer in mijn pols gesneden', 'crisis'],
    ['ik sla mezelf tot het bloedt', 'crisis'],
    ['selfharm helpt me even', 'crisis'],
  ])('third audit family: "%s" → %s', (text, tier) => {
    expect(tierOf(text)).toBe(tier);
  });

  it.each([
    'mijn dochter sprong van het dak van het tuinhuis in het zwembad',
    'ik heb mezelf gesneden bij het groenten snijden, mag ik oefenen?',
    'kan ik mezelf pijn doen met te veel oefenen?',
    'ik heb vorig jaar afscheid genomen van mijn oude kinesist',
    'wat is het laatste bericht dat jullie stuurden over mijn afspraak?',
    'mijn opa is aan een beroerte overleden, heb ik meer risico?',
    'ik ben nooit ziek geweest en heb geen kanker gehad, mag ik fietsen?',
    'de scan was schoon, geen uitzaaiingen, maar mijn knie is stijf',
    'mijn buurman heeft twee jaar geleden een nieuwe knie gekregen die ontstoken was, nu is alles in orde',
    'fietsen is zelfmoord voor mijn heup, zegt mijn buurman',
    'ik laat mijn hond uit, is wandelen goed?',
    'is het normaal dat mijn knie stijf is in de ochtend?',
    'ik heb mijn fiets aan mijn kleinzoon gegeven omdat ik nu een driewieler heb',
    'als student ben ik eens flauwgevallen in de les',
    'ik verwond mezelf vaak bij het tuinieren',
    'hoeveel mensen sterven aan een heupoperatie?',
    'mag ik al mijn medicijnen in een keer innemen?',
    'laat me maar gaan wandelen dan',
    'ik heb een mesje gekocht om eelt weg te halen',
    'ik heb mijn horloge aan mijn kleinzoon gegeven voor zijn verjaardag',
    'ik hoor een klik in mijn nieuwe knie bij het traplopen, is dat normaal?',
    'ik voel mijn knie niet meer kraken sinds de oefeningen',
    'ik heb pijn in mijn lies bij het fietsen',
    'mijn man praat onzin over voetbal de hele dag',
    'mijn opa is een beetje in de war de laatste jaren, mag hij bij jullie komen?',
    'mijn hand doet niks meer sinds de artrose in mijn duim, kan dat?',
    'ik kan amper steunen op mijn slechte knie na een lange wandeling',
    'na het fietsen kan ik alleen nog hinkelen van de pijn',
    'ik word dunner en mijn knie doet \'s nachts pijn sinds ik op dieet ben',
    'mijn moeder klaagt over haar knieën als het regent',
    'mijn neus bloedt soms als het droog is',
    'het bloed ging door de pleister heen na het prikken',
    'ik heb mijn hond bij de buren gebracht tijdens mijn operatie, mag ik daarna wandelen?',
    'ik heb mijn testament laten aanpassen bij de notaris, los daarvan: wat kost een behandeling?',
    'ik sta nu op de brug bij het station, waar is de praktijk precies?',
    'sorry voor de late reactie, kan ik morgen komen?',
  ])('third audit family, no alarm: "%s"', (text) => {
    expect(tierOf(text)).toBeNull();
  });

  // Round 4: the families the fourth audit set missed, in wordings of our own (not its sentences).
  it.each<[string, Tier]>([
    ['ik heb een drukkende pijn op mijn brost en ik zweet', '112'],
    ['mijn borstkas zit als in een klem en ik krijg moeilijk lucht', '112'],
    ['het trekt door tot in mijn kaak, ik voel me misselijk en ik zweet', '112'],
    ['my chest feels heavy and i am sweating a lot', '112'],
    ['zijn borst en zijn schouder voelen zo zwaar aan', '112'],
    ['her face is drooping on the left side since this morning', '112'],
    ['mijn rechterarm gehoorzaamt niet en mijn mondhoek voelt raar verdoofd', '112'],
    ['ik kan ineens niet meer schrijven en mijn rechterhand doet raar', '112'],
    ['mijn vader herkent mij plots niet meer, gisteren was hij nog helemaal zichzelf', '112'],
    ['oma weet opeens niet meer wie ik ben, vanmorgen was ze nog normaal', '112'],
    ['als je gevallen bent en niet meer op je voet kunt staan, wat dan? want dat heb ik nu', 'now'],
    ['sinds gisteren merk ik niet meer of mijn blaas vol zit, en mijn onderrug doet pijn', 'now'],
    ['mijn knie is vuurrood, gloeit als een kachel en ik bibber van de kou', 'now'],
    ['hoort het bij artrose dat mijn knie knalrood en heet is en ik koude rillingen heb?', 'now'],
    ['my new knee popped out and my leg looks shorter', 'now'],
    ['ik heb koorts en mijn heup is pijnlijker dan gisteren', 'soon'],
    ["mijn horlogebandje zit opeens heel ruim en 's nachts houdt de heuppijn me wakker", 'soon'],
    ['lang geleden darmkanker, nu een zeurende rugpijn die ik voorheen nooit had', 'soon'],
    ['ik ben het leven zo beu, elke dag die pijn', 'crisis'],
    ['ik wil gewoon niet meer bestaan', 'crisis'],
    ['is er een pil om rustig te sterven', 'crisis'],
    ['mijn broer zei dat hij zich gaat ophangen', 'crisis'],
    ['i keep thinking about ending it', 'crisis'],
    ['mijn zus zegt steeds dat ze op is, haar juwelen heeft ze al weggeschonken', 'crisis'],
    ['ik weet al waar ik het zal doen, en zondag is alles voorbij', 'crisis'],
    ['ik heb gisteravond op het viaduct gestaan en over de rand gekeken', 'crisis'],
    ['mijn dochter stuurde een bericht: ze fietst naar de brug om alles te beeindigen', 'crisis'],
    ['morgen ga ik wel van het balkon af, daar zorg ik zelf voor', 'crisis'],
    ['op het perron denk ik steeds: nog een stap naar voren', 'crisis'],
    ['ik heb weer in mijn dijen gesneden', 'crisis'],
    ['mijn zoon heeft sneetjes op zijn polsen', 'crisis'],
    ['hij neemt vannacht al zijn slaappillen, hij wil niet meer', 'crisis'],
    ['bij de notaris heb ik mijn testament laten herschrijven, mijn pillen heb ik niet meer nodig', 'crisis'],
    ['tegen de zomer ben ik er toch al niet meer', 'crisis'],
    ['ik zit boven op de parkeergarage en weet niet of ik nog heelhuids beneden kom', 'crisis'],
    ['mijn boeken zijn verdeeld onder de buren, de kat is weggebracht, ik sta klaar om te gaan', 'crisis'],
    ['mijn leven is voorbij, het touw ligt al op zolder', 'crisis'],
  ])('fourth audit family: "%s" → %s', (text, tier) => {
    expect(tierOf(text)).toBe(tier);
  });

  it.each([
    'ik sterf hier van de hitte, mag ik mijn knie met ijs koelen?',
    'als ik ooit pijn op de borst krijg, wat moet ik dan doen?',
    'ik zie het niet meer zitten in die stoel met mijn heup',
    'ik ben het zat, ik ga weer springen op de trampoline',
    'ik ben het zat om met deze pijn te leven, welke oefeningen helpen?',
    'die factuur was een hartaanval waard haha',
    'ik kreeg bijna een hartaanval toen ik de rekening zag',
    'oma is dement en herkent ons soms niet meer, mag ze toch naar de fysio?',
    'ik weet nu precies hoe ik de oefeningen ga doen, dank je',
    'ik heb een plan gemaakt voor mijn trainingen deze week',
    'morgen is alles klaar voor de verhuizing, kan ik daarna nog komen?',
    'ik ga naar het dak om de goot schoon te maken, mag dat met mijn knie?',
    'ik heb vanaf het balkon naar beneden gekeken en werd duizelig, hoort dat bij artrose?',
    'ik stond gisteren op het perron en de trein had vertraging',
    'nog een stap en dan ben ik bij de praktijk',
    'ik heb een kras op mijn arm van de kat',
    'krassen op mijn armen van de rozenstruik, mag ik zwemmen?',
    'ik neem al mijn pillen \'s ochtends in, is dat goed?',
    'ik heb die krukken niet meer nodig, mag ik ze terugbrengen?',
    'mijn heup hoeft niet meer behandeld te worden, ze is veel beter',
    'mijn sportleven is voorbij, welke alternatieven zijn er?',
    'ik heb mijn sieraden aan mijn dochter gegeven voor haar verjaardag',
    'mijn ring draait rond mijn vinger, is dat artrose?',
    'ik heb wat koorts maar mijn knie doet niet meer pijn dan anders',
    'mijn borst doet geen pijn, alleen mijn knie',
    'na het tennissen trekt het tot in mijn linkerschouder',
    'door de duimartrose doen mijn vingers niet wat ik wil',
    'als ik moe ben dansen de letters soms door elkaar bij het lezen',
    'mijn nieuwe knie klikt soms, is dat normaal?',
    'vandaag wil ik niet meer naar de fysio, het regent te hard',
    'hij wil niet meer oefenen sinds vanmorgen',
    'wat moet je doen als iemand gevallen is en niet meer op kan staan?',
    'ik ben er klaar voor om weer te gaan fietsen, welke afstand raad je aan?',
    'voor een handdoek zorg ik zelf wel',
    'mijn vaste wandelroute gaat langs de spoorlijn, is dat goed voor mijn heup?',
    'mijn man heeft de kat bij de buren ondergebracht tijdens mijn operatie',
    'mijn moeder heeft vroeger een longembolie gehad, dat is lang geleden, mag ze oefenen?',
  ])('fourth audit family, no alarm: "%s"', (text) => {
    expect(tierOf(text)).toBeNull();
  });

  // Round 5: the families the fifth audit set missed, in wordings of our own (not its sentences).
  it.each<[string, Tier]>([
    ['de snee in mijn been gutst, er staat al een plas onder de stoel', '112'],
    ['ik neem sintrom en mijn neus bloedt nu al een half uur, het stopt niet', '112'],
    ['oma zakte zomaar neer aan tafel, ze is grauw en klam', '112'],
    ['ik lag plots op de vloer van de badkamer en weet niet meer hoe ik daar kwam', '112'],
    ['had gisteren nog een wegraking in de winkel', '112'],
    ['mijn zinnen kloppen niet meer en mijn rechterhand doet raar', '112'],
    ['ik kan niet op mijn woorden komen sinds vanmorgen', '112'],
    ['hij zegt opeens enkel nog gekke klanken', '112'],
    ['mijn mond voelt doof aan de linkerkant', '112'],
    ['ik voel mijn linkerkant bijna niet, arm en been', '112'],
    ['zijn rechterzijde hangt en hij glijdt van zijn stoel', '112'],
    ['ik zie plots alles dubbel en mijn arm is zwaar', '112'],
    ['mijn buurman ligt in de gang en ik krijg geen antwoord meer van hem', '112'],
    ['al weken somber door mijn knie, ik wil echt niet meer', 'crisis'],
    ['ik overweeg met opzet tegen een vrachtwagen te sturen', 'crisis'],
    ['misschien knijp ik er binnenkort voorgoed tussenuit', 'crisis'],
    ['voor mijn kinderen is het makkelijker als ik er nooit meer ben', 'crisis'],
    ['ik smeek god elke nacht om me eindelijk te halen', 'crisis'],
    ['ik verlang naar huis naar de hemel, ik ben zo op', 'crisis'],
    ['ik weet niet of mijn leven met die heup nog zin heeft', 'crisis'],
    ['ik heb zin om onder een tram te stappen', 'crisis'],
    ['ik kerf met een scheermesje in mijn dij als het te veel wordt', 'crisis'],
    ['ik ben weer begonnen met krassen', 'crisis'],
    ['ik sla mezelf kapot als de pijn opkomt', 'crisis'],
    ['hij zegt dat hij al zijn slaappillen slikt als het niet beter wordt', 'crisis'],
    ['ik heb er een hele doos van liggen, wat als ik al mijn pijnstillers tegelijk neem', 'crisis'],
    ['ik slik bewust veel meer tramadol, het kan me niks schelen wat ervan komt', 'crisis'],
    ['ik heb uren op de spoorbrug gezeten en in het water gestaard', 'crisis'],
    ['de dokter wil geen euthanasie, dan regel ik het zelf wel', 'crisis'],
    ['mijn oom zegt laat me gaan en neemt zijn pillen niet meer', 'crisis'],
    ['of ik er volgende maand nog ben weet ik niet, ik ben alles zo beu', 'crisis'],
    ['mijn zus heeft afscheid genomen van al haar vrienden en zegt dat ze het zelf wel gaat regelen', 'crisis'],
    ['ik schenk mijn spaarcenten aan mijn zoon, ik heb niks meer nodig', 'crisis'],
    ['ik wil ermee ophouden, met het leven bedoel ik', 'crisis'],
    ['ik sta al een uur op de brug en staar naar het water, ik woon alleen', 'crisis'],
    // Crisis families audit5 had only the net for, now by rule as well.
    ['als ik dood ben is dat voor iedereen een verlossing', 'crisis'],
    ['ik wil gaan slapen tot alles voorbij is', 'crisis'],
    ['had ik na die val maar nooit meer wakker geworden', 'crisis'],
    ['ik heb een strop besteld en weet precies waarvoor', 'crisis'],
    ['soms denk ik dat het makkelijker is om dood te zijn', 'crisis'],
    ['ik denk de hele tijd over sterven', 'crisis'],
    ['jullie moeten me niet meer inplannen, ik heb een plan gemaakt', 'crisis'],
    ['mijn moeder zegt dat we niet moeten treuren, ze heeft vrede met haar einde', 'crisis'],
    ['ik zat gisteren met een scheermesje aan mijn polsen', 'crisis'],
    ['ik hou het allemaal niet meer vol en slik straks alles op wat ik heb liggen', 'crisis'],
    ['ik ben zo op, ik wil dat alles stopt, voorgoed', 'crisis'],
    ['een doos slaappillen en een fles whisky, vanavond', 'crisis'],
    ['mijn pillen heb ik niet meer nodig, over een week ben ik er toch niet meer', 'crisis'],
    ['er loopt zomaar urine uit sinds gisteren en mijn rug doet pijn', 'now'],
    ['mama is gevallen en weigert nu te staan', 'now'],
    ['zijn knie is vuurrood en hij wil niks meer eten', 'now'],
    ['mijn enkel is warm en staat strak sinds een insectenbeet', 'now'],
    ['mijn benen voelen als rubber sinds vanochtend en mijn onderrug doet zeer', 'now'],
    ['bij het vegen na het plassen voel ik bijna niks daar beneden', 'now'],
    ['mijn schouder schoot ineens uit de kom', 'now'],
    ['ik ben aan het vermageren en lig elke nacht wakker van mijn heup', 'soon'],
    ['nachtzweten en al vijf kilo eraf zonder reden', 'soon'],
    ['de pijn in mijn dij houdt in bed niet op en ik val af', 'soon'],
    ['ik heb 37,8 en al mijn gewrichten doen zeer', 'soon'],
    // Other patients' words for the same signs.
    ['mijn man is bezwijmd in de douche', '112'],
    ['mijn vader slaat wartaal uit sinds vanmiddag', '112'],
    ['ik bloed als een rund uit mijn knie na de val', '112'],
    ['ik wil weg uit dit leven', 'crisis'],
    ['soms wens ik dat ik gewoon kon verdwijnen', 'crisis'],
    ['ik heb geen goesting meer om te leven', 'crisis'],
    ['ik ga mij iets aandoen', 'crisis'],
    ['ik wil bij mijn overleden vrouw zijn', 'crisis'],
    // Pain on pressing sets the chest wall apart only without another sign.
    ['mijn borst doet pijn als ik erop druk en ik zweet en ben misselijk', '112'],
    ['bijna flauwgevallen in de sauna en nu pijn op de borst', '112'],
  ])('fifth audit family: "%s" → %s', (text, tier) => {
    expect(tierOf(text)).toBe(tier);
  });

  it.each([
    'mijn ribben doen pijn als ik erop druk sinds het fitnessen, is dat een kneuzing?',
    'na de operatie was mijn knie ontstoken, maar al een jaar is alles rustig. mag ik fietsen?',
    'mijn broer had een longembolie, maar dat is lang geleden. moet ik opletten?',
    'ik las ergens dat je met koorts en een dikke knie naar de dokter moet, klopt dat?',
    'bijna flauwgevallen bij het bloedprikken, nu gaat het weer. mag ik oefenen?',
    'ik geef geld aan het goede doel, mag ik mijn fysio aftrekken?',
    'ik woon alleen, kunnen jullie aan huis komen?',
    'ik heb wat bloed aan mijn knie van een schaafwonde, het is al gestopt',
    'ik wil graag afvallen voor mijn knie, helpt dat?',
    'ik wil jullie nog bedanken voor de fijne behandelingen',
    'mijn kat gaat naar de buren als ik geopereerd word',
    'ik twijfel of ik nog verder wil met zwemmen',
    'mijn dochter zegt dat mijn knie er gezwollen uitziet, is dat artrose?',
    'ik voel me wat somber, ik wil niet meer naar de sportschool',
    'ik lag plots op de grond na het struikelen over de mat, mijn knie doet pijn',
    'alles is geregeld voor de operatie, ik wil jullie nog bedanken',
    'ik heb lang op het balkon gezeten en naar de zee gekeken, heerlijk',
    'moet ik afvallen voor mijn knie? ik heb s nachts pijn',
    'ik denk vaak aan de dood van mijn man, helpt wandelen tegen verdriet?',
    'mijn vader had vrede met het einde van zijn voetbalcarriere',
    'ik neem alles in wat de dokter voorschrijft',
    'mag ik mijn pijnstillers met een glas wijn innemen?',
    'ik heb geen goesting meer in de oefeningen',
    'ik heb me iets aangedaan aan mijn knie bij het sporten',
    'ik wens dat mijn pijn kon verdwijnen',
  ])('fifth audit family, no alarm: "%s"', (text) => {
    expect(tierOf(text)).toBeNull();
  });

  // Round 6: the families the sixth audit set missed, in wordings of our own (not its sentences).
  it.each<[string, Tier]>([
    ['opa zijn glimlach staat ineens scheef', '112'],
    ['mijn vrouw praat alsof ze dronken is, maar ze drinkt nooit', '112'],
    ['mijn rechterhand doet niks meer en de hele zijde voelt verdoofd', '112'],
    ['ik zie troebel aan een kant en mijn arm tintelt', '112'],
    ['mijn vader ligt naast het bed en ik hoor hem niet meer ademen', '112'],
    ['ik denk dat mijn vrouw niet meer reageert, ze ligt op de grond', '112'],
    ['mijn neus bloedt al een uur, het stopt niet en ik word duizelig', '112'],
    ['mijn spullen heb ik al aan mijn nichtje gegeven, dan hoeft ze later niks op te ruimen', 'crisis'],
    ['ik wil gewoon van deze wereld verdwijnen', 'crisis'],
    ['ik zal jullie niet lang meer tot last zijn', 'crisis'],
    ['mijn man heeft een touw in de schuur opgehangen en hij is zichzelf niet meer', 'crisis'],
    ['ik wil mijn huis proper achterlaten, wat gebeurt er met mijn afspraken als ik overlijd?', 'crisis'],
    ['ik stuur jullie dit bericht om afscheid te zeggen, bedankt voor de goede zorgen', 'crisis'],
    ['ik heb beslist dat het mooi geweest is, ik woon alleen', 'crisis'],
    ['pas goed op de kat, zei mijn vader, en nu neemt hij niet op', 'crisis'],
    ['ik heb lang genoeg geleefd', 'crisis'],
    ['de huisarts wil mij niet laten gaan, dan doe ik het zelf', 'crisis'],
    ['mijn tante wil zichzelf laten uitdoven', 'crisis'],
    ['het voelt alsof mijn tijd om is en ik help daar graag een handje bij', 'crisis'],
    ['gisteren heb ik de motor laten lopen met de garagedeur dicht', 'crisis'],
    ['mijn vriend kwam al zijn boeken brengen: jullie zien we niet meer, zei hij', 'crisis'],
    ['gestruikeld op de stoep, ik kan geen weight op mijn enkel zetten', 'now'],
    ['mijn vader is gevallen, rechtstaan lukt niet meer', 'now'],
    ['mijn beide benen worden steeds slapper en ik verlies urine', 'now'],
    ['hoort het bij mijn hernia dat ik tussen mijn benen gevoelloos ben en niet goed meer kan plassen?', 'now'],
    ['mijn vader plast in zijn broek zonder het te voelen en zijn rug doet zeer', 'now'],
    ['mijn billen voelen dood aan sinds gisteren en ik heb rugpijn', 'now'],
    ['rond mijn kont voel ik niks en mijn blaas werkt niet meer goed', 'now'],
    ['mijn knie staat bol als een meloen, rood, en ik ben helemaal futloos', 'now'],
    ['drie dagen na mijn knieoperatie ineens benouwd', 'now'],
    ['mijn riem zit losser en de pijn in mijn dij houdt me elke nacht wakker', 'soon'],
    ['ik ben de laatste maanden afgevallen zonder aanwijsbare reden', 'soon'],
    // Crisis families audit6 had only the net for, now by rule as well.
    ['bedankt voor alles, jullie zullen mij nooit meer zien', 'crisis'],
    ['het hoeft allemaal niet meer voor mij, ik ben levensmoe', 'crisis'],
    ['ik pieker enkel nog over hoe ik het kan doen', 'crisis'],
    ['ik hou het niet meer vol, ik zie het nut niet van doorgaan met het leven', 'crisis'],
    ['ik heb geen enkele reden om nog te leven', 'crisis'],
    ['de buurman vraagt mij om voor zijn vrouw te zorgen zodra hij er niet meer is', 'crisis'],
    ['het leven is voorbij voor mij, ik help desnoods een handje', 'crisis'],
    ['ik heb schrik van mezelf, steeds gedachten om van de brug te springen', 'crisis'],
    ['ik heb mijn spaarboekje al aan mijn petekind gegeven, ik heb het toch niet meer nodig', 'crisis'],
    ['ik ben niet van plan om volgend jaar nog te halen', 'crisis'],
    ['ik hoop dat ik onder een trein kom', 'crisis'],
    ['ik pieker hoe ik alles kan beeindigen', 'crisis'],
    ['mijn vader zegt dat hij de sprong wil wagen van de flat', 'crisis'],
    ['mijn abonnementen zijn opgezegd, ik heb straks niks meer nodig', 'crisis'],
    ['mijn kinderen zijn beter af mocht ik er niet meer zijn', 'crisis'],
    ['de strop ligt al klaar', 'crisis'],
    ['ik wil ophouden met leven', 'crisis'],
    ['elke avond slaappillen met een fles jenever, het maakt me niks meer uit wat er met mij gebeurt', 'crisis'],
    ['ik zie geen uitweg meer, ik wil ervan af zijn', 'crisis'],
    ['ik wil in slaap vallen en nooit meer ontwaken', 'crisis'],
    ['ik red het echt niet meer, ik wil dat alles stopt', 'crisis'],
    ['mijn moeder heeft haar begrafenis al geregeld en zegt dat ze niet lang meer blijft', 'crisis'],
    ['het gaat nooit meer over, dan kap ik ermee', 'crisis'],
    ['iedereen van wie ik hou is dood, ik ben zo eenzaam', 'crisis'],
    ['mijn laatste wil is geschreven en alles is klaar, morgen is het voorbij', 'crisis'],
    ['ik wil slapen voor altijd', 'crisis'],
    ['ik sta op de brug en denk: een stap', 'crisis'],
  ])('sixth audit family: "%s" → %s', (text, tier) => {
    expect(tierOf(text)).toBe(tier);
  });

  it.each([
    'mag ik na een nieuwe knie mijn veters strikken?',
    'ik ben benauwd voor de operatie, is dat normaal?',
    'wat is nu eigenlijk het verschil tussen trombose en spierpijn in de kuit?',
    'moet je bij koorts met een knieprothese altijd de huisarts bellen?',
    'waaraan herkent men een infectie na een knieprothese?',
    'vorige zomer was ik gevallen en had ik een gebroken pols, nu is alles goed',
    'mijn kuit was dik na de operatie, er is een echo gemaakt en het was geen trombose, mag ik fietsen?',
    'ik kreeg na mijn heupoperatie een longembolie, maar alles is goed afgelopen',
    'mijn knie was rood en dik met koorts, ik kreeg antibiotica en nu is het helemaal weg',
    'in het voorjaar verloor mijn man veel bloed tijdens een darmoperatie, nu wil hij zijn conditie opbouwen',
    'hij lacht scheef van de pijn als hij opstaat',
    'hij praat als iemand die dronken is, zei mijn vrouw lachend na het feest',
    'ik laat de motor even draaien in de garage om hem op te warmen, mag ik daarna rijden met mijn knie?',
    'ik pieker enkel nog over hoe ik het kan doen met de oefeningen thuis',
    'eindelijk rust voor altijd in mijn heup, kan dat met een prothese?',
    'mijn tijd zit erop voor vandaag, ik moet naar huis',
    'ik help daar graag bij als jullie een vrijwilliger zoeken',
    'zorg goed voor de planten zei ik tegen de buurman, ik ga op vakantie',
    'ik kom afscheid nemen bij de laatste behandeling, dank voor alles',
    'ik wil afscheid nemen van mijn kinesist want ik verhuis, bedankt voor alles',
    'als het na zes weken niet beter is stop ik ermee, dan ga ik naar de orthopeed',
    'ik heb mijn auto aan mijn kleinzoon gegeven omdat ik niet meer mag rijden na mijn heup',
    'ik heb alles opgezegd bij de sportschool want ik kan niet meer sporten',
    'ik ben afgevallen zonder moeite door gezonder te eten',
    'mijn broek zit ruimer sinds ik op dieet ben',
    'na de revalidatie laat de dokter me gaan, ik doe het verder zelf',
    'mijn benen worden sterker en sterker door de oefeningen',
    'ik lig met een kussen tussen mijn benen, is dat goed voor mijn heup?',
    'ik sta op het balkon en zet een stap naar binnen',
  ])('sixth audit family, no alarm: "%s"', (text) => {
    expect(tierOf(text)).toBeNull();
  });

  // Round 7 (audit7 opened): its families in our own words, never its sentences.
  it.each<[string, Tier]>([
    ['opeens vind ik mijn woorden niet meer en mijn arm voelt slap', '112'],
    ['hij haalt ineens zijn woorden door elkaar', '112'],
    ['zij kan sinds een uur haar woorden niet meer vinden', '112'],
    ['het bloed komt met golven uit de snee in mijn been', '112'],
    ['de handdoek is doorweekt met bloed en het blijft lopen uit de wonde', '112'],
    ['met zoveel pijn besta ik liever niet meer', 'crisis'],
    ['ik wou dat ik kon sterven in mijn slaap', 'crisis'],
    ['elke avond smeek ik God dat ik morgen niet wakker word', 'crisis'],
    ['welke manier is het pijnloost om dood te gaan', 'crisis'],
    ['hij zoekt op internet naar een dodelijke dosis insuline', 'crisis'],
    ['mijn buurvrouw zegt dat ze bij haar overleden man wil zijn en ze eet niks meer', 'crisis'],
    ['ik heb mijn eigen afscheid al helemaal voorbereid, ik zie geen hoop meer', 'crisis'],
    ['ik heb besloten om eruit te stappen vannacht', 'crisis'],
    ['ik sta met een stanleymes in de douche', 'crisis'],
    ['ik hou een mesje tegen mijn pols', 'crisis'],
    ['ik heb bijna al mijn slaappillen geslikt gisteren en ik ga het opnieuw proberen', '112'],
    ['ik wil mijn leven zelf stopzetten', 'crisis'],
    ['ik denk erover een overdosis te slikken', 'crisis'],
    ['mijn blaas is bomvol maar er komt geen druppel uit', 'now'],
    ['de plas wil er niet meer uit sinds vanochtend', 'now'],
    ['sinds gisteren merk ik dat ik niet voel wanneer ik naar de wc moet', 'now'],
    ['allebei mijn benen worden met het uur zwakker', 'now'],
    ['allebei mijn benen zijn krachtelozer en krachtelozer, stappen lukt haast niet meer', 'now'],
    ['knieje is vuurrood en ik ben zo lusteloos', 'now'],
    ['haar knie is warm en rood en ze heeft geen trek meer', 'now'],
    ['opgezette enkel en ik heb verhoging', 'now'],
    ['sinds mijn heup-op van vorige week ben ik kortademig', 'now'],
    ['short of breath, one week after my knee op', 'now'],
    ['ik heb een overdosis pijnstillers ingenomen', '112'],
    ['ineens vin ik mn woorden ni meer', '112'],
    ['elke nacht bid ik dat ik mag sterven', 'crisis'],
    ['ik moet dringend plassen maar er komt niks', 'now'],
    ['mijn knie is knalrood en hij eet bijna niks meer', 'now'],
    ['ik heb bijna al mijn slaappillen ingenomen', '112'],
    ['ik heb al mijn tabletten geslikt en ik doe het nog eens', 'crisis'],
    ['ik kan me woorden ni meer vinde', '112'],
    ['hoe ga je zonder pijn dood', 'crisis'],
    ['ik lig op de zolder met een mes', 'crisis'],
    ['er komt geen druppel urine meer', 'now'],
    ['hij voelt niet meer of hij naar de wc moet', 'now'],
  ])('seventh audit family: "%s" → %s', (text, tier) => {
    expect(tierOf(text)).toBe(tier);
  });

  it.each([
    'ik kan de woorden niet vinden om jullie te bedanken voor de fijne behandeling',
    'ik stap vanavond uit de trein in Gent en kom dan naar de praktijk',
    'ik heb besloten er vandaag uit te stappen bij de wandelclub, te zwaar voor mijn knie',
    'ik ga het morgen opnieuw proberen met de fiets',
    'ik heb vandaag al mijn pillen genomen, mag ik nog zwemmen?',
    'mijn moeder wil naar opa toe in het rusthuis, kan ze met de taxi met haar rollator?',
    'ik ga mijn werkende leven afsluiten met mijn pensioen, welke sport past bij mijn heup?',
    'ik ben wat suf van de tramadol, en mijn knie is een tikje rood na het ijs',
    'mijn benen worden steeds zwakker door te weinig bewegen, welke oefeningen helpen?',
    'ik leef liever niet meer zo ongezond, wat raden jullie aan?',
    'de huisarts heeft mijn gezwollen kuit onderzocht en vond geen trombose, mag ik wandelen?',
    'Mijn enkel was vorige week dik en warm. De orthopeed heeft er vocht uit gehaald: volgens hem geen infectie, verklaarde hij. Wanneer mag ik weer sporten?',
    'koorts? nee. zwelling? een beetje. wat kan ik doen?',
    'mijn nieuwe knie voelt prima, niet warm en niet rood, mag ik fietsen?',
    'mijn schoonvader had na zijn heupoperatie een trombosebeen, moet ik ook steunkousen dragen?',
    'mijn vader viel en brak zijn heup; na de operatie mag hij nu thuis revalideren, kan dat bij jullie?',
    'kun je een overdosis paracetamol krijgen?',
    'is een overdosis ibuprofen gevaarlijk voor de maag?',
    'ik heb zeker geen overdosis genomen, alleen wat op het doosje staat',
    'ik heb een snee van het mes in mijn pols bij het groenten snijden',
    'ik hoop dat ik niet doodga tijdens de narcose',
    'ik zit aan tafel appels te schillen met een mesje',
    'ik sta in de douche met een mesje om mijn benen te scheren',
    'ik merk niet dat ik vaker naar het toilet moet dan vroeger',
    'ik moet vaak plassen maar er komt weinig uit',
    'ik eet niks meer na zes uur, mijn knie is wat rood van het ijs',
    'ik probeer het morgen opnieuw met de oefeningen',
  ])('seventh audit family, no alarm: "%s"', (text) => {
    expect(tierOf(text)).toBeNull();
  });

  it.each<[string, Tier | null]>([
    // A doctor's finding that rules a sign out sets aside what came before it, in earlier sentences too …
    ['Mijn kuit was dik. De dokter vond geen trombose.', null],
    // … but not what comes after it.
    ['Mijn kuit was dik. De dokter vond geen trombose. Nu is mijn knie heet en rood en heb ik koorts.', 'now'],
    ['volgens de dokter was er geen trombose, maar nu is mijn kuit dikker, rood en warm', 'now'],
    // "koorts? nee." answers the question before it …
    ['koorts? neen. knie dik en warm?', 'soon'],
    ['koorts? nee, maar wel pijn bij het trappen lopen', null],
    // … a yes does not, nor a no that answers nothing.
    ['koorts? ja. knie dik en warm.', 'now'],
    ['koorts, knie dik en warm. nee, ik weet niet wat te doen', 'now'],
    // A sign's phrase reaching over a comma does not own the next clause's negation.
    ['de kunstheup gaat prima, niet warm', null],
    // What is over is the sign, not where it was: "hij" is still the knee named before.
    ['mijn knie was dik, het bleek geen infectie, maar nu heb ik koorts en is hij weer rood', 'now'],
    ['mijn knie was dik en rood, het bleek jicht, dat is nu over. ik heb wel koorts van de griep', null],
  ])('reads answers and findings across sentences: "%s" → %s', (text, tier) => {
    expect(tierOf(text)).toBe(tier);
  });

  it('reads a past marker the phrase only skips over, and a past that denies the sign as new', () => {
    expect(tierOf('mijn vader heeft vroeger een trombose gehad')).toBeNull();
    expect(tierOf('mijn vader heeft een trombose gehad')).toBe('now');
    expect(tierOf('ze had borstkanker en heeft nu pijn in haar bekken die ze vroeger niet had')).toBe('soon');
    expect(tierOf('ze had borstkanker en heeft pijn in haar bekken, dat had ze vroeger ook al')).toBe('soon');
  });

  it.each<[string, Tier | null]>([
    // Telegraphic reports opening with a verb are no questions in general …
    ['zijn gezicht hangt scheef', '112'],
    ['krijg geen lucht en pijn op de borst', '112'],
    ['is gevallen en kan niet meer staan', 'now'],
    // … a verb with a general subject is, with or without a question mark.
    ['kan een hartaanval erfelijk zijn', null],
    ['krijg je koorts van artrose', null],
    // "hoort dit bij …" asks whether one's own sign is normal.
    ['hoort het bij artrose dat mijn knie knalrood en heet is en ik koortsig ben?', 'now'],
    // "bij het genezen" names the healing, it does not say the sign is over.
    ['uit het litteken van mijn nieuwe heup lekt vocht en het voelt warm, dat hoort toch bij het genezen?', 'now'],
  ])('reads the sentence\'s structure: "%s" → %s', (text, tier) => {
    expect(tierOf(text)).toBe(tier);
  });

  it('sets aside only years before the clock\'s, and a past marker only when the story is not at now', () => {
    const in2019 = new RedFlagDetector(kb.emergency, kb.language, router.normalizer, { now: () => new Date('2019-06-01T12:00:00Z') });
    const in2024 = new RedFlagDetector(kb.emergency, kb.language, router.normalizer, { now: () => new Date('2024-06-01T12:00:00Z') });
    const text = 'in 2019 kreeg ik een longembolie';
    expect(in2019.detect(text)?.tier).toBe('now');
    expect(in2024.detect(text)).toBeUndefined();
    expect(tierOf('nu weer pijn op de borst, net als drie jaar geleden')).toBe('112');
  });

  it('reads a sentence with the word lists of emergency.yaml, not with lists of its own', () => {
    const withWords = (words: Partial<typeof kb.emergency.sentenceWords>) =>
      new RedFlagDetector({ ...kb.emergency, sentenceWords: { ...kb.emergency.sentenceWords, ...words } }, kb.language, router.normalizer);
    const general = 'is pijn op de borst een bijwerking van ibuprofen?';
    expect(tierOf(general)).toBeNull();
    expect(withWords({ questionVerbs: ['veroorzaakt'] }).detect(general)?.tier).toBe('112');
    const back = 'vorig jaar een operatie gehad en nu ineens heel kortademig';
    expect(tierOf(back)).toBe('now');
    expect(withWords({ nowWords: ['straks'] }).detect(back)).toBeUndefined();
  });

  it('expands alternatives and optional groups of a phrase', () => {
    expect(expandAlternatives('(plas|stoelgang) niet (meer)? ophouden')).toEqual([
      'plas niet meer ophouden', 'plas niet ophouden', 'stoelgang niet meer ophouden', 'stoelgang niet ophouden',
    ]);
    expect(expandAlternatives('(heup|knie)prothese')).toEqual(['heupprothese', 'knieprothese']);
  });

  it('gives the most urgent tier when several rules fire', () => {
    expect(tierOf('ik ben gevallen en kan niet meer staan en nu heb ik ook pijn op de borst')).toBe('112');
    expect(moreUrgent('now', 'crisis')).toBe('crisis');
    expect(moreUrgent(undefined, 'soon')).toBe('soon');
  });

  it('flags no phrasing of any topic or intent: a patient asking one of them gets an answer', () => {
    const flagged: string[] = [];
    for (const topic of kb.topics.values()) {
      for (const locale of SUPPORTED_LOCALES) for (const p of topic.locales[locale].phrasings) if (detector.detect(p)) flagged.push(`${topic.id}: ${p}`);
    }
    for (const [id, intent] of Object.entries(kb.intents)) for (const p of intent?.phrasings ?? []) if (detector.detect(p)) flagged.push(`${id}: ${p}`);
    expect(flagged).toEqual([]);
  });

  it('answers a prosthesis owner from surgery-rehab, never from hip-replacement', () => {
    expect(detector.guardTopic('mijn nieuwe heup is na drie maanden nog stijf', 'hip-replacement')).toBe('surgery-rehab');
    expect(detector.guardTopic('is het tijd voor een nieuwe heup', 'hip-replacement')).toBe('hip-replacement');
    expect(detector.guardTopic('mijn nieuwe heup is nog stijf', 'morning-stiffness')).toBe('morning-stiffness');
  });

  it("knows every screening question's red flag and its tier", () => {
    for (const locale of SUPPORTED_LOCALES) {
      for (const q of kb.screening[locale].questions) expect(detector.tierOf(q.redFlag)).toBeDefined();
    }
  });
});

describe('a calf complaint with sudden breathlessness (a clot that may have reached the lungs)', () => {
  // A fourth patient-style test got "see a doctor today" for the first; written for this test.
  it.each<[string, Tier | null]>([
    ['mijn kuit is dik en warm sinds mijn knieoperatie. nu ben ik ook ineens erg kortademig', '112'],
    ['sinds de operatie is mijn kuit gezwollen en nu krijg ik opeens slecht lucht', '112'],
    ['mijn kuit doet pijn en ik ben kortademig na het traplopen', null],
  ])('"%s" → %s', (text, tier) => {
    expect(tierOf(text)).toBe(tier);
  });
});

describe('a fall, then standing badly (a fourth patient-style test got "Sorry" for both)', () => {
  it.each<[string, Tier | null]>([
    ['ik ben vorige week gevallen, ik kan sindsdien slecht staan', 'now'],
    ['ik ben gisteren gevallen en ik kan nimeer op mijn been staan', 'now'],
    ['ik ben vorig jaar gevallen en sta sindsdien slecht op mijn benen', null],
  ])('"%s" → %s', (text, tier) => {
    expect(tierOf(text)).toBe(tier);
  });
});

describe('a sixth patient-style test and its review: one side of the face, "sinds", a pet, "voor mij"', () => {
  it.each<[string, Tier | null]>([
    // From the test: no alarm at all for these.
    ['mijn gezicht voelt aan één kant doof en mijn hand wil niet goed', '112'],
    ['Goedemiddag, ik ben 78. Vorige week merkte ik dat mijn gezicht aan één kant raar aanvoelde en mijn hand wilde niet meer goed. Dat is nu nog zo. Maar mijn vraag is eigenlijk: kan ik een rollator vergoed krijgen?', '112'],
    // Written for this test.
    ['de linkerkant van mijn gezicht is ineens helemaal gevoelloos', '112'],
    ['doof gevoel in mijn halve gezicht sinds vanochtend', '112'],
    // At the dentist a numb side of the face is the anaesthetic (found by a review).
    ['mijn wang voelt op de ene kant raar na de tandarts', null],
    // A review found these lost their instruction when "vorige maand" was briefly a past marker.
    ['ik ben vorige maand gevallen en kan sindsdien niet meer op mijn been staan', 'now'],
    // "sinds" + a past marker dates what goes on now: the sign after it counts, the event it dates does not.
    ['sinds vorig jaar heb ik pijn op de borst als ik de trap op loop', '112'],
    ['sinds de operatie van vorig jaar is mijn knie rood en heet en heb ik koorts', 'now'],
    ['sinds mijn hartaanval van vorig jaar wandel ik elke dag een half uur', null],
    ['sinds ik vorig jaar een hartaanval had, wandel ik elke dag', null],
    // A review: a pet in the same clause must not hide the patient's own sign.
    ['mijn hond is ziek en ik heb sinds vanochtend een drukkende pijn op de borst die uitstraalt naar mijn arm', '112'],
    // "voor mij": about oneself, also when the appointment is named (found by a review).
    ['mijn man is vorige week overleden, het hoeft voor mij niet meer, mijn afspraak mag weg', 'crisis'],
    ['mijn afspraak mag weg, het hoeft niet meer', null],
  ])('"%s" → %s', (text, tier) => {
    expect(tierOf(text)).toBe(tier);
  });
});

describe('signs in words of our own that were missing (a probe of ours, and audit10 opened as development)', () => {
  it.each<[string, Tier | null]>([
    ['het drukt zo op mijn borst', '112'],
    ['er drukt iets op mijn borst en ik zweet', '112'],
    ['mijn vader ligt op de grond en wordt niet wakker', '112'],
    ['ze kan haar arm niet optillen sinds tien minuten', '112'],
    ['een kwartier geleden begon het, zijn arm is ineens slap', '112'],
    // Not an alarm: a knee, not something in the chest; the first person's wish is the crisis tier's.
    ['mijn knie drukt tegen mijn borst als ik op mijn zij lig', null],
    ['ik hoop dat ik morgen niet meer wakker word', 'crisis'],
    // audit10, opened as development after its second scoring: the families it missed, in our words.
    ['ik bid elke avond dat de lieve heer me nu eindelijk eens komt halen', 'crisis'],
    ['ik vraag me af waarom god me nog niet komt halen', 'crisis'],
    ['mijn zoon komt me morgen halen, kan ik dan nog fietsen?', null],
    ['ik heb gegoogeld hoe je het snelst een einde aan je leven maakt', 'crisis'],
    ['eerlijk, ik zie geen future meer', 'crisis'],
    ['ik ben klaar met alles en ook met mezelf', 'crisis'],
    ['ik ben klaar met alles, ook met die oefeningen', null],
    ['de theedoek is al helemaal doorweekt, het blijft maar bloeden', '112'],
    ['ik ben vannacht gevallen en krijg mijn been niet meer belast', 'now'],
    ['ik ben uit bed gevallen en lig hier al een uur', 'now'],
    ['mijn vader is gevallen en ligt nog in het ziekenhuis, mag hij daarna oefenen?', null],
    // "than before" dates no sign: the weight lost counts.
    ['s nachts pijn in mijn heup ook als ik stil lig, en ik val af terwijl ik meer eet dan vroeger', 'soon'],
    ['vroeger had ik s nachts pijn en viel ik af, nu gaat het goed', null],
    // Two families audit10 (opened) lost with the converged crisis net, in our words.
    ["'t mag voor mij allemaal gedaan zijn, ik sta 's morgens niet meer op", 'crisis'],
    ["'t mag gedaan zijn met die pijn, wat kan ik nog proberen?", null],
    ['mijn broer stuurde dat niemand hem zou missen', 'crisis'],
  ])('"%s" → %s', (text, tier) => {
    expect(tierOf(text)).toBe(tier);
  });
});

describe('a stroke sign or a blackout that passed by itself is a doctor today; one a doctor assessed is set aside (our words of the families audit9 showed)', () => {
  it.each<[string, Tier | null]>([
    // Signs in the words patients use, that lasted minutes and went: a TIA, a doctor today.
    ['vanochtend sprak ik ineens heel onduidelijk, na een kwartiertje was het voorbij', 'now'],
    ['mijn man kreeg zijn woorden er gisteren niet uit, na vijf minuten weer normaal', 'now'],
    ['zijn mondhoek hing gisteravond naar een kant, nu weer goed', 'now'],
    ['ik voelde de halve lip niet meer, na tien minuten terug normaal', 'now'],
    ['mijn linkerkant was gisteren een paar minuten helemaal slap, is nu terug weg', 'now'],
    ['ik ben op de trap even weggevallen, nu voel ik me weer goed', 'now'],
    // The same signs going on now stay 112.
    ['mijn vrouw praat ineens onduidelijk en haar mond hangt scheef', '112'],
    ['hij zakte net in mekaar en reageert niet', '112'],
    ['het werd me zwart voor de ogen en ik lag op de vloer', '112'],
    // Assessed by a doctor, or long ago: no alarm.
    ['vorige week druk op de borst gehad, op de spoedeisende hulp bleek het maagzuur', null],
    ['mijn knie is even weggevallen op de trap, is dat erg?', null],
    ['toen ik een jonge meid was ben ik een keer flauwgevallen, dat is zeker dertig jaar geleden', null],
    // Still 112 (over-triage, kept on purpose): the words that would set these aside ("ging het
    // weer", "was meteen weer bij", "alles in orde", "zeiden ze dat het", "mocht naar huis") also
    // set aside a sign going on now ("…, ik hoop dat het weer goed komt"; a review of the round).
    ['ze kon haar hand even niet optillen, na 5 minuten ging het weer', '112'],
    ['mijn vader is in de winkel in mekaar gezakt en was meteen weer bij', '112'],
    ['had pijn op de borst, de cardioloog heeft alles gecheckt, alles in orde', '112'],
    ['ik ben vorige maand flauwgevallen, volgens de huisarts was het gewoon een te lage bloeddruk', '112'],
    ['borstpijn gehad, op de seh zeiden ze dat het spierpijn was', '112'],
    ['na die pijn op de borst heb ik een hartfilmpje laten maken en dat was goed', '112'],
    // Words that only look like it.
    ['ik kon mijn verhaal niet kwijt bij de dokter', null],
    ['na 10 minuten fietsen doet mijn knie pijn', null],
    ['mijn knie is weer goed, mag ik gaan zwemmen', null],
  ])('"%s" → %s', (text, tier) => {
    expect(tierOf(text)).toBe(tier);
  });
});

describe('a ninth patient-style test: all of one\'s painkillers swallowed, and despair in few words', () => {
  it.each<[string, Tier | null]>([
    ['ik heb zonet al mijn slaappillen geslikt', '112'],
    ['hij heeft alle pijnstillers uit de kast ingenomen', '112'],
    ['mijn pijnstillers heb ik vanochtend ingenomen, mag ik dan oefenen?', null],
    ['wat heeft dat allemaal nog voor zin eigenlijk', 'crisis'],
    ['wat heeft het voor zin om te fietsen als mijn knie toch pijn blijft doen', null],
    ['alles mag voor mij nu ophouden', 'crisis'],
    ['het mag van mij stoppen met die pijn', null],
    ['ik zie het niet meer zitten om elke week naar jullie te komen', null],
    ['ik zie het niet meer zitten om nog verder te leven', 'crisis'],
    // Asking for a person with despair: the crisis line first (the test got only the callback offer).
    ['mag ik met iemand praten, ik hou het gewoon niet meer vol', 'crisis'],
    ['ik wil een mens spreken over mijn factuur', null],
    // A passive wish to die in a story (a probe of ours): no reason left to get up.
    ['ik weet eigenlijk niet meer waarom ik nog opsta elke dag', 'crisis'],
    ['ik heb geen reden meer om op te staan', 'crisis'],
    ['ik weet niet waarom ik zo stijf opsta, komt dat door artrose?', null],
  ])('"%s" → %s', (text, tier) => {
    expect(tierOf(text)).toBe(tier);
  });
});

describe('a review of round 13: a sign going on now stays, whatever is said after it of the past, hope or going home', () => {
  it.each<[string, Tier | null]>([
    ['mijn kuit is dik rood en warm en ik ben benauwd, gisteren mocht ik naar huis na mijn knieprothese', '112'],
    ['mijn knie is rood heet en dik en ik heb 39 koorts, ik mocht eergisteren naar huis na de operatie', 'now'],
    ['ik heb sinds een uur pijn op de borst en ik ben benauwd, op de spoed zeiden ze vorige keer dat het hyperventilatie was', '112'],
    ['pijn op de borst en zweten, mijn hart wordt morgen nagekeken, hopelijk is alles goed', '112'],
    ['druk op mijn borst en ik zweet, was het maagzuur?', '112'],
    ['mijn vrouw praat ineens onduidelijk en haar mond hangt scheef, ik ben weer bij haar', '112'],
    ['mijn vader praat raar en zijn mond hangt scheef, gaat alles weer mis', '112'],
    ['mijn arm en been zijn slap aan een kant sinds vanochtend, ik hoop dat het weer goed komt', '112'],
    ['ik wil een einde aan mijn leven maken, ik denk niet dat het ooit weer goed komt', 'crisis'],
    ['ik wil dood, het komt nooit meer weer goed', 'crisis'],
  ])('"%s" → %s', (text, tier) => {
    expect(tierOf(text)).toBe(tier);
  });
});

describe('despair with a call for help from anyone (a review: the call read as a request for the receptionist)', () => {
  it.each<[string, Tier | null]>([
    ['is er nog iemand die mij kan helpen, ik hou het echt niet meer vol', 'crisis'],
    ['help me alsjeblieft, ik zie geen uitweg meer', 'crisis'],
    ['ik heb dringend hulp nodig want ik trek het gewoon niet meer', 'crisis'],
    ['wie kan me helpen? ik ben het allemaal zo beu', 'crisis'],
    // A call for help about the exercises or an appointment is no despair about life.
    ['ik hou het niet vol met die oefeningen elke dag, kan iemand me helpen met een korter schema', null],
    ['kan iemand me helpen met een afspraak, ik wil niet meer naar die andere praktijk', null],
    ['kan iemand mij helpen met het invullen van het formulier', null],
  ])('"%s" → %s', (text, tier) => {
    expect(tierOf(text)).toBe(tier);
  });
});

describe("someone else already in a doctor's care (emergency.yaml inCare; audit10's stories, opened, in our words)", () => {
  it.each<[string, Tier | null]>([
    // A relative asking about rehab after the hospital: the doctor has the fall, the fever, the clot.
    ['Mijn tante is gevallen en kon niet meer op haar been staan, ze ligt nu op de afdeling. Kan ze daarna bij jullie terecht?', null],
    // A 112 sign is never set aside by someone else's care: told as someone else's it may still be the writer's.
    ['Mijn opa kreeg een scheve mond en kon niet meer goed praten. Hij ligt nu op de stroke unit in het ziekenhuis. Doen jullie ook revalidatie aan huis?', '112'],
    ['Kortademig en pijn op de borst. Hij ligt in het ziekenhuis, kan hem niet bezoeken.', '112'],
    ['Mijn zus had een rode, hete knie met koorts, ze krijgt nu antibiotica. Mag ze straks weer fietsen?', null],
    // Care without someone it is said of may be the writer's, told telegraphically; failing care is no care.
    ['Koorts en de wond lekt, kreeg al antibiotica, wordt erger', 'now'],
    ['Mijn moeder heeft koorts en een rode dikke knie, ze krijgt antibiotica maar het wordt erger', 'now'],
    ['Onze kat viel van de kast en kon niet meer staan, de dierenarts heeft haar nagekeken. Mag ik met mijn heup nog bukken?', null],
    // What is not set aside: the writer's own sign, a sign told after the care, someone newly named,
    // an operation that explains a clot, and a crisis.
    ['Ik heb pijn op de borst en zweet heel erg, mijn man ligt in het ziekenhuis', '112'],
    ['Mijn moeder ligt in het ziekenhuis. Nu hangt haar mondhoek ineens scheef en praat ze raar', '112'],
    ['Mijn broer is gevallen en kan niet meer staan. Mijn schoonzus ligt in het ziekenhuis.', 'now'],
    // A clause that names someone before the care may be about someone else (a review of this change).
    ['mijn vrouw heeft pijn op de borst en zweet, haar zus ligt in het ziekenhuis', '112'],
    ['mijn vader is gevallen en kan niet meer opstaan, de kat is bij de dierenarts', 'now'],
    ['Zijn kuit is dik, rood en warm, hij is vorige week geopereerd aan zijn knie', 'now'],
    ['Mijn dochter wil niet meer leven, ze is nu opgenomen', 'crisis'],
  ])('"%s" → %s', (text, tier) => {
    expect(tierOf(text)).toBe(tier);
  });
});

describe('a book, a film or the news telling of someone else (emergency.yaml story)', () => {
  it.each<[string, Tier | null]>([
    ['Ik zag een reportage over een vrouw die na haar val niet meer kon opstaan. Hoe voorkom ik dat met mijn heup?', null],
    // A story sets aside no 112 sign, and reaches no further than its clause.
    ['In de film die ik keek kreeg een man pijn op de borst en zweette hij hevig, en ik vroeg me af: mag ik met artrose nog sporten?', '112'],
    ['Oefeningen gedaan met het filmpje over knieoefeningen, daarna pijn op de borst en benauwd', '112'],
    // The writer's own thick calf with breathlessness: a clot that may have reached the lungs, 112.
    ['Zag een video over trombose, kuit dik en rood, heel benauwd', '112'],
    // The story ends where the writer, the writer's own people or now come in.
    ['Tijdens een programma over artrose kreeg ik ineens pijn op de borst en zweette ik', '112'],
    ['We keken een docu over de oorlog en mijn man viel om en reageert niet meer', '112'],
    ['Hij keek een filmpje over knieoefeningen en nu hangt zijn mond scheef', '112'],
    // Crisis signs stay, also in a story.
    ['In het boek dat ik lees wil de hoofdpersoon er een eind aan maken, net als ik', 'crisis'],
  ])('"%s" → %s', (text, tier) => {
    expect(tierOf(text)).toBe(tier);
  });
});

describe('a 112 sign that passed by itself (emergency.yaml passedTier)', () => {
  // Written for this test. A TIA or angina passes: a doctor sees it today, not never and not 112.
  it.each<[string, Tier | null]>([
    // A patient-style test got "Sorry, I have no good answer" for these.
    ['Gisteravond hing mijn mondhoek ineens scheef en ik kon even niet uit mijn woorden komen, nu is het weer over. Maar eigenlijk wilde ik vragen of fietsen goed is voor mijn knie?', 'now'],
    ['mijn mondhoek hing scheef, het is weer over', 'now'],
    ['ik had een drukkend gevoel op de borst maar het is weer weg', 'now'],
    ['vanmorgen was mijn arm ineens slap en voelde ik mijn gezicht niet, na een kwartier was het weer normaal', 'now'],
    ['ik had pijn op de borst en zweette heel erg, dat ging vanzelf over', 'now'],
    // Assessed by a doctor, or long ago: set aside, as before.
    ['vorige week pijn op de borst gehad, in het ziekenhuis onderzocht en het bleek niets', null],
    ['vorig jaar had ik pijn op mijn borst en was ik benauwd, dat is over', null],
    // Not a sign of the 112 tier: what passed is set aside.
    ['mijn knie was dik en rood, dat is weer weg', null],
    // "… is weg" after a sign names the sign itself (speech, feeling lost), not that it passed (found by review).
    ['mijn gezicht hangt scheef en mijn spraak is weg', '112'],
    ['ik heb pijn op de borst en het gevoel in mijn arm is weg', '112'],
    ['mijn mond hangt scheef en het gevoel in mijn arm is weg', '112'],
    ['ik kan niet plassen en het gevoel in mijn kruis is weg', 'now'],
    ['ik kan mijn plas niet ophouden, het gevoel tussen mijn benen is weg', 'now'],
    // A fifth patient-style test: speech that would not come for a while, and "helemaal over nu".
    ['gisteren kon ik een kwartiertje niet goed uit mijn woorden komen en hing mijn mond scheef, maar het is helemaal over nu. kan ik morgen bij jullie terecht voor mijn heup?', 'now'],
    ['mijn mond hing gisteren scheef, maar het is helemaal over nu', 'now'],
    ['een half uur lang kon hij niet meer goed praten, nu is het weer over', 'now'],
    // Present now: the tier of what is present.
    ['mijn mond hangt scheef', '112'],
    ['ik kon een paar minuten niet praten', '112'],
    ['het was even weg maar nu hangt mijn mond weer scheef', '112'],
  ])('"%s" → %s', (text, tier) => {
    expect(tierOf(text)).toBe(tier);
  });

  it('reports its own rule id, whose tier is passedTier', () => {
    expect(detector.detect('mijn mondhoek hing scheef, het is weer over')).toEqual({ tier: 'now', rule: 'passed-112' });
    expect(detector.tierOf('passed-112')).toBe('now');
  });

  it('without passedTier such a sign is set aside, as every passed sign is', () => {
    const without = new RedFlagDetector({ ...kb.emergency, passedTier: undefined }, kb.language, router.normalizer);
    expect(without.detect('mijn mondhoek hing scheef, het is weer over')).toBeUndefined();
  });
});

describe("the practice's country's services", () => {
  it.each<['NL' | 'BE', RegExp, RegExp]>([
    ['NL', /^113$/, /huisartsenpost/],
    ['BE', /^1813$/, /wachtpost via 1733/],
  ])('%s: crisis line %s, after hours %s', (country, crisis, afterHours) => {
    const texts = new SafetyTexts(kb.emergency, country);
    expect(texts.variables().crisisPhone).toMatch(crisis);
    expect(texts.variables().afterHoursService).toMatch(afterHours);
    expect(texts.instructionKey('now')).toBe(`emergency.now.${country}`);
    expect(texts.bookingAllowedAfter('soon')).toBe(true);
    expect(texts.bookingAllowedAfter('now')).toBe(false);
    expect(texts.bookingAllowedAfter(undefined)).toBe(true);
  });
});

describe("the tiers' sentences", () => {
  const t = new I18nextTranslator('locales');
  it.each(SUPPORTED_LOCALES)('%s has each tier and reminder for both countries, every placeholder filled from the services', (locale) => {
    for (const country of ['NL', 'BE'] as const) {
      const texts = new SafetyTexts(kb.emergency, country);
      for (const tier of TIERS) {
        for (const key of [texts.instructionKey(tier), texts.reminderKey(tier)]) {
          const sentence = t.t(locale, key, texts.variables());
          expect(sentence).not.toBe(key);
          expect(sentence).not.toMatch(/\{\{|undefined|emergency\./);
          if (tier === 'crisis') expect(sentence).toContain(country === 'NL' ? '113' : '1813');
        }
      }
    }
  });
});

describe('review metadata', () => {
  const reviewed = (on: string, next: string | null) => ({ reviewedBy: 'M. de Vries, fysiotherapeut', reviewedOn: on, nextReview: next });
  const withReviews = (topic: object, emergency: object, crisis: object = emergency) => {
    const topics = new Map([...kb.topics].map(([id, t]) => [id, { ...t, ...topic }]));
    return { ...kb, topics, emergency: { ...kb.emergency, ...emergency }, crisisExamples: { ...kb.crisisExamples!, ...crisis } };
  };

  it('lists the red-flag list, the crisis examples and every topic', () => {
    const states = reviewStates(kb);
    expect(states.slice(0, 2).map((s) => s.file)).toEqual(['emergency.yaml', 'crisis-examples.yaml']);
    expect(states).toHaveLength(kb.topics.size + 2);
    expect(reviewStates({ ...kb, crisisExamples: undefined })).toHaveLength(kb.topics.size + 1);
  });

  it('warns about content never reviewed, and fails it in a production build', () => {
    const dev = lintReviews(kb, '2026-12-01', false);
    expect(dev.errors).toEqual([]);
    expect(dev.warnings.map((w) => w.file)).toEqual(expect.arrayContaining(['emergency.yaml', 'crisis-examples.yaml']));
    const prod = lintReviews(kb, '2026-12-01', true);
    expect(prod.errors.length).toBe(kb.topics.size + 2);
    expect(prod.errors[0].problem).toMatch(/never reviewed/);
  });

  it('warns when a review is due and passes reviews in date', () => {
    const due = lintReviews(withReviews(reviewed('2025-06-01', '2026-06-01'), reviewed('2025-06-01', '2026-06-01')), '2026-12-01', true);
    expect(due.errors).toEqual([]);
    expect(due.warnings).toHaveLength(kb.topics.size + 2);
    expect(due.warnings[0].problem).toMatch(/review due since 2026-06-01/);
    const fine = lintReviews(withReviews(reviewed('2026-06-01', '2027-06-01'), reviewed('2026-06-01', '2027-06-01')), '2026-12-01', true);
    expect(fine).toEqual({ warnings: [], errors: [] });
  });

  it('fails a production build while only the crisis examples were never reviewed', () => {
    const onlyCrisis = withReviews(reviewed('2026-06-01', '2027-06-01'), reviewed('2026-06-01', '2027-06-01'), { reviewedBy: null, reviewedOn: null, nextReview: null });
    expect(lintReviews(onlyCrisis, '2026-12-01', true).errors.map((e) => e.file)).toEqual(['crisis-examples.yaml']);
  });
});

describe('the Teams manifest description', () => {
  it('says what the bot is for and not for, with the emergency numbers and the privacy page, and claims nothing more', () => {
    const manifest = JSON.parse(readFileSync('manifest/manifest.template.json', 'utf8')) as { description: { short: string; full: string } };
    expect(manifest.description.short.length).toBeLessThanOrEqual(80);
    expect(manifest.description.short).toMatch(/Geen diagnose, geen spoed/);
    const full = manifest.description.full;
    for (const re of [/informatie/, /afspraak/, /geen diagnose/, /niet bedoeld voor spoed/, /112/, /113/, /privacyverklaring/]) expect(full).toMatch(re);
    expect(full).not.toMatch(/richtlijn|betrouwbaar|veilig|diagnose stelt|behandelt/i);
  });
});

describe('emergency.yaml checks', () => {
  const problemsAfter = (fn: (s: string) => string): string[] => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-safety-'));
    cpSync('knowledge', dir, { recursive: true });
    const path = join(dir, 'emergency.yaml');
    writeFileSync(path, fn(readFileSync(path, 'utf8')));
    const { knowledge, problems } = loadKnowledge(dir);
    return (knowledge ? [...problems, ...lintKnowledge(knowledge)] : problems).map(formatProblem);
  };

  it.each<[string, (s: string) => string, RegExp]>([
    ['a rule with an unknown tier', (s) => s.replace('tier: crisis, all: [suicidal]', 'tier: later, all: [suicidal]'), /emergency\.yaml: rules\.\d+\.tier: /],
    ['a rule naming an unknown concept', (s) => s.replace('all: [suicidal]', 'all: [suicidal, no-such-concept]'), /emergency\.yaml: rules\.suicidal: unknown concept "no-such-concept"/],
    ['a country without its crisis line', (s) => s.replace('    crisisPhone: "1813"\n', ''), /emergency\.yaml: countries\.BE\.crisisPhone/],
    ['a guard to an unknown topic', (s) => s.replace('instead: surgery-rehab', 'instead: no-such-topic'), /topicGuards\.0: "no-such-topic" is not a known topic id/],
    ['a review date that is no date', (s) => s.replace('reviewedOn: null', 'reviewedOn: gisteren'), /emergency\.yaml: reviewedOn: expected YYYY-MM-DD/],
    ['a sentence word list left out', (s) => s.replace(/^  nowWords: .*\n/m, ''), /emergency\.yaml: sentenceWords\.nowWords: /],
    ['a sentence word with a capital or a space', (s) => s.replace('clauseBreaks: [maar,', 'clauseBreaks: [Maar ook,'), /emergency\.yaml: sentenceWords\.clauseBreaks\.0: expected one lowercase word/],
    ['the crisis line after a rule that is not 112', (s) => s.replace('tier: crisis, all: [suicidal], none: [wake-body-eased-saf21] }', 'tier: crisis, all: [suicidal], none: [wake-body-eased-saf21], crisisLine: true }'), /emergency\.yaml: rules\.\d+: `crisisLine` is for 112 rules only/],
    ['a sentence word the normaliser rewrites', (s) => s.replace('personal: [ik,', 'personal: [mn, ik,'), /emergency\.yaml: sentenceWords\.personal: "mn" is read as "mijn"/],
  ])('names the file and field for %s', (_name, fn, expected) => {
    expect(problemsAfter(fn).join('\n')).toMatch(expected);
  });

  it('reads a review date written as a YAML date', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-safety-'));
    cpSync('knowledge', dir, { recursive: true });
    const path = join(dir, 'emergency.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('reviewedOn: null', 'reviewedOn: 2026-11-30'));
    expect(loadKnowledge(dir).knowledge?.emergency.reviewedOn).toBe('2026-11-30');
  });
});
