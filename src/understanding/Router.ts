import { performance } from 'node:perf_hooks';
import { withoutReferenceCode } from '../booking/ReferenceCode';
import { SUPPORTED_LOCALES, type Locale } from '../config/AppConfig';
import type { IntentId, KnowledgeBase } from '../knowledge';
import { allAnswerTexts, INTENT_IDS } from '../knowledge';
import { crisisNetFor, type CrisisNet } from '../safety/CrisisNet';
import type { Clock } from '../util/Clock';
import type { RedFlagDetector } from '../safety/RedFlagDetector';
import { EmergencyDetector } from './EmergencyDetector';
import { LetterFrame } from './LetterFrame';
import { foldAndSplit, LEARN, TextNormalizer } from './TextNormalizer';
import { TopicIndex, type QueryTerm, type Ranked } from './TopicIndex';
import type { Candidate, RouteContext, RouteDecision, RouteIntent } from './types';
import { boundForRouting } from './boundForRouting';

/** Confidence thresholds, from configuration (ROUTER_*), tuned with `npm run eval`. */
export interface RouterThresholds {
  /** Minimum score to answer without asking. */
  answerMin: number;
  /** Minimum score to offer a topic as a choice in the "did you mean …?" choice. */
  clarifyMin: number;
  /** How far the best topic must lead the next one to answer without asking. */
  margin: number;
  /**
   * The out-of-scope gate: the share of the message's weighted content words that the knowledge
   * base must know before it may be answered (chosen by cross-validation in `npm run eval`).
   */
  coverMin?: number;
  /**
   * The out-of-scope gate for choices: "did you mean …?" is offered only when more than this share
   * of the message's weighted content words is known; below it, "I don't know" and a person
   * (chosen by cross-validation in `npm run eval`).
   */
  choiceCoverMin?: number;
  /**
   * A clear lead: a topic this far ahead of the next one is answered from {@link CLEAR_LEAD_MIN}
   * instead of `answerMin` (chosen by cross-validation in `npm run eval`).
   */
  clearLead?: number;
  /**
   * The share of the message's weighted words that the best topic's own phrasings must cover
   * before it is answered without asking; below it the topic is offered as a choice. A match
   * carried by a few of the message's words ("wat kost" in a question about something the
   * topic never names) is not an answer (chosen by cross-validation in `npm run eval`).
   */
  answerCoverMin?: number;
  /**
   * The share of the message's weighted words that an action's (booking, handoff, …) own
   * phrasings must cover before it is started from the learned phrasings; exact commands do
   * not need it (chosen by cross-validation in `npm run eval`).
   */
  actionCoverMin?: number;
  /**
   * The two views of the index (phrasing overlap and learned word weights) disagree when the
   * best topic is not also the best by overlap: such a topic is answered only when it leads the
   * next by at least this much; otherwise the patient is asked which they mean (cross-validation
   * showed about 4 in 10 of those answers wrong; chosen in `npm run eval`, 1 = always ask).
   */
  disagreeLead?: number;
}

export interface RouterOptions {
  thresholds: RouterThresholds;
  /** Longer messages are cut to this many characters before matching. */
  maxChars: number;
  /** The red-flag detector's clock (which years are past); the system clock when left out. */
  clock?: Clock;
}

const INTENT_PREFIX = 'intent:';
/** The index owners of small talk, which a question's words must not be read as. */
const SOCIAL_OWNERS = [`${INTENT_PREFIX}greeting`, `${INTENT_PREFIX}thanks`] as const;
/** The commands that switch the language, and to which locale. */
const LOCALE_SWITCHES: Partial<Record<IntentId, Locale>> = { 'switch-locale-nl': 'nl-NL', 'switch-locale-be': 'nl-BE' };
/** Decisions that say nothing sure of what a message asks: a letter's frame may be what hid it. */
const WEAK: ReadonlySet<string> = new Set(['none', 'clarify', 'greeting', 'thanks']);
/** Intents only meaningful as an answer to a question the bot asked. */
const REPLY_ONLY: ReadonlySet<IntentId> = new Set(['yes', 'no', 'stop', 'release']);
/**
 * Actions a negation makes of another: "I cannot come tomorrow" is a booking's words turned into
 * a cancellation. See {@link Router.unlessNegatedAction}.
 */
const NEGATED: Partial<Record<IntentId, IntentId>> = { 'cancel-booking': 'booking' };
/** The actions a request at the end of a story may start; see {@link Router.requestAfterStory}. */
const STORY_REQUESTS: ReadonlySet<string> = new Set<IntentId>(['booking', 'cancel-booking', 'handoff']);
/** Requests that a message asks for on its own, never as a follow-up of the topic just answered. */
const OWN_REQUESTS: ReadonlySet<string> = new Set<IntentId>(['booking', 'cancel-booking', 'handoff', 'delete-data', 'save-transcript']);
/** How many of a story's last parts are read on their own as a request (each costs a ranking). */
const STORY_TAILS = 3;

/** How many words may stand between an appointment word and the phrase asking whether it stays ("my appointment *of next week* stay"). */
const KEEP_NEAR = 4;
/** A follow-up this short is read against the previous topic. */
const SHORT_FOLLOW_UP_STEMS = 4;
/**
 * Below this weight a stem is one nearly every topic uses (0.11 for the knee's stem, 0.16 for the hip's; a
 * word of one topic weighs 2 to 3.8): it does not make a follow-up a question of its own.
 */
const GENERIC_STEM_WEIGHT = 0.5;
/** The fewest words of a question after thanks that make it one ("thanks. and may I still swim?"), not a polite tag. */
const MIN_ASKED_WORDS = 3;
/**
 * In a story of several sentences the question carries the meaning: stems found only in the
 * other sentences count this much (tuned with `npm run eval`: 0.55–0.7 best, 1 = no weighting).
 */
const STORY_WEIGHT = 0.7;
/**
 * How much the words of a negated aside before a contrast count; see {@link Router.asideTerms}
 * (chosen by `npm run eval`: 0.1 and 0.35 leave the folds as they are, 0.1 answers more of the
 * development part; a story's 0.7 lowered the folds).
 */
const ASIDE_WEIGHT = 0.1;
/** The out-of-scope gate: more than this share of a message's weighted stems must be known (chosen by `npm run eval`). */
const KNOWN_SHARE = 0.55;
/**
 * Offering a choice needs more of the message known than answering does: a low-scoring match
 * on a message whose content words are mostly the knowledge base's own is a topic the patient
 * may mean, one on a message of mostly other words ("when is King's Day this year") is a
 * question for a person (chosen by `npm run eval`).
 */
const CHOICE_SHARE = 0.85;
/** A topic this far ahead of the next is answered from {@link CLEAR_LEAD_MIN} (chosen by `npm run eval`). */
const CLEAR_LEAD = 0.25;
const CLEAR_LEAD_MIN = 0.45;
/** Defaults of {@link RouterThresholds.answerCoverMin} and {@link RouterThresholds.actionCoverMin} (chosen by `npm run eval`). */
const ANSWER_COVER = 0.45;
const ACTION_COVER = 0.45;
/** Default of {@link RouterThresholds.disagreeLead} (chosen by `npm run eval`). */
const DISAGREE_LEAD = 0.2;
/** Messages routed to warm up, and the longest the event loop is held at a time; see {@link Router.warmUp}. */
const WARM_UP_MESSAGES = 1500;
const WARM_UP_SLICE_MS = 4;
/**
 * How much nearer the first owner's best phrasing must be than the next owner's for a topic
 * without the score's lead to be answered (see {@link Router.decide}); chosen on the folds.
 */
const AGREED_SIM_LEAD = 0.25;

/** Topics within this distance of the best one are offered together in the "did you mean …?" choice. */
const CLARIFY_WINDOW = 0.17;

/** What a text is by itself, whatever the conversation: see {@link Router.factsOf}. */
interface TextFacts {
  readonly text: string;
  readonly words: readonly string[];
  /** The command the whole text is, if any. */
  readonly command: IntentId | undefined;
  /** The red-flag rule that fires (null: none), once a route without {@link RouteContext.safetyChecked} asked. */
  rule?: string | null;
  /** The rest of what {@link Router.route} needs, once a route has asked for it. */
  meaning?: TextMeaning;
}

/** What {@link Router.route} works out of the text alone; past the first decisive step, left empty. */
interface TextMeaning {
  readonly label: string | undefined;
  readonly terms: readonly QueryTerm[];
  readonly ranked: readonly Ranked[];
  /** How many of the message's stems the knowledge base knows. */
  readonly known: number;
  /** Share of the message's weighted stems that the knowledge base knows, 0..1. */
  readonly knownShare: number;
  /** How many of the known stems are neither question words nor negations: what the message is about. */
  readonly contentKnown: number;
}

const NO_TERMS: readonly QueryTerm[] = [];
const NO_RANKED: readonly Ranked[] = [];

/**
 * Decides what a patient's message is, in this order: emergency → commands → FAQ → small talk →
 * none. Framework-free: plain text in, a {@link RouteDecision} out. Built once at start-up.
 */
export class Router {
  readonly normalizer: TextNormalizer;
  private readonly emergency: EmergencyDetector;

