import { routed, type Locale } from './helpers/routerKit';

// Round 20 (issue 22): the families a fifteenth writer showed once opened. Figures in a question
// (counts, times, doses, phone numbers) and sums. The sentences are our own wordings of each
// family, none taken from an evaluation set.

describe('a figure in a question does not send it out of scope', () => {
  it.each<[string, Locale, string]>([
    ['ik wandel 3 keer per week 40 minuten, is dat genoeg beweging?', 'nl-NL', 'activity-guideline'],
    ['ik neem al 6 weken 3x per dag paracetamol, mag dat zomaar?', 'nl-NL', 'pain-medication'],
    ['ik heb 12 behandelingen gehad, hoeveel worden er terugbetaald?', 'nl-BE', 'reimbursement'],
    ["ik ben zo'n 20 minuten stijf na het opstaan, wat kan ik doen?", 'nl-NL', 'morning-stiffness'],
  ])('"%s" (%s) is answered with %s', (text, locale, topic) => {
    expect(routed(text, locale)).toEqual({ intent: 'faq', topic });
  });
});

describe('a phone number or a time in a request keeps the request', () => {
  it.each<[string, Locale, string]>([
    ['kan iemand mij na 16u bellen op 0486 11 22 33?', 'nl-BE', 'handoff'],
    ['mijn afspraak van 9:30 moet ik afzeggen', 'nl-NL', 'cancel-booking'],
  ])('"%s" (%s) asks for %s', (text, locale, intent) => {
    expect(routed(text, locale).intent).toBe(intent);
  });
});

describe('a sum is still no question for the practice', () => {
  it.each<[string, Locale]>([
    ['wat is 12 keer 8?', 'nl-NL'],
    ['hoeveel is 20 procent van 150', 'nl-BE'],
  ])('"%s" (%s) gets no topic and no choice of topics', (text, locale) => {
    expect(routed(text, locale)).toEqual({ intent: 'none', topic: null });
  });
});
