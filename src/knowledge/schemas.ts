import { z } from 'zod';
import { SUPPORTED_LOCALES } from '../config/AppConfig';

const TOPIC_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export const topicLocaleSchema = z.strictObject({
  title: z.string().trim().min(1),
  label: z.string().trim().min(1),
  phrasings: z.array(z.string().trim().min(1)),
  answer: z.string().trim().min(1),
});

export const topicFileSchema = z.strictObject({
  id: z.string().regex(TOPIC_ID, 'expected a lowercase id with dashes, e.g. morning-stiffness'),
  sources: z.array(z.string().trim().min(1)).min(1, 'name at least one source'),
  followUps: z.array(z.string()).default([]),
  alwaysHuman: z.boolean().default(false),
  review: z
    .strictObject({
      lastReviewed: z.union([z.string().regex(DATE, 'expected YYYY-MM-DD'), z.null()]).default(null),
      reviewedBy: z.union([z.string().trim().min(1), z.null()]).default(null),
    })
    .default({ lastReviewed: null, reviewedBy: null }),
  locales: z.strictObject({ 'nl-NL': topicLocaleSchema, 'nl-BE': topicLocaleSchema }),
});
export type TopicFile = z.infer<typeof topicFileSchema>;

export const sourcesFileSchema = z.array(
  z.strictObject({ id: z.string().min(1), file: z.string().min(1), title: z.string().min(1) }),
);

const perLocale = <T extends z.ZodTypeAny>(inner: T) => z.strictObject({ 'nl-NL': inner, 'nl-BE': inner });
const phraseList = z.array(z.string().trim().min(1)).min(1);

export const synonymsFileSchema = z.array(
  z.strictObject({ canonical: z.string().trim().min(1), variants: phraseList }),
);

export const languageFileSchema = z.strictObject({
  stopwords: phraseList,
  /** Written forms rewritten before anything else: elisions, chat spellings, dialect. */
  rewrites: z.record(z.string(), z.string()),
  /** Words that turn a following red-flag word into its absence ("geen koorts"). */
  negations: phraseList,
  /** Words that end the reach of a negation ("maar", "wel"). */
  negationBreaks: phraseList,
  /** Parts that domain compounds are made of (knie + artrose). */
  compoundParts: phraseList,
});

export const INTENT_IDS = [
  'booking', 'cancel-booking', 'handoff', 'greeting', 'thanks', 'help', 'restart',
  'switch-locale-nl', 'switch-locale-be', 'delete-data', 'yes', 'no', 'stop', 'release', 'save-transcript',
] as const;
export type IntentId = (typeof INTENT_IDS)[number];

export const intentsFileSchema = z.record(
  z.enum(INTENT_IDS),
  z.strictObject({
    /** Messages that are this intent when they are (nearly) the whole message. */
    exact: phraseList,
    /** Phrasings that compete with FAQ topics in the matcher. */
    phrasings: z.array(z.string().trim().min(1)).default([]),
  }),
);

export const emergencyFileSchema = z.strictObject({
  concepts: z.record(z.string(), phraseList),
  rules: z.array(
    z.strictObject({
      id: z.string().regex(TOPIC_ID),
      /** Every listed concept must be present and not negated. */
      all: z.array(z.string()).min(1),
      /** The rule does not fire when one of these concepts occurs (weight lost on purpose). */
      none: z.array(z.string()).default([]),
    }),
  ),
});

const hours = z.array(z.tuple([z.string().regex(TIME, 'expected HH:MM'), z.string().regex(TIME, 'expected HH:MM')]));
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

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
        openingHours: z.strictObject(Object.fromEntries(WEEKDAYS.map((d) => [d, hours.default([])])) as Record<
          (typeof WEEKDAYS)[number],
          z.ZodDefault<typeof hours>
        >),
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
  /** Practice-specific answers that replace a topic's answer (e.g. reimbursement details). */
  topicOverrides: z.record(z.string(), z.strictObject({ 'nl-NL': z.string().optional(), 'nl-BE': z.string().optional() })).default({}),
  /** Topics the practice always wants a person to handle. */
  alwaysHumanTopics: z.array(z.string()).default([]),
});
export type PracticeFile = z.infer<typeof practiceFileSchema>;
export type Weekday = (typeof WEEKDAYS)[number];
export { WEEKDAYS };

export const screeningFileSchema = perLocale(
  z.strictObject({
    intro: z.string().trim().min(1),
    questions: z
      .array(z.strictObject({ id: z.string().regex(TOPIC_ID), text: z.string().trim().min(1), redFlag: z.string().regex(TOPIC_ID) }))
      .min(1),
    /** What to do when any answer is yes. */
    stopAdvice: z.string().trim().min(1),
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
});
