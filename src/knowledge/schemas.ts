import { z } from 'zod';
import { SUPPORTED_LOCALES } from '../config/AppConfig';
import { TIERS } from '../safety/Tier';

const TOPIC_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The countries a practice can be in; facts such as referral and reimbursement differ per country. */
export const COUNTRIES = ['NL', 'BE'] as const;
export type Country = (typeof COUNTRIES)[number];

/**
 * Practice facts an answer can depend on, with their type: `flag` (yes/no), `amount` (euro),
 * `number` or `text`. An answer case names the ones it needs in `when`; `{{path}}` in its text
 * is replaced by the configured value.
 */
export const PRACTICE_FIELDS = {
  'fees.intake': 'amount',
  'fees.session': 'amount',
  'fees.homeVisitSurcharge': 'amount',
  'fees.missedAppointment': 'amount',
  cancellationHours: 'number',
  homeVisits: 'flag',
  waitingTimeDays: 'number',
  'complaints.contact': 'text',
  secondOpinion: 'flag',
  otherJoints: 'flag',
  handTherapist: 'flag',
  'coverage.nlSessions': 'number',
  'coverage.nlMonths': 'number',
  'coverage.beRegularSessions': 'number',
} as const;
export type PracticeField = keyof typeof PRACTICE_FIELDS;
const PRACTICE_FIELD_NAMES = Object.keys(PRACTICE_FIELDS) as [PracticeField, ...PracticeField[]];

