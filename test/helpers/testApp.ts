import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { MemoryStorage, TestAdapter, type Activity, type Storage } from 'botbuilder';
import { createApp, type App, type AppOverrides } from '../../src/app/createApp';
import { parseConfig } from '../../src/config';
import { createLogger } from '../../src/logging/Logger';
import { FixedClock } from '../../src/util/Clock';

/** Collects log lines so tests can read what would have been logged. */
export class LogSink extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _enc: string, cb: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    cb();
  }
}

/** Builds the real service graph for a test: free port, temp data dir, optional storage. */
export async function buildTestApp(
  env: Record<string, string> = {},
  storage?: Storage,
  sink = new LogSink(),
  clock = new FixedClock(new Date(TEST_NOW)),
  extra: Partial<AppOverrides> = {},
): Promise<{ app: App; sink: LogSink; clock: FixedClock }> {
  const config = parseConfig({ PORT: '0', LOG_LEVEL: 'trace', DATA_DIR: mkdtempSync(join(tmpdir(), 'fysio-')), ...env });
  let n = 0;
  const app = await createApp(config, createLogger(config.logLevel, sink), {
    storage: storage ?? new MemoryStorage(),
    clock,
    noBackgroundJobs: true,
    // Deterministic reference codes: a different one for every booking of a test run.
    random: (max) => (n++ * 7) % max,
    ...extra,
  });
  return { app, sink, clock };
}

/** Monday 23 November 2026, 10:00 in Amsterdam: the tests' "now". */
export const TEST_NOW = '2026-11-23T09:00:00Z';

/** What the bot sent in answer to one message. */
export interface Turn {
  text: string;
  actions: string[];
  attachments: number;
  /** The cards' content (the summary's facts), as JSON. */
  cards: string;
}

/** Sends each message in turn and returns, per message, the replies' texts, button titles and cards. */
export async function converse(adapter: TestAdapter, messages: string[]): Promise<Turn[]> {
  const out: Turn[] = [];
  for (const m of messages) {
    const before = adapter.activeQueue.length;
    await adapter.send(m).startTest();
    const replies = adapter.activeQueue.splice(before);
    out.push({
      text: replies.map((r) => r.text ?? '').join('\n'),
      actions: replies.flatMap((r) => (r.suggestedActions?.actions ?? []).map((a) => a.title ?? String(a.value))),
      attachments: replies.reduce((n2, r) => n2 + (r.attachments?.length ?? 0), 0),
      cards: JSON.stringify(replies.flatMap((r) => (r.attachments ?? []).map((a) => a.content ?? null))),
    });
  }
  return out;
}

/** A TestAdapter wired to the app's bot, with the given locale on every activity. */
let conversations = 0;
export function testAdapterFor(app: App, locale = 'nl-NL'): TestAdapter {
  conversations += 1;
  const template = {
    locale,
    channelId: 'test',
    conversation: { id: `conv-${conversations}` },
    from: { id: `user-${conversations}`, name: 'patient' },
    recipient: { id: 'bot', name: 'bot' },
  } as Partial<Activity>;
  const adapter = new TestAdapter((context) => app.bot.run(context), template);
  adapter.locale = locale;
  return adapter;
}

/** All text and suggested-action titles of replies, for assertions. */
export function describe(activity: Partial<Activity>): { text: string; actions: string[] } {
  return {
    text: activity.text ?? '',
    actions: (activity.suggestedActions?.actions ?? []).map((a) => a.title ?? String(a.value)),
  };
}

/** The conversation id the test adapter's activities carry. */
export function conversationIdOf(adapter: TestAdapter): string {
  return adapter.template.conversation!.id;
}

/**
 * A Dutch and a Flemish practice for one test file, built before its tests and closed after:
 * `practices.NL` / `practices.BE`.
 */
export function bothPractices(): { NL: App; BE: App } {
  const practices = {} as { NL: App; BE: App };
  beforeAll(async () => {
    ({ app: practices.NL } = await buildTestApp({}, new MemoryStorage()));
    ({ app: practices.BE } = await buildTestApp({ PRACTICE_FILE: 'examples/practice-be.yaml' }, new MemoryStorage()));
  });
  afterAll(async () => {
    await practices.NL?.close();
    await practices.BE?.close();
  });
  return practices;
}
