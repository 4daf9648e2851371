import type { EmergencyData, LanguageData } from '../knowledge/types';
import { systemClock, type Clock } from '../util/Clock';
import { WordsByKey } from '../util/WordsByKey';
import { CRISIS_NET_RULE, type CrisisNet } from './CrisisNet';
import { PhrasePatterns, type PhraseMatch } from './PhrasePatterns';
import type { Tier } from './Tier';
import { besideOf, moreUrgent, TIERS } from './Tier';

/**
 * Turns text into words the way the rest of understanding does: folded, Flemish and chat forms
 * rewritten, domain compounds split, typos corrected towards the knowledge base's vocabulary.
 * The router's TextNormalizer is one; the detector does not depend on its other parts.
 */
export interface WordSource {
  baseWords(text: string): string[];
  corrected(words: readonly string[]): readonly string[];
  /** True for a word the knowledge base's texts use (or a stop word): such a word is no typo of a list word. */
  isKnown(word: string): boolean;
}

/** A red flag found in a message: its tier and the rule of `knowledge/emergency.yaml` that fired. */
export interface RedFlag {
  tier: Tier;
  rule: string;
  /**
   * A less urgent tier the same message also tells, whose instruction the tier's does not say:
   * its one line follows the instruction in the same reply. `crisis` after 112 (the rule says so,
   * emergency.yaml `crisisLine`: pills swallowed, or the words are a crisis as well); a doctor
   * today (`now`) or the GP (`soon`) after the crisis text. Never one that 112 covers.
   */
  beside?: Tier;
}

/**
 * One flag for two found in the same message (or the same turn: a screening question's yes):
 * the more urgent one, with the line of the most urgent other tier its instruction does not say.
 */
export function joinFlags(a: RedFlag, b: RedFlag | undefined): RedFlag {
  if (!b) return a;
  const [top, other] = moreUrgent(a.tier, b.tier) === a.tier ? [a, b] : [b, a];
  const beside = besideOf(top.tier, [top.beside, other.tier, other.beside]);
  return { tier: top.tier, rule: top.rule, ...(beside ? { beside } : {}) };
}

/** The sentence words of `emergency.yaml` as sets, and the clause splitter built from them. */
interface SentenceWordSets {
  clause: RegExp;
  afterNegation: ReadonlySet<string>;
  coordinators: ReadonlySet<string>;
  afterDenial: ReadonlySet<string>;
  afterVerbDenial: ReadonlySet<string>;
  denialFillers: ReadonlySet<string>;
  questionVerbs: ReadonlySet<string>;
  questionSubjects: ReadonlySet<string>;
  ownQuestionPointers: ReadonlySet<string>;
  ownQuestionWords: ReadonlySet<string>;
  personal: ReadonlySet<string>;
  firstPerson: ReadonlySet<string>;
  referBack: ReadonlySet<string>;
  storyEnds: ReadonlySet<string>;
  storyPersons: ReadonlySet<string>;
  storyArticles: ReadonlySet<string>;
  storyClauseVerbs: ReadonlySet<string>;
  careLeads: ReadonlySet<string>;
  careSubjects: ReadonlySet<string>;
  careFails: ReadonlySet<string>;
  futureMarks: ReadonlySet<string>;
  nowWords: ReadonlySet<string>;
  sinceWords: ReadonlySet<string>;
  recurrence: ReadonlySet<string>;
  yearMarks: ReadonlySet<string>;
  answersNo: ReadonlySet<string>;
  countWords: ReadonlySet<string>;
  countUnits: ReadonlySet<string>;
  notTemperature: ReadonlySet<string>;
  invertedSubjects: ReadonlySet<string>;
  /** The degree words after a temperature, glued or not; the first is the one the fever phrases read. */
  degrees: RegExp;
  degreeWord: string;
}

/** A list word read from a typo needs this many letters: shorter words have too many real neighbours. */
const FUZZY_MIN = 6;
/**
 * Sentences whose phrases are kept, the last read first out: the last messages of the
 * conversations going on at once, which their next message is read with. Not more: it is no
 * store of common messages (the bench's FAQ load, which cycles through a thousand questions,
 * would then find its own questions in it and measure a faster detector than patients get).
 */
const MATCH_CACHE_SIZE = 256;
/**
 * Words whose reading is kept ({@link RedFlagDetector.wordsOf}), emptied when full. At 50,000
 * words the readings, the phrase starts (PhrasePatterns) and the crisis net's word features held
 * about 35 MB together, mostly for words seen once; the words patients keep using fit in this.
 */
const READINGS_KEPT = 10_000;
/** How far back a negation reaches ("geen [hoge] koorts"). */
const NEGATION_REACH = 4;
/**
 * A sentence and the marks that end it: a past event set aside by "maar dat is over" stays in its
 * sentence, and a "?" tells a question from a report.
 */
const SENTENCE_WITH_END = /([^.!?;:\n]*)([.!?;:\n]*)/g;

/** The rule id of a 112 sign that passed by itself (emergency.yaml has no rule of that name). */
export const PASSED_RULE = 'passed-112';

/** Whether the rule fires on these concepts. */
function fires(rule: EmergencyData['rules'][number], present: ReadonlySet<string>): boolean {
  return rule.all.every((c) => present.has(c)) && (!rule.any.length || rule.any.some((c) => present.has(c))) && !rule.none.some((c) => present.has(c));
}