/** A date as YYYY-MM-DD; YAML's own dates (unquoted 2026-01-31) are accepted too. */
const nullableReviewDate = z.preprocess(
  (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
  z.union([z.string().regex(DATE, 'expected YYYY-MM-DD'), z.null()]),
);

/**
 * Who of the practice's clinicians last reviewed a content file, when, and when it is due
 * again; null until the first review. `npm run kb:lint` warns when a review is due and fails a
 * production build with content never reviewed.
 */
export const reviewFields = {
  reviewedBy: z.union([z.string().trim().min(1), z.null()]).default(null),
  reviewedOn: nullableReviewDate.default(null),
  nextReview: nullableReviewDate.default(null),
};

/** An answer, optionally with a second part shown when the patient asks for more. */
const answerParts = {
  answer: z.string().trim().min(1),
  /** The rest of a long answer, offered behind a "more" button. */
  more: z.string().trim().min(1).optional(),
};

/**
 * A practice-dependent answer: used when every condition in `when` holds. A field's condition is
 * `set` (configured), `unset`, `true` or `false`; `country` is `NL` or `BE`.
 */
export const answerCaseSchema = z.strictObject({
  when: z
    .strictObject({
      country: z.enum(COUNTRIES).optional(),
      ...(Object.fromEntries(PRACTICE_FIELD_NAMES.map((f) => [f, z.enum(['set', 'unset', 'true', 'false']).optional()])) as Record<
        PracticeField,
        z.ZodOptional<z.ZodEnum<{ set: 'set'; unset: 'unset'; true: 'true'; false: 'false' }>>
      >),
    })
    .refine((w) => Object.keys(w).length > 0, 'name at least one condition'),
  ...answerParts,
});
export type AnswerCase = z.infer<typeof answerCaseSchema>;

export const topicLocaleSchema = z
  .strictObject({
    title: z.string().trim().min(1),
    label: z.string().trim().min(1),
    phrasings: z.array(z.string().trim().min(1)),
    /** The answer wherever the practice is, unless `byCountry` is given instead. */
    answer: z.string().trim().min(1).optional(),
    more: z.string().trim().min(1).optional(),
    /** Answers per country of the PRACTICE (not of the patient's language variant). */
    byCountry: z.strictObject({ NL: z.strictObject(answerParts), BE: z.strictObject(answerParts) }).optional(),
    /** Answers that depend on the practice's configuration; the first case that holds is used. */
    cases: z.array(answerCaseSchema).optional(),
  })
  .refine((l) => (l.answer === undefined) !== (l.byCountry === undefined), {
    message: 'give either an answer or byCountry (NL and BE), not both and not neither',
  })
  .refine((l) => l.more === undefined || l.answer !== undefined, { message: '"more" belongs to "answer"', path: ['more'] });
export type TopicLocale = z.infer<typeof topicLocaleSchema>;

export const topicFileSchema = z.strictObject({
  id: z.string().regex(TOPIC_ID, 'expected a lowercase id with dashes, e.g. morning-stiffness'),
  sources: z.array(z.string().trim().min(1)).min(1, 'name at least one source'),
  /** For a topic whose facts differ per country: the sources of each country's facts. */
  sourcesByCountry: z.strictObject({ NL: z.array(z.string().trim().min(1)).min(1), BE: z.array(z.string().trim().min(1)).min(1) }).optional(),
  followUps: z.array(z.string()).default([]),
  /**
   * The topic a follow-up to this one reads as on its own when it asks how long this topic's
   * visit takes ("and how long does that take?" after the first visit reads as the length of a
   * whole treatment): such a follow-up gets the length of the practice's appointment types.
   * kb:lint and the start check that it names another known topic.
   */
  visitLengthFollowUp: z.string().regex(TOPIC_ID, 'expected a topic id, e.g. treatment-duration').optional(),
  /**
   * The topic whose other country's text answers a follow-up about the other country ("and in
   * Belgium?"), when it is not this one's: the costs' text for the other country speaks of the
   * practice's own prices, and what differs between the countries is the reimbursement.
   * kb:lint checks that it names another known topic.
   */
  otherCountryFrom: z.string().regex(TOPIC_ID, 'expected a topic id, e.g. reimbursement').optional(),
  alwaysHuman: z.boolean().default(false),
  /** Offer a person beside the answer (costs, complaints). */
  offerPerson: z.boolean().optional(),
  ...reviewFields,
  /** The earlier form of the review fields; still read, and kb:lint asks to move it to the top-level keys. */
  review: z
    .strictObject({
      lastReviewed: nullableReviewDate.default(null),
      reviewedBy: z.union([z.string().trim().min(1), z.null()]).default(null),
    })
    .optional(),
  locales: z.strictObject({ 'nl-NL': topicLocaleSchema, 'nl-BE': topicLocaleSchema }),
});
export type TopicFile = z.infer<typeof topicFileSchema>;

/**
 * A source the answers rest on: a seed document kept beside the product (`file`), or a published
 * page or guideline (`url`, with publisher and year). `country` marks a source whose facts hold
 * for one country only; `checkedOn` is when its facts were last checked against the text.
 */
export const sourcesFileSchema = z.array(
  z
    .strictObject({
      id: z.string().min(1),
      title: z.string().min(1),
      file: z.string().min(1).optional(),
      publisher: z.string().trim().min(1).optional(),
      year: z.number().int().min(1990).max(2100).optional(),
      url: z.url().optional(),
      country: z.enum(COUNTRIES).optional(),
      checkedOn: reviewDateString().optional(),
    })
    .refine((s) => s.file !== undefined || (s.url !== undefined && s.publisher !== undefined && s.year !== undefined), {
      message: 'a source needs a file, or a url with publisher and year',
    }),
);
export type Source = z.infer<typeof sourcesFileSchema>[number];

/** A YYYY-MM-DD date, quoted or not (YAML reads an unquoted one as a date). */
function reviewDateString() {
  return z.union([z.string().regex(DATE, 'expected YYYY-MM-DD'), z.date().transform((d) => d.toISOString().slice(0, 10))]);
}

const perLocale = <T extends z.ZodTypeAny>(inner: T) => z.strictObject({ 'nl-NL': inner, 'nl-BE': inner });
const phraseList = z.array(z.string().trim().min(1)).min(1);

export const synonymsFileSchema = z.array(
  z.strictObject({ canonical: z.string().trim().min(1), variants: phraseList }),
);

export const languageFileSchema = z.strictObject({
  stopwords: phraseList,
  /** Written forms rewritten before anything else: elisions, chat spellings, dialect. */
  rewrites: z.record(z.string(), z.string()),
  /** Words that turn a following red-flag word into its absence ("no fever"). */
  negations: phraseList,
  /** Words that end the reach of a negation ("but", "yet"). */
  negationBreaks: phraseList,
  /** Parts that domain compounds are made of (knie + artrose). */
  compoundParts: phraseList,
  /** Words that join two questions in one message ("may I cycle and how much …"). */
  questionJoins: z.array(z.string().trim().min(1)).default([]),
  /** Articles and counts ("a", "every", "two"): a greeting or thanks word after one is a noun ("a good day"), not a greeting. */
  countingWords: z.array(z.string().trim().min(1)).default([]),
  /**
   * A second question in a sentence of its own, as letters ask it ("Besides, I would like to know
   * whether …"): `openers` start such a sentence, `asks` make a sentence without a question mark
   * or question word ask (the "whether" of an indirect question).
   */
  furtherQuestions: z.object({ openers: z.array(z.string().trim().min(1)).default([]), asks: z.array(z.string().trim().min(1)).default([]) }).default({ openers: [], asks: [] }),
  /**
   * Words that join two clauses of a statement ("my father had a new knee and now I want an
   * appointment"): where a story may end and a request begin.
   */
  clauseJoins: z.array(z.string().trim().min(1)).default([]),
  /**
   * Words that set the writer apart from the people of a story ("now I want an appointment
   * myself"): in a request after a story they name whom it is for, not self-care.
   */
  contrastWords: z.array(z.string().trim().min(1)).default([]),
  /** Words a question starts with: after a join word they mark a second question. */
  questionWords: z.array(z.string().trim().min(1)).default([]),
  /**
   * The question words that ask wherever they stand ("how", "when"); the others (verbs such as
   * "may", "would") ask only where they open a clause, before the subject.
   */
  interrogatives: z.array(z.string().trim().min(1)).default([]),
  /** Subject pronouns: right after a verb that opens the message they make it a question ("do I get …"). */
  subjectPronouns: z.array(z.string().trim().min(1)).default([]),
  /** Words pointing back at what was just said ("how long does that take?"): a short message with one follows up. */
  pointingWords: z.array(z.string().trim().min(1)).default([]),
  /** Words of contrast after which a question follows what is not the matter ("no fever, but may I cycle?"). */
  asideBreaks: z.array(z.string().trim().min(1)).default([]),
  /** Words of wanting besides wishWords ("no appetite for a diet, but …"): a negated part with one refuses what the question is about. */
  asideWishes: z.array(z.string().trim().min(1)).default([]),
  /** Words after the contrast that ask whether it can be done all the same ("no referral, but may I come anyway?"): the negated part counts in full. */
  asideDespite: z.array(z.string().trim().min(1)).default([]),
  /**
   * Words after which an adjective takes a partitive -s ("something cold" written with an -s):
   * an unknown word ending in -s after one of them is read as the word without it, for routing.
   */
  partitiveAfter: z.array(z.string().trim().min(1)).default([]),
  /**
   * Idioms of intensity ("I am dying of the pain", "it drives me mad", "I am fed up with it"):
   * they say how bad something is, not what is asked, and weigh nothing for routing. Each phrase
   * is a run of words; stop words and `between` words ("almost", "really") may stand between its
   * words. Routing only: the safety check reads the message with its own lists.
   */
  intensityIdioms: z
    .strictObject({
      between: z.array(z.string().trim().min(1)).default([]),
      phrases: z.array(z.string().trim().min(1)).default([]),
    })
    .default({ between: [], phrases: [] }),
  /**
   * Asides about the patient's own Dutch or understanding ("sorry for my Dutch", "I don't quite
   * understand"): phrases like intensityIdioms', which weigh nothing for routing.
   */
  languageAsides: z.array(z.string().trim().min(1)).default([]),
  /**
   * The frame of a message written as a letter ("Dear Sir or Madam, ... Kind regards, J. Smith"):
   * routing reads what stands between the salutation and the closing. Routing only.
   */
  letterFrame: z
    .strictObject({
      openings: z.array(z.string().trim().min(1)).default([]),
      salutations: z.array(z.string().trim().min(1)).default([]),
      addressees: z.array(z.string().trim().min(1)).default([]),
      closings: z.array(z.string().trim().min(1)).default([]),
    })
    .default({ openings: [], salutations: [], addressees: [], closings: [] }),
  /**
   * Words for animals (pets, horses, farm animals): a message about one's own animal ("my dog",
   * "for our horse") asks for care the practice does not give, since it treats people.
   */
  animals: z.array(z.string().trim().min(1)).default([]),
  /** Words that make the animal one's own or the one the request is for ("my", "our", "for"), within three words before it. */
  animalOwners: z.array(z.string().trim().min(1)).default([]),
  /** The first person's possessives ("my"): a second one beside an animal's names something of the patient's own ("my cat jumped on my knee"). */
  firstPersonOwners: z.array(z.string().trim().min(1)).default([]),
  /**
   * Words that make the animal company in the patient's own question ("walking with the dog",
   * "taking my dog along", "allergic to cats"): the message is about the patient, not the animal.
   */
  animalCompany: z.array(z.string().trim().min(1)).default([]),
  /** Words by which an owned animal has a complaint itself ("my dog has osteoarthritis"): see the Router's forAnimal. */
  animalSuffers: z.array(z.string().trim().min(1)).default([]),
  /**
   * Places of others (town hall, library, pharmacy): the opening hours or address asked of one are
   * not the practice's. `topics` are the topics about the practice as a place; `ours` the words
   * that still make the question about the practice ("the pharmacy next to your practice").
   */
  otherPlaces: z.object({ topics: z.array(z.string().trim().min(1)).default([]), words: z.array(z.string().trim().min(1)).default([]), ours: z.array(z.string().trim().min(1)).default([]) }).default({ topics: [], words: [], ours: [] }),
  /** Words by which a patient addresses the practice or the bot after a greeting or thanks ("hello physio"). */
  addressWords: z.array(z.string().trim().min(1)).default([]),
  /**
   * Words of wanting or needing ("want", "need", "rather"): a negation in a clause with one refuses
   * what it names ("I don't want to cancel"), where one without states a fact ("I have no appointment yet").
   */
  wishWords: z.array(z.string().trim().min(1)).default([]),
  /**
   * The words for an appointment ("appointment", "session"): a message that names the patient's
   * appointment but, read without these words, asks for no appointment action ("what do I bring to
   * my appointment?") is no cancellation or move.
   */
  appointmentWords: z.array(z.string().trim().min(1)).default([]),
  /**
   * The word the synonyms add to an appointment the patient already has: it tells a cancellation
   * from a booking, and a question about a topic is read without it.
   */
  appointmentMarkers: z.array(z.string().trim().min(1)).default([]),
  /**
   * Words that do something to an appointment ("later", "away", "shuffle"): with one of them, or a
   * negation ("I can't come to my appointment because …"), a message that names its appointment is
   * a cancellation or a move, whatever reason it gives.
   */
  appointmentActions: z.array(z.string().trim().min(1)).default([]),
  /**
   * Words that tell where an appointment goes ("to"): followed within a few words by a day or a
   * time (date-words.yaml, a number, or `appointmentTimes`), they make a question that names the
   * appointment a move ("can my appointment go to next week"), though it names no word of moving.
   */
  appointmentMoveTo: z.array(z.string().trim().min(1)).default([]),
  /**
   * Words that ask whether something is so ("is", "still on", "right"): a question with one that
   * names the patient's appointment and a day or a time, and does nothing to it, checks when the
   * appointment is ("my appointment is on Tuesday, isn't it?").
   */
  appointmentChecks: z.array(z.string().trim().min(1)).default([]),
  /**
   * Phrases that ask whether an appointment stays as it is ("may it stay", "can it go ahead"): a
   * question with one that names an appointment and does nothing to it asks about the patient's
   * own appointment, which stands; `appointmentKeepsLast` are such words only as the message's
   * last word ("does my session go ahead?").
   */
  appointmentKeeps: z.array(z.string().trim().min(1)).default([]),
  appointmentKeepsLast: z.array(z.string().trim().min(1)).default([]),
  /** Words right after a keep phrase that make it go on with an activity, not keep an appointment ("go on with cycling"). */
  appointmentKeepsNotBefore: z.array(z.string().trim().min(1)).default([]),
  /**
   * Words before a word of `appointmentActions` that make it name which appointment, not what to
   * do with it ("the appointment for later").
   */
  appointmentWhich: z.array(z.string().trim().min(1)).default([]),
  /** Words before an appointment word that make it one the patient has ("my", "the"), not one to make. */
  appointmentOwn: z.array(z.string().trim().min(1)).default([]),
  /** Words of a time an appointment may be moved to besides those of date-words.yaml ("day", "moment"). */
  appointmentTimes: z.array(z.string().trim().min(1)).default([]),
  /**
   * The names of the booking reference's letters and digits as a patient spells them aloud (the
   * Dutch names of B, X and 4), by the character they name: a reference spelled in words is read as
   * the code.
   */
  spelledCharacters: z.record(z.string().regex(/^[A-Z0-9]$/), phraseList).default({}),
  /** Words that only separate the parts of a spelled reference ("dash"). */
  spelledSeparators: z.array(z.string().trim().min(1)).default([]),
  /**
   * An age said as an ordinal after a possessive ("at my 35th"): read as the word of its age
   * band, so that every age reaches the phrasings that speak of such an age, not only the ages
   * they happen to name.
   */
  ageOrdinals: z
    .strictObject({
      /** The possessives that make an ordinal an age; without one it is a date or a count. */
      after: phraseList,
      /** Endings of an ordinal written in digits (the Dutch "-ste", "-e"). */
      suffixes: phraseList,
      /**
       * Words after which a plain number is an age too ("I am 74", "my mother of 81"): read as the
       * word of its band, like an ordinal after a possessive.
       */
      cardinalAfter: z.array(z.string().trim().min(1)).default([]),
      /** Ordinals written out, with their number ("thirtieth": 30). */
      words: z.record(z.string().trim().min(1), z.number().int().min(0)).default({}),
      /** Age bands and the word each is read as; an ordinal in no band stays as it is. */
      bands: z
        .array(
          z.strictObject({
            from: z.number().int().min(0),
            to: z.number().int().min(0),
            word: z.string().trim().min(1),
            /** How a plain number of this band after `cardinalAfter` is read: as `word`, or as no word (it only sets the scene). */
            plainNumber: z.enum(['word', 'none']).default('word'),
          }),
        )
        .min(1)
        .refine((bands) => bands.every((b) => b.from <= b.to), { message: 'a band\'s from must not be above its to' })
        .refine((bands) => bands.every((b, i) => bands.every((c, j) => i === j || b.to < c.from || c.to < b.from)), { message: 'bands must not overlap' }),
    })
    .optional(),
});

export const INTENT_IDS = [
  'booking', 'cancel-booking', 'handoff', 'greeting', 'thanks', 'help', 'restart',
  'switch-locale-nl', 'switch-locale-be', 'delete-data', 'yes', 'no', 'stop', 'release', 'save-transcript',
  'appointment-lookup',
] as const;

/**
 * A way of asking for an intent told by the phrases a message has together, read before the
 * topics: a message with a phrase of every group of `all` (each phrase a run of whole words),
 * none of the words of `unless` anywhere and none of `unlessOpening` as its first word. Such
 * rules are not learned from, so they add no ordinary sentences to what the crisis net learns.
 */
const togetherRule = z.strictObject({
  all: z.array(phraseList).min(2),
  unless: z.array(z.string().trim().min(1)).default([]),
  unlessOpening: z.array(z.string().trim().min(1)).default([]),
});
export type IntentId = (typeof INTENT_IDS)[number];

export const intentsFileSchema = z.record(
  z.enum(INTENT_IDS),
  z.strictObject({
    /** Messages that are this intent when they are (nearly) the whole message. */
    exact: phraseList,
    /**
     * Examples the intent classifier learns from, competing with the FAQ topics' phrasings:
     * one list, or one per locale (`nl-NL`, `nl-BE`) so that each locale's share can be counted.
     */
    phrasings: z
      .union([
        z.array(z.string().trim().min(1)),
        z.strictObject({ 'nl-NL': z.array(z.string().trim().min(1)), 'nl-BE': z.array(z.string().trim().min(1)) }),
      ])
      .default([]),
    /** Ways of asking told by phrases together (see {@link togetherRule}); any one rule suffices. */
    together: z.array(togetherRule).default([]),
  }).transform(({ exact, phrasings, together }) => {
    const perLocale = Array.isArray(phrasings) ? { 'nl-NL': phrasings, 'nl-BE': [] } : phrasings;
    return {
      exact,
      together,
      /** Every phrasing, nl-NL first. */
      phrasings: [...perLocale['nl-NL'], ...perLocale['nl-BE']],
      /** The locale each of {@link phrasings} was written for. */
      phrasingLocales: [
        ...perLocale['nl-NL'].map(() => 'nl-NL' as const),
        ...perLocale['nl-BE'].map(() => 'nl-BE' as const),
      ],
    };
  }),
);

const tierId = z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.enum(TIERS));

