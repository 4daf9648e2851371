import { expectTiers } from './helpers/redFlagTiers';

// Round 20 (saf27, issue 20): ordinary questions that use alarming words, and the red flags beside
// them that must still fire. A warning someone quoted, a leaflet, an animal, someone already in
// hospital, a cut that stopped bleeding, ending a sport or not wanting to bother anyone are no
// alarm; a temperature typed as "39°" or "39gr" is a fever where a cycling speed is not; someone
// who does not know their own people since this afternoon is a doctor today. Our own sentences,
// the Netherlands and Flanders, read as the bot reads them (the rules, then the crisis net).

describe('said of something else, quoted or over: no alarm', () => {
  expectTiers(
    [
      // Not wanting to bother anyone, before a practical question.
      ['ik wil niemand tot last zijn, daarom vraag ik of er parkeerplaats is bij de praktijk', null],
      ["'k wil niemand tot last zijn, dus mijn vraag: komt de kine ook aan huis?", null],
      ['Ik wil jullie niet tot last zijn met al mijn vragen, maar hoe lang duurt een behandeling?', null],
      ['Mijn vrouw plaagt dat ik haar tot last ben met mijn geklaag over mijn knie. Mag ze mee binnen?', null],
      ["ons moeder lacht dat we haar tot last zijn met ons gebel, haha. Hoe laat zijn jullie open?", null],
      // A warning someone gave, quoted.
      ['Mijn huisarts zegt dat je bij een dikke rode knie met koorts meteen moet bellen. Mijn knie is alleen stijf, verder niks.', null],
      ['de kinesist zei vorige week bij koorts en een warme knie direct bellen, is dat ook zo na een prothese?', null],
      ['Onze fysio noemde een dikke, pijnlijke kuit na de operatie als alarmsignaal. Hoe vaak gebeurt zoiets?', null],
      // A leaflet, someone already in hospital.
      ['In de brochure van de kliniek stond iets over een ontstoken knieprothese. Komt dat vaak voor?', null],
      ['mijn schoonzus ligt in het ziekenhuis met een knieprothese die ontstoken is, moet ik daar bang voor zijn?', null],
      // An animal, its signs listed over a comma.
      ['mijn pony heeft een hete, gezwollen knie en koorts, de dierenarts is gebeld. Mag ik zelf nog rijden met mijn heup?', null],
      ['ons hondje heeft een warme, dikke poot en koorts, de veearts komt straks. Kan ik met mijn knie gewoon gaan wandelen?', null],
      // A small cut that stopped bleeding.
      ['Ik sneed in mijn duim bij het afwassen, het bloeden is snel gestopt. Kan ik vanavond naar de les?', null],
      ["'k heb mij gesneden aan een blad papier, pleister erop en gestopt met bloeden. Mag ik morgen zwemmen?", null],
      // Ending a sport.
      ['ik maak er een eind aan, met dat hardlopen, wat kan ik beter doen voor mijn knie?', null],
      ["'k maak er nen einde aan, aan dat voetballen", null],
      ['ik wil een einde aan het tennissen maken met mijn knie, welke sport kan nog wel?', null],
      // Who a booking is for, said while booking for someone else (the crisis net read a wish).
      ['neen, toch voor mezelf', null],
      ['wacht even, het is voor mezelf', null],
      ['sorry, het is toch voor mij', null],
      // A speed or a distance typed with a comma or glued: no temperature.
      ['38,5 km/u gemiddeld gefietst en nu is mijn knie wat dik', null],
      ['mijn tempo was 38.5 kmh, sindsdien is mijn knie gezwollen', null],
      ['na 39,5 km wandelen is mijn knie opgezet, is dat erg?', null],
      // Long known, not new.
      ['mijn vader herkent ons al jaren niet meer door zijn dementie, kan hij nog oefenen?', null],
    ],
    true,
  );
});