/** The modifier words of `emergency.yaml`, matched like concepts under these reserved names. */
const RESOLVED = '\u0000resolved';
const PASSED = '\u0000passed';
const PAST = '\u0000past';
const HYPOTHETICAL = '\u0000hypothetical';
const CHECKING = '\u0000checking';
const CLEARED = '\u0000cleared';
const IN_CARE = '\u0000inCare';
const STORY = '\u0000story';
/** A guarded checking phrase (emergency.yaml `modifiers.guardedChecking`) and the phrases that void it, numbered alike. */
const GUARDED = '\u0000guarded:';
const UNLESS = '\u0000unless:';
/** The concept of a writer saying they are not suicidal; its clause is not the net's to read (see forNet). */
const CRISIS_DENIED = 'crisis-denied';

/**
 * Finds red flags with the concepts and rules of `knowledge/emergency.yaml`. Each concept is a
 * set of phrases; a phrase may have a few other words between its words. A concept does not
 * count when it is denied: shortly after a negation ("geen", "zonder") in the same clause, or
 * denied after it ("koorts heb ik niet", "de wond bloedt niet meer"), unless a break word
 * ("maar", "wel") comes between; nor when it is over ("… maar dat is genezen"), long ago
 * ("vorig jaar"), or asked about in general ("hoe merk ik dat …", "wat als …"): except the
 * concepts the file marks as history (a prosthesis, cancer) or as unconditional (suicidal
 * thoughts). Concepts from every sentence count together, so a long story with the fall in one
 * sentence and "kan niet meer staan" in another is found. Of the rules that fire, the most
 * urgent tier wins. Framework-free and pure after construction.
 */
export class RedFlagDetector {
  /** The phrases of every concept and modifier, matched lazily. */
  private readonly patterns: PhrasePatterns;
  private readonly negations: ReadonlySet<string>;
  private readonly breaks: ReadonlySet<string>;
  private readonly history: ReadonlySet<string>;
  private readonly unconditional: ReadonlySet<string>;
  private readonly context: ReadonlySet<string>;
  /** A list word with one letter left out → the list words it comes from, to read typos ("knellnde"). */
  private readonly byDeletion = new WordsByKey();
  /** A word → the words it is read as (see {@link wordsOf}); patients repeat the same words. */
  private readonly readCache = new Map<string, readonly string[]>();
  /**
   * The phrases found in a sentence's words, for the last sentences read: a message is read alone
   * and then again with the patient's messages before it (SafetyDesk), whose sentences were read
   * on their own turns. The matches are only read from, never changed.
   */
  private readonly matchCache = new Map<string, readonly PhraseMatch[]>();
  /** The rules, most urgent tier first, so the first that fires is the answer. */
  private readonly rules: EmergencyData['rules'];
  private readonly tiers = new Map<string, Tier>();
  /** Rules whose wording is also everyday speech (emergency.yaml `ask`). */
  private readonly asking: ReadonlySet<string>;
  /** 112 rules whose instruction the crisis line follows (emergency.yaml `crisisLine`). */
  private readonly withCrisisLine: ReadonlySet<string>;
  private readonly guards: EmergencyData['topicGuards'];
  /** The words a sentence's structure is read with (emergency.yaml `sentenceWords`). */
  private readonly sw: SentenceWordSets;
  /** emergency.yaml's netQuiet: whole clauses (folded) and concepts whose clause the net does not read. */
  private readonly quietClauses: Set<string>;
  private readonly quietConcepts: Set<string>;
  /** (saf27) The quiet concepts no rule names: markers for the net, which no checking phrase sets aside. */
  private readonly netOnly: ReadonlySet<string>;
  /** The tier of a 112 sign that passed by itself (emergency.yaml `passedTier`); without it such a sign is set aside. */
  private readonly passedTier?: Tier;
  /** The concepts a rule fires on (`all`, `any`); the others only hold a rule back (`none`). */
  private readonly signConcepts: ReadonlySet<string>;
  /** The concepts a crisis rule needs (`all`): never set aside as over, assessed or passed. */
  private readonly crisisSigns: ReadonlySet<string>;
  /**
   * The concepts crisis and 112 rules read: someone else's care (`inCare`) and a story (`story`)
   * never set them aside. Told as someone else's, a 112 sign may still be the writer's own
   * ("short of breath and chest pain. He is in hospital, I cannot visit him"): too costly to guess.
   */
  private readonly urgentConcepts: ReadonlySet<string>;