/** The services of one country, used in the tiers' texts as {{emergencyNumber}}, {{crisisPhone}}, … */
const countryServicesSchema = z.strictObject({
  emergencyNumber: z.string().trim().min(3),
  crisisLine: z.string().trim().min(1),
  crisisPhone: z.string().trim().min(3),
  crisisFreephone: z.string().trim().default(''),
  crisisWeb: z.string().trim().min(4),
  afterHours: z.string().trim().min(1),
  afterHoursPhone: z.string().trim().default(''),
  /** The after-hours service as a sentence names it (the Belgian after-hours GP via 1733). */
  afterHoursService: z.string().trim().min(1),
});

/** One word as the text normaliser leaves it: lowercase, no accents, no spaces. */
const sentenceWord = z.string().trim().regex(/^[a-z0-9]+$/, 'expected one lowercase word without accents, spaces or punctuation');
const sentenceWordList = z.array(sentenceWord).min(1);

/**
 * The small words the red-flag detector reads a sentence's structure with (not signs): where a
 * clause ends, how far a negation reaches, what makes a question general, what brings a story
 * from the past back to now. Each list is required: a missing one would silently change what
 * counts as denied or past.
 */
export const sentenceWordsSchema = z.strictObject({
  /** Words that open a new clause (besides a comma): a negation or "last year" stops there. */
  clauseBreaks: sentenceWordList,
  /** Words that may stand between a negation and the rest of a phrase starting with it ("no [single] feeling"). */
  afterNegation: sentenceWordList,
  /** "no fever or redness": a negation reaches through these to the next sign, not further. */
  coordinators: sentenceWordList,
  /** Words that may follow a sign when it is denied after it ("fever I do not have"): the clause holds nothing else. */
  afterDenial: sentenceWordList,
  /** After "does not bleed": the verb is denied when the clause ends or goes on with one of these. */
  afterVerbDenial: sentenceWordList,
  /** Words that may stand between such a negation and the clause's end or the words above ("does not bleed any more"). */
  denialFillers: sentenceWordList,
  /** Verbs that open a yes/no question in general ("is …", "can …", "does …"). */
  questionVerbs: sentenceWordList,
  /** Without a question mark, a sentence opening with such a verb asks in general only when one of these follows ("is a …", "do you get …"). */
  questionSubjects: sentenceWordList,
  /** "is it normal that …": a question about one's own signs; the pointing words after the verb … */
  ownQuestionPointers: sentenceWordList,
  /** … and the words after them. */
  ownQuestionWords: sentenceWordList,
  /** Words that make a sentence about someone in particular: then it is no question in general. */
  personal: sentenceWordList,
  /** Words that put the writer in a sentence ("I", "me", "we"): its signs are the writer's own (see `modifiers.inCare`). */
  firstPerson: sentenceWordList,
  /** Words a sentence opens with to point back at someone just named ("he", "she"). */
  referBack: sentenceWordList,
  /** Besides `firstPerson` and `nowWords`, words where a book's or film's story ends: the writer's own people ("my", "our"). */
  storyEnds: sentenceWordList,
  /** (fix20a) People who end a story (`modifiers.story`) when no article of `storyArticles` stands right before them. */
  storyPersons: sentenceWordList.default([]),
  storyArticles: sentenceWordList.default([]),
  /** (fix20a) A clause after a comma holding one of these (or a `nowWords` word) tells a sign of its own: a story ends at that comma. */
  storyClauseVerbs: sentenceWordList.default([]),
  /** Small words that may open a clause before a care phrase (`modifiers.inCare`) besides `referBack`: a clause naming anyone else is about someone else. */
  careLeads: sentenceWordList,
  /** Words of which one must stand in a care phrase's clause: care said of someone ("he", "her"), not of a subject left out. */
  careSubjects: sentenceWordList,
  /** Words after a care phrase that say the care is failing ("… but it gets worse"): then nothing is set aside. */
  careFails: sentenceWordList,
  /** Words before "it is over" that put it in the future ("then it is over"). */
  futureMarks: sentenceWordList,
  /** Words that bring a story from the past back to now ("now", "since", "suddenly"). */
  nowWords: sentenceWordList,
  sinceWords: sentenceWordList,
  /** Words that say a past event is back ("again", "just like last year"): the past marker sets nothing aside. */
  recurrence: sentenceWordList,
  /** Words before a year that make it a past marker ("in 2019"). */
  yearMarks: sentenceWordList,
  /** A sentence of only these answers the question before it with no ("fever? no."): its signs are denied. */
  answersNo: sentenceWordList,
  /** Number words ("ten", "twenty"), besides numbers in digits: the counts of a phrase ("ten paracetamol"). */
  countWords: sentenceWordList,
  /** Units a number does not skip to reach the next word of a phrase: "at 10 [o'clock] one paracetamol" counts no pills. */
  countUnits: sentenceWordList,
  /**
   * (saf25) Words that make a number from 36 to 42 typed with a decimal point no temperature: a
   * unit right after it ("39.1 kg", "40.5 km"), or a weight or score shortly before it.
   */
  notTemperature: sentenceWordList,
  /**
   * (saf26) Subject pronouns that follow their verb in a main clause after a fronted one ("… [while I]
   * can play football, cut I [my finger] …", in the locale's words): a negation in the fronted clause does not deny a sign opening with that verb.
   */
  invertedSubjects: sentenceWordList,
  /**
   * (saf27) Words for degrees written after a number from 36 to 42, glued or not (the locale's
   * "39degrees", "39 deg"): with a degree sign ("39°", "39 °C") they are read as the first of them, the word the
   * fever phrases know.
   */
  degreeWords: sentenceWordList,
});

