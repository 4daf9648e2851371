import { bookingKit, type Locale } from './helpers/bookingScript';

// A wish refused in the patient's own message starts no flow: a story that ends in "… and I
// don't want to cancel it", "I don't want to move my appointment, but …", "I don't want to book
// yet", "I want no staff member" (a review: each started the flow it refused). A wish made after a
// refused one, or a negation that makes the wish ("I can't come"), still does. Typed as patients
// type, in nl-NL and nl-BE; the wordings are our own.

const { talk } = bookingKit();

/** What each flow says first: the cancellation asks for the code, the booking for consent, a person is offered. */
const OPENS = {
  cancel: /Wat is de referentie van je afspraak\?/,
  booking: /Voor een afspraak stel ik je een paar vragen/,
  handoff: /kan met je meelezen in deze chat|Wil je dat een medewerker je terugbelt/,
};
const ANY_FLOW = new RegExp(Object.values(OPENS).map((r) => r.source).join('|'));

describe('a refused wish starts no flow', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'mijn knie doet al weken pijn en ik heb nog een afspraak staan, en die wil ik niet annuleren'],
    ['nl-BE', 'vorige week was ik bij jullie voor mijn heup, ik wil de afspraak van vrijdag niet afzeggen'],
    ['nl-NL', 'de fysio heeft me goed geholpen en mijn volgende afspraak wil ik niet afzeggen'],
    ['nl-NL', 'ik wil mijn afspraak niet verzetten, maar ik vraag me af of ik mag fietsen'],
    ['nl-BE', 'ik wil mijn afspraak niet verplaatsen, maar mag ik nog zwemmen'],
    ['nl-NL', 'mijn heup is stijf sinds de zomer en ik wil nog geen afspraak maken'],
    ['nl-BE', 'ik heb artrose in mijn knie, ik wil nog geen afspraak boeken'],
    ['nl-NL', 'mijn knie is dik, ik wil geen medewerker spreken'],
    ['nl-BE', 'ik hoef geen mens te spreken, ik heb gewoon een vraag over mijn knie'],
    ['nl-BE', 'mijn knie is al beter, ik wil niet teruggebeld worden'],
    ['nl-BE', 'ik heb een vraag over oefeningen, ik moet geen medewerker spreken'],
    ['nl-NL', 'mijn buurvrouw ging naar jullie toe en was tevreden, ik hoef niemand te spreken'],
  ])('%s: "%s"', async (locale, typed) => {
    const [r] = await talk(locale, [typed]);
    expect(r.text).not.toMatch(ANY_FLOW);
    expect(r.text).not.toMatch(/113|1813/);
  });
});

describe('a wish made, also beside a negation, still starts its flow', () => {
  it.each<[Locale, string, RegExp]>([
    ['nl-NL', 'ik kan morgen niet komen, mijn dochter is jarig, dus ik wil de afspraak afzeggen', OPENS.cancel],
    ['nl-BE', 'ik heb wat last van mijn heup, ik wil niet verzetten maar annuleren', OPENS.cancel],
    ['nl-NL', 'mijn vader kreeg een nieuwe knie, maar ik wil niet wachten en graag een afspraak', OPENS.booking],
    ['nl-BE', 'ik heb veel pijn, mijn huisarts belt niet terug, ik wil graag iemand spreken', OPENS.handoff],
    ['nl-NL', 'ik heb nog geen afspraak bij jullie, ik wil er graag een maken', OPENS.booking],
    ['nl-BE', 'ik geraak er niet uit met die oefeningen, ik wil een medewerker', OPENS.handoff],
  ])('%s: "%s"', async (locale, typed, opens) => {
    const [r] = await talk(locale, [typed]);
    expect(r.text).toMatch(opens);
  });
});