  /**
   * @param clock tells which years are past ("in 2019" sets its clause aside like "vorig jaar");
   * injected so tests are deterministic
   * @param net the learned crisis net, asked only when no rule fires; without it, the rules alone
   */
  constructor(
    data: EmergencyData,
    language: LanguageData,
    private readonly words: WordSource,
    private readonly clock: Clock = systemClock,
    private readonly net?: CrisisNet,
  ) {
    this.negations = new Set(language.negations);
    this.breaks = new Set(language.negationBreaks);
    this.history = new Set(data.history);
    this.unconditional = new Set(data.unconditional);
    this.context = new Set(data.context);
    this.guards = data.topicGuards;
    this.sw = sentenceWordSets(data.sentenceWords);
    this.quietClauses = new Set(data.netQuiet.clauses.map((c) => this.clauseKey(c)));
    this.quietConcepts = new Set(data.netQuiet.concepts);
    this.passedTier = data.passedTier;
    const lists: [string, readonly string[]][] = [
      ...Object.entries(data.concepts),
      [RESOLVED, data.modifiers.resolved],
      [PASSED, data.modifiers.passed],
      [PAST, data.modifiers.past],
      [HYPOTHETICAL, data.modifiers.hypothetical],
      [CHECKING, data.modifiers.checking],
      [CLEARED, data.modifiers.cleared],
      [IN_CARE, data.modifiers.inCare],
      [STORY, data.modifiers.story],
      ...data.modifiers.guardedChecking.flatMap((g, i): [string, readonly string[]][] => [
        [`${GUARDED}${i}`, g.phrases],
        [`${UNLESS}${i}`, g.unless],
      ]),
    ];
    this.patterns = new PhrasePatterns(lists, (token) => this.readToken(token), {
      negations: this.negations,
      afterNegation: this.sw.afterNegation,
      countWords: this.sw.countWords,
      countUnits: this.sw.countUnits,
    });
    for (const w of this.patterns.words) {
      if (w.length < FUZZY_MIN || /\d/.test(w)) continue;
      for (const d of deletions(w)) this.byDeletion.add(d, w);
    }
    this.crisisSigns = new Set(data.rules.filter((r) => r.tier === 'crisis').flatMap((r) => r.all));
    this.signConcepts = new Set(data.rules.flatMap((r) => [...r.all, ...r.any]));
    const named = new Set(data.rules.flatMap((r) => [...r.all, ...r.any, ...r.none]));
    this.netOnly = new Set([...this.quietConcepts].filter((c) => !named.has(c)));
    this.urgentConcepts = new Set(data.rules.filter((r) => r.tier === 'crisis' || r.tier === '112').flatMap((r) => [...r.all, ...r.any]));
    // Within a tier, a rule that is asked about comes last: a crisis sign of another rule in the same
    // message (a plan, a means) is the flag, not the everyday wording beside it.
    this.rules = [...data.rules].sort((a, b) => TIERS.indexOf(a.tier) - TIERS.indexOf(b.tier) || Number(a.ask) - Number(b.ask));
    for (const r of data.rules) this.tiers.set(r.id, r.tier);
    this.asking = new Set(data.rules.filter((r) => r.ask).map((r) => r.id));
    this.withCrisisLine = new Set(data.rules.filter((r) => r.crisisLine).map((r) => r.id));
  }

  /**
   * The topic to answer instead of `topic` when a topic guard of emergency.yaml applies
   * (someone with a new hip asking about it is not told a prosthesis is not the first step).
   */
  guardTopic(text: string, topic: string): string {
    const guards = this.guards.filter((g) => g.topic === topic);
    if (!guards.length) return topic;
    const present = this.conceptsIn(text ?? '');
    const guard = guards.find((g) => g.when.some((c) => present.has(c)) && !g.unless.some((c) => present.has(c)));
    return guard?.instead ?? topic;
  }

  /**
   * True when the rule's wording is also everyday speech (emergency.yaml `ask`), so its alarm is
   * given as a question, as the learned net's are.
   */
  asks(rule: string): boolean {
    return this.asking.has(rule);
  }

  /** The tier of a rule id, e.g. of a screening question's red flag. */
  tierOf(rule: string): Tier | undefined {
    if (rule === PASSED_RULE) return this.passedTier;
    return rule === CRISIS_NET_RULE && this.net ? 'crisis' : this.tiers.get(rule);
  }

  /**
   * The most urgent red flag in the text, or undefined.
   *
   * @param _corrected the router's corrected words of the text; unused, since the lists' own
   * words are kept from correction (see {@link wordsOf})
   */
  detect(text: string, _corrected?: readonly string[]): RedFlag | undefined {
    // Only where no rule fired: the net adds a crisis alarm for wordings the rules never saw,
    // and so can never lower or change a tier the rules gave.
    return this.detectByRules(text) ?? (this.net?.flags(this.forNet(text ?? '')) ? { tier: 'crisis', rule: CRISIS_NET_RULE } : undefined);
  }

  /**
   * The text the net reads: without the clauses emergency.yaml's `netQuiet` keeps from it. A
   * clause in which the writer says they are not suicidal (concept `crisis-denied`): the net reads
   * the suicide word in "I am not suicidal, I am angry" as a crisis (0.85 alone), and an angry
   * patient got the crisis text twice (tester 15). A clause about waking up stiff, whose "not
   * any more ... wake" the net reads as the wish not to wake. A whole clause that only hedges a
   * reply ("idk, I don't think so" scored 0.90 in a booking, tester 17). Only those clauses go:
   * "not suicidal, but I cannot go on" is still read for what follows, and the rules read the
   * whole text as before.
   */
  private forNet(text: string): string {
    const clauses = text.split(this.sw.clause);
    // The net reads nearly every message (it is asked whenever no rule fires): a clause is read
    // for its concepts only when the whole text holds a quiet one.
    const quietConcept = (t: string) => [...this.conceptsIn(t)].some((c) => this.quietConcepts.has(c));
    const anyQuietConcept = quietConcept(text);
    const quiet = (clause: string) => this.quietClauses.has(this.clauseKey(clause)) || (anyQuietConcept && quietConcept(clause));
    // (saf27) A quiet phrase may reach over a comma ("ending it, that running" names the sport after
    // it): two clauses that hold one only together are both kept from the net.
    const across = new Set<number>();
    if (anyQuietConcept) {
      for (let i = 0; i + 1 < clauses.length; i++) {
        if (!quietConcept(clauses[i]) && !quietConcept(clauses[i + 1]) && quietConcept(`${clauses[i]}, ${clauses[i + 1]}`)) across.add(i).add(i + 1);
      }
    }
    const kept = clauses.filter((clause, i) => !across.has(i) && !quiet(clause));
    return kept.length === clauses.length ? text : kept.join(', ');
  }

  /** A clause as a whole, as netQuiet's clauses are matched: its base words, folded as the rules read them. */
  private clauseKey(clause: string): string {
    return this.words.baseWords(clause).join(' ');
  }

