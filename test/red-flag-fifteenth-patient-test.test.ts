import { bookingKit, type Locale } from './helpers/bookingScript';

// A fifteenth patient-style test (tester 15). An angry patient fed up with waiting for a call back
// asked for a person and got the crisis text, twice: the second time after saying they were not
// suicidal. A new hip one can no longer stand on after turning in bed, or that "stands
// differently", got no answer. A swollen calf with breathlessness, and sudden severe
// breathlessness typed freely, got a doctor today while the screening's own question gives 112
// for the same words. A suicide joke about hanging with a laugh got nothing. Our own wordings,
// typed as patients type, nl-NL and nl-BE.

const { talk } = bookingKit();
const CRISIS = /^Dank je dat je dit vertelt/;
const CRISIS_LINE = /113|1813/;
const CALL_112 = /Bel nu 112/;
const DOCTOR_NOW = /vandaag nog door een (arts|dokter)|Bel nu je huisarts/;

describe('fed up with the service and asking for a person is no crisis', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'ik ben het zat, al twee keer gebeld en nog steeds niet teruggebeld. ik wil een medewerker'],
    ['nl-NL', 'ik heb er genoeg van, niemand neemt bij jullie op, ik wil nu iemand spreken'],
    ['nl-BE', 'ik ben het beu, ik wacht al dagen op een telefoontje van de receptie'],
    ['nl-NL', 'ik ben er klaar mee met die chatbot, ik wil een echt mens spreken'],
    ['nl-NL', 'ik ben het zo zat, kan ik iemand van de praktijk spreken?'],
    ['nl-BE', 'ik ben echt boos, drie keer gebeld en niemand belt mij terug, help'],
    ['nl-NL', 'ik ben niet suicidaal, ik ben gewoon kwaad. geef me iemand van de receptie'],
    ['nl-NL', 'ik ben niet suïcidaal hoor'],
  ])('%s: "%s"', async (locale, message) => {
    const [r] = await talk(locale, [message]);
    expect(r.text).not.toMatch(CRISIS);
    expect(r.text).not.toMatch(CRISIS_LINE);
  });

  it('after an angry message, a denial is no crisis either, and booking stays open', async () => {
    const r = await talk('nl-NL', ['ik heb er genoeg van!! al vijf keer gebeld en niemand belt terug', 'wat? ik ben niet suicidaal, ik ben boos. ik wil iemand spreken', 'afspraak maken']);
    for (const turn of r) expect(turn.text).not.toMatch(CRISIS_LINE);
    expect(r[2].text).toMatch(/akkoord/);
  });

  it.each<[Locale, string]>([
    // Despair said with the anger, or heavier words with the plea: still the crisis line.
    ['nl-NL', 'ik ben het zat, niemand belt terug en ik wil er eigenlijk niet meer zijn'],
    ['nl-NL', 'ik zie geen uitweg meer, ik wil met iemand praten'],
    ['nl-BE', 'ik ben wanhopig en niemand belt terug, kan er iemand mij helpen'],
    ['nl-NL', 'ik ben het zo zat, ik wil met iemand praten'],
    // A denial followed by what the writer does feel is read for what follows.
    ['nl-NL', 'ik ben niet suicidaal, maar ik hou het echt niet meer vol'],
  ])('%s: "%s" → crisis', async (locale, message) => {
    const [r] = await talk(locale, [message]);
    expect(r.text).toMatch(CRISIS_LINE);
  });
});

describe('a new hip or knee that no longer bears weight or stands differently is a doctor today', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'sinds ik me in bed omdraaide kan ik niet meer op mijn nieuwe heup staan'],
    ['nl-BE', 'ik kan nie meer op mijn nieuwe knie steunen sinds ik me bukte'],
    ['nl-NL', 'mijn kunstheup staat ineens anders sinds vanochtend'],
    ['nl-BE', 'mijn nieuwe heup zit opeens verkeerd sinds ik uit de zetel opstond'],
    ['nl-NL', 'mijn prothese doet raar en mijn been is korter dan het andere'],
  ])('%s: "%s"', async (locale, message) => {
    const [r] = await talk(locale, [message]);
    expect(r.text).toMatch(DOCTOR_NOW);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'mijn nieuwe heup voelt na 2 maanden nog wat stijf bij het fietsen, is dat normaal?'],
    ['nl-NL', 'mijn nieuwe knie voelt anders dan de oude, went dat nog?'],
    ['nl-BE', 'de eerste week na mijn nieuwe heup kon ik amper staan, nu gaat het goed. mag ik zwemmen?'],
  ])('%s: "%s" → no alarm', async (locale, message) => {
    const [r] = await talk(locale, [message]);
    expect(r.text).not.toMatch(/Bel nu|vandaag nog door een (arts|dokter)/);
  });
});

// Sudden breathlessness alone stays a doctor today, as issue 20's tiers put "sudden breathlessness
// after surgery"; with a swollen calf it is a clot that may have reached the lungs: 112.
describe('a swollen calf with breathlessness is 112; sudden breathlessness alone a doctor today', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'mijn kuit is opgezet en ik ben benauwd'],
    ['nl-BE', 'ik krijg slecht lucht en mijn kuit is gezwollen'],
  ])('%s: "%s"', async (locale, message) => {
    const [r] = await talk(locale, [message]);
    expect(r.text).toMatch(CALL_112);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'ik ben sinds vanmiddag ineens kortademig'],
    ['nl-NL', 'ik ben opeens heel erg benauwd'],
    ['nl-BE', 'ik heb plots grote moeite met ademen'],
    ['nl-NL', 'mijn kuit is dik na het wandelen en ik ben benauwd bij traplopen'],
  ])('%s: "%s" → a doctor today', async (locale, message) => {
    const [r] = await talk(locale, [message]);
    expect(r.text).toMatch(DOCTOR_NOW);
  });
});

describe('hanging oneself said with a laugh is still the crisis line', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'als die pijn zo doorgaat hang ik mezelf nog op haha'],
    ['nl-NL', 'ik hang me straks nog op van ellende lol'],
    ['nl-BE', 'haha ze gaan mij nog vinden aan de balk als dit zo blijft'],
    ['nl-NL', 'ik hang me op als dit nog een week duurt'],
  ])('%s: "%s"', async (locale, message) => {
    const [r] = await talk(locale, [message]);
    expect(r.text).toMatch(CRISIS_LINE);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'mag ik met mijn heup aan een rekstok hangen?'],
    ['nl-NL', 'ik hang de was op, dan doet mijn schouder pijn'],
  ])('%s: "%s" → no crisis', async (locale, message) => {
    const [r] = await talk(locale, [message]);
    expect(r.text).not.toMatch(CRISIS_LINE);
  });
});
