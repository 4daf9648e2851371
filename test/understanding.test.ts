import { parseConfig } from '../src/config';
import { loadValidatedKnowledge } from '../src/knowledge';
import { Router } from '../src/understanding';

const config = parseConfig({});
const router = new Router(loadValidatedKnowledge('knowledge'), { thresholds: config.router, maxChars: config.maxMessageChars });
const route = (text: string, locale: 'nl-NL' | 'nl-BE' = 'nl-NL') => router.route(text, { locale });

describe('understanding patients', () => {
  it('finds the question at the end of a long story', () => {
    const d = route(
      'Ik fiets elke zondag met mijn vrienden en sinds de zomer doet mijn knie pijn na afloop. De huisarts zegt dat het artrose is. Hoe vaak per week moet ik dan eigenlijk bewegen?',
    );
    expect(d).toMatchObject({ intent: 'faq', topic: 'activity-guideline' });
  });

  it('reads Flemish spoken forms as standard Dutch', () => {
    expect(route('wa kunde zelf doen tegen artrose in uwe knie?', 'nl-BE')).toMatchObject({ intent: 'faq', topic: 'self-care' });
    expect(route('wordt de kine terugbetaald door de mutualiteit of moet ik alles zelf betalen', 'nl-BE')).toMatchObject({ topic: 'reimbursement' });
  });

  it('corrects a slip of the keyboard but leaves real words alone', () => {
    expect(route('helpt een ingectie bij knieartrose')).toMatchObject({ intent: 'faq', topic: 'injection' });
    expect(router.normalizer.correctedWords('gemerkt bepalen')).toEqual(['gemerkt', 'bepalen']);
  });

  it('reads an unknown compound by its known head word and a diminutive as its word', () => {
    expect(router.normalizer.correctedWords('pijnmedicatie')).toEqual(['pijn', 'medicatie']);
    expect(router.normalizer.correctedWords('knietje')).toEqual(['knie']);
  });

  it('reads an age said as an ordinal after a possessive as an age, whatever the number', () => {
    // Every age of a band reads the same, so a number no phrasing names still reaches the topic.
    const stems = (text: string) => router.normalizer.normalize(text).stems;
    for (const text of ['op mijn 41ste al artrose', "op m'n 27e al artrose", 'op je dertigste al artrose', 'op haar 44de al artrose']) {
      expect(stems(text)).toEqual(stems('op jonge leeftijd al artrose'));
    }
    expect(stems('op mijn 63ste artrose')).toEqual(stems('op mijn leeftijd artrose'));
    // Without a possessive an ordinal is a date or a count, and a number in no band is no age.
    expect(stems('op de 21ste')).toContain('21ste');
    expect(stems('mijn 3de afspraak')).toContain('3de');
    expect(route('ik heb op mijn 41ste al artrose in mijn heup, hoe kan dat?')).toMatchObject({ intent: 'faq', topic: 'young-age' });
    expect(route('op mijn 44ste al versleten knieen, is dat niet vroeg?', 'nl-BE')).toMatchObject({ intent: 'faq', topic: 'young-age' });
  });

  it('does not answer a question about something else that shares a few words with a topic', () => {
    for (const text of ['hoeveel kost een parkeerkaart voor het centrum van gent', 'welk shampoo helpt tegen roos']) {
      expect(route(text).intent).not.toBe('faq');
    }
  });

  it('lets a denial reach only the red flag it stands before', () => {
    expect(route('ik heb pijn in de nacht en ben zonder dieet veel gewicht verloren').intent).toBe('emergency');
    expect(route('ik ben bewust afgevallen met een dieet en heb soms nachtpijn').intent).not.toBe('emergency');
    expect(route('geen koorts of roodheid, wel een stijve knie, is dat artrose?').intent).not.toBe('emergency');
  });

  it('recognises red flags told in other words', () => {
    for (const text of [
      'mijn oma is onderuitgegaan in de keuken en haar been lijkt korter en naar buiten gedraaid',
      'ik krijg bijna geen lucht meer sinds mijn knieoperatie',
      'de hechtingen van mijn nieuwe heup etteren en ik heb koorts',
      'sinds vanmiddag kan ik mijn voet niet meer optillen',
    ]) {
      expect(route(text).intent).toBe('emergency');
    }
    expect(route('ik ben snel buiten adem bij het traplopen, mag ik wel sporten?').intent).not.toBe('emergency');
  });

  it('gives a confidence between 0 and 1 and the signals behind it', () => {
    const [best] = router.explain('mag ik zwemmen met heupartrose?');
    expect(best.owner).toBe('which-sport');
    for (const v of [best.score, best.sim, best.cover, best.prob, best.overlap]) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
  });
});