  /**
   * {@link detect} without the learned crisis net: for a text the net was not made for, such as
   * a few short messages read together ("tomorrow" / "1" / "no, not after all").
   */
  detectByRules(text: string): RedFlag | undefined {
    const found = this.everyTierByRules(text);
    const top = found[0];
    if (!top) return undefined;
    // 112 is the one instruction to act on; someone who swallowed their pills, or says with it
    // that they want to die, also needs the crisis line for afterwards. The crisis text says
    // nothing of a doctor: a sign for one told with it gets that tier's line in the same reply.
    const beside = besideOf(top.tier, [this.withCrisisLine.has(top.rule) ? 'crisis' : undefined, ...found.map((f) => f.tier)]);
    return beside ? { ...top, beside } : top;
  }

  /**
   * The red flag of each tier the rules find in the text, most urgent first: what a few messages
   * read together say besides the tier an earlier one of them was already given.
   */
  everyTierByRules(text: string): RedFlag[] {
    const { present, passed } = this.read(text ?? '');
    const found: RedFlag[] = [];
    for (const rule of this.rules) if (fires(rule, present) && !found.some((f) => f.tier === rule.tier)) found.push({ tier: rule.tier, rule: rule.id });
    // A 112 sign that went away by itself still sends to a doctor today.
    const { passedTier } = this;
    if (passedTier && passed.size && !found.some((f) => f.tier === passedTier)) {
      const both = new Set([...present, ...passed]);
      if (this.rules.some((rule) => rule.tier === '112' && fires(rule, both))) found.push({ tier: passedTier, rule: PASSED_RULE });
    }
    return found.sort((a, b) => TIERS.indexOf(a.tier) - TIERS.indexOf(b.tier));
  }

  /** The concepts present in the text: not denied, not over, not asked about in general. */
  conceptsIn(text: string): Set<string> {
    return this.read(text).present;
  }