export const emergencyFileSchema = z.strictObject({
  ...reviewFields,
  countries: z.strictObject({ NL: countryServicesSchema, BE: countryServicesSchema }),
  tiers: z.strictObject(
    Object.fromEntries(TIERS.map((t) => [t, z.strictObject({ bookingAfter: z.boolean() })])) as Record<
      (typeof TIERS)[number],
      z.ZodObject<{ bookingAfter: z.ZodBoolean }, z.core.$strict>
    >,
  ),
  /**
   * Words that change what the concepts near them mean: `resolved` ("but that is over") sets
   * aside what came before it in the sentence, `past` ("last year") the clause it is in,
   * `hypothetical` ("how do I notice", "what if") what follows it in the clause; `checking`
   * ("taking one's temperature") names a sign without having it: a concept inside it does not count;
   * `cleared` (a doctor found no thrombosis) sets aside everything before it in the message, the
   * sentences before it too; `passed` ("it went away by itself") sets aside what came before it
   * like `resolved`, except a sign of the 112 tier, which gets `passedTier` instead; `inCare`
   * (someone is in hospital, admitted, on antibiotics, at the vet's) sets aside the signs told
   * before it in its sentence, and in the sentence before when it opens with `referBack` ("he is
   * in hospital now"), unless the writer is in the sentence (`sentenceWords.firstPerson`): a
   * doctor has that person already. The writer's own signs, crisis and 112 signs and later signs stay.
   */
  modifiers: z.strictObject({
    resolved: phraseList,
    passed: phraseList.default([]),
    past: phraseList,
    hypothetical: phraseList,
    checking: phraseList.default(['koorts meten']),
    cleared: phraseList.default([]),
    inCare: phraseList.default([]),
    /** A book, film or the news telling of someone else: its signs are set aside within its clause, up to the writer (`firstPerson`); crisis and 112 signs stay. */
    story: phraseList.default([]),
    /**
     * Checking phrases that name a sign only in a message without one of their `unless` phrases
     * anywhere in it: ending a sport is no ending of oneself unless the message also names oneself,
     * everything or a day; a quoted instruction is no report unless the message goes on to say the
     * writer has it now.
     */
    guardedChecking: z.array(z.strictObject({ phrases: phraseList, unless: phraseList })).default([]),
  }),
  /** The tier of a 112 sign that passed by itself (a TIA, angina): a doctor still sees it today. */
  passedTier: tierId.optional(),
  /**
   * Questions about where to get a doctor now (see CareQuestion): `services` name such a service
   * (the after-hours GP, the emergency department); `asks` standing right before a service
   * (at most three words between) and `asksAfter` right after one make the message a question
   * about reaching it (its number, going there, whether it is open); elsewhere in the message
   * they ask about something else ("can I book after the emergency room sent me here?"). After an
   * alarm any message naming a service counts. `none` make it a story (having been there);
   * `afterAlarm` ask who to call or what to do at all, which after a doctor's instruction asks
   * for that instruction. Phrases: words in this order, at most two others between them; a word
   * ending in * matches every word starting with it.
   */
  careQuestions: z
    .strictObject({
      services: z.array(z.string().trim().min(1)).default([]),
      asks: z.array(z.string().trim().min(1)).default([]),
      asksAfter: z.array(z.string().trim().min(1)).default([]),
      none: z.array(z.string().trim().min(1)).default([]),
      afterAlarm: z.array(z.string().trim().min(1)).default([]),
    })
    .default({ services: [], asks: [], asksAfter: [], none: [], afterAlarm: [] }),
  sentenceWords: sentenceWordsSchema,
  /** Concepts that are background by nature (a prosthesis, cancer): past and resolved words leave them. */
  history: z.array(z.string()).default([]),
  /** A topic not to answer when the message holds one of `when` (and none of `unless`); `instead` is answered. */
  topicGuards: z
    .array(
      z.strictObject({
        topic: z.string().regex(TOPIC_ID),
        when: z.array(z.string()).min(1),
        unless: z.array(z.string()).default([]),
        instead: z.string().regex(TOPIC_ID),
      }),
    )
    .default([]),
  /** Concepts that only say where or who (a leg, a knee): a negation denies the sign, not them. */
  context: z.array(z.string()).default([]),
  /** Concepts that count even in a hypothetical ("if I do not wake up tomorrow"). */
  unconditional: z.array(z.string()).default([]),
  /**
   * What the learned crisis net does not read. `clauses`: whole clauses that only hedge a reply
   * ("idk", "I don't think so"), matched as the whole clause; `concepts`: a clause holding one of
   * these concepts (the writer denying suicidal thoughts, waking up stiff). The rules read all.
   */
  netQuiet: z.strictObject({ clauses: z.array(z.string().trim().min(1)).default([]), concepts: z.array(z.string()).default([]) }).default({ clauses: [], concepts: [] }),
  concepts: z.record(z.string(), phraseList),
  rules: z.array(
    z
      .strictObject({
        id: z.string().regex(TOPIC_ID),
        tier: tierId,
        /** Every listed concept must be present and not negated. */
        all: z.array(z.string()).default([]),
        /** At least one of these must be present, when the list is given. */
        any: z.array(z.string()).default([]),
        /** The rule does not fire when one of these concepts occurs (weight lost on purpose). */
        none: z.array(z.string()).default([]),
        /**
         * The wording is also everyday speech ("it is not needed any more" as "never mind"): the
         * crisis line is given as a question, as for the learned net's flags, and a second such
         * message, or an answer that is not a no, gets the crisis text. Crisis rules only.
         */
        ask: z.boolean().default(false),
        /**
         * The 112 instruction is followed by the crisis line's one line (swallowed pills: possibly
         * on purpose). 112 rules only.
         */
        crisisLine: z.boolean().default(false),
      })
      .refine((r) => r.all.length + r.any.length > 0, { message: 'a rule needs concepts in `all` or `any`' })
      .refine((r) => !r.ask || r.tier === 'crisis', { message: '`ask` is for crisis rules only' })
      .refine((r) => !r.crisisLine || r.tier === '112', { message: '`crisisLine` is for 112 rules only' }),
  ),
});