describe('the same words with a sign of the writer or of someone in their care: the alarm stays', () => {
  expectTiers(
    [
      ['ik ben iedereen tot last, ik wil er niet meer zijn', 'crisis'],
      ['ik wil het voor mezelf beëindigen', 'crisis'],
      ['het is voor mezelf, ik wil er niet meer zijn', 'crisis'],
      ["'k wil niemand nog tot last zijn, mijn pillen liggen klaar", 'crisis'],
      ['mijn vrouw moppert dat ik haar tot last ben, en ik wil er gewoon niet meer zijn', 'crisis'],
      ['ik maak er een eind aan, aan mijn leven', 'crisis'],
      ['ik maak er een eind aan, ik kan niet meer', 'crisis'],
      ['de fysio zei dat ik bij koorts meteen moet bellen, en nu heb ik 38,9 en een rode dikke knie', 'now'],
      ['mijn paard trapte me, nu is mijn knie dik en warm en heb ik koorts', 'now'],
      ['ons paard heeft een dikke knie, en ik heb sinds gisteren koorts en een rode knie', 'now'],
      ['de wonde van mijn nieuwe heup is gestopt met bloeden maar is nu rood en warm', 'now'],
      ['het bloeden was even gestopt, maar nu gutst het er weer uit', '112'],
      ['het bloeden is niet gestopt, het stroomt er nog altijd uit', '112'],
      ['ik keek een filmpje met oefeningen, daarna warme dikke knie en koorts', 'now'],
      ['mijn vrouw haar nieuwe heup is sinds vanochtend rood en heet en ze heeft koorts', 'now'],
      // The temperature as patients type it.
      ['ik heb 39° en pijn in al mijn gewrichten', 'soon'],
      ['39 °C en mijn knieën doen meer pijn dan anders', 'soon'],
      ["'k heb 39gr en mijne knie is dik en rood", 'now'],
      ['temperatuur 39 graden en een warme, dikke knie', 'now'],
      ['ik heb 38,7 en een rode knie', 'now'],
      ['al twee dagen 38,4 en mijn knieën zeuren meer', 'soon'],
      // Someone who does not know their own people since today.
      ['mijn moeder herkent ons sinds vanmiddag niet meer', 'now'],
      ['herkent ons sinds vanmiddag niet meer, mijn vader is 81', 'now'],
      ['ons ma herkent mij sinds deze namiddag ni meer', 'now'],
    ],
    true,
  );
});

// fix20a (review of saf27): the phrases that set a sign aside reached too far and silenced these.
// The alarm is back; the silent sentences beside them stay silent.
describe('fix20a: an ending of oneself, bleeding that goes on, a quoted warning one has now, a relative beside a story, an average beside a fever', () => {
  expectTiers(
    [
      ['ik maak er morgen een einde aan, aan al dat gezeur en aan mezelf', 'crisis'],
      ['ik ga er een eind aan maken, aan het wachten en aan alles', 'crisis'],
      ['ik maak er vanavond een eind aan, aan al dat gezeur en die pijn', 'crisis'],
      ['ik maak er een eind aan, aan het tennis en aan mezelf', 'crisis'],
      ['ik maak er een eind aan met het tennis', null],
      ['ik maak er een eind aan, aan dat hardlopen', null],
      ['hoe lang duurt het voor het stopt met bloeden? het blijft maar stromen uit mijn been', '112'],
      ['is nog steeds niet gestopt met bloeden', '112'],
      ['de wond is gestopt met bloeden, mag ik douchen?', null],
      ['39 graden koorts bij een gezwollen warme knie, moet je dan meteen bellen of kan het tot maandag wachten?', 'now'],
      ['heb hoge koorts bij een rode knie na mijn operatie, moet je dan direct komen?', 'now'],
      ['de fysio zei dat ik bij koorts en een rode knie direct moest bellen. Dat is nu zo.', 'now'],
      ['bij een rode warme knie en koorts moet je meteen bellen toch? Dat heb ik sinds vanmorgen', 'now'],
      ['de fysio zei dat ik bij koorts en een rode knie direct moest bellen, klopt dat?', null],
      ['onze hond mankt, en oma heeft een warme dikke kuit na haar operatie', 'now'],
      ['in de folder staat iets over trombose, kuit is dik rood en warm sinds gisteren', 'now'],
      ['mijn paard heeft een warme, dikke knie en koorts', null],
      ['ik heb gemiddeld 38,6 gemeten vandaag en mijn knie is rood en warm', 'now'],
      // As typed in Flanders.
      ['ik maak er morgen een einde aan, aan al dat gedoe en aan mezelf', 'crisis'],
      ['hoe lang duurt het tot het stopt met bloeden? het blijft maar stromen uit mijn been', '112'],
    ],
    true,
  );
});