  /** What {@link conceptsIn} returns, and the signs set aside as passed by themselves. */
  private read(original: string): { present: Set<string>; passed: Set<string> } {
    const text = this.withTemperaturesRead(original);
    const present = new Set<string>();
    const passed = new Set<string>();
    const thisYear = this.clock.now().getFullYear();
    // The signs the previous sentence added, and whether it asked: "fever? no." denies them.
    let previous: { added: string[]; asked: boolean } = { added: [], asked: false };
    // The concepts told in a sentence with the writer in it (someone else's care leaves them), and
    // the sentence each other concept was told in.
    const own = new Set<string>();
    const toldIn = new Map<string, number>();
    let sentenceAt = -1;
    // The guarded checking phrases the whole message voids (read only once one is found: most messages have none).
    let voided: ReadonlySet<string> | undefined;
    const voids = (concept: string) => {
      voided ??= new Set(this.matchesIn(this.wordsOf(text)).filter((m) => m.concept.startsWith(UNLESS)).map((m) => GUARDED + m.concept.slice(UNLESS.length)));
      return voided.has(concept);
    };
    for (const [, sentence, end] of text.matchAll(SENTENCE_WITH_END)) {
      // A clause opening with "is …" is a question in general when it opens the sentence or the
      // sentence asks it: "gevallen, kan niet meer staan" is a telegraphic report, not a question.
      const asks = end.includes('?');
      // Phrases are found in the whole sentence ("stoppen, met alles"); negation, "vorig jaar"
      // and "wat als" reach no further than their clause.
      const words: string[] = [];
      const starts: number[] = [];
      const general: { from: number; to: number }[] = [];
      for (const clause of sentence.split(this.sw.clause)) {
        starts.push(words.length);
        const clauseWords = this.wordsOf(clause);
        // "is pijn op de borst een bijwerking van …?": a question in general, about no one.
        // Without a question mark only a verb followed by a general subject asks ("is een hartaanval
        // erfelijk"): "zijn gezicht hangt scheef", "krijg geen lucht" are reports.
        const opensQuestion = asks || (!words.length && this.sw.questionSubjects.has(clauseWords[1]));
        if (opensQuestion && this.sw.questionVerbs.has(clauseWords[0]) && !this.asksAboutOwn(clauseWords)) general.push({ from: words.length - 1, to: words.length + clauseWords.length });
        words.push(...clauseWords);
      }
      if (!words.length) continue;
      sentenceAt++;
      // "fever? no." or "fever? no, but …": the no answers the question before it.
      if (previous.asked && words.slice(0, starts.find((at) => at > 0) ?? words.length).every((w) => this.sw.answersNo.has(w))) for (const c of previous.added) present.delete(c);
      if (words.some((w) => this.sw.personal.has(w))) general.length = 0;
      const clauseOf = (i: number) => {
        let c = 0;
        while (c + 1 < starts.length && starts[c + 1] <= i) c++;
        return { from: starts[c], to: starts[c + 1] ?? words.length };
      };
      const matches = this.matchesIn(words);
      // "koorts meten": the sign is named, not had.
      // A guarded one counts only where nothing in the message voids it ("…, and an end to myself").
      const checks = matches.filter((m) => m.concept === CHECKING || (m.concept.startsWith(GUARDED) && !voids(m.concept)));
      // A concept only the net's quiet reads (no rule names it) stays: it names what the checking phrase names.
      const concepts = matches.filter((m) => !m.concept.startsWith('\u0000') && (this.netOnly.has(m.concept) || !checks.some((c) => c.start <= m.start && m.end <= c.end)));
      // A modifier sharing a word with a concept's phrase is part of that phrase; words one of
      // them only skips over are no one's ("heeft [vroeger een] trombose" is a past thrombosis,
      // "als [mijn knie] ooit" still asks what if).
      // A cleared finding names the sign it rules out ("no thrombosis"): it keeps its words.
      // A concept no rule fires on (only a rule's `none`, such as a website that does not answer) is
      // no sign, so it takes no general question's words ("on your website it says …" still tells
      // in general). Other modifiers stay with such a concept: "eat more than before" is no past.
      const sharesWords = (m: PhraseMatch) => concepts.some((k) => (m.concept !== HYPOTHETICAL || this.signConcepts.has(k.concept)) && k.at.some((i) => m.at.includes(i)));
      const modifiers = matches.filter((m) => m.concept === CLEARED || m.concept === IN_CARE || (m.concept.startsWith('\u0000') && !sharesWords(m)));
      // "The GP said it is no thrombosis": what the message said before is set aside,
      // in the sentences before this one too (background such as a prosthesis stays).
      // Where and who (context: a knee, a calf) stay: "… but now it is red" still speaks of the knee.
      const cleared = Math.max(-1, ...modifiers.filter((m) => m.concept === CLEARED).map((m) => m.start));
      const kept = (c: string) => this.history.has(c) || this.context.has(c);
      if (cleared >= 0) for (const c of [...present]) if (!kept(c)) present.delete(c);
      // "My mother fell and could not stand; she is in hospital now": a doctor has her, so what was
      // told of her before it is set aside: in this sentence, and in the one before when this one
      // opens by pointing back at someone ("He is in hospital now"); a sentence that names someone
      // ("My wife is in hospital") may be about another person. Not in a sentence with the writer
      // in it ("I lie in hospital", "I have chest pain, my wife is in hospital"), nor the writer's
      // own signs, nor crisis or 112 signs (see urgentConcepts).
      const writerIn = words.some((w) => this.sw.firstPerson.has(w));
      // Only care of the one just spoken of: nothing in its clause between the last sign and it names
      // anyone ("she was admitted", "… and is on antibiotics now", "the ambulance took her"), where
      // "his mother is in hospital" or "the dog is at the vet's" may be about someone else.
      // And only care said of someone (a "he", "she", "her" in it: telegraphic Dutch leaves out the
      // "I", so "got antibiotics already" may be the writer's), and care that is not failing ("…
      // but it gets worse").
      const aboutSame = (m: PhraseMatch) => {
        const clause = clauseOf(m.start);
        const from = Math.max(clause.from, ...concepts.filter((k) => k.end < m.start && !kept(k.concept)).map((k) => k.end + 1));
        const named = words.slice(clause.from, m.end + 1).some((w) => this.sw.careSubjects.has(w));
        const fails = words.slice(m.end + 1).some((w) => this.sw.careFails.has(w));
        return named && !fails && words.slice(from, m.start).every((w) => this.sw.referBack.has(w) || this.sw.careLeads.has(w));
      };
      const inCare = writerIn ? -1 : Math.max(-1, ...modifiers.filter((m) => m.concept === IN_CARE && aboutSame(m)).map((m) => m.start));
      const caredFor = (c: string) => !kept(c) && !this.urgentConcepts.has(c);
      if (inCare >= 0 && this.sw.referBack.has(words[0])) for (const c of [...present]) if (caredFor(c) && !own.has(c) && toldIn.get(c) === sentenceAt - 1) present.delete(c);
      // Everything before the last "maar dat is over" in the sentence is over.
      // "… dan is het over" speaks of what is to come, not of a sign that passed.
      const endedBefore = (kind: string) => Math.max(-1, ...modifiers.filter((m) => m.concept === kind && !this.sw.futureMarks.has(words[m.start - 1])).map((m) => m.start));
      const resolvedBefore = endedBefore(RESOLVED);
      const passedBefore = endedBefore(PASSED);
      // "Vorig jaar" sets aside its clause until the story comes back to now ("nu", "nieuw", "sinds").
      const pastMarks = [
        ...modifiers.filter((m) => m.concept === PAST),
        ...this.pastYears(words, thisYear).map((i) => ({ concept: PAST, start: i, end: i, at: [i], negative: false })),
      ];
      // The words of "… and now he is fully well again": that "again" is back to health, no recurrence.
      const healed = new Set(modifiers.filter((m) => m.concept === PASSED || m.concept === RESOLVED).flatMap((m) => m.at));
      const past = pastMarks.map((m) => {
        const clause = clauseOf(m.start);
        // "…, vier jaar geleden." on its own: the whole sentence so far is that past, unless the
        // story was at now or at a recurrence before it ("nu weer pijn, net als vier jaar geleden").
        const alone = !concepts.some((k) => k.start >= clause.from && k.start < clause.to) && clause.to - clause.from <= m.end - m.start + 3;
        // "…, net als vorig jaar" / "…, vorig jaar ook": the sign is back, now; nothing is set aside.
        const recurs = words.some((w, i) => i >= clause.from && i < clause.to && (i < m.start || i > m.end) && this.sw.recurrence.has(w) && !healed.has(i));
        // "… die ze vroeger niet had": a past that denies the sign says it is new; nothing is set aside.
        if (recurs || this.negations.has(words[m.end + 1])) return { from: clause.from, to: clause.from };
        // "since [the operation of] last year my knee is red": it dates the start of what goes on
        // now; only the event it dates is past ("since my heart attack last year I walk").
        // A "sinds" clause before a comma ("since I had a heart attack last year, I walk daily") is
        // all about that event.
        let since = m.start - 1;
        while (since >= clause.from && !this.sw.sinceWords.has(words[since])) since--;
        if (since >= clause.from) return { from: since, to: clause.to < words.length ? clause.to : m.end + 1 };
        const from = alone && !words.slice(0, clause.from).some((w) => this.sw.nowWords.has(w) || this.sw.recurrence.has(w)) ? 0 : clause.from;
        return { from, to: Math.min(clause.to, this.nowWordAfter(words, m.start)) };
      });
      // "Hoe merk ik dat …", "wat als …": the rest of the clause is a question in general.
      const hypothetical = [
        ...general,
        ...modifiers.filter((m) => m.concept === HYPOTHETICAL).map((m) => ({ from: m.start, to: clauseOf(m.start).to })),
      ];
      // "A podcast about someone who suddenly could not hold his water": a book, a film, the news
      // tell of someone else; their signs are set aside up to where the writer, the writer's own
      // people or now come in ("a film about X, and then I got chest pain", "… and my wife fell",
      // "… and now his face droops"). Crisis and 112 signs stay (see urgentConcepts).
      const told = modifiers
        .filter((m) => m.concept === STORY)
        .map((m) => {
          // Up to the sentence's end (saf27: "my horse has a warm, swollen knee and a fever" lists the
          // horse's signs over a comma); the story ends sooner where the writer, the writer's own
          // people, now or what came after it come in ("a video of exercises, then a hot knee").
          // Chest pain after a story is the writer's all the same (urgentConcepts).
          // (fix20a) It also ends at a relative named without an article ("…, and grandma has …") and
          // at a comma whose clause tells a sign of its own ("…, calf is swollen since yesterday").
          const end = words.length;
          const endsAt = (i: number) => {
            const w = words[i];
            if (this.sw.firstPerson.has(w) || this.sw.nowWords.has(w) || this.sw.storyEnds.has(w)) return true;
            // An article one word further back too: "a [old] woman" is the story's.
            if (this.sw.storyPersons.has(w) && !this.sw.storyArticles.has(words[i - 1]) && !this.sw.storyArticles.has(words[i - 2])) return true;
            if (!starts.includes(i)) return false;
            const clause = words.slice(i, clauseOf(i).to);
            return clause.some((c) => this.sw.storyClauseVerbs.has(c) || this.sw.nowWords.has(c));
          };
          let to = m.end + 1;
          while (to < end && !endsAt(to)) to++;
          return { from: m.end, to };
        });
      const added: string[] = [];
      for (const m of concepts) {
        const clause = clauseOf(m.start);
        const canDeny = !m.negative && !this.context.has(m.concept);
        if (canDeny && (this.negatedBefore(words, m.start, concepts, clause.from, m.end) || this.deniedAfter(words, m.end, clause.to))) continue;
        // A crisis sign is never over, assessed or passed ("I want to die, I don't think it will ever
        // be fine again" keeps its alarm; a review found such words set it aside).
        const lasting = this.crisisSigns.has(m.concept);
        if (m.start < cleared && !kept(m.concept) && !lasting) continue;
        if (m.start < inCare && caredFor(m.concept)) continue;
        // What is over is the sign; where and who it was stay ("it turned out to be no infection, but now
        // it is red again" speaks of the knee named before).
        if (!kept(m.concept) && !lasting && m.start < resolvedBefore) continue;
        if (!this.history.has(m.concept) && past.some((r) => m.start >= r.from && m.start < r.to)) continue;
        if (!this.unconditional.has(m.concept) && hypothetical.some((r) => m.start > r.from && m.start < r.to)) continue;
        if (caredFor(m.concept) && told.some((r) => m.start > r.from && m.start < r.to)) continue;
        // Passed is what was said before the words that say so: "my speech is gone" has lost its speech.
        if (!kept(m.concept) && !lasting && m.end < passedBefore) {
          passed.add(m.concept);
          continue;
        }
        if (!present.has(m.concept)) added.push(m.concept);
        present.add(m.concept);
        if (writerIn) own.add(m.concept);
        else toldIn.set(m.concept, sentenceAt);
      }
      previous = { added, asked: end.includes('?') };
    }
    // Where and who of a passed sign are present already; a sign present now is not passed.
    for (const c of present) passed.delete(c);
    return { present, passed };
  }