const hours = z.array(z.tuple([z.string().regex(TIME, 'expected HH:MM'), z.string().regex(TIME, 'expected HH:MM')]));
const amount = z.number().min(0).max(1000);
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const weekHours = z.strictObject(Object.fromEntries(WEEKDAYS.map((d) => [d, hours.default([])])) as Record<
  (typeof WEEKDAYS)[number],
  z.ZodDefault<typeof hours>
>);

/**
 * The practice's agenda. Without therapists the bot books on the locations' opening hours in its
 * own agenda (one appointment per location at a time). With therapists, a slot is offered where
 * one of them works, does the appointment type and is free; a therapist with a `calendar` is
 * free only where that CalDAV calendar is (its server address and credentials come from the
 * CALDAV_* environment variables, never from this file).
 */
export const agendaSchema = z.strictObject({
  /** Put the patient's phone number in the therapist's calendar event (off: initials and reference only). */
  phoneInCalendar: z.boolean().default(false),
  therapists: z
    .array(
      z.strictObject({
        id: z.string().regex(TOPIC_ID, 'expected a lowercase id with dashes, e.g. anne-de-vries'),
        name: z.string().trim().min(1),
        /** Ids of the appointment types this therapist does. */
        appointmentTypes: z.array(z.string().regex(TOPIC_ID)).min(1),
        /** Working hours per location id. */
        workingHours: z.record(z.string().regex(TOPIC_ID), weekHours),
        /** The CalDAV calendar: a full URL, or a path on CALDAV_URL ("/practice/anne/"). */
        calendar: z.string().trim().min(1).optional(),
      }),
    )
    .default([]),
});
export type AgendaFile = z.infer<typeof agendaSchema>;

