import { routed, router, type Locale } from './helpers/routerKit';

// Round 19 (issue 22): the families a fourteenth writer showed once opened. Medical words and
// their salts or adjectives, English words in a Dutch question, words spelt as they sound and
// youth chat shorthand. The sentences are our own wordings of each family, none taken from an
// evaluation set.

describe('medical words reach the topic the plain word reaches', () => {
  it.each<[string, Locale, string]>([
    ['bestaat er een curatieve therapie voor knieartrose?', 'nl-NL', 'cure'],
    ['wat doe ik bij een exacerbatie van mijn heupartrose?', 'nl-BE', 'flare-up'],
    ['helpt chondroitinesulfaat tegen slijtage?', 'nl-NL', 'supplements'],
    ['hoeveel helpt gewichtsreductie bij knieartrose?', 'nl-BE', 'weight-loss'],
    ['is het gerefereerde pijn als mijn heup naar de knie straalt?', 'nl-NL', 'knee-pain-from-hip'],
  ])('"%s" (%s) is answered with %s', (text, locale, topic) => {
    expect(routed(text, locale)).toEqual({ intent: 'faq', topic });
  });
});

describe('English words in a Dutch question', () => {
  it.each<[string, Locale, string]>([
    ['kan mijn kraakbeen terug regrowen?', 'nl-NL', 'cure'],
    ['helpt stoppen met smoking tegen mijn artrose?', 'nl-BE', 'lifestyle'],
    ['wat voor gadgets zijn er voor in de badkamer?', 'nl-NL', 'aids-adaptations'],
  ])('"%s" (%s) is answered with %s', (text, locale, topic) => {
    expect(routed(text, locale)).toEqual({ intent: 'faq', topic });
  });
});

describe('words spelt as they sound read as the standard word', () => {
  it.each<[string, Locale, string]>([
    ['is artroze te genezen?', 'nl-BE', 'cure'],
    ['helpt een bandaasje bij knieartrose?', 'nl-NL', 'brace-insoles'],
    ['mag ik met mijn kunstheup weer danse?', 'nl-NL', 'prosthesis-rules'],
    ['hoevul kost een behandling', 'nl-NL', 'costs'],
    ['hialuron in mijn heup, helpt dat?', 'nl-BE', 'hyaluronic-acid-prp'],
  ])('"%s" (%s) is answered with %s', (text, locale, topic) => {
    expect(routed(text, locale)).toEqual({ intent: 'faq', topic });
  });
});

describe('youth chat shorthand and spoken spellings of a request', () => {
  it.each<[string, Locale, string]>([
    ['ik wil graach een nieuwe afsprak', 'nl-NL', 'booking'],
    ['kan ik gwn met iemand bellen?', 'nl-BE', 'handoff'],
    ['tnx', 'nl-NL', 'thanks'],
    ['idk wat ik hier kan vragen', 'nl-NL', 'help'],
  ])('"%s" (%s) asks for %s', (text, locale, intent) => {
    expect(routed(text, locale).intent).toBe(intent);
  });
});

describe('skipping exercises and a hope about the morning reach their topics', () => {
  it.each<[string, Locale, string]>([
    ['mag ik mijn oefeningen een dag overslaan?', 'nl-NL', 'exercise-therapy'],
    ['ik hoop morgen niet zo stijf wakker te worden', 'nl-BE', 'morning-stiffness'],
  ])('"%s" (%s) is answered with %s', (text, locale, topic) => {
    expect(routed(text, locale)).toEqual({ intent: 'faq', topic });
  });
});

describe('a request typed without a comma after whom it is for', () => {
  it.each<[string, Locale, string]>([
    ['hoi ik typ even voor mijn opa hij wil een afspraak', 'nl-NL', 'booking'],
    ['hallo ik schrijf voor mijn vader hij wil graag een afspraak maken', 'nl-BE', 'booking'],
    ['ik heb al weken pijn aan mijn knie ik wil een afspraak', 'nl-NL', 'booking'],
  ])('"%s" (%s) asks for %s', (text, locale, intent) => {
    expect(routed(text, locale).intent).toBe(intent);
  });
});

describe('a call back asked about the appointment asks for a person', () => {
  it.each<[string, Locale, string]>([
    ['bel me terug over mijn afspraak', 'nl-NL', 'handoff'],
    ['kunt u me terugbellen over mijn afspraak?', 'nl-BE', 'handoff'],
    // With a word of doing something to the appointment it still changes the appointment.
    ['bel me terug, ik wil mijn afspraak verzetten', 'nl-NL', 'cancel-booking'],
  ])('"%s" (%s) asks for %s', (text, locale, intent) => {
    expect(routed(text, locale).intent).toBe(intent);
  });
});

describe('a choice is never one topic and "something else" when another topic reads more words', () => {
  it.each<[string, Locale, string, string]>([
    ['is traplopen slecht voor heupartrose?', 'nl-NL', 'stairs', 'exercise-safe'],
    ['Is traplopen slecht voor coxartrose?', 'nl-BE', 'stairs', 'exercise-safe'],
  ])('"%s" (%s) answers %s or offers it beside %s', (text, locale, first, other) => {
    const d = router.route(text, { locale });
    if (d.intent === 'faq') expect(d.topic).toBe(first);
    else expect(d.candidates.map((c) => c.topic)).toEqual(expect.arrayContaining([first, other]));
  });
});