  /**
   * (saf25) The text with a temperature typed with a decimal point ("39.1") written in its comma
   * form ("39,1"), which the fever phrases read: the point would end the sentence between "39"
   * and "1", and a red, swollen knee at "temp 39.1" got no answer (tester 19). Not when a unit
   * follows it or a weight or score comes shortly before it ("39.1 kg", "I weigh 39.5", "score
   * 38.5": emergency.yaml `notTemperature`).
   * (saf27) Such a measure typed with a comma ("38,5 km", "average 38,5") is given the point form,
   * so it is no fever either (a cycling speed beside a swollen knee got the doctor-today alarm);
   * and a degree sign or a degree word glued to a temperature ("39°", "39 °C", "39gr") is written
   * as the degree word the fever phrases read (`degreeWords`): "39°" with joint pain was no fever
   * where "39,1" was (tester 20).
   */
  private withTemperaturesRead(text: string): string {
    if (!/\d\s?[.,°a-z]/i.test(text)) return text;
    return text.replace(this.sw.degrees, `$1 ${this.sw.degreeWord}`).replace(ONE_DECIMAL, (whole: string, units: string, _mark: string, decimal: string, at: number, all: string) => {
      const before = this.words.baseWords(all.slice(0, at)).slice(-NOT_TEMPERATURE_BEFORE);
      const after = this.words.baseWords(all.slice(at + whole.length))[0];
      // A unit of time or distance before it counts what came before ("for two days 38,4"): only after it is it the number's unit.
      const measured = before.some((w) => this.sw.notTemperature.has(w) && !this.sw.countUnits.has(w)) || (after !== undefined && this.sw.notTemperature.has(after));
      return measured ? `${units}.${decimal}` : `${units},${decimal}`;
    });
  }

  private matchesIn(words: readonly string[]): readonly PhraseMatch[] {
    const key = words.join(' ');
    let found = this.matchCache.get(key);
    if (!found) {
      found = this.patterns.matchesIn(words);
      if (this.matchCache.size >= MATCH_CACHE_SIZE) this.matchCache.delete(this.matchCache.keys().next().value!);
      this.matchCache.set(key, found);
    }
    return found;
  }