export const practiceFileSchema = z.strictObject({
  name: z.string().trim().min(1),
  country: z.enum(['NL', 'BE']),
  defaultLocale: z.enum(SUPPORTED_LOCALES),
  timeZone: z.enum(['Europe/Amsterdam', 'Europe/Brussels']),
  phone: z.string().trim().min(6),
  email: z.email().optional(),
  website: z.url().optional(),
  privacyUrl: z.url(),
  /** The practice's colour for the chat page, e.g. "#0f7b6c". */
  brandColor: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour such as #0f7b6c').optional(),
  locations: z
    .array(
      z.strictObject({
        id: z.string().regex(TOPIC_ID),
        name: z.string().trim().min(1),
        street: z.string().trim().min(1),
        postalCode: z.string().trim().min(4),
        city: z.string().trim().min(1),
        phone: z.string().trim().min(6),
        openingHours: weekHours,
        /** Where to park or leave a bike, in the practice's own words; shown with the address. */
        parking: z.string().trim().min(1).optional(),
      }),
    )
    .min(1),
  appointmentTypes: z
    .array(
      z.strictObject({
        id: z.string().regex(TOPIC_ID),
        durationMinutes: z.number().int().min(10).max(180),
        label: perLocale(z.string().trim().min(1)),
      }),
    )
    .min(1),
  closedDays: z.array(z.string().regex(DATE, 'expected YYYY-MM-DD')).default([]),
  /** Prices in euro; leave one out and the bot says to ask the practice. */
  fees: z
    .strictObject({
      intake: amount.optional(),
      session: amount.optional(),
      homeVisitSurcharge: amount.optional(),
      missedAppointment: amount.optional(),
    })
    .default({}),
  /** How many hours before an appointment it can be cancelled without charge. */
  cancellationHours: z.number().int().min(0).max(168).optional(),
  /** Whether the physiotherapist also treats at home (when going to the practice is not possible). */
  homeVisits: z.boolean().optional(),
  /** Usual waiting time for a first appointment, in days. */
  waitingTimeDays: z.number().int().min(1).max(365).optional(),
  /**
   * Whom to tell about a complaint and how, as the end of the locale sentence that says where
   * a complaint can be made (name or role, e-mail or page; the complaints scheme if the practice wants it named).
   */
  complaints: z.strictObject({ contact: z.string().trim().min(3).optional() }).default({}),
  /** Whether the practice gives a second opinion on another physiotherapist's treatment. */
  secondOpinion: z.boolean().optional(),
  /** Whether the practice also treats osteoarthritis of other joints (hand, thumb, shoulder, back). */
  otherJoints: z.boolean().optional(),
  /** Whether a (certified) hand therapist works in the practice. */
  handTherapist: z.boolean().optional(),
  /**
   * Reimbursement figures that change with the rules: NL basic insurance for exercise therapy in
   * hip/knee osteoarthritis (sessions within months); BE sessions per year at the regular rate.
   */
  coverage: z
    .strictObject({
      nlSessions: z.number().int().min(0).max(100).default(12),
      nlMonths: z.number().int().min(1).max(60).default(12),
      beRegularSessions: z.number().int().min(0).max(100).default(18),
    })
    .default({ nlSessions: 12, nlMonths: 12, beRegularSessions: 18 }),
  /** Practice-specific answers that replace a topic's answer (e.g. reimbursement details). */
  topicOverrides: z.record(z.string(), z.strictObject({ 'nl-NL': z.string().optional(), 'nl-BE': z.string().optional() })).default({}),
  /** Topics the practice always wants a person to handle. */
  alwaysHumanTopics: z.array(z.string()).default([]),
  /** Who works when, and where their calendar is (see {@link agendaSchema}). */
  agenda: agendaSchema.default({ phoneInCalendar: false, therapists: [] }),
  /**
   * The after-hours GP service of the practice's own region (NL: the after-hours GP post's number is
   * regional), named in the answer to "what is the number of the after-hours GP?". Optional:
   * without it the answer says where patients find their region's number.
   */
  localAfterHours: z
    .strictObject({
      name: z.string().trim().min(3),
      phone: z.string().trim().regex(/^\+?[0-9][0-9 -]{2,18}[0-9]$/, 'expected a phone number such as "0900 123 45 67"'),
    })
    .optional(),
});
export type PracticeFile = z.infer<typeof practiceFileSchema>;
export type Weekday = (typeof WEEKDAYS)[number];
export { WEEKDAYS };

