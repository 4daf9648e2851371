import type { Activity } from 'botbuilder';
import fc from 'fast-check';
import type { App } from '../src/app/createApp';
import { I18nextTranslator } from '../src/i18n/Translator';
import { INTENT_IDS } from '../src/knowledge';
import type { RouteContext } from '../src/understanding/types';
import { buildTestApp, testAdapterFor, type LogSink } from './helpers/testApp';

/*
 * Hostile and random input through the router and through the whole bot. Every call must give
 * an answer (a valid routing decision; at least one reply message) and nothing may throw, be
 * logged as an error, or echo markup from the input. Counts are in the test names; together
 * they stay well under a minute on two cores.
 */

let app: App;
let sink: LogSink;
beforeAll(async () => {
  ({ app, sink } = await buildTestApp({ LOG_LEVEL: 'warn' }));
});
afterAll(() => app.close());

/** Generous: on a busy two-core CI machine these share the CPU with browser tests. */
const HEAVY_TEST_TIMEOUT_MS = 180_000;

const ROUTE_INTENTS = new Set<string>([...INTENT_IDS, 'faq', 'clarify', 'emergency', 'none']);

/** Hand-written attacks and oddities that random generation rarely hits. */
const HOSTILE: string[] = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '"><svg/onload=alert(1)>',
  'javascript:alert(1)',
  '[klik](javascript:alert(1))',
  '<iframe src="https://evil.example"></iframe>',
  "'; DROP TABLE bookings; --",
  "' OR '1'='1",
  '1; SELECT * FROM state WHERE 1=1',
  '{{constructor.constructor("return process")()}}',
  '${process.exit(1)}',
  '__proto__',
  'constructor',
  '%s%s%s%n',
  '../../../../etc/passwd',
  '\u0000\u0001\u0002\u001b[31m\u007f',
  '\r\n\r\nHTTP/1.1 200 OK',
  '\u202eknie\u202c',
  'k\u200bn\u200ci\u200de\ufeff',
  '\ud800',
  '\udfff\ud800',
  '🦵🦴💥🔥👩‍⚕️🏳️‍🌈',
  'Z̷̡̛̛a̶̡l̵g̸o̷ knie',
  'ＫＮＩＥＡＲＴＲＯＳＥ',
  'ΚΝΙΕ артроз 膝关节炎 ركبة',
  '   ',
  '\t\n',
  '',
];

/** Oversized messages: the server cuts them to MAX_MESSAGE_CHARS, the router must cope either way. */
const LONG: string[] = ['?'.repeat(5000), 'knie '.repeat(20_000), 'a'.repeat(100_000), '🦵'.repeat(30_000), '<script>'.repeat(12_500)];

/** Real messages, so that junk around them reaches the deeper parts of the router and dialogs. */
const REAL: string[] = [
  'mag ik sporten met knieartrose?', 'heup', 'afspraak maken', 'Afspraak maken', 'ja', 'nee', 'opnieuw', 'help',
  'Vlaams', 'Nederlands', 'iemand spreken', 'afspraak annuleren', 'ik heb pijn op de borst', 'dank je', 'hallo',
  'wis mijn gegevens', 'stop', 'morgen', 'volgende week', '14-03-1961', '0612345678', '+32 470 12 34 56',
  'jan@example.nl', 'Jan de Vries', 'sinds een jaar', 'geen',
];

const LOCALES: (string | undefined)[] = [
  'nl-NL', 'nl-BE', 'xx', '', 'nl-be', 'NL_be', 'nl', 'en-US', 'fr-BE', 'de', 'zz-ZZ-x-private', '\u0000', 'a'.repeat(1000), undefined,
];

/** About 100 KB of a random chunk repeated: words far longer than any in the vocabulary. */
const huge = fc
  .tuple(
    fc.oneof(
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
      fc.string({ unit: fc.constantFrom(...'abdeiknoprstuvéë'), minLength: 1, maxLength: 12 }),
    ),
    fc.constantFrom('', ' ', '\n'),
  )
  .map(([chunk, sep]) => (chunk + sep).repeat(Math.ceil(100_000 / (chunk.length + sep.length))));

const text = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 300 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 200 }) },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 2, arbitrary: fc.constantFrom(...REAL) },
  {
    weight: 3,
    arbitrary: fc.tuple(fc.constantFrom(...REAL), fc.constantFrom(...HOSTILE), fc.boolean()).map(([r, h, first]) => (first ? `${h} ${r}` : `${r} ${h}`)),
  },
);
const locale = fc.constantFrom(...LOCALES);