  /**
   * The clause's words as the phrases know them. A word of the lists stays as it is (typo
   * correction towards the knowledge base would turn "geleden" into "gegleden"); any other is
   * corrected; a Flemish form without its final n ("leve", "bewege") gets it back.
   */
  private wordsOf(clause: string): string[] {
    const out: string[] = [];
    for (const w of this.words.baseWords(clause)) {
      let read = this.readCache.get(w);
      if (!read) {
        if (this.patterns.words.has(w)) read = [w];
        else if (w.length >= 3 && w.endsWith('e') && this.patterns.words.has(w + 'n')) read = [w + 'n'];
        else if (this.hasListPrefix(w)) read = [w];
        else read = [this.typoOfListWord(w) ?? this.words.corrected([w])].flat();
        if (this.readCache.size > READINGS_KEPT) this.readCache.clear();
        this.readCache.set(w, read);
      }
      for (const r of read) out.push(r);
    }
    return out;
  }

  /** True when the word starts with a prefix word of the lists ("broeken" for `broek*`). */
  private hasListPrefix(word: string): boolean {
    for (let i = 3; i <= word.length; i++) if (this.patterns.prefixWords.has(word.slice(0, i)) || this.patterns.suffixWords.has(word.slice(-i))) return true;
    return false;
  }

  /**
   * The list word an unknown word is a typo of: one letter left out ("knellnde"), a letter
   * doubled ("graaden"), two swapped ("bewsuteloos"), or a final d/t mixed up ("benauwt").
   * Only for long words the knowledge base does not know, that begin as the list word does
   * (patients rarely mistype the start; "tikken" is no "stikken"), and only when one list word
   * fits. A stray other letter is not read ("sceptisch" is no "septisch").
   */
  private typoOfListWord(word: string): string | undefined {
    if (word.length < FUZZY_MIN - 1 || /\d/.test(word) || this.words.isKnown(word)) return undefined;
    const found = new Set<string>();
    for (const w of this.byDeletion.get(word)) found.add(w);
    for (let i = 1; i < word.length; i++) {
      const d = word.slice(0, i) + word.slice(i + 1);
      if (word[i] === word[i - 1] && d.length >= FUZZY_MIN && this.patterns.words.has(d)) found.add(d);
    }
    for (const d of deletions(word)) for (const w of this.byDeletion.get(d)) if (isTransposition(word, w)) found.add(w);
    const last = word.at(-1);
    if (last === 'd' || last === 't') {
      const swapped = word.slice(0, -1) + (last === 'd' ? 't' : 'd');
      if (this.patterns.words.has(swapped)) found.add(swapped);
    }
    const fits = [...found].filter((w) => w.slice(0, 2) === word.slice(0, 2));
    return fits.length === 1 ? fits[0] : undefined;
  }

  /**
   * True when a negation word stands shortly before `start` with no break word between. The
   * negation stops at another red-flag phrase right before this one ("zonder dieet veel gewicht
   * verloren": only the diet is denied), and at "en"/"of" unless a sign or a where/who comes
   * right before it ("no fever or redness", but not "nothing helps and my trousers fall down").
   */
  private negatedBefore(words: readonly string[], start: number, found: PhraseMatch[], clauseStart: number, end = start): boolean {
    // (saf26) A sign whose phrase opens with a verb and its subject right after it ("… cannot walk
    // any more [verb] I [into my arm]") heads a main clause after a fronted one without a comma: a
    // negation before another word of that fronted clause is that clause's own. Straight before the
    // verb it still denies ("never [verb] I …"). The subject must lie inside the sign's phrase: a
    // sign that ends its clause ("not swollen or warm, I …") is followed by the next clause's words.
    const inverted = start + 1 < end && this.sw.invertedSubjects.has(words[start + 1]);
    let wordBetween = false;
    for (let i = start - 1; i >= Math.max(clauseStart, start - NEGATION_REACH); i--) {
      if (this.breaks.has(words[i])) return false;
      if (inverted && this.negations.has(words[i]) && wordBetween) return false;
      if (!this.negations.has(words[i]) && !this.sw.afterNegation.has(words[i])) wordBetween = true;
      // A negation inside an earlier sign ("rest does not help and I am losing weight") is that sign's own,
      // also one that opens it and ends before this one ("cannot walk any more and talks oddly": the
      // "not" is the walking's; in "no pressure on the chest" a phrase "no pressure on" shares the
      // sign's words, so the negation stays the chest's).
      // A sign's phrase reaching over a comma does not own the next clause's negation ("feels fine, not red").
      const owns = (m: PhraseMatch) => (m.start < i || (m.start === i && m.end < start)) && i <= m.end && m.start >= clauseStart;
      // The denial of a crisis (concept crisis-denied) opens with the negation it is about: the
      // negation stays the denied sign's ("not suicidal").
      if (this.negations.has(words[i])) return !found.some((m) => m.concept !== CRISIS_DENIED && owns(m));
      // (saf25) Only a sign (or a where/who) carries it on: a word that merely holds a rule back is
      // no item of the list, and its negation is its own ("lost weight without a diet and I have
      // pain at night": the pain is not denied; tester 19).
      if (this.sw.coordinators.has(words[i]) && !found.some((m) => m.end === i - 1 && (this.signConcepts.has(m.concept) || this.context.has(m.concept)))) return false;
      const before = found.find((m) => m.end === i && m.start < start);
      if (before && !words.slice(i + 1, start).some((w) => this.sw.coordinators.has(w))) return false;
    }
    return false;
  }

