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

  // "goed" is in "alles goed?" and in patients' questions about getting better: only a message
  // with a greeting word is small talk.
  it.each<[string, 'nl-NL' | 'nl-BE']>([
    ['zal mijn heup ooit nog goed worden', 'nl-NL'],
    ['komt dat nog goed met mijn knie of blijft dat zo', 'nl-BE'],
  ])('does not take the question "%s" (%s) for a greeting', (text, locale) => {
    expect(router.route(text, { locale }).intent).not.toBe('greeting');
  });

  it.each<[string, 'nl-NL' | 'nl-BE', string]>([
    ['hey, alles goed daar?', 'nl-NL', 'greeting'],
    ['merci voor de uitleg over die oefeningen', 'nl-BE', 'thanks'],
  ])('still takes "%s" (%s) for %s', (text, locale, intent) => {
    expect(router.route(text, { locale }).intent).toBe(intent);
  });

  it.each(['wat wordt het weer morgen in utrecht', 'hoeveel kost een treinkaartje naar brussel'])(
    'does not answer the out-of-scope "%s" as if it were a topic',
    (text) => {
      expect(router.route(text, { locale: 'nl-NL' }).intent).not.toBe('faq');
    },
  );

  // The misses named in issue 22, and messages like them.
  it.each<[string, 'nl-NL' | 'nl-BE', string, string | null]>([
    ['afspraak voor mijn moeder', 'nl-NL', 'booking', null],
    ['ik wil een nieuwe afspraak', 'nl-NL', 'booking', null],
    ['kan ik morgen komen?', 'nl-NL', 'booking', null],
    ['geen bot aub, gewoon een mens', 'nl-NL', 'handoff', null],
    // An eighth patient-style test: a plea for help got a choice of aids (hulpmiddelen).
    ['Kan er iemand mij helpen?', 'nl-BE', 'handoff', null],
    ['wie kan me helpen', 'nl-NL', 'handoff', null],
    ['ik heb hulp nodig', 'nl-NL', 'help', null],
    ['Dag, alles goed?', 'nl-BE', 'greeting', null],
    ['hallo allemaal', 'nl-NL', 'greeting', null],
    ['kan ik mijn afspraak naar een andere dag verzetten', 'nl-NL', 'cancel-booking', null],
    ['kunnen jullie me terugbellen', 'nl-BE', 'handoff', null],
    ['ik heb een klacht, ik wil iemand spreken', 'nl-NL', 'handoff', null],
    ['Steroid injection knie, hoe vaak?', 'nl-NL', 'faq', 'injection'],
    ['Beste sleeping position bij heupartrose?', 'nl-NL', 'faq', 'sleep'],
    ['in het vlaams aub', 'nl-NL', 'switch-locale-be', null],
  ])('routes "%s" (%s) to %s %s', (text, locale, intent, topic) => {
    const d = router.route(text, { locale });
    expect(d.intent).toBe(intent);
    if (topic) expect(d.topic).toBe(topic);
  });

  it.each([
    'ogen laten nakijken',
    'knie van mijn broek gescheurd',
    'artrose bij mijn paard',
    'heupfles',
    'tandarts',
    'oogarts',
    'rijbewijskeuring',
    'hoe zet ik mijn wifi router opnieuw aan',
  ])('does not answer the near-miss "%s" with a topic', (text) => {
    expect(router.route(text, { locale: 'nl-NL' }).intent).not.toBe('faq');
  });

  // A choice between topics is offered only when most of the message is the knowledge base's own
  // words; a topic far ahead of the others is answered, even as one word or at a lower score.
  it.each<[string, string, string | null]>([
    ['welke bloemen plant ik best in het voorjaar', 'none', null],
    ['verwijsbrief', 'faq', 'referral'],
    ['moet ik een verwijsbrief hebben', 'faq', 'referral'],
    // A lead of 0.3 over the next topic, at a score under ROUTER_ANSWER_MIN (the clear lead the folds choose is 0.25).
    ['is het slim om mijn knie te sparen', 'faq', 'exercise-safe'],
    ['heup', 'clarify', null],
    ['Awel, goeiemiddag hé', 'greeting', null],
  ])('routes "%s" to %s %s, not to a choice it does not need', (text, intent, topic) => {
    const d = router.route(text, { locale: 'nl-NL' });
    expect(d.intent).toBe(intent);
    if (topic) expect(d.topic).toBe(topic);
  });

  // Issue 22's domain gate for actions and answers: a message whose only known words are
  // question words names nothing; an action or a topic must account for enough of the message
  // itself, not just share a word with it ("afspraak" at the hairdresser's).
  it.each<[string, 'nl-NL' | 'nl-BE', string]>([
    ['hoe laat is het', 'nl-NL', 'none'],
    ['ik wil een afspraak bij de kapper', 'nl-NL', 'none'],
    ['wanneer komt de vuilniskar', 'nl-BE', 'none'],
    ['ik wil graag een afspraak maken voor mijn knie', 'nl-NL', 'booking'],
    ['mijn afspraak van vrijdag moet naar een andere week', 'nl-BE', 'cancel-booking'],
    // A side named in the joint asks what the joint asks (a seventh patient-style test got "Sorry").
    ['graag een afspraak voor mijn linkerknie', 'nl-NL', 'booking'],
    ['afspraak voor mijne rechtse heup aub', 'nl-BE', 'booking'],
    ['ik zou een afspraak willen voor mijn rechterheup', 'nl-NL', 'booking'],
  ])('routes "%s" (%s) to %s', (text, locale, intent) => {
    expect(router.route(text, { locale }).intent).toBe(intent);
  });

  // Issue 22, from the folds' misses: an inflected form the phrasings do not use is read as the
  // word they do use, before typo correction can take it for another word ("verplaats" became
  // "verplaatst", the partitive "kouds" became "kous"); a misspelt compound as its parts.
  it.each<[string, string, string]>([
    ['niets zwaars', 'zwaar', 'zwaars'],
    ['ik verplaats', 'verplaatsen', 'verplaatst'],
    ['ik heb veel gewandeld', 'wandel', 'gewandeld'],
    ['een pijnlijkere knie', 'pijnlijk', 'pijnlijkere'],
    // A domain compound with a slip in its head.
    ['wat doet een fysiotherpeut', 'therapeut', 'fysiotherpeut'],
    // Letters spelt alike in sound (s for z) cost as little as a letter left out.
    ['last van artroze', 'artrose', 'artroze'],
  ])('reads "%s" with "%s" when routing', (text, read, not) => {
    const words = router.normalizer.routingWords(router.normalizer.baseWords(text));
    expect(words).toContain(read);
    expect(words).not.toContain(not);
  });

  // A greeting or thanks addressed to the practice is small talk, however known the address word
  // is; with a question after it, it is the question.
  it.each<[string, 'nl-NL' | 'nl-BE', string]>([
    ['goeiemorgen fysio', 'nl-NL', 'greeting'],
    ['dag kinesist', 'nl-BE', 'greeting'],
    ['bedankt team', 'nl-NL', 'thanks'],
    ['good morning', 'nl-NL', 'greeting'],
    ['could I speak to somebody', 'nl-NL', 'handoff'],
    ['wat kan deze robot allemaal', 'nl-BE', 'help'],
  ])('routes "%s" (%s) to %s', (text, locale, intent) => {
    expect(router.route(text, { locale }).intent).toBe(intent);
  });

  // A negation turns a booking into a cancellation but asks for nothing by itself: these were
  // read as cancel-booking (found by a patient-style test). The negation, not the rest of the
  // message, carried the learned weight for cancelling.
  it.each<[string, 'nl-NL' | 'nl-BE']>([
    ['ik kan niet meer op mijn been staan', 'nl-NL'],
    ['weet ik niet', 'nl-NL'],
    ['kan ik niet', 'nl-NL'],
    ['ik snap het niet', 'nl-NL'],
    ['nu even niet', 'nl-NL'],
    ['ik weet het nog niet precies', 'nl-NL'],
    // Like them, of our own.
    ['dat weet ik echt niet', 'nl-BE'],
    ['nee hoor, liever niet', 'nl-NL'],
    ['ik kan mijn arm niet goed optillen', 'nl-NL'],
    ['lukt me niet', 'nl-BE'],
    ['nooit', 'nl-NL'],
  ])('does not read "%s" (%s) as a request to cancel or move an appointment', (text, locale) => {
    const d = router.route(text, { locale, safetyChecked: true });
    expect(d.intent).not.toBe('cancel-booking');
    expect(d.intent).not.toBe('booking');
  });

  it.each<[string, 'nl-NL' | 'nl-BE', string]>([
    ['Ik kan niet komen morgen', 'nl-NL', 'cancel-booking'],
    ['ik kan mijn afspraak niet halen', 'nl-NL', 'cancel-booking'],
    ['mijn afspraak gaat niet door', 'nl-BE', 'cancel-booking'],
    ['ik kom morgen niet', 'nl-NL', 'cancel-booking'],
    // A negation in a booking or a request for a person keeps its meaning.
    ['ik heb nog geen afspraak, kan ik er een maken', 'nl-NL', 'booking'],
    ['u begrijpt me niet, ik wil iemand anders', 'nl-NL', 'handoff'],
    ["'k snap het niet, help", 'nl-BE', 'help'],
  ])('still reads "%s" (%s) as %s', (text, locale, intent) => {
    expect(router.route(text, { locale, safetyChecked: true }).intent).toBe(intent);
  });

  it('neither answers nor starts an action for a question about something the bot does not know', () => {
    expect(['none', 'clarify']).toContain(router.route('waar kan ik mijn paspoort aanvragen', { locale: 'nl-NL' }).intent);
  });

  it('still reads a question word alone as a follow-up on the topic answered last', () => {
    const d = router.route('en waarom dan?', { locale: 'nl-NL', previousTopic: 'morning-stiffness' });
    expect(['faq', 'clarify']).toContain(d.intent);
  });

  it('reads a short follow-up against the topic answered last', () => {
    expect(router.route('En bij de knie?', { locale: 'nl-NL', previousTopic: 'which-sport' })).toMatchObject({ intent: 'faq', topic: 'which-sport' });
    expect(router.route('En bij de knie?', { locale: 'nl-NL' }).intent).not.toBe('faq');
    expect(router.route('hoe lang duurt dat?', { locale: 'nl-NL', previousTopic: 'physio-treatment' })).toMatchObject({ intent: 'faq', topic: 'treatment-duration' });
  });

  it('answers the topic just answered when a follow-up points back at it, instead of a choice with its neighbour', () => {
    // Found by a patient-style test: after the rules after a new hip, a choice between them and
    // "new knee or new hip" (which shares the title's words).
    const d = router.route('hoe lang duurt dat?', { locale: 'nl-NL', previousTopic: 'prosthesis-rules', safetyChecked: true });
    expect(d).toMatchObject({ intent: 'faq', topic: 'prosthesis-rules', followUp: true });
    expect(router.route('hoe lang duurt dat?', { locale: 'nl-NL', safetyChecked: true }).followUp).toBeUndefined();
  });

  it('leaves the topic for a question the message answers alone, also without "en": "mag ik zaterdag fietsen?" after the opening hours', () => {
    expect(router.route('mag ik zaterdag fietsen?', { locale: 'nl-NL', previousTopic: 'practice-info', safetyChecked: true })).toMatchObject({ intent: 'faq', topic: 'which-sport' });
    expect(router.route('en zaterdag?', { locale: 'nl-NL', previousTopic: 'practice-info', safetyChecked: true })).toMatchObject({ intent: 'faq', topic: 'practice-info', followUp: true });
  });

  it.each([
    ['en sporten?', 'self-care', 'which-sport'],
    ['en fietsen?', 'self-care', 'which-sport'],
    ['en bij de knie?', 'self-care', 'self-care'],
    ['en hoe lang duurt dat?', 'self-care', 'self-care'],
    ['en bij de huisarts?', 'pain-medication', 'pain-medication'],
  ])('a follow-up "%s" after %s: a question the message answers alone leaves the topic, one that points back or says too little stays (%s)', (text, previousTopic, topic) => {
    expect(router.route(text, { locale: 'nl-NL', previousTopic })).toMatchObject({ intent: 'faq', topic });
  });

  it.each([
    ['Goedemiddag, ik wil graag een afspraak maken, ik heb last van mijn heup', 'booking', undefined],
    ['Hallo, ik wil een afspraak maken voor mijn vader', 'booking', undefined],
    ['goeiemiddag, zijn jullie open op zaterdag?', 'faq', 'practice-info'],
    ['bedankt, en mag ik ook zwemmen?', 'faq', 'which-sport'],
    ['goedemorgen allemaal', 'greeting', undefined],
  ])('reads a message a greeting or thanks only opens: "%s" → %s', (text, intent, topic) => {
    const d = router.route(text, { locale: 'nl-NL' });
    expect(d.intent).toBe(intent);
    if (topic) expect(d.topic).toBe(topic);
  });

  it('answers "en in België?" after an answer with that topic as it is in Belgium, without switching language', () => {
    expect(router.route('en in België?', { locale: 'nl-NL', previousTopic: 'referral' })).toMatchObject({ intent: 'faq', topic: 'referral', answerLocale: 'nl-BE' });
    expect(router.route('en in nederland?', { locale: 'nl-BE', previousTopic: 'reimbursement' })).toMatchObject({ intent: 'faq', topic: 'reimbursement', answerLocale: 'nl-NL' });
    expect(router.exactIntent('en in België?')).toBeUndefined();
    expect(router.exactIntent('België')).toBe('switch-locale-be');
  });

  it('finds the two questions of a message that asks two', () => {
    expect(router.questionParts('mag ik fietsen en hoeveel moet ik bewegen?')).toEqual(['mag ik fietsen', 'hoeveel moet ik bewegen?']);
    expect(router.questionParts('Mag ik zwemmen? En helpt ijs?')).toEqual(['Mag ik zwemmen?', 'En helpt ijs?']);
    expect(router.questionParts('pijn en stijfheid in de ochtend')).toEqual(['pijn en stijfheid in de ochtend']);
  });

  it('asks which topic is meant for a single word instead of guessing', () => {
    const d = router.route('heup', { locale: 'nl-NL' });
    expect(d.intent).toBe('clarify');
    expect(d.candidates.length).toBeGreaterThanOrEqual(1);
  });

  it('reads a clicked follow-up label as its topic', () => {
    expect(router.route('Beweegnorm', { locale: 'nl-NL' })).toMatchObject({ intent: 'faq', topic: 'activity-guideline' });
  });

  // Found by a fifth patient-style test (the first of each group), with wordings of our own.
  describe('found by a fifth patient-style test', () => {
    // An appointment for oneself: "mezelf", "mijzelf" and "zelf" name who it is for, not self-care.
    it.each<[string, 'nl-NL' | 'nl-BE']>([
      ['ik wil een afspraak voor mezelf', 'nl-NL'],
      ['ik wil een afspraak voor mijzelf', 'nl-NL'],
      ["'k zou graag een afspraak willen voor mezelve", 'nl-BE'],
      ['can I book an appointment for myself', 'nl-NL'],
    ])('"%s" (%s) is a booking', (text, locale) => {
      expect(router.route(text, { locale }).intent).toBe('booking');
    });

    // Typos in the words of a request: a vowel left out of a short word, letters swapped.
    it.each<[string, 'nl-NL' | 'nl-BE', string]>([
      ['afspraak makn', 'nl-NL', 'booking'],
      ['ik wil een afspraak makn voor mijn heup', 'nl-NL', 'booking'],
      // The phrasings hold these very slips, once each, under cancelling and moving: they were
      // read as cancelling until a rare word one slip from a common one was read as that word.
      ['ik wil een afpsraak', 'nl-NL', 'booking'],
      ['afsrpaak maken', 'nl-BE', 'booking'],
    ])('"%s" (%s) is %s', (text, locale, intent) => {
      expect(router.route(text, { locale }).intent).toBe(intent);
    });

    it.each(['kust', 'poot', 'pols'])('does not read the short word "%s" as a longer one', (word) => {
      expect(router.normalizer.routingWords([word])).toEqual([word]);
    });

    // A greeting before a request is the request; before small talk or a name it is a greeting.
    it.each<[string, 'nl-NL' | 'nl-BE', string]>([
      ['hi, I am from England, can I book an appointment for my hip?', 'nl-NL', 'booking'],
      ['hallo, ik wil graag een afspraak voor mijn knie', 'nl-BE', 'booking'],
      ['hoi, afspraak makn', 'nl-NL', 'booking'],
      ['hello, I would like to see a physio for my knee', 'nl-NL', 'none'],
      ['Dag, alles goed?', 'nl-BE', 'greeting'],
      ['hallo, ik ben Piet', 'nl-NL', 'greeting'],
    ])('"%s" (%s) is %s', (text, locale, intent) => {
      expect(router.route(text, { locale }).intent).toBe(intent);
    });

    // A situation, then the question in the last clause: the question decides among the topics.
    it.each<[string, 'nl-NL' | 'nl-BE', string]>([
      ['ik heb last van mijn knie, wat kan fysio doen?', 'nl-NL', 'physio-treatment'],
      ['mijn knie doet al maanden pijn, wat kan een kine daaraan doen?', 'nl-BE', 'physio-treatment'],
    ])('"%s" (%s) is answered with %s', (text, locale, topic) => {
      expect(router.route(text, { locale })).toMatchObject({ intent: 'faq', topic });
    });

    // Parts of a sentence sent one by one: no topic and no choice of topics; a keyword alone and
    // a short request still are what they were.
    it.each<[string, 'nl-NL' | 'nl-BE']>([
      ['ik zit hier op de bank', 'nl-NL'],
      ['en ineens', 'nl-NL'],
      ['in de badkamer', 'nl-NL'],
      ['op de trap', 'nl-BE'],
      ['en toen', 'nl-BE'],
    ])('"%s" (%s) is a part of a sentence, not a question', (text, locale) => {
      expect(router.route(text, { locale })).toMatchObject({ intent: 'none', fragment: true });
    });

    it.each<[string, string, string | null]>([
      ['verwijsbrief', 'faq', 'referral'],
      ['en ineens?', 'faq', 'flare-up'],
      ['ik wil bellen', 'handoff', null],
      ['zwemmen met artrose', 'faq', 'which-sport'],
    ])('"%s" is still %s %s', (text, intent, topic) => {
      const d = router.route(text, { locale: 'nl-NL' });
      expect(d.intent).toBe(intent);
      if (topic) expect(d.topic).toBe(topic);
      expect(d.fragment).toBeUndefined();
    });
  });

  // A story that ends in a request is the request (booking-sixth-patient-test.test.ts); a story that
  // ends in a question about it stays that question, also without a question mark.
  it.each<[string, 'nl-NL' | 'nl-BE', string]>([
    ['ik heb artrose in mijn schouder, kan ik daarvoor ook bij jullie terecht', 'nl-NL', 'other-joints'],
    ['mijn moeder heeft heupartrose, wat kan zij zelf doen', 'nl-NL', 'self-care'],
    ['ik twijfel aan mijn behandeling, kan iemand anders eens meekijken', 'nl-BE', 'second-opinion'],
  ])('answers the question after a story: "%s" (%s)', (text, locale, topic) => {
    expect(router.route(text, { locale })).toMatchObject({ intent: 'faq', topic });
  });

  // An age said as a plain number sets the scene from 50 on, and is read as no word: it counted
  // as an unknown word against every topic (a story with an age fell out of scope), or tied the
  // story to a phrasing that names that number. A young age is the young-age question.
  it.each<[string, string, 'nl-NL' | 'nl-BE']>([
    ['ik ben 71 en mijn knie is \'s ochtends heel stijf, is dat normaal', 'mijn knie is \'s ochtends heel stijf, is dat normaal', 'nl-NL'],
    ['ons moeder van 83 heeft heupartrose, mag ze nog fietsen', 'ons moeder heeft heupartrose, mag ze nog fietsen', 'nl-BE'],
    ['mijn man is 69 en heeft knieartrose, wordt fysiotherapie vergoed', 'mijn man heeft knieartrose, wordt fysiotherapie vergoed', 'nl-NL'],
  ])('answers "%s" as it answers the story without the age', (withAge, without, locale) => {
    const d = router.route(withAge, { locale });
    expect(d.intent).toBe('faq');
    expect(d.topic).toBe(router.route(without, { locale }).topic);
  });

  it.each<[string, 'nl-NL' | 'nl-BE']>([
    ['ik ben 42 en heb al artrose in mijn knie, hoe kan dat', 'nl-NL'],
    ['ik ben 38 en mijn knie is versleten, is dat niet te jong', 'nl-BE'],
  ])('reads a young age said as a number as the young-age question: "%s"', (text, locale) => {
    expect(router.route(text, { locale })).toMatchObject({ intent: 'faq', topic: 'young-age' });
  });

  it.each<[string, 'nl-NL' | 'nl-BE']>([
    ['hoeveel is 15 keer 17', 'nl-NL'],
    ['wat is 17 keer 23', 'nl-BE'],
  ])('still does not answer a sum: "%s"', (text, locale) => {
    expect(router.route(text, { locale }).intent).toBe('none');
  });

  // "knieën" folds to a word the stemmer leaves apart from "knie": read as the knee.
  it.each<[string, string, 'nl-NL' | 'nl-BE', string]>([
    ['mijn knieën zijn \'s ochtends stijf, hoe komt dat', 'mijn knie is \'s ochtends stijf, hoe komt dat', 'nl-NL', 'morning-stiffness'],
    ['mag ik fietsen met versleten knieën', 'mag ik fietsen met een versleten knie', 'nl-BE', 'which-sport'],
    ['mijn vader heeft twee nieuwe knieën, mag hij knielen', 'mijn vader heeft een nieuwe knie, mag hij knielen', 'nl-NL', 'prosthesis-rules'],
  ])('reads "%s" as "%s"', (plural, singular, locale, topic) => {
    const a = router.route(plural, { locale });
    expect(a).toMatchObject({ intent: 'faq', topic });
    expect(a.score).toBeCloseTo(router.route(singular, { locale }).score, 3);
  });

  // A wish stated ("I would like to start with physio") is a request where it is as close to the
  // booking as to the topic about when to start; the same words asked stay that question.
  it.each<[string, 'nl-NL' | 'nl-BE']>([
    ['ik wil graag beginnen met fysiotherapie voor mijn knie', 'nl-NL'],
    ['ik zou graag kine starten voor mijn heup', 'nl-BE'],
  ])('starts a booking for the wish "%s" (%s)', (text, locale) => {
    expect(router.route(text, { locale }).intent).toBe('booking');
  });

  it.each<[string, 'nl-NL' | 'nl-BE']>([
    ['mijn knie doet pijn, moet ik naar de fysio', 'nl-NL'],
    ['wanneer moet ik beginnen met fysio', 'nl-NL'],
    ['zou ik al moeten starten met kine', 'nl-BE'],
  ])('does not book for the question "%s" (%s)', (text, locale) => {
    expect(router.route(text, { locale }).intent).not.toBe('booking');
  });

  // Kinds of a thing the knowledge base names (an aid, a source of heat or cold, a steroid, a
  // complaints officer) are read as that thing, also where no phrasing names that kind; a bath is
  // no heat treatment by itself.
  it.each<[string, 'nl-NL' | 'nl-BE', string]>([
    ['helpt een kersenpitkussen voor mijn stijve knie', 'nl-NL', 'heat-cold'],
    ['mag ik een ijspack op mijn knie leggen', 'nl-BE', 'heat-cold'],
    ['heb ik een douchestoel nodig door mijn heupartrose', 'nl-NL', 'aids-adaptations'],
    ['bestaat er een grijptang om dingen op te rapen', 'nl-BE', 'aids-adaptations'],
    ['de orthopeed stelt kenacort voor in mijn knie, heeft dat zin', 'nl-NL', 'injection'],
    ['bij wie kan ik terecht met een klacht, hebben jullie een ombudsdienst', 'nl-BE', 'complaints'],
  ])('reads "%s" (%s) as %s', (text, locale, topic) => {
    expect(router.route(text, { locale })).toMatchObject({ intent: 'faq', topic });
  });

  // Cold said of the weather is the weather; "koud" alone is a cold pack.
  it.each<[string, 'nl-NL' | 'nl-BE', string]>([
    ['mijn knie doet meer pijn als het koud wordt', 'nl-NL', 'weather'],
    ['waarom heb ik meer last als het koud is', 'nl-BE', 'weather'],
    ['helpt koud tegen de pijn in mijn knie', 'nl-NL', 'heat-cold'],
  ])('reads "%s" (%s) as %s', (text, locale, topic) => {
    expect(router.route(text, { locale })).toMatchObject({ intent: 'faq', topic });
  });

  it('does not read a bath after an operation as heat', () => {
    expect(router.route('mag ik weer in bad na mijn knieoperatie', { locale: 'nl-NL' }).topic).not.toBe('heat-cold');
  });

  // "How do I help myself?" is the self-care question, not the chat's help: the reflexive pronoun
  // alone is a stop word, so it is read together with its verb (synonyms.yaml). The bare four-word
  // form is read here as the bot reads it once its safety check passed: the learned crisis net
  // reads that form as a crisis (it knows "mezelf" mostly from self-harm wordings), and teaching it
  // otherwise cost crisis recall on a blind set, so the alarm is left to the net.
  it.each<[string, 'nl-NL' | 'nl-BE']>([
    ['hoe help ik mezelf', 'nl-NL'],
    ['hoe kan ik mezelf helpen bij artrose', 'nl-NL'],
    ['hoe help ik mijzelf met mijn knie', 'nl-BE'],
    ['hoe verzorg ik mezelf het best', 'nl-BE'],
  ])('reads "%s" (%s) as the self-care question', (text, locale) => {
    expect(router.route(text, { locale, safetyChecked: true })).toMatchObject({ intent: 'faq', topic: 'self-care' });
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