describe('router fuzzing', () => {
  it('2000 random and hostile inputs in odd locales: every call returns a valid decision', () => {
    const topics = [...app.knowledge.topics.keys()];
    fc.assert(
      fc.property(text, locale, fc.option(fc.constantFrom(...topics, 'no-such-topic', '__proto__')), (input, loc, previousTopic) => {
        const context = { locale: loc, ...(previousTopic ? { previousTopic } : {}) } as RouteContext;
        const d = app.router.route(input, context);
        expect(ROUTE_INTENTS.has(d.intent)).toBe(true);
        // Not capped at 1: the follow-up boost for the previous topic can lift a score above it.
        expect(Number.isFinite(d.score) && d.score >= 0).toBe(true);
        if (d.intent === 'faq') expect(app.router.hasTopic(d.topic ?? '')).toBe(true);
        if (d.intent === 'clarify') expect(d.candidates.length).toBeGreaterThan(0);
        for (const c of d.candidates) expect(app.router.hasTopic(c.topic)).toBe(true);
        expect(['yes', 'no', undefined]).toContain(app.router.yesNo(input));
      }),
      { numRuns: 2000 },
    );
  }, HEAVY_TEST_TIMEOUT_MS);

  it(`${HOSTILE.length + LONG.length} hand-written attacks in ${LOCALES.length} locales each: every call returns a valid decision`, () => {
    for (const input of [...HOSTILE, ...LONG]) {
      for (const loc of LOCALES) {
        const d = app.router.route(input, { locale: loc } as RouteContext);
        expect(ROUTE_INTENTS.has(d.intent)).toBe(true);
      }
    }
  });

  it('20 random 100 KB inputs: every call returns a valid decision', () => {
    fc.assert(
      fc.property(huge, (input) => {
        expect(ROUTE_INTENTS.has(app.router.route(input, { locale: 'nl-NL' }).intent)).toBe(true);
      }),
      { numRuns: 20 },
    );
  });
});

/** One thing a patient (or an attacker) does in a turn. */
type Step =
  | { kind: 'type'; text: string }
  /** Clicks the n-th button or card action the bot offered last (modulo how many there are). */
  | { kind: 'click'; n: number }
  /** An Adaptive Card submission, or a client sending a `value` of any shape, with or without text. */
  | { kind: 'submit'; value: unknown; text?: string }
  | { kind: 'attachment'; text?: string };

const PROTO_POLLUTION = [
  JSON.parse('{"__proto__": {"polluted": "yes"}}') as unknown,
  JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}') as unknown,
];

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: text.map((t): Step => ({ kind: 'type', text: t })) },
  { weight: 1, arbitrary: fc.constantFrom(...LONG).map((t): Step => ({ kind: 'type', text: t })) },
  { weight: 5, arbitrary: fc.nat(20).map((n): Step => ({ kind: 'click', n })) },
  {
    weight: 2,
    arbitrary: fc.record({
      value: fc.oneof(
        fc.jsonValue({ maxDepth: 4 }),
        fc.constantFrom<unknown>(...PROTO_POLLUTION, { action: 'book' }, { slot: '2026-11-24T09:00' }, { choice: -1 }, [], null, 'x'.repeat(50_000)),
      ),
      text: fc.option(text, { nil: undefined }),
    }).map((r): Step => ({ kind: 'submit', ...r })),
  },
  { weight: 1, arbitrary: fc.option(text, { nil: undefined }).map((t): Step => ({ kind: 'attachment', text: t })) },
);

/** What a click on an offered action sends: imBack text, or the data of a card's submit action. */
function offered(replies: Partial<Activity>[]): Partial<Activity>[] {
  const clicks: Partial<Activity>[] = [];
  for (const r of replies) {
    for (const a of r.suggestedActions?.actions ?? []) {
      if (a.type === 'imBack' || a.type === 'postBack') clicks.push({ text: String(a.value ?? a.title ?? '') });
      else if (a.type === 'messageBack') clicks.push({ text: a.text ?? a.displayText, value: a.value as unknown });
    }
    for (const att of r.attachments ?? []) {
      const actions = (att.content as { actions?: { type?: string; data?: unknown }[] } | undefined)?.actions ?? [];
      for (const a of actions) if (a.type === 'Action.Submit') clicks.push({ value: a.data });
    }
  }
  return clicks;
}

function activityFor(s: Step, last: Partial<Activity>[]): Partial<Activity> {
  switch (s.kind) {
    case 'type':
      return { type: 'message', text: s.text };
    case 'click': {
      const clicks = offered(last);
      return { type: 'message', ...(clicks.length ? clicks[s.n % clicks.length] : { text: REAL[s.n % REAL.length] }) };
    }
    case 'submit':
      return { type: 'message', value: s.value, ...(s.text !== undefined ? { text: s.text } : {}) };
    case 'attachment':
      return {
        type: 'message',
        ...(s.text !== undefined ? { text: s.text } : {}),
        attachments: [{ contentType: 'image/png', contentUrl: 'http://127.0.0.1:9/knie.png', name: '<script>.png' }],
      };
  }
}

