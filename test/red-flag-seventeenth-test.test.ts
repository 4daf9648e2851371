import { bookingKit, type Locale } from './helpers/bookingScript';

// A seventeenth patient-style test (tester 17, issue 20). A fall after which the leg cannot be
// moved got no answer unless "any more" was typed; asking what happens when one takes all one's
// painkillers at once got the painkiller answer; a low oxygen saturation with breathlessness, and a
// cold, pale, painful foot (blood flow blocked) got nothing. Our own wordings, typed as patients
// type, nl-NL and nl-BE, with the everyday messages that must stay silent.

const { talk } = bookingKit();
const CRISIS_LINE = /113|1813/;
const CALL_112 = /Bel nu 112/;
const DOCTOR_NOW = /vandaag nog door een (arts|dokter)|Bel nu je huisarts/;
const ANY_ALARM = /Bel nu|vandaag nog door een (arts|dokter)|113|1813|huisarts/;

describe('a fall after which the leg will not move is a doctor today', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'ik ben gevallen en kan mijn been niet bewegen'],
    ['nl-NL', 'omg mn opa is van de trap gevallen en hij kan zn been niet bewegen 😭'],
    ['nl-BE', 'mijne pa is van de trap gevallen en kan zijn been nie bewegen'],
    ['nl-BE', 'ma is in de badkamer uitgeschoven en ze kan haar been ni bewege'],
    ['nl-NL', 'oma is gestruikeld over de mat, ze kan haar heup niet bewegen van de pijn'],
    ['nl-NL', 'mijn vader is op het ijs uitgegleden en kan zijn rechterbeen niet verroeren'],
    ['nl-BE', 'ik ben van de ladder gevallen en kan er niet op steunen'],
    ['nl-NL', 'opa is gevallen en kan er niet op staan'],
  ])('%s: "%s"', async (locale, message) => {
    const [r] = await talk(locale, [message]);
    expect(r.text).toMatch(DOCTOR_NOW);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'sinds mijn val vorig jaar kan ik mijn been niet goed strekken, welke oefeningen?'],
    ['nl-NL', 'sinds mijn val vorig jaar kan ik mijn been niet goed bewegen, welke oefeningen helpen?'],
    ['nl-NL', 'ik ben gevallen maar ik kan mijn been gewoon bewegen, mag ik oefenen?'],
    ['nl-NL', 'na mijn val kan ik mijn knie nog niet helemaal buigen, is dat normaal?'],
    ['nl-BE', 'mijn knie wil s morgens nie goed bewegen, hij is zo stijf'],
  ])('%s: "%s" → no alarm', async (locale, message) => {
    const [r] = await talk(locale, [message]);
    expect(r.text).not.toMatch(ANY_ALARM);
  });
});
