import { router, type Locale } from './helpers/routerKit';

// Patients who know the medical words (a retired nurse, a carer) or who spell them by ear: a
// family a fourteenth writer's styles showed only as aggregates (issue 22). The sentences are our
// own wordings of the family, never the writer's.

describe('a question in the medical words is answered with its topic', () => {
  it.each<[string, Locale, string]>([
    ['gonartrose, wat houdt dat precies in?', 'nl-NL', 'what-is-osteoarthritis'],
    ['is een corticosteroid injectie zinvol bij gonartrose', 'nl-NL', 'injection'],
    ['mag ik hardlopen met coxartrose?', 'nl-BE', 'running'],
    ['is artrose reversibel?', 'nl-NL', 'cure'],
    ['helpt hydrotherapie bij heupartrose?', 'nl-BE', 'which-sport'],
    ['crepitatie in mijn knie bij het traplopen, is dat artrose?', 'nl-NL', 'symptoms'],
    ['cryotherapie of warmte bij een opvlamming van mijn knie?', 'nl-BE', 'heat-cold'],
  ])('"%s" (%s) is answered with %s', (text, locale, topic) => {
    const d = router.route(text, { locale });
    expect({ intent: d.intent, topic: d.topic }).toEqual({ intent: 'faq', topic });
  });
});

describe('a word spelt by ear, with a k for a c, is read as the word', () => {
  it.each<[string, Locale, string]>([
    ['korticosteroiden in de knie, helpt dat bij artrose?', 'nl-NL', 'injection'],
    ['kortisone prik in mijn heup, hoe vaak mag dat?', 'nl-BE', 'injection'],
  ])('"%s" (%s) is answered with %s', (text, locale, topic) => {
    const d = router.route(text, { locale });
    expect({ intent: d.intent, topic: d.topic }).toEqual({ intent: 'faq', topic });
  });

  // The first letters still have to agree otherwise: a k for a c is a sound, not any slip.
  it.each<[string, Locale]>([
    ['kwallen in zee, prikken die?', 'nl-NL'],
  ])('"%s" (%s) is not read as a physiotherapy question', (text, locale) => {
    expect(router.route(text, { locale }).intent).not.toBe('faq');
  });
});

// A seventeenth patient-style test: the word that greets ("dag") is also the noun ("a day").
describe('a greeting word after an article or a count is no greeting', () => {
  it.each<[string, Locale]>([
    ['is het erg als ik een dag mijn oefeningen oversla?', 'nl-NL'],
    ['mag ik de oefeningen elke dag doen of is om de dag beter?', 'nl-BE'],
    ['een hele dag in de tuin gewerkt, nu pijn in mijn knie', 'nl-NL'],
  ])('"%s" (%s) is not answered as a greeting', (text, locale) => {
    expect(router.route(text, { locale }).intent).not.toBe('greeting');
  });

  it.each<[string, Locale]>([
    ['dag!', 'nl-NL'],
    ['goeiedag', 'nl-BE'],
    ['ja dag', 'nl-NL'],
  ])('"%s" (%s) still greets', (text, locale) => {
    expect(router.route(text, { locale }).intent).toBe('greeting');
  });
});