let turns = 0;
describe('whole-bot fuzzing', () => {
  it('150 random conversations of up to 10 turns (about 800 turns): every turn is answered, nothing throws, no markup is echoed', async () => {
    await fc.assert(
      fc.asyncProperty(locale, fc.array(step, { minLength: 1, maxLength: 10 }), async (loc, steps) => {
        const adapter = testAdapterFor(app, loc ?? '');
        let last: Partial<Activity>[] = [];
        for (const s of steps) {
          const before = adapter.activeQueue.length;
          await adapter.processActivity(activityFor(s, last));
          turns += 1;
          const replies = adapter.activeQueue.splice(before);
          expect(replies.filter((r) => r.type === 'message').length).toBeGreaterThan(0);
          for (const r of replies) expect(JSON.stringify(r)).not.toMatch(/<script/i);
          last = replies;
        }
      }),
      { numRuns: 150 },
    );
    expect(turns).toBeGreaterThan(150);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, HEAVY_TEST_TIMEOUT_MS);
});

/*
 * A random walk seldom gets through a whole booking, yet the booking summary is where the bot
 * repeats what a patient typed. So this walk books on purpose: yes to the consent, no to every
 * red-flag question, the first slot, valid details, with a <script> in one free-text answer.
 * Prompts are recognised by their texts in the locale files, so the walk follows the dialog.
 */
describe('booking walk fuzzing', () => {
  const translator = new I18nextTranslator('locales');
  const opening = (key: string) => translator.t('nl-NL', key).split('{{')[0].slice(0, 24);
  type Field = 'since' | 'name' | 'birthDate' | 'phone' | 'email';
  const PROMPTS: Record<Field, string[]> = {
    since: ['booking.since.ask'],
    name: ['booking.details.name', 'booking.details.nameInvalid', 'booking.details.nameIncomplete', 'booking.details.nameNotName'],
    birthDate: ['booking.details.birthDate', 'booking.details.birthDateInvalid', 'booking.details.birthDateNonexistent', 'booking.details.birthDateFuture', 'booking.details.birthDateImplausible'],
    phone: ['booking.details.phone', 'booking.details.phoneInvalid', 'booking.details.phoneCountry'],
    email: ['booking.details.email', 'booking.details.emailInvalid'],
  };
  const VALID: Record<Field, string> = { since: 'sinds vorig jaar', name: 'Jan de Vries', birthDate: '14-03-1961', phone: '0612345678', email: 'geen' };
  const fieldOf = (text: string): Field | undefined =>
    (Object.keys(PROMPTS) as Field[]).find((f) => PROMPTS[f].some((key) => text.startsWith(opening(key))));

  const scriptAttack = fc.oneof(
    fc.constantFrom(...HOSTILE.filter((h) => /<script/i.test(h))),
    fc.tuple(fc.string({ maxLength: 20 }), fc.constantFrom('<script>', '<SCRIPT>', '<ScRiPt src=//x>', '<script\n>'), fc.string({ maxLength: 20 }))
      .map(([a, tag, b]) => `${a}${tag}${b}`),
  );

  it('20 bookings with a <script> in the complaint, name or e-mail answer: no reply repeats it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom<Field>('since', 'name', 'email'), scriptAttack, async (field, attack) => {
        const adapter = testAdapterFor(app, 'nl-NL');
        const answers: Record<Field, string[]> = { since: [VALID.since], name: [VALID.name], birthDate: [VALID.birthDate], phone: [VALID.phone], email: [VALID.email] };
        answers[field] = [attack, VALID[field]];
        let message = 'afspraak maken';
        let consented = false;
        let summary = false;
        for (let turn = 0; turn < 40 && !summary; turn++) {
          const before = adapter.activeQueue.length;
          await adapter.processActivity({ type: 'message', text: message });
          const replies = adapter.activeQueue.splice(before);
          expect(replies.length).toBeGreaterThan(0);
          for (const r of replies) expect(JSON.stringify(r)).not.toMatch(/<script/i);
          summary = replies.some((r) => r.attachments?.some((a) => a.contentType === 'application/vnd.microsoft.card.adaptive'));
          const actions = replies.flatMap((r) => r.suggestedActions?.actions ?? []).map((a) => String(a.value));
          const prompt = replies[replies.length - 1].text ?? '';
          const f = fieldOf(prompt);
          if (f) message = answers[f].length > 1 ? (answers[f].shift() as string) : answers[f][0];
          else if (actions.includes('Ja') && actions.includes('Nee')) message = consented ? 'Nee' : 'Ja';
          else message = actions[0] ?? 'geen';
          if (actions.includes('Ja')) consented = true;
        }
        expect(summary).toBe(true);
      }),
      { numRuns: 20 },
    );
  }, HEAVY_TEST_TIMEOUT_MS);
});

describe('after fuzzing', () => {
  it('nothing was logged as an error', () => {
    const errors = sink.lines.map((l) => JSON.parse(l) as { level: number; event?: string }).filter((l) => l.level >= 50);
    expect(errors.map((e) => e.event)).toEqual([]);
  });
});
