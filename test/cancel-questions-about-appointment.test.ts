import { bookingKit, type Locale } from './helpers/bookingScript';

// Questions ABOUT an appointment still started the cancellation: "must I come fasting to my
// appointment", "may my husband come along to the appointment". Their words of coming ("come",
// "along") are the cancellation's words of not coming, here asked without the negation, and the
// rest of the question ("fasting", "husband") read as no clear topic, which kept the cancellation.
// A question that names its appointment cancels only with a negation, a word of changing it or a
// day; one the bot has no topic for gets the honest not-sure answer with a person. Typed as
// patients type, in our own wordings, nl-NL and nl-BE at a Dutch and a Belgian practice.

const { talkAt: say } = bookingKit();
type Country = 'NL' | 'BE';

/** The cancel flow's question for the code. */
const ASKS_CODE = /Wat is de referentie van je afspraak/;
/** The answer for a question without a topic: not sure, with a person to ask. */
const NOT_SURE = /^Sorry, daar heb ik geen goed antwoord op/;
const PERSON = 'Iemand spreken';

describe('a question about an appointment does not start the cancellation', () => {
  it.each<[Country, Locale, string]>([
    ['NL', 'nl-NL', 'moet ik voor mijn afspraak nuchter komen'],
    // A review of round 15: going to the appointment on a day is no move to that day.
    ['NL', 'nl-NL', 'moet ik naar mijn afspraak van morgen een handdoek meenemen?'],
    ['NL', 'nl-NL', 'mag ik met de fiets naar mijn afspraak donderdag'],
    ['BE', 'nl-BE', 'mag mijn vent mee naar de afspraak'],
    ['NL', 'nl-NL', 'mag ik met de auto komen naar mijn afspraak'],
    ['NL', 'nl-NL', 'is er een lift bij mijn afspraak'],
    ['BE', 'nl-BE', 'hoe lang duurt mijn afspraak'],
    ['BE', 'nl-BE', 'moet ik een handdoek meebrengen'],
    ['NL', 'nl-NL', 'kan mijn kleinzoon mee'],
    ['NL', 'nl-NL', 'mag mijn buurvrouw meekomen naar mijn afspraak'],
    ['NL', 'nl-NL', 'kan ik op de fiets komen naar de afspraak?'],
    ['BE', 'nl-BE', 'mag ons moeder mee naar mijn afspraak'],
    ['BE', 'nl-BE', 'moet ik in sportkleren komen naar mijn afspraak'],
    ['BE', 'nl-NL', 'mag mijn vriend meekomen naar de afspraak'],
    ['NL', 'nl-BE', 'moet ik op blote voeten komen naar mijn afspraak'],
    ['NL', 'nl-NL', 'moet ik morgen nuchter komen naar mijn afspraak'],
    ['BE', 'nl-BE', 'mag mijn vent morgen mee naar mijn afspraak'],
  ])('%s practice, %s: "%s" does not ask for the reference', async (country, locale, question) => {
    const [reply] = await say(country, locale, [question]);
    expect(reply.text).not.toMatch(ASKS_CODE);
  });

  it.each<[Country, Locale, string]>([
    ['NL', 'nl-NL', 'moet ik voor mijn afspraak nuchter komen'],
    ['BE', 'nl-BE', 'moet ik nuchter komen naar mijn afspraak'],
    ['NL', 'nl-NL', 'moet ik op blote voeten komen naar mijn afspraak'],
  ])('%s practice, %s: "%s", which no topic answers, gets the honest not-sure answer with a person', async (country, locale, question) => {
    const [reply] = await say(country, locale, [question]);
    expect(reply.text).toMatch(NOT_SURE);
    expect(reply.actions).toContain(PERSON);
  });
});

describe('a cancellation or a move that names its appointment still is one', () => {
  it.each<[Country, Locale, string]>([
    ['NL', 'nl-NL', 'ik kan niet komen naar mijn afspraak'],
    ['BE', 'nl-BE', 'mijn afspraak gaat niet door van mijn kant'],
    ['NL', 'nl-NL', 'kan mijn afspraak een uur later'],
    ['NL', 'nl-NL', 'ik zeg mijn afspraak van dinsdag af'],
    ['BE', 'nl-BE', 'kan ik mijn afspraak nog wijzigen'],
    ['BE', 'nl-BE', 'kan mijn afspraak naar vrijdag'],
    ['NL', 'nl-NL', 'kan de afspraak van maandag naar woensdag?'],
    ['BE', 'nl-BE', 'kan mijn afspraak naar de week erna'],
    ['NL', 'nl-BE', 'ik raak niet tot aan mijn afspraak morgen'],
    ['BE', 'nl-NL', 'ik kom niet naar mijn afspraak, mijn knie doet te veel pijn'],
  ])('%s practice, %s: "%s" asks for the reference', async (country, locale, message) => {
    const [reply] = await say(country, locale, [message]);
    expect(reply.text).toMatch(ASKS_CODE);
  });
});