  /** The red-flag detector over this router's normaliser and crisis net, for the bot's safety desk to share. */
  get redFlags(): RedFlagDetector {
    return this.emergency.detector;
  }
  /** The learned crisis net, trained once here; the bot's safety check shares it. Undefined without crisis-examples.yaml. */
  readonly crisisNet: CrisisNet | undefined;
  private readonly index: TopicIndex;
  private readonly exact = new Map<string, IntentId>();
  private readonly joins: Set<string>;
  /** language.yaml's furtherQuestions: words that open a sentence with a second question, and the indirect question's "whether". */
  private readonly furtherOpeners: Set<string>;
  private readonly indirectAsks: Set<string>;
  /** Articles and counts (language.yaml's countingWords): a greeting word after one is a noun ("a day"). */
  private readonly countingWords: Set<string>;
  private readonly questionWords: Set<string>;
  /** Question words that ask wherever they stand (language.yaml's interrogatives: "how", "when"), unlike a verb that asks only where it opens a clause. */
  private readonly interrogatives: Set<string>;
  /** Words that join two clauses of a statement (language.yaml's clauseJoins): where a story's request may begin. */
  private readonly clauseJoins: Set<string>;
  /** Words of wanting or needing (language.yaml's wishWords); see {@link refuses}. */
  private readonly wishes: Set<string>;
  /** Words that set the writer apart from a story's people (language.yaml's contrastWords); see {@link requestAfterStory}. */
  private readonly contrast: Set<string>;
  /** Subject pronouns (language.yaml): after a verb that opens the message they make it a question ("do I get …"). */
  private readonly subjects: Set<string>;
  private readonly pointing: Set<string>;
  /** Words of contrast after which a question follows what is not the matter (language.yaml's asideBreaks); see {@link asideTerms}. */
  private readonly asideBreaks: Set<string>;
  /** Words of wanting besides wishWords ("no appetite for"): an aside with one refuses, and is no aside (language.yaml's asideWishes). */
  private readonly asideWishes: Set<string>;
  /** Words after the contrast that ask about doing it all the same (language.yaml's asideDespite); see {@link asideTerms}. */
  private readonly asideDespite: Set<string>;
  /** Words by which a patient addresses the practice or the bot after a greeting (language.yaml's addressWords). */
  private readonly address: Set<string>;
  /** A letter's salutation and closing, read past (language.yaml's letterFrame). */
  private readonly letterFrame: LetterFrame;
  /** Words for animals, their owners' words and the words of the patient's company with one (language.yaml); see {@link forAnimal}. */
  private readonly animals: Set<string>;
  private readonly animalOwners: Set<string>;
  private readonly animalCompany: Set<string>;
  /** language.yaml's otherPlaces: topics about the practice as a place, places of others, and the practice's own words. */
  private readonly placeTopics: ReadonlySet<string>;
  private readonly otherPlaces: ReadonlySet<string>;
  private readonly ourPlace: ReadonlySet<string>;
  /** language.yaml's animalSuffers: the animal itself has what the message asks about. */
  private readonly animalSuffers: Set<string>;
  /** The first person's possessives (language.yaml's firstPersonOwners): a second one beside an animal's names something of the patient's own. */
  private readonly firstPersonOwners: Set<string>;
  /** Stems of the question words ("waar", "wanneer", "hoe"): they ask, but name nothing. */
  private readonly questionStems: Set<string>;
  /**
   * Stems of the negations ("niet", "geen"): they turn a request around ("I can come" → "I cannot
   * come") but name nothing themselves, so a message of a negation and fillers asks for nothing.
   */
  private readonly negationStems: Set<string>;
  /** Stems of the words for an appointment (language.yaml's appointmentWords); see {@link unlessOnlyNamed}. */
  private readonly appointmentStems: Set<string>;
  /** Stems of the word the synonyms add to an appointment the patient has (language.yaml's appointmentMarkers); see {@link withoutMarker}. */
  private readonly markerStems: Set<string>;
  /** Stems of the words that do something to an appointment (language.yaml's appointmentActions); see {@link unlessOnlyNamed}. */
  private readonly appointmentActionStems: Set<string>;
  /** Words that tell where an appointment goes (language.yaml's appointmentMoveTo); see {@link movesTo}. */
  private readonly moveToWords: ReadonlySet<string>;
  /** The words for an appointment as typed, folded (language.yaml's appointmentWords); see {@link movesTo}. */
  private readonly appointmentWordSet: ReadonlySet<string>;
  /** The weekdays' full names, which open a compound of a day's part ("Wednesday morning" written as one word). */
  private readonly weekdays: readonly string[];
  /** Words before a time of the clock ("at", "around"), and the words such a time opens with ("ten", "half"); see {@link timeIn}. */
  private readonly clockAt: ReadonlySet<string>;
  private readonly clockWords: ReadonlySet<string>;
  /** Words that ask whether something is so (language.yaml's appointmentChecks); see {@link unlessOnlyNamed}. */
  private readonly checkWords: ReadonlySet<string>;
  /** Phrases and last words that ask whether an appointment stays (language.yaml's appointmentKeeps, appointmentKeepsLast); see {@link asksToKeep}. */
  private readonly keepPhrases: readonly string[];
  private readonly keepLast: ReadonlySet<string>;
  private readonly keepNotBefore: ReadonlySet<string>;
  /** Words that make an action word name which appointment (language.yaml's appointmentWhich); see {@link asksToKeep}. */
  private readonly whichWords: ReadonlySet<string>;
  /** Words before an appointment one has ("my", "the": language.yaml's appointmentOwn); see {@link asksToKeep}. */
  private readonly ownWords: ReadonlySet<string>;
  /** Words of a day or a time (date-words.yaml and language.yaml's appointmentTimes); see {@link movesTo}. */
  private readonly timeWords: ReadonlySet<string>;
  /**
   * Stems of the one-word commands ("help", "menu"): such a word names what the patient wants
   * even where it is also a question word ("helpt …?").
   */
  private readonly commandStems = new Set<string>();
  /** The same stems by the command they name ("cancel", "move" for the cancellation); see {@link refuses}. */
  private readonly commandStemsOf = new Map<IntentId, Set<string>>();
  /** Stems of the country names among the locale switches ("belgie" → nl-BE). */
  private readonly countries = new Map<string, Locale>();
  private readonly labels = new Map<string, string>();
  private readonly titleStems = new Map<string, string[]>();
  /** Stems of the answers' text: words of the domain, even where no phrasing uses them. */
  private readonly answerStems = new Set<string>();
  /** The phrasings, kept for {@link warmUp}. */
  private readonly samples: string[];
  /** The last text's facts; see {@link factsOf}. */
  private last?: TextFacts;
  /** The intents' ways of asking told by phrases together (intents.yaml's `together`), as stems; see {@link togetherIntent}. */
  private readonly together: { id: IntentId; all: string[][][]; unless: Set<string>; unlessOpening: Set<string> }[] = [];

  constructor(private readonly kb: KnowledgeBase, private readonly options: RouterOptions) {
    this.normalizer = new TextNormalizer(kb.language, kb.synonyms);
    this.joins = new Set(kb.language.questionJoins.map((w) => foldAndSplit(w).join(' ')));
    this.furtherOpeners = new Set(kb.language.furtherQuestions.openers.flatMap(foldAndSplit));
    this.indirectAsks = new Set(kb.language.furtherQuestions.asks.flatMap(foldAndSplit));
    this.countingWords = new Set(kb.language.countingWords.flatMap(foldAndSplit));
    this.questionWords = new Set(kb.language.questionWords.flatMap(foldAndSplit));
    this.interrogatives = new Set(kb.language.interrogatives.flatMap(foldAndSplit));
    this.clauseJoins = new Set(kb.language.clauseJoins.flatMap(foldAndSplit));
    this.wishes = new Set(kb.language.wishWords.flatMap(foldAndSplit));
    this.contrast = new Set(kb.language.contrastWords.flatMap(foldAndSplit));
    this.subjects = new Set(kb.language.subjectPronouns.flatMap(foldAndSplit));
    this.pointing = new Set(kb.language.pointingWords.flatMap(foldAndSplit));
    this.asideBreaks = new Set(kb.language.asideBreaks.flatMap(foldAndSplit));
    this.asideWishes = new Set(kb.language.asideWishes.flatMap(foldAndSplit));
    this.asideDespite = new Set(kb.language.asideDespite.flatMap(foldAndSplit));
    this.address = new Set(kb.language.addressWords.flatMap(foldAndSplit));
    this.letterFrame = new LetterFrame(kb.language.letterFrame);
    this.animals = new Set(kb.language.animals.flatMap(foldAndSplit));
    this.firstPersonOwners = new Set(kb.language.firstPersonOwners.flatMap(foldAndSplit));
    this.animalOwners = new Set(kb.language.animalOwners.flatMap(foldAndSplit));
    this.animalCompany = new Set(kb.language.animalCompany.flatMap(foldAndSplit));
    this.animalSuffers = new Set(kb.language.animalSuffers.flatMap(foldAndSplit));
    this.placeTopics = new Set(kb.language.otherPlaces.topics);
    this.otherPlaces = new Set(kb.language.otherPlaces.words.flatMap(foldAndSplit));
    this.ourPlace = new Set(kb.language.otherPlaces.ours.flatMap(foldAndSplit));
    // Every text once, in the order its words enter the vocabulary; the normalizer splits each
    // text once for the vocabulary, the index, the answers' stems and the labels' keys.
    const texts: string[] = [];
    const flags: number[] = [];
    const add = (text: string, flag: number) => {
      texts.push(text);
      flags.push(flag);
      return texts.length - 1;
    };
    const docs: number[] = [];
    const docOwners: string[] = [];
    const addDoc = (owner: string, text: string, flag = 0) => {
      const at = add(text, LEARN.vocabulary | LEARN.stems | flag);
      docs.push(at);
      docOwners.push(owner);
      return at;
    };
    // Per topic and locale, in order: where its title and its label are among the texts.
    const titled: { topic: string; title: number; label: number }[] = [];
    for (const topic of kb.topics.values()) {
      for (const locale of SUPPORTED_LOCALES) {
        const c = topic.locales[locale];
        const title = addDoc(topic.id, c.title, LEARN.key);
        for (const text of c.phrasings) addDoc(topic.id, text);
        titled.push({ topic: topic.id, title, label: add(c.label, LEARN.vocabulary | LEARN.key) });
      }
    }
    for (const id of INTENT_IDS) {
      const intent = kb.intents[id];
      if (!intent) continue;
      for (const text of intent.phrasings) addDoc(INTENT_PREFIX + id, text);
      for (const text of intent.exact) add(text, LEARN.vocabulary);
    }
    for (const phrases of Object.values(kb.emergency.concepts)) for (const p of phrases) add(p.replace(/\*/g, ''), LEARN.vocabulary);
    const answersFrom = texts.length;
    for (const topic of kb.topics.values()) for (const locale of SUPPORTED_LOCALES) for (const a of allAnswerTexts(topic.locales[locale])) add(a.text, LEARN.stems);
    const learned = this.normalizer.learn(texts, flags);
    // After learning: the stems matching uses depend on the vocabulary (verb-form aliases).
    this.questionStems = new Set(this.normalizer.stemsOf(kb.language.questionWords.flatMap(foldAndSplit)));
    // A negation's own stem only: a synonym may read a word of the list as something else
    // (the Flemish "genen" is also "genes").
    const negations = kb.language.negations.flatMap(foldAndSplit);
    const negationOwn = new Set(negations.map((w) => this.normalizer.stem(w)));
    this.negationStems = new Set(this.normalizer.stemsOf(negations).filter((st) => negationOwn.has(st)));
    this.appointmentStems = new Set(this.normalizer.stemsOf(kb.language.appointmentWords.flatMap(foldAndSplit)));
    this.markerStems = new Set(this.normalizer.stemsOf(kb.language.appointmentMarkers.flatMap(foldAndSplit)));
    this.appointmentActionStems = new Set(this.normalizer.stemsOf(kb.language.appointmentActions.flatMap(foldAndSplit)));
    this.moveToWords = new Set(kb.language.appointmentMoveTo.flatMap(foldAndSplit));
    this.appointmentWordSet = new Set(kb.language.appointmentWords.flatMap(foldAndSplit));
    this.checkWords = new Set(kb.language.appointmentChecks.flatMap(foldAndSplit));
    this.keepPhrases = kb.language.appointmentKeeps.map((p) => foldAndSplit(p).join(' ')).filter(Boolean);
    this.keepLast = new Set(kb.language.appointmentKeepsLast.flatMap(foldAndSplit));
    this.keepNotBefore = new Set(kb.language.appointmentKeepsNotBefore.flatMap(foldAndSplit));
    this.whichWords = new Set(kb.language.appointmentWhich.flatMap(foldAndSplit));
    this.ownWords = new Set(kb.language.appointmentOwn.flatMap(foldAndSplit));
    const dates = kb.dateWords;
    // A weekday's short forms are everyday words too ("zo", "vrij"): only the full names.
    const weekdays = Object.keys(dates.weekdays).filter((w) => w.length > 4);
    this.weekdays = weekdays.flatMap(foldAndSplit);
    this.clockAt = new Set(dates.at.flatMap(foldAndSplit));
    this.clockWords = new Set([...Object.keys(dates.numbers), ...dates.half, ...dates.quarter].flatMap(foldAndSplit));
    this.timeWords = new Set(
      [...weekdays, ...Object.keys(dates.months), ...Object.keys(dates.relativeDays), ...dates.nextWeek, ...Object.keys(dates.partsOfDay), ...Object.keys(dates.dayParts), ...kb.language.appointmentTimes].flatMap(foldAndSplit),
    );
    this.crisisNet = crisisNetFor(kb, this.normalizer);
    this.emergency = new EmergencyDetector(kb.emergency, kb.language, this.normalizer, this.crisisNet, options.clock);

    const { stems, stemStart, stemIds } = learned;
    for (let i = answersFrom; i < texts.length; i++) {
      for (let k = stemStart[i]; k < stemStart[i + 1]; k++) this.answerStems.add(stems[stemIds[k]]);
    }
    this.index = new TopicIndex(learned, new Int32Array(docs), docOwners);
    // A command written out in full is that command, whichever command's wording with its
    // fillers left out reads the same: "forget me" shortened is the bare "forget", which the
    // never-mind commands own as a whole message ("forget it" is no request to delete one's data).
    for (const id of INTENT_IDS) {
      for (const phrase of kb.intents[id]?.exact ?? []) {
        const key = this.normalizer.baseWords(phrase).join(' ');
        if (key && !this.exact.has(key)) this.exact.set(key, id);
      }
    }
    for (const id of INTENT_IDS) {
      for (const phrase of kb.intents[id]?.exact ?? []) {
        const words = this.normalizer.baseWords(phrase);
        for (const key of this.exactKeys(words)) if (!this.exact.has(key)) this.exact.set(key, id);
        if (words.length === 1 && !REPLY_ONLY.has(id)) {
          for (const st of this.normalizer.stemsOf(words)) {
            this.commandStems.add(st);
            this.commandStemsOf.set(id, (this.commandStemsOf.get(id) ?? new Set()).add(st));
          }
        }
        // "België" alone switches the language; "en in België?" after an answer asks about that country.
        const locale = LOCALE_SWITCHES[id];
        if (locale && words.length === 1) this.countries.set(this.normalizer.stem(words[0]), locale);
      }
    }
    for (const { topic, title, label } of titled) {
      this.labels.set(learned.keys[label], topic);
      this.labels.set(learned.keys[title], topic);
      // A title's words are all in the vocabulary, so its stems are those normalize() would give.
      let list = this.titleStems.get(topic);
      if (!list) this.titleStems.set(topic, (list = []));
      for (let k = stemStart[title]; k < stemStart[title + 1]; k++) list.push(stems[stemIds[k]]);
    }
    this.samples = docs.map((d) => texts[d]);
    const stemsOf = (phrase: string) => this.normalizer.baseWords(phrase).map((w) => this.normalizer.stem(w));
    for (const id of INTENT_IDS) {
      for (const rule of this.kb.intents[id]?.together ?? []) {
        this.together.push({
          id,
          all: rule.all.map((group) => group.map(stemsOf).filter((p) => p.length > 0)),
          unless: new Set(rule.unless.flatMap(stemsOf)),
          unlessOpening: new Set(rule.unlessOpening.flatMap((w) => this.normalizer.baseWords(w))),
        });
      }
    }
  }