  /**
   * True when what follows denies the concept: the rest of the clause only says so ("koorts heb
   * ik niet"), or a negation follows it directly and the clause ends or goes on ("de wond
   * bloedt niet meer en is dicht").
   */
  private deniedAfter(words: readonly string[], end: number, clauseEnd: number): boolean {
    if (end + 1 < clauseEnd && this.negations.has(words[end + 1])) {
      let next = end + 2;
      if (this.sw.denialFillers.has(words[next])) next++;
      if (next >= clauseEnd || this.sw.afterVerbDenial.has(words[next])) return true;
    }
    let denied = false;
    for (let i = end + 1; i < clauseEnd; i++) {
      if (this.negations.has(words[i])) denied = true;
      else if (!this.sw.afterDenial.has(words[i])) return false;
    }
    return denied;
  }

  /**
   * "Is het normaal dat je 's nachts …": asking whether what one has is normal tells one's own
   * signs, with the "je" patients use for themselves.
   */
  private asksAboutOwn(words: readonly string[]): boolean {
    return this.sw.ownQuestionPointers.has(words[1]) && this.sw.ownQuestionWords.has(words[2]);
  }

  /** Where a year before this one stands after a year mark ("in 2015"): a past marker. */
  private pastYears(words: readonly string[], thisYear: number): number[] {
    const out: number[] = [];
    for (let i = 1; i < words.length; i++) {
      if (!this.sw.yearMarks.has(words[i - 1]) || !/^(19|20)\d\d$/.test(words[i])) continue;
      if (Number(words[i]) < thisYear) out.push(i);
    }
    return out;
  }

  /** The first word after `from` that brings the story to now, or the clause's length. */
  private nowWordAfter(words: readonly string[], from: number): number {
    for (let i = from + 1; i < words.length; i++) if (this.sw.nowWords.has(words[i])) return i;
    return words.length;
  }

  /** One token of a phrase as folded words: a prefix (`zwel*`) or suffix (`*kanker`) word keeps its star. */
  private readToken(token: string): string[] {
    if (token.endsWith('*')) return [(this.words.baseWords(token.slice(0, -1))[0] ?? '') + '*'];
    if (token.startsWith('*')) return ['*' + (this.words.baseWords(token.slice(1))[0] ?? '')];
    return this.words.baseWords(token);
  }
}

/**
 * (saf25) A number from 36 to 42 with one decimal typed with a point ("39.1"), as phones with an
 * English keyboard type a temperature, or with a comma (saf27); no other number or point touches
 * it, and no currency sign stands before it: a date ("12.11"), a time ("20.30") or a price
 * ("39.50", "€ 39.5") is no such number. Group 1 is the whole number, group 2 the mark, group 3
 * the decimal.
 */
const ONE_DECIMAL = /(?<![\d.]|\d,)(?<![€$£]\s?)(3[6-9]|4[0-2])([.,])(\d)(?![.,]?\d)(?!\s?%)/g;
/** A temperature from 36 to 42, with or without its decimal, that no other number or point touches; group 1. */
const TEMPERATURE = /(?<![\d.]|\d,)((?:3[6-9]|4[0-2])(?:[.,]\d)?)/;
/** How many words before such a number a weight or a score (emergency.yaml `notTemperature`) is looked for. */
const NOT_TEMPERATURE_BEFORE = 3;

/** The sentence word lists as sets; the clause breaks as a splitter ("…, maar …" and at a comma). */
function sentenceWordSets(lists: EmergencyData['sentenceWords']): SentenceWordSets {
  const set = (words: readonly string[]): ReadonlySet<string> => new Set(words);
  // The words are plain letters (schema), so they need no escaping in the pattern. A "+" joins two
  // signs in a chat message ("night pain + lost weight"): a negation before it stays on its side.
  const clause = new RegExp(`,|\\+|\\s(?=(?:${lists.clauseBreaks.join('|')})\\s)`, 'i');
  return {
    clause,
    afterNegation: set(lists.afterNegation),
    coordinators: set(lists.coordinators),
    afterDenial: set(lists.afterDenial),
    afterVerbDenial: set(lists.afterVerbDenial),
    denialFillers: set(lists.denialFillers),
    questionVerbs: set(lists.questionVerbs),
    questionSubjects: set(lists.questionSubjects),
    ownQuestionPointers: set(lists.ownQuestionPointers),
    ownQuestionWords: set(lists.ownQuestionWords),
    personal: set(lists.personal),
    firstPerson: set(lists.firstPerson),
    referBack: set(lists.referBack),
    storyEnds: set(lists.storyEnds),
    storyPersons: set(lists.storyPersons),
    storyArticles: set(lists.storyArticles),
    storyClauseVerbs: set(lists.storyClauseVerbs),
    careLeads: set(lists.careLeads),
    careSubjects: set(lists.careSubjects),
    careFails: set(lists.careFails),
    futureMarks: set(lists.futureMarks),
    nowWords: set(lists.nowWords),
    sinceWords: set(lists.sinceWords),
    recurrence: set(lists.recurrence),
    yearMarks: set(lists.yearMarks),
    answersNo: set(lists.answersNo),
    countWords: set(lists.countWords),
    countUnits: set(lists.countUnits),
    notTemperature: set(lists.notTemperature),
    invertedSubjects: set(lists.invertedSubjects),
    // A degree sign, a "C" glued to the number, or a degree word of the list, glued or not.
    degrees: new RegExp(`${TEMPERATURE.source}(?:\\s?°\\s?c?|c|\\s?(?:${lists.degreeWords.join('|')}))(?![a-z\\d])`, 'gi'),
    degreeWord: lists.degreeWords[0],
  };
}

/** The word with each one of its letters left out. */
function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** True when `a` is `b` with two neighbouring letters swapped. */
function isTransposition(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}