export const screeningFileSchema = perLocale(
  z.strictObject({
    intro: z.string().trim().min(1),
    /** The intro when the appointment is for someone else (a parent, a partner). */
    introOther: z.string().trim().min(1),
    /**
     * One yes/no question per turn; a yes gives the instruction of its red flag's tier.
     * `textOther` asks the same about the person the appointment is for.
     */
    questions: z
      .array(z.strictObject({
        id: z.string().regex(TOPIC_ID), text: z.string().trim().min(1), textOther: z.string().trim().min(1), redFlag: z.string().regex(TOPIC_ID),
      }))
      .min(1),
  }),
);

export const dateWordsFileSchema = z.strictObject({
  weekdays: z.record(z.string(), z.number().int().min(0).max(6)),
  months: z.record(z.string(), z.number().int().min(1).max(12)),
  relativeDays: z.record(z.string(), z.number().int().min(0).max(14)),
  nextWeek: phraseList,
  partsOfDay: z.record(z.string(), z.enum(['morning', 'afternoon', 'evening'])),
  after: phraseList,
  before: phraseList,
  numbers: z.record(z.string(), z.number().int().min(1).max(12)),
  later: phraseList,
  dayParts: z.record(z.string(), z.tuple([z.number().int().min(0).max(14), z.enum(['morning', 'afternoon', 'evening'])])),
  quarter: phraseList,
  half: phraseList,
  past: phraseList,
  to: phraseList,
  at: phraseList,
  /** Minutes said in words after the hour ("ten o'clock fifteen"); digits are read as they are. */
  minuteWords: z.record(z.string(), z.number().int().min(1).max(59)).default({}),
  /** Words after a number that make "2 hours 30" a duration, not a time of day. */
  durationWords: z.array(z.string().trim().min(1)).default([]),
  /** Ways of naming one public holiday; the dates come from the practice's country. */
  holidays: z.array(phraseList).default([]),
});

