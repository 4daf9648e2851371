import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { MemoryStorage, TestAdapter, type Activity, type Storage } from 'botbuilder';
import { createApp, type App } from '../../src/app/createApp';
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
export async function buildTestApp(env: Record<string, string> = {}, storage?: Storage, sink = new LogSink()): Promise<{ app: App; sink: LogSink }> {
  const config = parseConfig({ PORT: '0', LOG_LEVEL: 'trace', DATA_DIR: mkdtempSync(join(tmpdir(), 'fysio-')), ...env });
  const app = await createApp(config, createLogger(config.logLevel, sink), {
    storage: storage ?? new MemoryStorage(),
    clock: new FixedClock(new Date('2026-11-23T09:00:00Z')),
  });
  return { app, sink };
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
