import { parseConfig } from '../src/config';
import { loadValidatedKnowledge } from '../src/knowledge';
import { Router } from '../src/understanding';

const config = parseConfig({});
const router = new Router(loadValidatedKnowledge('knowledge'), { thresholds: config.router, maxChars: config.maxMessageChars });

describe('router', () => {
  it.each<[string, 'nl-NL' | 'nl-BE', string, string | null]>([
    ['mag ik sporten met knieartrose?', 'nl-NL', 'faq', 'which-sport'],
    ['moet ik eerst een rontgenfoto laten maken', 'nl-NL', 'faq', 'xray-needed'],
    ['heb ik een verwijzing van de huisarts nodig', 'nl-NL', 'faq', 'referral'],
    ['wordt de kine terugbetaald door het ziekenfonds', 'nl-BE', 'faq', 'reimbursement'],
    ['ik ben gevallen en kan niet meer op mijn been staan', 'nl-NL', 'emergency', null],
    ["'k ben gevallen en ik kan ni meer rechtstaan", 'nl-BE', 'emergency', null],
    ['mijn knie is rood en dik en ik heb 39 graden koorts', 'nl-NL', 'emergency', null],
    ['ik heb pijn op de borst', 'nl-BE', 'emergency', null],
    ['mijn knie is stijf maar ik heb geen koorts, is dat normaal in de ochtend?', 'nl-NL', 'faq', 'morning-stiffness'],
    ['afspraak maken', 'nl-NL', 'booking', null],
    ['ik wil mijn afspraak annuleren', 'nl-NL', 'cancel-booking', null],
    ['kan ik een medewerker spreken', 'nl-NL', 'handoff', null],
    ['opnieuw', 'nl-NL', 'restart', null],
    ['help', 'nl-BE', 'help', null],
    ['hallo', 'nl-NL', 'greeting', null],
    ['dank je wel', 'nl-NL', 'thanks', null],
    ['asdfghjkl', 'nl-NL', 'none', null],
  ])('routes "%s" (%s) to %s %s', (text, locale, intent, topic) => {
    const d = router.route(text, { locale });
    expect(d.intent).toBe(intent);
    if (topic) expect(d.topic).toBe(topic);
  });

  it.each(['wat wordt het weer morgen in utrecht', 'hoeveel kost een treinkaartje naar brussel'])(
    'does not answer the out-of-scope "%s" as if it were a topic',
    (text) => {
      expect(router.route(text, { locale: 'nl-NL' }).intent).not.toBe('faq');
    },
  );

  it('asks which topic is meant for a single word instead of guessing', () => {
    const d = router.route('heup', { locale: 'nl-NL' });
    expect(d.intent).toBe('clarify');
    expect(d.candidates.length).toBeGreaterThanOrEqual(1);
  });

  it('reads a clicked follow-up label as its topic', () => {
    expect(router.route('Beweegnorm', { locale: 'nl-NL' })).toMatchObject({ intent: 'faq', topic: 'activity-guideline' });
  });

  it('never throws, whatever it is given', () => {
    for (const text of ['', ' ', '💥🔥', '<script>alert(1)</script>', "'; DROP TABLE x; --", 'a'.repeat(100_000), '\u0000\u0007']) {
      expect(() => router.route(text, { locale: 'nl-NL' })).not.toThrow();
    }
  });

  it('warms up in slices of a few milliseconds, so messages are not held up behind it', async () => {
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 0);
    await router.warmUp();
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(2);
    expect(router.route('wat is artrose', { locale: 'nl-NL' })).toMatchObject({ intent: 'faq', topic: 'what-is-osteoarthritis' });
  });
});