/** A file of the knowledge folder's `safety-sets/`: an opened development set, a message a line. */
const SAFETY_SET_FILE = /^safety-sets\/[a-z0-9]+(-[a-z0-9]+)*\.jsonl$/;

/** The labels a message of a safety set can carry: the tier it needs, or `none` for an ordinary message. */
const SET_TIERS = [...TIERS, 'none'] as const;

/**
 * One line of an opened red-flag development set (`safety-sets/<name>.jsonl`): a message as a
 * patient typed it, its locale and its label, the tier it needs (`none`: an ordinary message).
 * `intent`, `situation` and `style` say what kind of message it is, for the evaluations.
 */
export const safetySetLineSchema = z.strictObject({
  text: z.string().trim().min(1),
  locale: z.enum(SUPPORTED_LOCALES),
  intent: z.string().trim().min(1),
  tier: z.enum(SET_TIERS, { message: `unknown tier: expected one of ${SET_TIERS.join(', ')}` }),
  situation: z.string().trim().min(1).optional(),
  style: z.string().trim().min(1).optional(),
});

/**
 * A group of crisis examples read from an opened development set instead of listed: under
 * `crisis` the set's `tier: crisis` messages, under `notCrisis` all its others, in the file's
 * order. `leftOut` (line numbers) and `reworded` (line number → our own words, in the message's
 * place) keep the few messages the net learns otherwise than the set has them.
 */
const setGroup = z.strictObject({
  set: z.string().regex(SAFETY_SET_FILE, 'expected safety-sets/<name>.jsonl'),
  leftOut: z.array(z.number().int().min(1)).default([]),
  reworded: z.record(z.string().regex(/^[1-9]\d*$/, 'expected a line number'), z.string().trim().min(1)).default({}),
});

const exampleGroups = z.record(
  z.string().regex(TOPIC_ID),
  z.union([z.array(z.string().trim().min(1)), setGroup], { message: 'expected a list of texts, or set: safety-sets/<name>.jsonl' }),
);

/**
 * `crisis-examples.yaml`: what the learned crisis net is trained on. Groups name where the
 * examples come from (`own`, or a used red-flag set) so the threshold can be cross-validated by
 * leaving one group out; a used set's group names its file in `safety-sets/` rather than copying
 * its messages. The loader reads those files, then checks the whole: at least 20 texts in each
 * list, and no text in both (the same words cannot be both). Reviewed by a clinician like the
 * red-flag list (what the net learns decides who gets the crisis line).
 */
export const crisisExamplesFileSchema = z.strictObject({
  ...reviewFields,
  threshold: z.number().gt(0.5).lt(1),
  /**
   * Stop words that still say something in a short message: the net leaves a message of only
   * stop words and negations to the rules, except one with these ("I don't want to go on").
   */
  meaningfulStopwords: z.array(z.string().trim().min(1)).default([]),
  crisis: exampleGroups,
  notCrisis: exampleGroups,
});