  /**
   * Routes a sample of the knowledge base's own phrasings (alone, as stories, with typos and
   * unknown words, and the red flags) so that the JavaScript engine has compiled every path:
   * otherwise the first few hundred messages each take milliseconds instead of a tenth of one.
   * Runs after the server listens, in slices of a few milliseconds, so it neither delays
   * start-up nor holds up a patient's message for longer than a slice.
   */
  async warmUp(): Promise<void> {
    const texts = this.samples;
    // Also with a letter left out, an unknown word, a diminutive and an unknown compound, so that
    // typo correction and the other paths for unknown words are compiled too; and the red flags.
    const variant = (t: string, i: number) =>
      t.replace(/\b(\w{3})\w(\w{4,})\b/, '$1$2') + [' zwartwitkniefoto', ' knietje', ' qzx', ' vanochtend'][i % 4];
    const anyTopic = this.kb.topics.keys().next().value;
    const flags = this.kb.emergency.rules.map((r, i) => r.all.map((c) => this.kb.emergency.concepts[c]?.[i % 2] ?? '').join(' en '));
    const step = Math.max(1, Math.floor(texts.length / WARM_UP_MESSAGES));
    let sliceEnd = performance.now() + WARM_UP_SLICE_MS;
    for (let n = 0, i = 0; n < WARM_UP_MESSAGES && texts.length > 2; n++, i = (i + step) % (texts.length - 2)) {
      if (performance.now() > sliceEnd) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        sliceEnd = performance.now() + WARM_UP_SLICE_MS;
      }
      if (n % 4 === 0) this.route(`${texts[i]}. ${variant(texts[i + 1], n)}, ${texts[i + 2]}?`, { locale: 'nl-NL' });
      else if (n % 4 === 1) this.route(variant(texts[i], n), { locale: 'nl-BE', previousTopic: anyTopic });
      else if (n % 4 === 2) this.route(texts[i], { locale: 'nl-NL' });
      else this.route(flags[n % flags.length] ?? texts[i], { locale: 'nl-BE' });
    }
  }

  /** Decides what the message is. Never throws for any input. */
  route(rawText: string, context: RouteContext): RouteDecision {
    // A booking reference in the message is for the cancel flow to read, not a word to route by.
    const text = withoutReferenceCode(boundForRouting(rawText, this.options.maxChars));
    const whole = this.routeText(text, context);
    // "Dear Sir or Madam, … Kind regards, J. Smith": a letter's salutation, closing and signature
    // are words no topic has, or greetings and thanks, and can put its question out of the domain.
    // When the whole message says nothing sure, what stands between them is read on its own (the
    // safety check has read it all); a message that is thanks with a closing stays thanks.
    if (!WEAK.has(whole.intent)) return whole;
    const framed = this.letterFrame.inner(text);
    if (framed === text) return whole;
    const inner = this.routeText(framed, { ...context, safetyChecked: true });
    if (!WEAK.has(inner.intent) || (inner.intent === 'clarify' && whole.intent === 'none')) return inner;
    return whole;
  }

  /** {@link route} of a text already bounded, without its letter's frame read apart. */
  private routeText(text: string, context: RouteContext): RouteDecision {
    const facts = this.factsOf(text);
    // The bot's safety check has run on this message already and found nothing: not again.
    const rule = context.safetyChecked ? null : (facts.rule ??= this.emergency.detect(facts.text) ?? null);
    if (rule) return { intent: 'emergency', topic: null, score: 1, candidates: [], emergencyRule: rule };
    // Single letters ("N", "a", one letter of a code typed apart) say nothing to route by; the
    // index would give them the weight of a rare word of one phrasing (the "n" of a phrasing that
    // shortens the article), so a lone letter read as a booking or a request for a person.
    if (!facts.words.some((w) => w.length > 1)) return decision('none', null, 0);
    // "Can you treat my dog?", "an appointment for our horse": the practice treats people, so a
    // message about one's own animal is neither a booking nor a question a topic answers.
    if (this.forAnimal(facts.words)) return decision('none', null, 0);
    // "Good afternoon, I would like to make an appointment, …": the greeting only opens the message, and
    // its words dilute the rest's score, so the rest is routed on its own first.
    const opened = this.afterOpener(text, facts.words);
    if (opened) {
      const rest = this.route(opened, { ...context, safetyChecked: true });
      if (rest.intent !== 'none' && rest.intent !== 'greeting' && rest.intent !== 'thanks') return rest;
    }
    const meaning = (facts.meaning ??= this.meaningOf(facts));

    const command = facts.command;
    if (command && !REPLY_ONLY.has(command)) return decision(command, null, 1);

    const label = meaning.label;
    if (label) return decision('faq', label, 1);
    // Read before the topics and before any follow-up reading: "just take my details away" after
    // an answer on costs is no question about costs.
    const together = this.togetherIntent(facts.words);
    if (together) return decision(together, null, 1);
    // "hello physio", "thanks team": small talk addressed to the practice, not a question about it.
    const addressed = this.addressedSocial(facts.words);
    if (addressed) return decision(addressed, null, 1);
    // "May my appointment next week stay?": a question about the patient's own appointment, which
    // stands; read as a cancellation it asked for the code without saying so (round 20).
    if (this.asksToKeep(facts)) return { ...decision('appointment-lookup', null, 1), keeps: true };

    const terms = meaning.terms;
    // Not for a message that goes on from the last answer ("and Monday?" after the opening hours or
    // a day's hours), which is read against it when nothing clearly leads.
    let ranked = this.followsUp(facts.words) ? meaning.ranked : this.withoutLookalikes(meaning.ranked, terms, facts.words);
    let faq: RouteDecision | undefined;
    /** Whether the message was read against the previous topic, as a follow-up. */
    let readAgainst = false;
    const country = context.previousTopic && terms.length <= 2 ? this.countryIn(facts.words) : undefined;
    if (country && context.previousTopic && this.kb.topics.has(context.previousTopic)) {
      return { intent: 'faq', topic: context.previousTopic, score: 1, candidates: [], answerLocale: country };
    }
    if (terms.length && !meaning.contentKnown && !(context.previousTopic && this.followsUp(facts.words))) {
      // Only question words known ("what time is it", "where do I apply for a passport", whose
      // other words only the answers use): the message names nothing the bot knows, so no topic
      // and no action may be read from it. A follow-up ("en waarom?") is read against its topic.
      // Asked of the bot itself, though ("who are you?", "what are you for?"): a question word and
      // "you" only, which the help's phrasings read best, asks what the bot can do.
      if (ranked[0]?.owner === `${INTENT_PREFIX}help` && facts.words.some((w) => this.address.has(w) && this.subjects.has(w))) {
        return decision('help', null, ranked[0].score);
      }
    } else if (terms.length && !this.inDomain(meaning)) {
      // Mostly words the knowledge base does not know ("arthritis in my horse", "wifi router"):
      // not a question for any topic, however close the nearest one is. It may still ask for
      // an action ("no bot, a human").
      const actions = ranked.filter((r) => r.owner.startsWith(INTENT_PREFIX));
      const decideActions = (rest: readonly Ranked[]) => this.decide(rest, meaning.known >= 2);
      const action = this.unlessOnlyNamed(this.unlessRefused(this.unlessNegatedAction(decideActions(actions), actions, terms, decideActions, facts.text), facts.text, actions, terms, decideActions), terms, facts.words, !this.states(facts), (rest) => decideActions(rest.filter((r) => r.owner.startsWith(INTENT_PREFIX))));
      if (action && action.intent !== 'clarify') return action;
    } else {
      let withContext = false;
      const marked = this.followsUp(facts.words);
      // "and sport?" after the self-care answer asks about sport, which the message alone answers
      // with confidence; only a message that points back ("how long does that take?") or says too
      // little on its own ("and for the knee?") is read against the previous topic. The same holds
      // without "and": "may I cycle on Saturday?" after the opening hours asks about cycling.
      // A request of its own ("I want my details deleted", "I'd rather have another day", "I want
      // to talk this over with someone") after an answer is that request, not a follow-up of the
      // answer's topic; a question that goes on from the answer ("and if I move it?" after the fee
      // for a missed appointment, "can I do that with you?") still is one.
      const statement = this.states(facts);
      const points = this.pointsBack(facts.words);
      const alone = context.previousTopic ? this.decide(ranked, this.mayAnswer(meaning), meaning.knownShare > this.choiceCoverMin, statement) : undefined;
      // A follow-up none of whose words the previous topic uses ("is that reimbursed?" after how
      // long a treatment takes, "and what if it gets worse?") names a question of its own: what it
      // reads as alone, an answer or a choice, stands, pointing back or not. The previous topic
      // only decides for a message that could be about it.
      // Words nearly every topic uses (a joint: "and for the knee?") tell no new question apart.
      const previous = context.previousTopic;
      const telling = terms.filter((q) => this.index.weightOf(q.stem) >= GENERIC_STEM_WEIGHT);
      const foreign = previous !== undefined && telling.length > 0 && !terms.some((q) => this.index.usedBy(q.stem, (o) => o === previous));
      const standsAlone =
        (alone?.intent === 'faq' && alone.topic !== context.previousTopic && (!points || foreign)) ||
        (alone?.intent === 'clarify' && foreign && !alone.candidates.some((c) => c.topic === previous)) ||
        (alone !== undefined && OWN_REQUESTS.has(alone.intent) && !this.joins.has(facts.words[0]) && (statement || !points));
      if (context.previousTopic && terms.length <= SHORT_FOLLOW_UP_STEMS && !standsAlone && (marked || !this.confident(ranked))) {
        const extra = (this.titleStems.get(context.previousTopic) ?? []).map((stem) => ({ stem, weight: 1 }));
        const reread = this.index.rank([...terms, ...extra], 6, (o) => (o === context.previousTopic ? 1.1 : 1));
        if (reread.length && (marked || !ranked.length || reread[0].score > ranked[0].score)) {
          ranked = reread;
          withContext = true;
        }
      }
      ranked = this.withoutSocialGuess(ranked, facts.words, terms);
      // A follow-up ("and for the knee?") is one word plus the topic it follows up on.
      const mayAnswer = withContext ? this.inDomain(meaning) : this.mayAnswer(meaning);
      const wellKnown = withContext || meaning.knownShare > this.choiceCoverMin;
      const redo = (rest: readonly Ranked[]) => {
        ranked = rest;
        return this.decide(rest, mayAnswer, wellKnown, statement);
      };
      // "I can't come tomorrow" cancels; "I don't want to move it, but may I cycle?" moves nothing.
      faq = this.unlessRefused(this.unlessNegatedAction(this.decide(ranked, mayAnswer, wellKnown, statement), ranked, terms, redo, facts.text), facts.text, ranked, terms, redo);
      // "What do I bring to my appointment?" names the appointment, and asks about something else.
      faq = this.unlessOnlyNamed(faq, terms, facts.words, !statement, redo);
      faq = this.negatedBooking(faq, ranked, facts.words);
      faq = this.personAboutAppointment(faq, ranked, terms);
      // "What does the appointment cost?": a question about a topic, read without the marker of an
      // appointment the patient has, which only tells a cancellation from a booking.
      if ((faq?.intent === 'faq' || faq?.intent === 'clarify') && terms.some((q) => this.markerStems.has(q.stem))) {
        const unmarked = this.index.rank(this.withoutMarker(terms), 6);
        const again = this.decide(unmarked, mayAnswer, wellKnown, statement);
        if (again?.intent === 'faq' || again?.intent === 'clarify') {
          faq = again;
          ranked = unmarked;
        }
      }
      if (faq?.intent === 'clarify' && !withContext) faq = this.questionAgrees(facts.text, ranked, faq, meaning.knownShare > this.choiceCoverMin) ?? faq;
      if (faq?.intent === 'clarify' && !withContext && meaning.knownShare <= this.choiceCoverMin) faq = undefined;
      if (withContext && faq) faq = this.pointedBack(faq, context.previousTopic!, facts.words);
      readAgainst = withContext;
    }
    // "Is the town hall open on Saturday?": the practice's hours are no answer to another place's.
    if (faq && this.elsewhere(faq, facts.words)) faq = undefined;
    if (!faq || !STORY_REQUESTS.has(faq.intent)) {
      const request = this.requestAfterStory(facts.text, facts.words);
      if (request) return request;
    }
    // A part of a sentence sent on its own ("in the bathroom", "and suddenly"): no topic or choice
    // of topics is read from it, but an action it asks for stands.
    const fragment = !readAgainst && this.isFragment(facts, terms);
    if (faq && !(fragment && (faq.intent === 'faq' || faq.intent === 'clarify'))) return faq;

    const opener = this.opener(facts.words);
    // "Thanks. And may I still ...?": a question after the thanks is what the message is for;
    // one the bot cannot place is a miss to say so about, not thanks to acknowledge.
    if (opener && this.onlySmallTalk(opened, terms) && !(opener === 'thanks' && this.asksAfterOpening(facts.text))) return decision(opener, null, 0.5);
    return { intent: 'none', topic: null, score: round(ranked[0]?.score ?? 0), candidates: [], ...(fragment ? { fragment } : {}) };
  }

  /**
   * The facts of a text, kept for the last text seen: the bot asks {@link exactIntent} and then
   * {@link route} for the same message, and a dialog may route it once more in the same turn.
   * Everything kept is read-only, so no caller can change what the next one gets.
   */
  private factsOf(text: string): TextFacts {
    const last = this.last;
    if (last && last.text === text) return last;
    const words = this.normalizer.baseWords(text);
    const command = this.commandOf(words);
    return (this.last = { text, words, command });
  }

  /**
   * The intent whose phrases the words have together (intents.yaml's `together`): a phrase of
   * every group, as a run of whole words compared by stem, no word of the rule's `unless` (by
   * stem too, so that its other forms count) and no first word of its `unlessOpening`. Undefined
   * when no rule holds.
   */
  private togetherIntent(words: readonly string[]): IntentId | undefined {
    if (!this.together.length || !words.length) return undefined;
    const stems = words.map((w) => this.normalizer.stem(w));
    const has = (phrase: readonly string[]) => {
      for (let i = 0; i + phrase.length <= stems.length; i++) if (phrase.every((st, k) => stems[i + k] === st)) return true;
      return false;
    };
    for (const rule of this.together) {
      if (rule.unlessOpening.has(words[0]) || stems.some((st) => rule.unless.has(st))) continue;
      if (rule.all.every((group) => group.some(has))) return rule.id;
    }
    return undefined;
  }

  /** The command the words are as a whole, if any. */
  private commandOf(words: readonly string[]): IntentId | undefined {
    for (const [i, key] of this.exactKeys(words).entries()) {
      const command = this.exact.get(key);
      // A language switch is the whole message; in a longer one a country is a question about it.
      if (command && i > 0 && LOCALE_SWITCHES[command]) continue;
      if (command) return command;
    }
    return undefined;
  }

  /** What {@link route} needs of the text itself, in its order, up to the first step that decides. */
  private meaningOf(facts: TextFacts): TextMeaning {
    const corrected = this.normalizer.routingWords(facts.words);
    const empty = { label: undefined, terms: NO_TERMS, ranked: NO_RANKED, known: 0, knownShare: 0, contentKnown: 0 };
    if (facts.command && !REPLY_ONLY.has(facts.command)) return empty;
    const label = this.labels.get(this.normalizer.keyOf(facts.words));
    if (label) return { ...empty, label };

    const terms = this.queryTerms(facts.text, corrected);
    const ranked = this.index.rank(terms, 6);
    // A message with one known word ("heup") is not yet a question, and one that is half unknown
    // words ("how much is a train ticket to Brussels") is probably about something else:
    // offer choices instead of answering.
    let known = 0;
    let contentKnown = 0;
    let knownWeight = 0;
    let totalWeight = 0;
    for (const q of terms) {
      // Weighted by how telling each word is: an unknown word ("tandarts", "wifi") weighs as
      // much as the rarest known one, a word every topic uses ("pijn") little.
      const w = q.weight * this.index.weightOf(q.stem);
      totalWeight += w;
      if (!this.index.knows(q.stem)) continue;
      known += 1;
      if (this.commandStems.has(q.stem) || (!this.questionStems.has(q.stem) && !this.negationStems.has(q.stem))) contentKnown += 1;
      knownWeight += w;
    }
    return { label, terms, ranked, known, knownShare: totalWeight ? knownWeight / totalWeight : 0, contentKnown };
  }

  /**
   * A negation turns a request around but does not make one: "I cannot come tomorrow" cancels
   * because "come tomorrow" asks for an appointment; "I cannot stand on my leg any more" asks for
   * no appointment at all, however strongly the learned weights tie "not" to cancelling. An
   * action that a negation makes of another ({@link NEGATED}) stands only when the message, read
   * without its negations, still asks for one of the two, by the margin over the nearest topic;
   * otherwise it is taken out of `ranked` and the rest is decided again by `redo`. Other
   * actions keep their negations: "you do not understand me" asks for a person.
   */
  private unlessNegatedAction(
    d: RouteDecision | undefined,
    ranked: readonly Ranked[],
    terms: readonly QueryTerm[],
    redo: (rest: readonly Ranked[]) => RouteDecision | undefined,
    text: string,
  ): RouteDecision | undefined {
    const from = d ? NEGATED[d.intent as IntentId] : undefined;
    if (!d || !from || !terms.some((q) => this.negationStems.has(q.stem))) return d;
    const owner = INTENT_PREFIX + d.intent;
    const { clarifyMin, margin } = this.options.thresholds;
    const without = this.index.rank(terms.filter((q) => !this.negationStems.has(q.stem)), 6);
    const top = without[0];
    const topic = without.find((r) => !r.owner.startsWith(INTENT_PREFIX));
    const asks = top && (top.owner === owner || top.owner === INTENT_PREFIX + from);
    if (asks && top.score >= clarifyMin && top.score - (topic?.score ?? 0) >= margin && this.negationReaches(text, [owner, INTENT_PREFIX + from])) return d;
    return redo(ranked.filter((r) => r.owner !== owner));
  }

  /**
   * A cancellation decided for a message that names the patient's appointment stands with a
   * negation or an action word (language.yaml's appointmentActions), or where the message, read
   * without its words for the appointment (appointmentWords) and its question words, reads best as
   * the cancellation. Otherwise a question (`asks`), and a statement about a topic or only about
   * words the knowledge base does not know, only names the appointment while it asks about something else ("what do I bring to my appointment?", "may
   * my daughter come along to the appointment?"), which the synonyms' reading of "my appointment"
   * as one to change had made a cancellation (a tenth patient-style test): the cancellation is
   * taken out and the message decided again by `redo`, without the marker of an appointment the
   * patient has ({@link withoutMarker}). A message of nothing but the appointment ("my appointment") keeps it.
   */
  private unlessOnlyNamed(
    d: RouteDecision | undefined,
    terms: readonly QueryTerm[],
    words: readonly string[],
    asks: boolean,
    redo: (rest: readonly Ranked[]) => RouteDecision | undefined,
  ): RouteDecision | undefined {
    if (d?.intent !== 'cancel-booking') return d;
    const rest = terms.filter((q) => !this.appointmentStems.has(q.stem));
    if (rest.length === terms.length) return d;
    // Not coming, or doing something to the appointment, with a reason that is a topic ("I can't
    // come to my appointment, my knee hurts too much"): still a cancellation or a move (a review).
    if (terms.some((q) => this.negationStems.has(q.stem) || this.appointmentActionStems.has(q.stem)) || this.movesTo(words)) return d;
    // Only a question word beside the appointment ("when is my appointment?") asks about the appointment itself.
    const content = rest.filter((q) => !this.questionStems.has(q.stem));
    if (!content.length) return d;
    // "Call me back about my appointment": nothing but a call back beside the appointment, no
    // word of doing something to it (above), asks for a person, who hears what is wanted with it;
    // the cancellation's phrasings that name a call back also say what to do with the appointment.
    const person = this.commandStemsOf.get('handoff');
    if (person && content.every((q) => person.has(q.stem))) return decision('handoff', null, d.score);
    const owner = INTENT_PREFIX + d.intent;
    // An appointment the patient has asks for no new one: the booking does not read the rest ("my
    // appointment to Friday" is a move, though a day alone reads best as a booking).
    const booking = `${INTENT_PREFIX}booking`;
    const read = this.index.rank(content, 12).filter((r) => r.owner !== booking);
    const [top] = read;
    const own = read.find((r) => r.owner === owner)?.score ?? 0;
    const { clarifyMin, margin } = this.options.thresholds;
    // The rest is the cancellation's own where the cancellation reads it best (a day: "my
    // appointment on Tuesday"), unless a question names something the bot does not know besides
    // ("must I come fasting tomorrow": that is what it asks about). A statement keeps it with any
    // reason the bot knows that no topic reads clearly ("my appointment, I have the flu"). A
    // question asks about what the rest names, whether a topic reads it ("bring", "wheelchair"),
    // nothing does ("fasting") or it is only near the cancellation ("may my husband come along",
    // "must I come fasting": "come" and "along" are words of not coming, asked without the
    // negation): no cancellation, and the question is decided again without it.
    const known = content.filter((q) => this.index.knows(q.stem));
    // A question about when one's own appointment is, asked as a check ("my appointment is on
    // Tuesday, isn't it?", "is my session still at ten?"): a word of checking, a day or a time, no
    // word of doing something to it (above), and nothing else a topic reads: where to find it.
    const aboutTopic = top !== undefined && !top.owner.startsWith(INTENT_PREFIX) && top.score >= clarifyMin && top.score - own >= margin;
    const when = asks ? this.timeIn(words) : undefined;
    // Two days ("it is on Tuesday, isn't it? can it be Wednesday?") ask to move it, not where it is.
    const days = new Set(words.map((w) => this.weekdays.find((day) => w.startsWith(day))).filter(Boolean));
    if (when && days.size <= 1 && terms.some((q) => this.markerStems.has(q.stem)) && words.some((w) => this.checkWords.has(w))) {
      // What the message names besides the appointment, its day or time and the check ("half" of
      // "half past nine" is a word of the daily-exercise topic's "half an hour", "is it still on"
      // one of when to see a physio).
      const asked = new Set(this.normalizer.stemsOf(this.normalizer.routingWords([...when, ...words.filter((w) => this.checkWords.has(w))])));
      const beyond = content.filter((q) => !asked.has(q.stem));
      const [topic] = this.index.rank(beyond, 6).filter((r) => !r.owner.startsWith(INTENT_PREFIX));
      const named = beyond.length > 0 && topic !== undefined && topic.score >= clarifyMin;
      if (!named && beyond.every((q) => this.index.knows(q.stem))) return decision('appointment-lookup', null, own);
    }
    if (top !== undefined && own > 0 && own >= top.score && !(asks && known.length < content.length)) return d;
    if (!asks && known.length && !aboutTopic) return d;
    // Decided again without the marker of an appointment the patient has (see withoutMarker), and
    // without a new booking ("can I come to the appointment in a wheelchair").
    return redo(this.index.rank(this.withoutMarker(terms), 6).filter((r) => r.owner !== owner && r.owner !== booking));
  }

  /**
   * A booking decided for a message that says the patient cannot come ("I can't come on Friday
   * after all", "Thursday doesn't work for me"): the booking's words (a day, "come") turned around
   * by a negation are a cancellation, the mirror of {@link unlessNegatedAction}. Not when the
   * negation refuses (a word of wanting: "I don't want to wait long") or says there is no
   * appointment yet (a negation just before a word for one: "I have no appointment yet, can I
   * come on Friday?"), and only when the cancellation reads the message too.
   */
  private negatedBooking(d: RouteDecision | undefined, ranked: readonly Ranked[], words: readonly string[]): RouteDecision | undefined {
    // Also when the booking ranked first without a lead over the cancellation: nothing was decided.
    if (d ? d.intent !== 'booking' : ranked[0]?.owner !== `${INTENT_PREFIX}booking`) return d;
    const negations = words.map((w, i) => (this.negationStems.has(this.normalizer.stem(w)) ? i : -1)).filter((i) => i >= 0);
    if (!negations.length || words.some((w) => this.wishes.has(w))) return d;
    if (negations.some((i) => words.slice(i + 1, i + 3).some((w) => this.appointmentWordSet.has(w)))) return d;
    const cancel = ranked.find((r) => r.owner === `${INTENT_PREFIX}cancel-booking`);
    const { answerMin, clarifyMin } = this.options.thresholds;
    if (!cancel || cancel.score < (d ? clarifyMin : (answerMin + clarifyMin) / 2)) return d;
    return decision('cancel-booking', null, cancel.score);
  }

  /**
   * Whether the message asks if an appointment stays as it is or can go ahead: a question that
   * names an appointment the patient has (appointmentWords after one of appointmentOwn) with a
   * phrase of keeping it after it (appointmentKeeps, or appointmentKeepsLast as its last word), no negation ("can it not go ahead" cancels), no move
   * to a day or time ({@link movesTo}) and no word of doing something to it, except one that only
   * names which appointment after a word of appointmentWhich ("the appointment for later").
   */
  private asksToKeep(facts: TextFacts): boolean {
    const { words } = facts;
    // The appointment one has ("my", "the": appointmentOwn), not one to make ("an appointment").
    const at = words.findIndex((w, i) => this.appointmentWordSet.has(w) && this.ownWords.has(words[i - 1] ?? ''));
    if (at < 0 || !this.asks(facts)) return false;
    // Said of the appointment, close after it: "may I keep standing at the appointment" is no such
    // question, and neither is going on with an activity after it ("may I go on cycling after the
    // appointment", round 20's review): a keep phrase followed by appointmentKeepsNotBefore.
    const keeps = this.keepPhrases.some((p) => {
      const phrase = p.split(' ');
      return Array.from({ length: KEEP_NEAR + 1 }, (_, i) => at + 1 + i).some((start) => phrase.every((w, j) => words[start + j] === w)
        && !this.keepNotBefore.has(words[start + phrase.length] ?? ''));
    });
    const last = words.length - 1;
    if (!keeps && !(at < last && last - at - 1 <= KEEP_NEAR && this.keepLast.has(words[last]))) return false;
    if (words.some((w) => this.negationStems.has(this.normalizer.stem(w))) || this.movesTo(words)) return false;
    return !words.some((w, i) => this.appointmentActionStems.has(this.normalizer.stem(w)) && !this.whichWords.has(words[i - 1] ?? ''));
  }

  /**
   * Whether the words send an appointment to a day or a time: a word of language.yaml's
   * appointmentMoveTo with, within the next three words, a date word, a number or one of
   * appointmentTimes ("to next week", "to Thursday", "to 3 o'clock").
   */
  private movesTo(words: readonly string[]): boolean {
    return words.some((w, i) => {
      if (!this.moveToWords.has(w)) return false;
      const next = words.slice(i + 1, i + 4);
      const at = next.findIndex((t) => this.timeWords.has(t) || /\d/.test(t));
      // "to my appointment tomorrow" goes to the appointment, not to another day (a review of round 15).
      return at >= 0 && !next.slice(0, at).some((t) => this.appointmentWordSet.has(t));
    });
  }

  /**
   * The words of a day or a time the words name (date-words.yaml, appointmentTimes, a number, a
   * day with its part in one word, a time of the clock after "at": "at half nine"); undefined
   * when they name none.
   */
  private timeIn(words: readonly string[]): string[] | undefined {
    const found: string[] = [];
    words.forEach((w, i) => {
      if (this.timeWords.has(w) || /\d/.test(w) || this.weekdays.some((day) => w.startsWith(day))) found.push(w);
      else if (this.clockAt.has(words[i - 1] ?? '') && this.clockWords.has(w)) found.push(...words.slice(i, i + 2).filter((t) => this.clockWords.has(t) || this.timeWords.has(t)));
    });
    return found.length ? found : undefined;
  }

  /**
   * The terms without the marker the synonyms add to an appointment the patient already has
   * (language.yaml's appointmentMarkers: "my appointment" is an existing one). The marker tells a
   * cancellation from a booking; a question about a topic that names the appointment asks the
   * same without it ("what does the appointment cost?" is the price, not the fee for cancelling
   * late, whose phrasings say "my appointment").
   */
  private withoutMarker(terms: readonly QueryTerm[]): QueryTerm[] {
    return terms.filter((q) => !this.markerStems.has(q.stem));
  }

  /**
   * Whether a negation of the message may turn its request around: unless the negations stand
   * only in clauses that, read without them, ask for neither action (a complaint: "my knee won't
   * go on any more") while another clause, without a negation, asks for the request itself ("I
   * want an appointment"). Then the appointment asked for is a new one (a ninth patient-style test
   * got the cancellation's question for its code). `owners` are the action and the one it turns
   * around, that one last.
   */
  private negationReaches(text: string, owners: readonly string[]): boolean {
    const bounds = [0, ...this.clauseStarts(text), text.length];
    if (bounds.length < 3) return true;
    const { clarifyMin } = this.options.thresholds;
    const request = owners[owners.length - 1];
    let asked = false;
    for (let i = 0; i + 1 < bounds.length; i++) {
      const clause = text.slice(bounds[i], bounds[i + 1]);
      const clauseTerms = this.queryTerms(clause, this.normalizer.routingWords(this.normalizer.baseWords(clause)));
      const negated = clauseTerms.some((q) => this.negationStems.has(q.stem));
      const [top] = this.index.rank(clauseTerms.filter((q) => !this.negationStems.has(q.stem)), 6);
      const reads = top !== undefined && top.score >= clarifyMin;
      if (negated && reads && owners.includes(top.owner)) return true;
      if (!negated && reads && top.owner === request) asked = true;
    }
    return !asked;
  }

  /** The share of a message's weighted words that must be known for it to be in the domain. */
  get coverMin(): number {
    return this.options.thresholds.coverMin ?? KNOWN_SHARE;
  }

  /** The share of a message's weighted words that must be known for "did you mean …?" to be offered. */
  get choiceCoverMin(): number {
    return this.options.thresholds.choiceCoverMin ?? CHOICE_SHARE;
  }

  /** How far the best topic must lead the next to be answered below `answerMin`. */
  get clearLead(): number {
    return this.options.thresholds.clearLead ?? CLEAR_LEAD;
  }

  /** The share of the message's weighted words the best topic must cover to be answered. */
  get answerCoverMin(): number {
    return this.options.thresholds.answerCoverMin ?? ANSWER_COVER;
  }

  /** How far a topic the two views disagree on must lead the next to be answered. */
  get disagreeLead(): number {
    return this.options.thresholds.disagreeLead ?? DISAGREE_LEAD;
  }

  /** The share of the message's weighted words an action must cover to be started from its phrasings. */
  get actionCoverMin(): number {
    return this.options.thresholds.actionCoverMin ?? ACTION_COVER;
  }

  /** The out-of-scope gate: enough of the message's weight is the knowledge base's own vocabulary. */
  private inDomain(meaning: TextMeaning): boolean {
    return meaning.knownShare > this.coverMin;
  }

  /** Whether the message may be answered without asking: in the domain, and more than one known word. */
  private mayAnswer(meaning: TextMeaning): boolean {
    return meaning.known >= 2 && this.inDomain(meaning);
  }

  /**
   * The questions of a message that asks two or more ("may I cycle, and how much should
   * I move?"): its sentences that end in a question mark, or else its parts split where a join
   * word ("and") is followed by a question word. One part (the whole text) when it asks one.
   */
  questionParts(text: string): string[] {
    // A letter's salutation and closing are no part of its questions (the same reading as route's).
    const cut = this.letterFrame.inner((text ?? '').slice(0, this.options.maxChars));
    const questions = cut.split(/(?<=\?)\s*/).filter((q) => q.includes('?') && /[a-z]/i.test(q));
    if (questions.length >= 2) return questions;
    const parts: string[] = [];
    const words = cut.split(/\s+/);
    let start = 0;
    for (let i = 1; i < words.length - 1; i++) {
      const join = foldAndSplit(words[i]).join(' ');
      const next = foldAndSplit(words[i + 1])[0];
      if (this.joins.has(join) && next !== undefined && this.questionWords.has(next) && i > start) {
        parts.push(words.slice(start, i).join(' '));
        start = i + 1;
      }
    }
    parts.push(words.slice(start).join(' '));
    const asked = parts.filter((p) => /[a-z]/i.test(p));
    return asked.length >= 2 ? asked : (this.furtherQuestion(cut) ?? asked);
  }

  /**
   * A letter's second question in a sentence of its own ("May I cycle? Besides, I would like to
   * know how much I should move."): the text before that sentence and the text from it, when
   * both ask something; a story sentence ("Also, my hip hurts at night.") asks nothing.
   */
  private furtherQuestion(text: string): string[] | undefined {
    const sentences = text.split(/(?<=[.?!])\s+/);
    const asks = (s: string) => s.includes('?') || foldAndSplit(s).some((w) => this.interrogatives.has(w) || this.indirectAsks.has(w));
    for (let i = 1; i < sentences.length; i++) {
      if (!this.furtherOpeners.has(foldAndSplit(sentences[i])[0] ?? '')) continue;
      const before = sentences.slice(0, i).join(' ');
      const after = sentences.slice(i).join(' ');
      if (asks(before) && asks(after)) return [before, after];
    }
    return undefined;
  }

  /**
   * The ranking without owners that only look like rivals of the action ranked first: a
   * cancellation behind a booking the message has no word of cancelling or moving for, and a
   * greeting or thanks behind an action in a message that neither greets nor thanks. Their
   * lead is then measured against a real rival.
   */
  private withoutLookalikes(ranked: readonly Ranked[], terms: readonly QueryTerm[], words: readonly string[]): readonly Ranked[] {
    const top = ranked[0]?.owner;
    if (!top?.startsWith(INTENT_PREFIX) || ranked.length < 2) return ranked;
    const cancel = `${INTENT_PREFIX}cancel-booking`;
    // A booking and a cancellation share their words (a day, "come", "appointment"); only a
    // negation, an appointment the patient already has or a word of changing one makes it a
    // cancellation or a move. Without any, "can I come on Saturday morning?" asks for a booking,
    // however close the cancellation's phrasings with the same day come.
    const unmarked = top === `${INTENT_PREFIX}booking` &&
      !terms.some((q) => this.negationStems.has(q.stem) || this.markerStems.has(q.stem) || this.appointmentActionStems.has(q.stem)) && !this.movesTo(words);
    // A greeting or thanks behind an action, in a message with no word of greeting or thanking,
    // only shares a word with one ("morning" of "good morning" in "tomorrow morning").
    const social = top !== SOCIAL_OWNERS[0] && top !== SOCIAL_OWNERS[1] && !words.some((w) => {
      const id = this.exact.get(w);
      return id === 'greeting' || id === 'thanks';
    });
    if (!unmarked && !social) return ranked;
    return ranked.filter((r) => !(unmarked && r.owner === cancel) && !(social && (r.owner === SOCIAL_OWNERS[0] || r.owner === SOCIAL_OWNERS[1])));
  }

  /**
   * Drops a greeting or thanks guessed from words they share with questions (the Dutch "good" in "all
   * good?" and in "will my hip get good again?"): a message that names nothing that greets or thanks
   * (no word of that intent's commands) but uses a topic's words is a question, not small talk.
   */
  private withoutSocialGuess(ranked: readonly Ranked[], words: readonly string[], terms: readonly QueryTerm[]): readonly Ranked[] {
    const top = ranked[0]?.owner;
    if (top !== SOCIAL_OWNERS[0] && top !== SOCIAL_OWNERS[1]) return ranked;
    const intent = top.slice(INTENT_PREFIX.length);
    // A greeting word after an article or a count is the noun it also is ("skip exercises for a day").
    if (words.some((_, i) => this.socialWordAt(words, i) === intent)) return ranked;
    const isTopic = (owner: string) => !owner.startsWith(INTENT_PREFIX);
    if (!terms.some((q) => this.index.usedBy(q.stem, isTopic) && !this.index.usedBy(q.stem, (o) => o === top))) return ranked;
    return ranked.filter((r) => r.owner !== SOCIAL_OWNERS[0] && r.owner !== SOCIAL_OWNERS[1]);
  }

  /**
   * The text after a greeting or thanks that opens it ("Good afternoon, …", "Thanks, and …"), when
   * more than address words follow; undefined otherwise.
   */
  private afterOpener(text: string, words: readonly string[]): string | undefined {
    const id = words.length > 1 ? this.exact.get(words[0]) : undefined;
    if ((id !== 'greeting' && id !== 'thanks') || this.addressedSocial(words)) return undefined;
    const rest = text.replace(/^[^\p{L}\p{N}]*[\p{L}\p{N}'’]+[^\p{L}\p{N}]*/u, '');
    const restWords = rest === text ? [] : this.normalizer.baseWords(rest);
    if (!restWords.length) return undefined;
    // After thanks the rest mostly says what for ("thanks for explaining the exercises"):
    // only a question or a new clause ("thanks, and may I swim?") is routed on its own.
    if (id === 'thanks' && !rest.includes('?') && !this.joins.has(restWords[0])) return undefined;
    return rest;
  }

  /**
   * "Can I talk to someone about my appointment?": a request for a person that names the
   * appointment, which pulls the cancellation level with it or ahead, so nothing leads clearly. Without the
   * appointment's words the message asks for a person with confidence: the appointment is what the
   * person is to hear about. Left as it was when anything but no decision or a choice was read.
   */
  private personAboutAppointment(d: RouteDecision | undefined, ranked: readonly Ranked[], terms: readonly QueryTerm[]): RouteDecision | undefined {
    const person = `${INTENT_PREFIX}handoff`;
    const [first, second] = ranked.slice(0, 2).map((r) => r.owner).sort();
    if ((d && d.intent !== 'clarify') || first !== `${INTENT_PREFIX}cancel-booking` || second !== person) return d;
    const rest = terms.filter((q) => !this.appointmentStems.has(q.stem) && !this.markerStems.has(q.stem));
    if (!rest.length || rest.length === terms.length) return d;
    const read = this.index.rank(rest, 3);
    return read[0]?.owner === person && this.confident(read) ? decision('handoff', null, ranked[0].score) : d;
  }

  /** Whether a question of a few words follows the message's first clause ("thanks. and may I …?"). */
  private asksAfterOpening(text: string): boolean {
    const end = text.search(/[,.;!]/);
    if (end < 0) return false;
    const rest = text.slice(end);
    return rest.includes('?') && this.normalizer.baseWords(rest).length >= MIN_ASKED_WORDS;
  }

  /**
   * A story that ends in a request ("my father-in-law had his knee operated on last year, now I
   * would like an appointment for my hip myself"): the story's words (the relative, the operation,
   * the new knee) pull the whole message towards a topic or spread it over several, while its last
   * part, read on its own, asks for an action. A message that asks no question (no question mark,
   * and neither it nor that part opens as one) and whose last part starts an action is that request; the
   * dialog then asks whom it is for as it always does. The last parts are tried from the shortest,
   * split where a sentence or clause ends (punctuation) or a clause joins the next (language.yaml's
   * clauseJoins).
   */
  private requestAfterStory(text: string, words: readonly string[]): RouteDecision | undefined {
    if (text.includes('?') || words.length < 4 || this.opensQuestion(words)) return undefined;
    const starts = this.clauseStarts(text);
    for (let i = starts.length - 1; i >= Math.max(0, starts.length - STORY_TAILS); i--) {
      const tail = text.slice(starts[i]);
      const said = this.normalizer.baseWords(tail);
      if (!said.length || said.length === words.length) continue;
      // A question after a story asks about it ("I have wear in my back, can I come to you"): the
      // whole message answers it. A part that opens with a word of asking and then one of wanting
      // ("… and would like to drop by"), in a message without a question mark, is a wish, not a question.
      if (this.opensQuestion(said) && !(this.wishes.has(said[1] ?? '') && !this.questionWords.has(said[1]))) continue;
      // "now I want one myself": in a request after a story, "myself" is whom it is for.
      const tailWords = said.filter((w) => !this.contrast.has(w));
      const command = this.commandOf(tailWords);
      if (command) {
        // "… and I do not want to cancel": a wish refused is no request (tried on the longer parts).
        if (STORY_REQUESTS.has(command) && !this.refuses(tail, command)) return decision(command, null, 1);
        continue;
      }
      const meaning = this.meaningOf({ text: tailWords.join(' '), words: tailWords, command });
      if (!meaning.contentKnown || !meaning.ranked[0]?.owner.startsWith(INTENT_PREFIX)) continue;
      const mayAnswer = this.mayAnswer(meaning);
      const wellKnown = meaning.knownShare > this.choiceCoverMin;
      const d = this.unlessNegatedAction(this.decide(meaning.ranked, mayAnswer, wellKnown, true), meaning.ranked, meaning.terms, (rest) => this.decide(rest, mayAnswer, wellKnown, true), tail);
      if (d && STORY_REQUESTS.has(d.intent) && !this.refuses(tail, d.intent as IntentId)) return d;
    }
    return undefined;
  }

  /**
   * Whether the text refuses an action rather than asking for it ("… and I do not want to cancel
   * it", "I don't want to book an appointment yet, first …", "I want no staff member"): the last
   * clause that names the action once its negations (language.yaml's negations) are left out is a
   * wish (language.yaml's wishWords), and a negation stands in it just before a one-word command of
   * the action's own, stop words aside ("not cancel", "no appointment yet", "not move it"). Without
   * a wish the clause states a fact ("I have no appointment yet, can I make one"). A story may name the action before it
   * is refused ("I still have an appointment, and I don't want to cancel it"); a clause after the
   * refusal may ask for it again ("not move it but cancel it"). A negation of anything else is part
   * of the request: "I cannot come to my appointment" cancels, "I would rather not talk to a
   * computer" asks for a person, "I come without a referral for an appointment" books. A clause
   * that opens as a question asks for the action, whatever it negates.
   */
  refuses(text: string, intent: IntentId): boolean {
    const owner = INTENT_PREFIX + intent;
    const own = this.commandStemsOf.get(intent);
    if (!own) return false;
    const bounds = [0, ...this.clauseStarts(text), text.length];
    for (let i = bounds.length - 2; i >= 0; i--) {
      const clause = text.slice(bounds[i], bounds[i + 1]);
      const words = this.normalizer.baseWords(clause);
      if (!words.length) continue;
      const terms = this.queryTerms(clause, this.normalizer.routingWords(words));
      const [top] = this.index.rank(terms.filter((q) => !this.negationStems.has(q.stem)), 6);
      if (top?.owner !== owner || top.score < this.options.thresholds.clarifyMin) continue;
      if (this.opensQuestion(words) || !words.some((w) => this.wishes.has(w))) return false;
      const stems = this.normalizer.stemsOf(words);
      return stems.some((st, k) => this.negationStems.has(st) && own.has(stems[k + 1]));
    }
    return false;
  }

  /**
   * An action the message refuses ({@link refuses}) is not decided: it is taken out of `ranked`
   * and the rest is decided again by `redo`. Only a message with a negation is read for it.
   */
  private unlessRefused(
    d: RouteDecision | undefined,
    text: string,
    ranked: readonly Ranked[],
    terms: readonly QueryTerm[],
    redo: (rest: readonly Ranked[]) => RouteDecision | undefined,
  ): RouteDecision | undefined {
    if (!d || !STORY_REQUESTS.has(d.intent) || !terms.some((q) => this.negationStems.has(q.stem)) || !this.refuses(text, d.intent as IntentId)) return d;
    return redo(ranked.filter((r) => r.owner !== INTENT_PREFIX + d.intent));
  }

  /**
   * Where the clauses of a text after the first begin: after punctuation that ends a sentence or
   * a clause, and after a word that joins two clauses (language.yaml's clauseJoins).
   */
  private clauseStarts(text: string): number[] {
    const starts: number[] = [];
    let previousEnd = -1;
    let previousWord = '';
    const tokens = [...text.matchAll(/[\p{L}\p{N}'’]+/gu)];
    for (const [i, m] of tokens.entries()) {
      const at = m.index;
      const word = foldAndSplit(m[0])[0] ?? '';
      if (previousEnd >= 0 && /[.!;:,\n]/.test(text.slice(previousEnd, at))) starts.push(at);
      else if (previousEnd >= 0 && i >= 2 && this.subjects.has(word) && !this.subjects.has(previousWord) &&
        this.wishes.has(foldAndSplit(tokens[i + 1]?.[0] ?? '')[0] ?? '')) {
        // A chat message typed without a comma ("I am typing for my grandma she wants an
        // appointment"): a subject and a word of wanting open a new clause all the same.
        starts.push(at);
      }
      if (previousEnd >= 0 && this.clauseJoins.has(word)) starts.push(at + m[0].length);
      previousEnd = at + m[0].length;
      previousWord = word;
    }
    return starts;
  }

  /** Whether the words open as a question: with a question word, or a verb before its subject ("do I get …"). */
  private opensQuestion(words: readonly string[]): boolean {
    return this.questionWords.has(words[0] ?? '') || (words.length > 2 && !this.subjects.has(words[0]) && !this.exact.has(words[0]) && this.subjects.has(words[1]));
  }

  /**
   * Whether the message asks something: a question mark, a question word, or a verb before its
   * subject, as a Dutch yes/no question has it ("do I get …", "do you do …").
   */
  private asks(facts: TextFacts): boolean {
    const { text, words } = facts;
    return text.includes('?') || words.some((w) => this.questionWords.has(w)) || this.opensQuestion(words);
  }

  /**
   * Whether the message is a statement, to be read as a request where it is close to one: no
   * question mark, no question word that asks wherever it stands ("how", "when"), and no clause
   * that opens as a question. A verb that asks ("may", "would") asks only where it opens a clause
   * ("my knee hurts, may I cycle"); after its subject it states a wish ("I would like to start
   * with physio"), which {@link asks} still counts as asking.
   */
  private states(facts: TextFacts): boolean {
    const { text, words } = facts;
    if (text.includes('?') || words.some((w) => this.interrogatives.has(w)) || this.opensQuestion(words)) return false;
    return !this.clauseStarts(text).some((at) => this.opensQuestion(this.normalizer.baseWords(text.slice(at))));
  }

  /**
   * Whether the message is a part of a sentence sent on its own, as patients do on WhatsApp ("I am
   * sitting on the sofa", "and suddenly", "in the bathroom"): it asks nothing (no question mark, no
   * question word) and names at most one thing, with words around it. Such a word alone does not
   * say which of the topics that use it is meant. A bare keyword ("verwijsbrief") is a question
   * put short, and stays one.
   */
  private isFragment(facts: TextFacts, terms: readonly QueryTerm[]): boolean {
    if (this.asks(facts)) return false;
    const { words } = facts;
    const content = terms.filter((q) => !this.questionStems.has(q.stem) && !this.negationStems.has(q.stem));
    return content.length <= 1 && words.some((w) => this.normalizer.isStopword(w));
  }

  /**
   * Whether a message that opens with a greeting or thanks says nothing else the bot could not
   * place: after the opener only small talk ("Dag, alles goed?"), words that greeting or thanking
   * use, question words, fillers and words the knowledge base does not know ("hello, I am Piet"). A greeting before a request the bot did not understand ("hi,
   * I'd like to see a physio") is that request, not a greeting: it gets the answer for a message
   * the bot cannot place (ask again, book, a person), not "hello, how can I help?".
   *
   * @param rest the text after the opener, if {@link afterOpener} found one
   */
  private onlySmallTalk(rest: string | undefined, terms: readonly QueryTerm[]): boolean {
    if (rest === undefined) return true;
    const social = (o: string) => o === SOCIAL_OWNERS[0] || o === SOCIAL_OWNERS[1];
    const restStems = new Set(this.normalizer.stemsOf(this.normalizer.routingWords(this.normalizer.baseWords(rest))));
    // Words the knowledge base does not know (a name, a country) ask for nothing it could place.
    return terms.every((q) => !restStems.has(q.stem) || !this.index.knows(q.stem) || this.questionStems.has(q.stem) || this.negationStems.has(q.stem) || this.index.usedBy(q.stem, social));
  }

  /**
   * The greeting or thanks the word at `i` is, if any: not after an article or a count
   * (language.yaml's countingWords), where the word that greets is the noun ("skip a day").
   */
  private socialWordAt(words: readonly string[], i: number): 'greeting' | 'thanks' | undefined {
    const id = this.exact.get(words[i]);
    if (id !== 'greeting' && id !== 'thanks') return undefined;
    return i > 0 && this.countingWords.has(words[i - 1]) ? undefined : id;
  }

  /**
   * A greeting or thanks that opens a message nothing else in it was understood of ("Allez, dag
   * hé", "merci hoor, tot later"): the first word that is one, after fillers only.
   */
  private opener(words: readonly string[]): 'greeting' | 'thanks' | undefined {
    for (const [i, w] of words.entries()) {
      const id = this.socialWordAt(words, i);
      if (id) return id;
      if (!this.normalizer.isStopword(w)) return undefined;
    }
    return undefined;
  }

  /**
   * Whether the message is about the patient's own animal, not the patient: a word of
   * language.yaml's animals with one of animalOwners within three words before it ("my old dog",
   * "for the horse"), no word of animalCompany (the patient walking with it, taking it along,
   * tripping over it) and no other first-person possession besides the animal's ("my dog pulls so
   * hard, is that bad for my hip?" asks about the patient's hip).
   */
  private forAnimal(words: readonly string[]): boolean {
    if (!words.some((w) => this.animals.has(w))) return false;
    let owned = false;
    let suffers = false;
    for (let i = 0; i < words.length; i++) {
      if (!this.animals.has(words[i]) || !words.slice(Math.max(0, i - 3), i).some((w) => this.animalOwners.has(w))) continue;
      owned = true;
      if (words.slice(i + 1, i + 3).some((w) => this.animalSuffers.has(w))) suffers = true;
    }
    // "Walking with my dog" is the patient's own question; but when the animal itself has the
    // complaint ("my dog has osteoarthritis, which exercises can I do with him?"), the exercises,
    // like a booking, are the animal's, with or without the patient beside it.
    if (!owned || (!suffers && words.some((w) => this.animalCompany.has(w)))) return false;
    // Another "my" than the animal's: the patient names something of their own (a joint, an appointment).
    return !words.some((w, i) => this.firstPersonOwners.has(w) && !words.slice(i + 1, i + 4).some((t) => this.animals.has(t)));
  }

  /**
   * Whether a question about the practice as a place (its hours, its address) names another
   * place and nothing of the practice's own: the town hall's opening hours are out of scope.
   */
  private elsewhere(d: RouteDecision, words: readonly string[]): boolean {
    const topic = d.intent === 'faq' ? d.topic : d.intent === 'clarify' ? d.candidates[0]?.topic : undefined;
    if (!topic || !this.placeTopics.has(topic)) return false;
    return words.some((w) => this.otherPlaces.has(w)) && !words.some((w) => this.ourPlace.has(w));
  }

  /**
   * A greeting or thanks followed only by words addressing the practice or the bot ("hello
   * physio", "good morning all"): the first word is the greeting or thanks, and every later word
   * is a stop word or an address word, one of them at least.
   */
  private addressedSocial(words: readonly string[]): 'greeting' | 'thanks' | undefined {
    const id = words.length > 1 ? this.exact.get(words[0]) : undefined;
    if (id !== 'greeting' && id !== 'thanks') return undefined;
    let addressed = false;
    for (const w of words.slice(1)) {
      if (this.address.has(w)) addressed = true;
      else if (!this.normalizer.isStopword(w) && this.exact.get(w) !== id) return undefined;
    }
    return addressed ? id : undefined;
  }

  /**
   * A decision read against the previous topic, marked as a follow-up. A message that points back
   * ("how long does that take?") means the topic just answered: when that topic is among the
   * choices, it is answered instead of asking (the patient just read it; a choice between it and a
   * neighbour that shares its title's words only puzzles).
   */
  private pointedBack(d: RouteDecision, previousTopic: string, words: readonly string[]): RouteDecision {
    const previous = d.intent === 'clarify' ? d.candidates.find((c) => c.topic === previousTopic) : undefined;
    if (previous && this.pointsBack(words)) {
      return { intent: 'faq', topic: previousTopic, score: previous.score, candidates: [previous, ...d.candidates.filter((c) => c !== previous)], followUp: true };
    }
    return d.intent === 'faq' || d.intent === 'clarify' ? { ...d, followUp: true } : d;
  }

  /**
   * Whether the words point back at what was just said with a pointing word ("how long does that
   * take?"). Not "it", even after "and": "and how long does it take?" after the costs answer was
   * read against costs, which has no length (a review).
   */
  private pointsBack(words: readonly string[]): boolean {
    return words.some((w) => this.pointing.has(w));
  }

  /** True when the words start with a join word ("en …") or point back ("… dat?"): a follow-up. */
  private followsUp(words: readonly string[]): boolean {
    return words.length > 0 && (this.joins.has(words[0]) || this.pointsBack(words));
  }

  /** The country a short follow-up asks about ("en in België?"), if it names one. */
  private countryIn(words: readonly string[]): Locale | undefined {
    for (const w of words) {
      const locale = this.countries.get(this.normalizer.stem(w));
      if (locale) return locale;
    }
    return undefined;
  }

  /**
   * In a story of several sentences the many story words lower the score of the right topic. When
   * the question sentence on its own is answered, and with the topic the whole story ranks first,
   * the two readings agree: answer it.
   */
  private questionAgrees(text: string, ranked: readonly Ranked[], whole: RouteDecision, wellKnown: boolean): RouteDecision | undefined {
    const sentences = text.split(/(?<=[.!?\n])\s*/).filter((s) => /[a-z0-9]/i.test(s));
    if (!ranked.length) return undefined;
    // Only for a message of the domain's own words (above the choice gate): a question about
    // something else ("which exercises for my puppy") is not answered from its last clause.
    if (sentences.length < 2) return wellKnown ? this.lastClauseAgrees(text, whole) : undefined;
    const questions = sentences.filter((s) => s.includes('?'));
    const question = (questions.length ? questions : [sentences[sentences.length - 1]]).join(' ');
    const words = this.normalizer.baseWords(question);
    const corrected = this.normalizer.routingWords(words);
    const terms = this.queryTerms(question, corrected);
    const alone = this.index.rank(terms, 6);
    const known = terms.filter((q) => this.index.knows(q.stem)).length;
    const answer = this.decide(alone, known >= 2);
    return answer?.intent === 'faq' && answer.topic === ranked[0].owner ? answer : undefined;
  }

  /**
   * One sentence whose last clause asks the question ("my knee hurts, what can physio do?"):
   * the clause before it tells the situation, whose words pull towards other topics. When the
   * question clause on its own is answered with one of the topics the whole message was unsure
   * between, the two readings agree: answer it.
   */
  private lastClauseAgrees(text: string, whole: RouteDecision): RouteDecision | undefined {
    const clauses = text.split(/[,;:]\s*/).filter((c) => /[a-z0-9]/i.test(c));
    if (clauses.length < 2) return undefined;
    const last = clauses[clauses.length - 1];
    if (!this.questionWords.has(foldAndSplit(last)[0] ?? '')) return undefined;
    const terms = this.queryTerms(last, this.normalizer.routingWords(this.normalizer.baseWords(last)));
    // The clause must name what it asks about ("fysio"), not only ask ("what can I give him?").
    const named = terms.filter((q) => this.index.knows(q.stem) && !this.questionStems.has(q.stem) && !this.negationStems.has(q.stem)).length;
    const answer = this.decide(this.index.rank(terms, 6), named >= 2);
    return answer?.intent === 'faq' && whole.candidates.some((c) => c.topic === answer.topic) ? answer : undefined;
  }

  /** The topics (and intents) the message is closest to, best first, with the signals behind each score. */
  explain(text: string, limit = 10): Ranked[] {
    const cut = boundForRouting(text, this.options.maxChars);
    return this.index.rank(this.queryTerms(cut, this.normalizer.routingWords(this.normalizer.baseWords(cut))), limit);
  }

  /**
   * The message's distinct stems, weighted: in a story of several sentences, stems found only
   * outside the question count for less. Words that only the answers use are left out: they are
   * of the domain, so they should not count against a match as unknown words do.
   *
   * @param corrected the whole text's corrected words, used when it is a single sentence
   */
  private queryTerms(text: string, corrected: readonly string[]): QueryTerm[] {
    return this.storyTerms(text, corrected).filter((q) => this.index.knows(q.stem) || !this.answerStems.has(q.stem));
  }

  private storyTerms(text: string, corrected: readonly string[]): QueryTerm[] {
    const sentences = text.split(/(?<=[.!?\n])\s*/).filter((s) => /[a-z0-9]/i.test(s));
    if (sentences.length < 2) return this.asideTerms(corrected) ?? [...new Set(this.normalizer.stemsOf(corrected))].map((stem) => ({ stem, weight: 1 }));
    const questions = sentences.filter((s) => s.includes('?'));
    const main = questions.length ? questions : [sentences[sentences.length - 1]];
    const weights = new Map<string, number>();
    for (const s of sentences) {
      const w = main.includes(s) ? 1 : STORY_WEIGHT;
      for (const stem of this.normalizer.stemsOf(this.normalizer.routingWords(this.normalizer.baseWords(s)))) weights.set(stem, Math.max(weights.get(stem) ?? 0, w));
    }
    return [...weights].map(([stem, weight]) => ({ stem, weight }));
  }

  /**
   * A sentence that first says what is not the matter and then asks ("no fever and no pins and
   * needles, but may I cycle?", "not urgent, but when should I see a physio?"): the words of the
   * negated part before the contrast (language.yaml's asideBreaks) set aside what the patient
   * does not have, and count for little ({@link ASIDE_WEIGHT}); undefined when the sentence has
   * no such part, the part refuses something (a wish: "I don't want a stick, but …"), or the
   * question asks about doing it all the same ("no referral, but may I come anyway?").
   */
  private asideTerms(corrected: readonly string[]): QueryTerm[] | undefined {
    const at = corrected.findIndex((w) => this.asideBreaks.has(w));
    if (at <= 0 || at === corrected.length - 1) return undefined;
    const before = corrected.slice(0, at);
    // "I don't want a walking stick, but …", "no appetite for a diet, but …": a thing refused is
    // what the question is about, not something the patient does not have.
    if (before.some((w) => this.wishes.has(w) || this.asideWishes.has(w))) return undefined;
    // "no referral, but may I come anyway?": what is missing is what the question is about.
    if (corrected.slice(at + 1).some((w) => this.asideDespite.has(w))) return undefined;
    const after = new Set(this.normalizer.stemsOf(corrected.slice(at + 1)));
    const beforeStems = this.normalizer.stemsOf(before);
    if (!beforeStems.some((st) => this.negationStems.has(st))) return undefined;
    const weights = new Map<string, number>();
    for (const stem of beforeStems) weights.set(stem, after.has(stem) ? 1 : ASIDE_WEIGHT);
    for (const stem of after) weights.set(stem, 1);
    return [...weights].map(([stem, weight]) => ({ stem, weight }));
  }

  /** "ja"/"nee" (and the like) as an answer to the bot's own question; undefined otherwise. */
  yesNo(text: string): 'yes' | 'no' | undefined {
    const intent = this.exactIntent(text);
    return intent === 'yes' || intent === 'no' ? intent : undefined;
  }

  /** The command the whole message is ("opnieuw", "help", "vlaams"), if any. */
  exactIntent(text: string): IntentId | undefined {
    return this.factsOf(text).command;
  }

  /** True when the topic exists in the knowledge base. */
  hasTopic(id: string): boolean {
    return this.kb.topics.has(id);
  }

  private exactKeys(words: readonly string[]): string[] {
    const content = words.filter((w) => !this.normalizer.isStopword(w));
    const keys = [words.join(' ')];
    if (content.length && content.length !== words.length) keys.push(content.join(' '));
    return keys.filter(Boolean);
  }

  /**
   * Whether the best topic may be answered without asking: from `answerMin` with the margin, or,
   * when `clear` (see {@link decide}), from {@link CLEAR_LEAD_MIN}.
   */
  private confident(ranked: readonly Ranked[], clear = false): boolean {
    const { answerMin, margin } = this.options.thresholds;
    if (!ranked.length) return false;
    if (ranked[0].score >= answerMin && ranked[0].score - (ranked[1]?.score ?? 0) >= margin) return true;
    return clear && ranked[0].score >= Math.min(answerMin, CLEAR_LEAD_MIN);
  }

  /**
   * @param mayAnswer the message may be answered (in the domain, more than one known word)
   * @param wellKnown the message's words are well known (above the choice gate), so a topic
   *   with a clear lead over the next may be answered below `answerMin`, and one known word
   *   ("verwijsbrief") from `answerMin` when its topic leads that clearly
   * @param statement the message asks nothing (no question mark, no question word): the topics
   *   answer questions, so an action that ranks first is taken from halfway between the two
   *   thresholds even without a clear lead, once it reaches `answerMin` (cross-validation left
   *   "I want an appointment after five" and "I want to put my question to the physio himself"
   *   unanswered without it)
   */
  private decide(ranked: readonly Ranked[], mayAnswer: boolean, wellKnown = false, statement = false): RouteDecision | undefined {
    const { answerMin, clarifyMin, margin } = this.options.thresholds;
    if (!ranked.length || ranked[0].score < clarifyMin) return undefined;
    const top = ranked[0];
    const candidates: Candidate[] = ranked
      .filter((r) => !r.owner.startsWith(INTENT_PREFIX))
      .map((r) => ({ topic: r.owner, score: round(r.score) }));
    const lead = top.score - (ranked[1]?.score ?? 0);
    const isAction = top.owner.startsWith(INTENT_PREFIX);
    // The best owner accounts for too little of the message to act on: at most a choice.
    const agreed = isAction || lead >= this.disagreeLead || ranked.every((r) => r.overlap <= top.overlap);
    const covered = agreed && top.cover >= (isAction ? this.actionCoverMin : this.answerCoverMin);
    const clear = covered && wellKnown && !isAction && lead >= this.clearLead;
    if (covered && ((mayAnswer && this.confident(ranked, clear)) || (clear && top.score >= answerMin))) {
      if (top.owner.startsWith(INTENT_PREFIX)) return decision(top.owner.slice(INTENT_PREFIX.length) as RouteIntent, null, top.score);
      return { intent: 'faq', topic: top.owner, score: round(top.score), candidates: candidates.slice(0, 3) };
    }
    // A statement that asks nothing ("I would like to start with physio for my hip") and is close
    // to a request as well as to a topic is the request: the topics answer questions.
    if (statement && !isAction) {
      const action = ranked.find((r) => STORY_REQUESTS.has(r.owner.slice(INTENT_PREFIX.length)) && r.owner.startsWith(INTENT_PREFIX));
      if (action && action.score >= answerMin && action.score >= top.score - CLARIFY_WINDOW && action.cover >= this.actionCoverMin) {
        return decision(action.owner.slice(INTENT_PREFIX.length) as RouteIntent, null, action.score);
      }
    }
    // Close to the next by score, but one phrasing of the first is far nearer to the message than
    // any of the next owner's: the score's lead is small because the next shares many words with
    // the message, not because it says the same. On the folds such a topic, from answerMin on, in
    // a message of well-known words, was the right one each of the 14 times the choice was offered
    // (adding "its vocabulary covers more of the message" found 15 more, and 2 wrong answers).
    const next = ranked[1];
    if (!isAction && covered && mayAnswer && wellKnown && top.score >= answerMin && next &&
      top.sim - next.sim >= AGREED_SIM_LEAD) {
      return { intent: 'faq', topic: top.owner, score: round(top.score), candidates: candidates.slice(0, 3) };
    }
    const close = candidates.filter((c) => c.score >= clarifyMin && c.score >= top.score - CLARIFY_WINDOW).slice(0, 3);
    // An action (booking, a call back) is cheap to undo and cannot be offered as a choice: take
    // it from halfway between the two thresholds when it leads clearly.
    if (isAction && covered && top.score >= (answerMin + clarifyMin) / 2 && (lead >= margin || (statement && top.score >= answerMin))) {
      return decision(top.owner.slice(INTENT_PREFIX.length) as RouteIntent, null, top.score);
    }
    if (!close.length) return undefined;
    // Not answered because a topic further down reads more of the message's words ("is climbing
    // stairs bad for my hip": stairs first, whether exercise is safe reads "bad" too), and that
    // topic is outside the window: a choice of one and "something else" would not show what the
    // doubt is, so the topics that disagree are offered beside it (a patient-style test).
    if (close.length === 1 && !isAction && !agreed) {
      const disagreeing = candidates.filter((c, i) => i > 0 && (ranked.find((r) => r.owner === c.topic)?.overlap ?? 0) > top.overlap && c.score >= clarifyMin);
      close.push(...disagreeing.slice(0, 2));
    }
    return { intent: 'clarify', topic: null, score: round(top.score), candidates: close };
  }
}

function decision(intent: RouteIntent, topic: string | null, score: number): RouteDecision {
  return { intent, topic, score: round(score), candidates: [] };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
