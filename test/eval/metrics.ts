import type { Example } from './dataset';

/** What a system decided for one example. */
export interface Prediction {
  intent: string;
  topic: string | null;
  candidates?: string[];
}

/** The figures `npm run eval` reports for one system. */
export interface Figures {
  faqTop1: number;
  wrongAnswerRate: number;
  clarifyRate: number;
  clarifyHitRate: number;
  noMatchRate: number;
  outOfScopeAnswered: number;
  emergencyRecall: number;
  falseAlarmRate: number;
  /** Share of the conversational intents and out-of-scope messages given exactly their intent. */
  intentsRight: number;
  /** How many examples of each kind the figures rest on. */
  counts: { faq: number; oos: number; intents: number; emergencies: number; all: number };
  intentAccuracy: Record<string, { correct: number; total: number }>;
  topicAccuracy: Record<string, { correct: number; total: number }>;
  confusions: Map<string, number>;
}

/** The intents that "intents right" is about: they start something or say the bot cannot help. */
export const SCORED_INTENTS: ReadonlySet<string> = new Set(['booking', 'cancel-booking', 'handoff', 'greeting', 'thanks', 'help', 'restart', 'none']);

/** Scores predictions against the labels. */
export function score(examples: Example[], predictions: Prediction[]): Figures {
  let faq = 0, top1 = 0, wrong = 0, clarify = 0, clarifyHit = 0, noMatch = 0;
  let oos = 0, oosAnswered = 0, emergencies = 0, caught = 0, nonEmergencies = 0, falseAlarms = 0;
  let intents = 0, intentsRight = 0;
  const intentAccuracy: Figures['intentAccuracy'] = {};
  const topicAccuracy: Figures['topicAccuracy'] = {};
  const confusions = new Map<string, number>();
  examples.forEach((ex, i) => {
    const p = predictions[i];
    const ia = (intentAccuracy[ex.intent] ??= { correct: 0, total: 0 });
    ia.total += 1;
    const intentRight = ex.intent === 'faq' ? p.intent === 'faq' && p.topic === ex.topic : p.intent === ex.intent;
    if (intentRight) ia.correct += 1;
    if (SCORED_INTENTS.has(ex.intent)) {
      intents += 1;
      if (intentRight) intentsRight += 1;
    }
    if (ex.intent === 'emergency') {
      emergencies += 1;
      if (p.intent === 'emergency') caught += 1;
    } else {
      nonEmergencies += 1;
      if (p.intent === 'emergency') falseAlarms += 1;
    }
    if (ex.intent === 'none') {
      oos += 1;
      if (p.intent === 'faq') oosAnswered += 1;
    }
    if (ex.intent === 'faq' && ex.topic) {
      faq += 1;
      const ta = (topicAccuracy[ex.topic] ??= { correct: 0, total: 0 });
      ta.total += 1;
      if (p.intent === 'faq' && p.topic === ex.topic) {
        top1 += 1;
        ta.correct += 1;
      } else if (p.intent === 'clarify') {
        clarify += 1;
        if (p.candidates?.includes(ex.topic)) clarifyHit += 1;
      } else if (p.intent === 'none') {
        noMatch += 1;
      } else {
        wrong += 1;
      }
    }
    const expected = ex.intent === 'faq' ? ex.topic! : ex.intent;
    const got = p.intent === 'faq' ? p.topic! : p.intent;
    if (expected !== got && !(ex.intent === 'faq' && p.intent === 'clarify' && p.candidates?.includes(ex.topic!))) {
      const key = `${expected} → ${got}`;
      confusions.set(key, (confusions.get(key) ?? 0) + 1);
    }
  });
  const pct = (a: number, b: number) => (b ? a / b : 0);
  return {
    faqTop1: pct(top1, faq),
    wrongAnswerRate: pct(wrong, faq),
    clarifyRate: pct(clarify, faq),
    clarifyHitRate: pct(clarifyHit, clarify),
    noMatchRate: pct(noMatch, faq),
    outOfScopeAnswered: pct(oosAnswered, oos),
    emergencyRecall: pct(caught, emergencies),
    falseAlarmRate: pct(falseAlarms, nonEmergencies),
    intentsRight: pct(intentsRight, intents),
    counts: { faq, oos, intents, emergencies, all: examples.length },
    intentAccuracy,
    topicAccuracy,
    confusions,
  };
}
